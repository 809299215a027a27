"""What a browser test found wrong, collected so one run reports every failure, then its exit."""
import sys

from selenium.webdriver.support.ui import WebDriverWait

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def wait(driver, condition, message, seconds=30):
    """True once `condition` holds; a failure with `message` when it does not within `seconds`."""
    try:
        WebDriverWait(driver, seconds).until(condition)
        return True
    except Exception:
        failures.append(message)
        return False


def finish():
    for failure in failures:
        print("FAIL:", failure)
    sys.exit(1 if failures else 0)
