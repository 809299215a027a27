#!/usr/bin/env python3
"""Reads a calendar file with the `icalendar` library, as calendar apps read it, and prints
what an app would show as JSON: title, place, and the start and end as UTC instants.

usage: read_ics.py FILE.ics
"""
import datetime
import json
import sys

import icalendar

with open(sys.argv[1], "rb") as handle:
    calendar = icalendar.Calendar.from_ical(handle.read())
events = [component for component in calendar.walk() if component.name == "VEVENT"]
if len(events) != 1:
    sys.exit(f"expected one VEVENT, found {len(events)}")
event = events[0]


def utc(name):
    value = event.get(name)
    if value is None:
        return None
    moment = value.dt
    if moment.tzinfo is None:
        sys.exit(f"{name} has no time zone")
    return moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


print(json.dumps({
    "summary": str(event.get("SUMMARY")),
    "location": str(event.get("LOCATION")),
    "start": utc("DTSTART"),
    "end": utc("DTEND"),
    "tzid": event.get("DTSTART").params.get("TZID"),
}, ensure_ascii=False, sort_keys=True))
