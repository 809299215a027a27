#!/usr/bin/env python3
"""Drives `broadside serve` the way an author does: a page open in headless Chromium, then a
saved edit (the page reloads by itself and shows it), a saved mistake (the errors show over
the page), and the fix (the page comes back).

usage: live_reload.py URL SITE_ROOT
Exits 0 when every check holds; prints what failed otherwise.
"""
import pathlib
import sys

from checks import check, finish, wait
from phone import chromium
from selenium.webdriver.common.by import By

url, root = sys.argv[1], pathlib.Path(sys.argv[2])


page = root / "Content" / "index.md"
original = page.read_text(encoding="utf-8")
driver = chromium()
try:
    driver.get(url)
    # Wait until the page listens for builds, then mark this copy of the page: a reload forgets the mark.
    wait(driver, lambda d: d.execute_script("return performance.getEntriesByType('resource').some(e => e.name.includes('live-reload'))"),
         "the live-reload script does not load")
    driver.execute_script("window.broadsideTestMark = 1")

    page.write_text(original + "\nA sentence saved just now.\n", encoding="utf-8")
    if wait(driver, lambda d: d.execute_script("return window.broadsideTestMark === undefined"), "saving a page does not reload it"):
        wait(driver, lambda d: "A sentence saved just now." in d.find_element(By.TAG_NAME, "main").text, "the reloaded page lacks the edit")

    broken = root / "Content" / "broken.md"
    broken.write_text("---\ntitle: [not closed\n---\n", encoding="utf-8")
    if wait(driver, lambda d: d.find_elements(By.ID, "broadside-errors"), "a failed build shows no errors over the page"):
        overlay = driver.find_element(By.ID, "broadside-errors").text
        check("Content/broken.md:3:1" in overlay, f"the overlay names the place of the error: {overlay!r}")
        check("main" in driver.page_source, "the last good page stays underneath")

    broken.unlink()
    wait(driver, lambda d: not d.find_elements(By.ID, "broadside-errors"), "fixing the mistake does not bring the page back")
finally:
    page.write_text(original, encoding="utf-8")
    driver.quit()

finish()
