#!/usr/bin/env python3
"""Drives the relief-bars quick check in headless Chromium with the keyboard only, the way a
person without a mouse would, and checks its answers against the CSV itself.

usage: quick_check.py OUTPUT_DIR CSV_FILE
Exits 0 when every check holds; prints what failed otherwise.
"""
import csv
import pathlib
import sys

from phone import chromium
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

output, csv_path = pathlib.Path(sys.argv[1]).resolve(), pathlib.Path(sys.argv[2])
page = output / "charts" / "relief-bars" / "index.html"
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def expected_groups(rows, header, ticked):
    """The answer worked out from the CSV: the heaviest keyword among the ticked columns."""
    weight = {"bar": "bar", "depends": "caution", "waiver": "caution"}
    groups = {"bar": [], "caution": [], "clear": []}
    for row in rows:
        worst = "clear"
        for name in ticked:
            keyword = row[header.index(name)].split(":")[0].strip().lower()
            style = weight.get(keyword, "clear")
            if style == "bar" or (style == "caution" and worst == "clear"):
                worst = style
        groups[worst].append(row[0])
    return groups


def shown_groups(driver):
    groups = {"bar": [], "caution": [], "clear": []}
    for name in groups:
        for item in driver.find_elements(By.CSS_SELECTOR, f".check-{name} li"):
            groups[name].append(item.text.strip())
    return groups


def tab_to(driver, label, limit=300):
    """Presses Tab until the checkbox labelled `label` has focus."""
    for _ in range(limit):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        active = driver.switch_to.active_element
        if active.get_attribute("type") == "checkbox":
            text = active.find_element(By.XPATH, "..").text.strip()
            if text == label:
                return active
    raise AssertionError(f"Tab never reached the checkbox {label!r}")


with open(csv_path, newline="", encoding="utf-8-sig") as handle:
    records = list(csv.reader(handle))
header, rows = records[0], records[1:]
labels = {"Crime involving moral turpitude": "Crime involving moral turpitude (CIMT)"}

driver = chromium()
try:
    driver.get(page.as_uri())
    check_box = driver.find_element(By.CSS_SELECTOR, ".quick-check")
    check(check_box.is_displayed(), "the quick check stays hidden: its script did not run from file://")
    summary = driver.find_element(By.CSS_SELECTOR, ".quick-check-summary")
    check(summary.get_attribute("aria-live") == "polite", "results are not announced (no aria-live)")
    check("not legal advice" in check_box.text, "the 'not legal advice' line is missing from the quick check")
    # Only the columns the legend codes are choices: the statute column and the sources are text.
    choices = [box.find_element(By.XPATH, "..").text.strip()
               for box in check_box.find_elements(By.CSS_SELECTOR, "input[type=checkbox]")]
    coded = [labels.get(name, name) for name in header[1:] if name not in ("Law", "Source")]
    check(choices == coded, f"the quick check offers {choices}, but the coded columns are {coded}")
    marks = driver.find_elements(By.CSS_SELECTOR, "tbody th .source-ref a")
    check(len(marks) >= len(rows), f"only {len(marks)} source marks for {len(rows)} rows")
    target = driver.find_element(By.ID, marks[0].get_attribute("href").split("#")[1]) if marks else None
    check(target is not None and target.find_element(By.TAG_NAME, "a").get_attribute("href").startswith("https://"),
          "the first source mark leads to no address in the Sources list")

    ticked = []
    for name in ("Aggravated felony", "Crime involving moral turpitude", "Controlled substance"):
        box = tab_to(driver, labels.get(name, name))
        box.send_keys(Keys.SPACE)
        check(box.is_selected(), f"Space did not tick {name}")
        ticked.append(name)
        want, got = expected_groups(rows, header, ticked), shown_groups(driver)
        check(got == want, f"after ticking {ticked}: shown {got}, but the CSV says {want}")
        check(summary.text.startswith(f"Kinds of record ticked: {len(ticked)}. "), f"the announced summary reads {summary.text!r}")

    box = driver.switch_to.active_element
    box.send_keys(Keys.SPACE)
    ticked.pop()
    check(shown_groups(driver) == expected_groups(rows, header, ticked), "unticking did not update the results")
    row_marks = driver.execute_script(
        "return Array.from(document.querySelectorAll('tr[data-check=bar] th')).map(function (th) {"
        " return (th.querySelector('.row-name') || th).textContent.trim(); });")
    check(row_marks == expected_groups(rows, header, ticked)["bar"], f"barred rows marked in the table: {row_marks}")
    logs = [entry for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]
    check(not logs, f"errors in the browser console: {logs}")
finally:
    driver.quit()

for failure in failures:
    print("quick check:", failure)
sys.exit(1 if failures else 0)
