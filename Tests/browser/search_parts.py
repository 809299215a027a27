#!/usr/bin/env python3
"""Searches a site of over 500 pages in headless Chromium, from disk (file://): its index
comes in parts, and a search must see the pages of every part.

usage: search_parts.py OUTPUT_DIR PAGES   (the site's pages are titled "Note 1" … "Note PAGES")
Exits 0 when every check holds; prints what failed otherwise.
"""
import pathlib
import sys

from phone import chromium
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

output, pages = pathlib.Path(sys.argv[1]).resolve(), int(sys.argv[2])
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def status(driver):
    return driver.find_element(By.CSS_SELECTOR, ".search-status").text


driver = chromium()
try:
    # Words sent in the address, as the header's box sends them: the search runs once every
    # part has loaded, so wait for its answer rather than for a length of time.
    driver.get((output / "search" / "index.html").as_uri() + "?q=note")
    WebDriverWait(driver, 20).until(lambda driver: status(driver) != "")
    check(status(driver) == f"{pages} pages match.", f"every note, from every part: {status(driver)!r}")
    driver.get((output / "search" / "index.html").as_uri() + f"?q=note+{pages}")
    WebDriverWait(driver, 20).until(lambda driver: status(driver) != "")
    found = [link.text for link in driver.find_elements(By.CSS_SELECTOR, ".search-results a")]
    check(found == [f"Note {pages}"], f"the last page, in the last part, is found: {found}")
finally:
    driver.quit()

for failure in failures:
    print("FAIL:", failure)
sys.exit(1 if failures else 0)
