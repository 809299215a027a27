#!/usr/bin/env python3
"""Searches the built starter toolkit in headless Chromium, from disk (file://), the way a
person at a clinic would: typing in the search page, and sending words from the header's box.

usage: search.py OUTPUT_DIR
Exits 0 when every check holds; prints what failed otherwise.
"""
import pathlib
import sys

from phone import chromium
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

output = pathlib.Path(sys.argv[1]).resolve()
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def titles(driver):
    return [link.text for link in driver.find_elements(By.CSS_SELECTOR, ".search-results a")]


def status(driver):
    return driver.find_element(By.CSS_SELECTOR, ".search-status").text


def type_query(driver, words):
    box = driver.find_element(By.ID, "search-input")
    box.clear()
    box.send_keys(words)


driver = chromium()
try:
    # English: results appear as the words are typed, best match first.
    driver.get((output / "search" / "index.html").as_uri())
    type_query(driver, "vacate")
    found = titles(driver)
    check(any("1473.7" in title for title in found), f"'vacate' should find the § 1473.7 summary, found {found}")
    check(status(driver).endswith("match."), f"the status line counts the matches: {status(driver)!r}")
    # Words match from their start: "justice" finds the Racial Justice Act, "ustice" nothing.
    type_query(driver, "justice")
    check(any("Racial Justice Act" in title for title in titles(driver)), f"'justice' finds the RJA: {titles(driver)}")
    type_query(driver, "ustice")
    check(titles(driver) == [], f"'ustice' is inside words only: {titles(driver)}")
    # What the reader typed shows as typed, even characters that mean something to a script.
    type_query(driver, "$&zzq <b>")
    check("$&zzq <b>" in status(driver), f"the query shows as typed: {status(driver)!r}")
    type_query(driver, "zzzz nothing")
    check(titles(driver) == [], "nonsense finds nothing")
    check("zzzz nothing" in status(driver), f"the status says nothing matched: {status(driver)!r}")

    # Spanish, without the accent: "deportacion" finds pages that say "deportación".
    driver.get((output / "es" / "search" / "index.html").as_uri())
    type_query(driver, "deportacion")
    found = titles(driver)
    check(len(found) > 0, "'deportacion' should find Spanish pages that say 'deportación'")
    check(all(link.get_attribute("href").startswith((output / "es").as_uri())
              for link in driver.find_elements(By.CSS_SELECTOR, ".search-results a")),
          "Spanish results link to Spanish pages")
    check("página" in status(driver), f"the Spanish status is in Spanish: {status(driver)!r}")

    # The header's box on any page sends its words to the search page.
    driver.get((output / "guides" / "da-forum" / "index.html").as_uri())
    box = driver.find_element(By.ID, "site-search-q")
    box.send_keys("diversion" + Keys.ENTER)
    # Submitting navigates: wait for the search page itself, not for a length of time.
    WebDriverWait(driver, 20).until(expected_conditions.url_contains("/search/index.html"))
    check(driver.find_element(By.ID, "search-input").get_attribute("value") == "diversion", "the words arrive in the search box")
    check(any("diversion" in title.lower() for title in titles(driver)), f"'diversion' finds the diversion summary: {titles(driver)}")
finally:
    driver.quit()

for failure in failures:
    print("FAIL:", failure)
sys.exit(1 if failures else 0)
