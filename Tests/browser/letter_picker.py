#!/usr/bin/env python3
"""Drives a letter's county picker in headless Chromium with the keyboard only, from disk:
Tab to the county list, choose a county with the arrow keys, Tab to the button and press
Enter; the chosen official's page must load. Also checks the plain list of every county.

usage: letter_picker.py OUTPUT_DIR PAGE_FOLDER OFFICIALS_CSV
Exits 0 when every check holds; prints what failed otherwise.
"""
import csv
import pathlib
import sys

from phone import chromium
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

output, folder, csv_path = pathlib.Path(sys.argv[1]).resolve(), sys.argv[2], pathlib.Path(sys.argv[3])
page = output / folder / "index.html"
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def tab_to(driver, tag, limit=300):
    """Presses Tab until an element named `tag` has focus."""
    for _ in range(limit):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        active = driver.switch_to.active_element
        if active.tag_name == tag:
            return active
    raise AssertionError(f"Tab never reached a <{tag}>")


with open(csv_path, newline="", encoding="utf-8-sig") as handle:
    officials = list(csv.DictReader(handle))

driver = chromium()
try:
    driver.get(page.as_uri())
    form = driver.find_element(By.CSS_SELECTOR, "form[data-letter-picker]")
    check(form.is_displayed(), "the county picker stays hidden: its script did not run from file://")
    listed = [item.text for item in driver.find_elements(By.CSS_SELECTOR, ".letter-officials li")]
    for official in officials:
        check(any(line.startswith(official["county"] + ":") and official["name"] in line for line in listed),
              f"the list of every county lacks {official['county']}: {official['name']}")
    # The third county, reached from the first with the arrow key, as a keyboard user would.
    target = officials[2]
    select = tab_to(driver, "select")
    check(select.get_attribute("id") == "letter-county", "Tab reached another select than the county picker")
    select.send_keys(Keys.ARROW_DOWN)
    select.send_keys(Keys.ARROW_DOWN)
    button = tab_to(driver, "button")
    check(button.text.strip() != "", "the picker's button has no words")
    button.send_keys(Keys.ENTER)
    WebDriverWait(driver, 30).until(lambda d: d.current_url != page.as_uri())
    heading = driver.find_element(By.TAG_NAME, "h1").text.strip()
    check(heading == target["name"], f"choosing {target['county']} led to a page titled {heading!r}, not {target['name']!r}")
    check(target["county"] in driver.find_element(By.TAG_NAME, "main").text,
          f"{target['name']}'s page does not name {target['county']}")
finally:
    driver.quit()

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("letter picker: every check held")
