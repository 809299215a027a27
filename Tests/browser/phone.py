"""Headless Chromium at a phone's width, for the browser tests (run from Tests/browser/)."""
from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def chromium():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=390,844"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    # A page that never finishes loading fails its test within a minute.
    driver.set_page_load_timeout(60)
    return driver
