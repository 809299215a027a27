#!/usr/bin/env python3
"""The editor of `broadside serve --edit` in headless Chromium, as an organizer uses it: change
a page's title and save (the rebuilt page shows it) and undo, mark a page reviewed, add a row to a CSV
through the grid, upload an image with its description, start a Spanish translation, save and
commit, follow a finding to its line and link to another page from the list, make a new page by keyboard
alone; axe-core on the pages list, a page and a table, in English and Spanish.

usage: editor.py BROADSIDE_BINARY SITE_ROOT   (SITE_ROOT: a copy of a site, made a git repository
and changed by the test)
Exits 0 when every check holds; prints what failed otherwise.
"""
import pathlib
import re
import subprocess
import sys
import zlib
import struct

from axe_check import serious_violations
from editor_server import EditServer
from checks import check, failures, finish, wait
from phone import chromium
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.support import expected_conditions

binary, root = str(pathlib.Path(sys.argv[1]).resolve()), pathlib.Path(sys.argv[2]).resolve()


def button(driver, label):
    return driver.find_element(By.XPATH, f"//button[normalize-space()='{label}']")


def open_screen(driver, server, route, ready):
    """Opens the screen at `route` and waits until it is drawn anew: what the screen before
    drew is marked first, so a wait is never met by the old screen still on show."""
    target = f"{server.base}/__edit/#{route}"
    driver.execute_script("for (const e of document.querySelectorAll('main *')) e.dataset.old = '1'")
    if driver.current_url == target:
        driver.execute_script("dispatchEvent(new HashChangeEvent('hashchange'))")
    else:
        driver.get(target)
    drawn = lambda d: [e for e in ready(d) if e.get_attribute("data-old") is None]
    if wait(driver, drawn, f"{route} does not open"):
        return True
    failures[-1] += f" (showing {driver.current_url}: {driver.find_element(By.TAG_NAME, 'main').text[:160]!r})"
    return False


def page_ready(driver):
    return driver.find_elements(By.CSS_SELECTOR, "textarea[name=body]")


def open_page(driver, server, path):
    return open_screen(driver, server, f"/page/{path}", page_ready)


def save(driver, what):
    button(driver, "Save").click()
    if wait(driver, lambda d: "Saved" in d.find_element(By.ID, "save-result").text, f"{what}: no 'Saved' after Save"):
        result = driver.find_element(By.ID, "save-result").text
        check(result.strip() == "Saved", f"{what}: the save's answer is {result!r}")


def audit(driver, what):
    failures.extend(serious_violations(driver, what))


def interface_language(driver, code):
    picker = driver.find_element(By.ID, "interface-language")
    picker.find_element(By.CSS_SELECTOR, f"option[value={code}]").click()
    wait(driver, lambda d: d.execute_script("return document.documentElement.lang") == code,
         f"switching to {code} does not set <html lang>")


def tiny_png(path):
    """A 1×1 PNG, made here so the test needs no image file."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))


def change_title(driver, server):
    path = "Content/guides/getting-help.md"
    original = (root / path).read_text(encoding="utf-8")
    if not open_page(driver, server, path):
        return
    title = driver.find_element(By.NAME, "title")
    title.clear()
    title.send_keys("Where to find legal help today")
    save(driver, "changing a title")
    check("title: Where to find legal help today" in (root / path).read_text(encoding="utf-8"),
          "the saved file lacks the new title")
    view = driver.find_elements(By.PARTIAL_LINK_TEXT, "View page")
    if check(view, "a page has no 'View page' link"):
        address = view[0].get_attribute("href")
        check("Where to find legal help today" in server.fetch(address), f"the rebuilt page at {address} lacks the new title")
    button(driver, "Undo last save").click()
    if wait(driver, lambda d: "undone" in d.find_element(By.ID, "save-result").text, "Undo last save says nothing"):
        check((root / path).read_text(encoding="utf-8") == original, "Undo last save does not put the file back")
        check(driver.find_element(By.NAME, "title").get_attribute("value") == "How to find legal help",
              "after Undo the form does not show the file as it is again")
        # An undo by mistake is taken back.
        check(driver.switch_to.active_element.text == "Redo (put back what was undone)", "after Undo the focus is not on Redo")
        button(driver, "Redo (put back what was undone)").click()
        if wait(driver, lambda d: "back" in d.find_element(By.ID, "save-result").text, "Redo says nothing"):
            check("title: Where to find legal help today" in (root / path).read_text(encoding="utf-8"), "Redo does not put the save back")
            check(not driver.find_elements(By.ID, "redo"), "Redo is still offered with nothing left to redo")


def mark_reviewed(driver, server):
    path = "Content/laws/pc-18-5.md"
    if not open_page(driver, server, path):
        return
    button(driver, "Reviewed today").click()
    today = driver.find_element(By.NAME, "reviewed").get_attribute("value")
    check(re.fullmatch(r"\d{4}-\d\d-\d\d", today or ""), f"'Reviewed today' leaves the date field at {today!r}")
    save(driver, "marking a page reviewed")
    check(f"reviewed: {today}\n" in (root / path).read_text(encoding="utf-8"), f"the file lacks reviewed: {today}")


def grid_checks_cells(driver, server):
    """A coded column offers the legend's words, and a cell is checked as it is typed."""
    if not open_screen(driver, server, "/table/Content/charts/relief-bars.csv", lambda d: d.find_elements(By.CSS_SELECTOR, "table.grid")):
        return
    cell = driver.find_element(By.CSS_SELECTOR, "input[data-row='1'][data-cell='2']")
    words = driver.find_elements(By.CSS_SELECTOR, f"datalist#{cell.get_attribute('list')} option") if cell.get_attribute("list") else []
    check(any(option.get_attribute("value") == "bar" and "Bars it" in option.get_attribute("textContent") for option in words),
          "a coded column offers no legend words")
    original = cell.get_attribute("value")
    cell.clear()
    cell.send_keys("maybe")
    message = driver.find_element(By.ID, cell.get_attribute("aria-describedby"))
    if wait(driver, lambda d: "matches no legend entry" in message.text, "a cell that matches no legend entry gets no message as you type"):
        check(cell.get_attribute("aria-invalid") == "true", "the faulty cell is not marked aria-invalid")
    cell.clear()
    cell.send_keys(original)
    wait(driver, lambda d: message.text == "" and cell.get_attribute("aria-invalid") is None, "the cell's message stays after it is fixed")
    # Leaving with the grid changed (even back to what it was) asks first.
    driver.execute_script("for (const e of document.querySelectorAll('main *')) e.dataset.old = '1'")
    driver.get(f"{server.base}/__edit/#/")
    if wait(driver, expected_conditions.alert_is_present(), "leaving a changed grid does not ask first"):
        driver.switch_to.alert.accept()
        wait(driver, lambda d: [e for e in d.find_elements(By.ID, "page-search") if e.get_attribute("data-old") is None],
             "leaving the grid does not draw the pages list")


def grid_row(driver, server):
    path = "Content/explainers/ice-removals.csv"
    before = (root / path).read_text(encoding="utf-8")
    if not open_screen(driver, server, f"/table/{path}", lambda d: d.find_elements(By.CSS_SELECTOR, "table.grid")):
        return
    button(driver, "Add a row").click()
    rows = len(before.strip().split("\n"))
    new = driver.find_elements(By.CSS_SELECTOR, f"input[data-row='{rows}']")
    if not check(len(new) == 2, f"'Add a row' gives no row {rows} of two cells"):
        return
    check(driver.switch_to.active_element == new[0], "the new row's first cell does not get the focus")
    new[0].send_keys("FY2024")
    new[1].send_keys("271,484")
    save(driver, "adding a row")
    check((root / path).read_text(encoding="utf-8") == before + 'FY2024,"271,484"\n',
          f"the CSV lacks the row: {(root / path).read_text(encoding='utf-8')[-80:]!r}")


def upload_image(driver, server):
    path = "Content/guides/getting-help.md"
    if not open_page(driver, server, path):
        return
    image = root / "clinic-door.png"
    tiny_png(image)
    insert = button(driver, "Insert image")
    check(not insert.is_enabled(), "Insert image is enabled before an image is chosen")
    driver.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(image))
    check(not insert.is_enabled(), "Insert image is enabled before the image is described")
    reason = driver.find_element(By.ID, insert.get_attribute("aria-describedby")).text
    check("describe the image" in reason, f"the disabled Insert button does not say why: {reason!r}")
    alt = driver.find_element(By.XPATH, "//label[contains(., 'alternative text')]/following-sibling::input")
    alt.send_keys("The clinic's front door")
    check(insert.is_enabled(), "Insert image stays disabled once the image is described")
    insert.click()
    body = driver.find_element(By.NAME, "body")
    wait(driver, lambda d: "![The clinic's front door](clinic-door.png)" in body.get_attribute("value"),
         "the image's Markdown is not put in the text")
    check((root / "Content/guides/clinic-door.png").read_bytes() == image.read_bytes(), "the image is not in the page's folder")
    save(driver, "inserting an image")
    check("![The clinic's front door](clinic-door.png)" in (root / path).read_text(encoding="utf-8"), "the saved page lacks the image")


def start_translation(driver, server):
    path = "Content/guides/truth-act-forum.md"
    if not open_page(driver, server, path):
        return
    language = driver.find_element(By.XPATH, "//label[normalize-space()='Language of the translation']/following-sibling::select")
    language.find_element(By.CSS_SELECTOR, "option[value=es]").click()
    button(driver, "Start a translation").click()
    wait(driver, lambda d: "#/translation/Content/guides/truth-act-forum.es.md" in d.current_url and page_ready(d),
         "starting a translation does not open it")
    made = root / "Content/guides/truth-act-forum.es.md"
    check(made.exists() and "translation_of: " in made.read_text(encoding="utf-8"), "the translation's file lacks translation_of:")
    check(driver.find_element(By.NAME, "draft").is_selected(), "a started translation is not a draft until it is translated")
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".original pre"), "the translation's original is not shown beside it")


def git(*arguments):
    return subprocess.run(["git", *arguments], cwd=root, capture_output=True, text=True, timeout=30, check=True).stdout


def save_and_commit(driver, server):
    """In a git repository, a page saved and committed with the message written."""
    path = "Content/guides/da-forum.md"
    if not open_page(driver, server, path):
        return
    summary = driver.find_element(By.NAME, "summary")
    summary.clear()
    summary.send_keys("How to plan a fair public forum with the candidates for district attorney.")
    driver.find_element(By.ID, "commit-message").send_keys("Shorter summary for the forum guide")
    button(driver, "Save and commit").click()
    if wait(driver, lambda d: "Committed as" in d.find_element(By.ID, "save-result").text, "Save and commit does not commit"):
        check(git("log", "-1", "--format=%s").strip() == "Shorter summary for the forum guide", "the commit lacks the message")
        check(git("status", "--porcelain", "--", path) == "", "the page is not committed")


def new_page_by_keyboard(driver, server):
    """Tab, Enter and typing only, from the pages list to a new guide."""
    if not open_screen(driver, server, "/", lambda d: d.find_elements(By.ID, "page-search")):
        return
    keys = ActionChains(driver)

    def tab_to(test, what, limit=80):
        for _ in range(limit):
            ActionChains(driver).send_keys(Keys.TAB).perform()
            if test(driver.switch_to.active_element):
                return True
        failures.append(f"by keyboard: Tab never reaches {what}")
        return False

    if not tab_to(lambda e: e.text == "New page", "the New page link"):
        return
    keys.send_keys(Keys.ENTER).perform()
    if not wait(driver, lambda d: d.find_elements(By.ID, "new-title"), "by keyboard: Enter on New page does not open it"):
        return
    if not tab_to(lambda e: e.get_attribute("id") == "new-title", "the title field"):
        return
    ActionChains(driver).send_keys("Know your rights at work").perform()
    check(driver.find_element(By.ID, "new-name").get_attribute("value") == "know-your-rights-at-work",
          "the name proposed from the title is not know-your-rights-at-work")
    if not tab_to(lambda e: e.text == "Create the page", "Create the page"):
        return
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    made = root / "Content/guides/know-your-rights-at-work.md"
    if wait(driver, lambda d: made.exists() and page_ready(d), "by keyboard: Create the page makes no guide"):
        check(driver.find_element(By.NAME, "title").get_attribute("value") == "Know your rights at work",
              "the new page's form lacks the title typed")
        check("title: Know your rights at work\n" in made.read_text(encoding="utf-8"), "the new page's file lacks the title typed")
        if tab_to(lambda e: e.text == "Save", "Save"):
            ActionChains(driver).send_keys(Keys.ENTER).perform()
            wait(driver, lambda d: "Saved" in d.find_element(By.ID, "save-result").text, "by keyboard: Save does not save")
            check(driver.switch_to.active_element.text == "Save",
                  f"by keyboard: after Save the focus is on {driver.switch_to.active_element.tag_name}, not Save")


def findings_and_links(driver, server):
    """A broken link: the save says the build failed, its finding moves the cursor to the link;
    then a link to another page chosen from the list, and the page builds again."""
    path = "Content/laws/pc-18-5.md"
    if not open_page(driver, server, path):
        return
    area = driver.find_element(By.NAME, "body")
    set_body = "const a = document.querySelector('textarea[name=body]'); a.value = arguments[0]; a.dispatchEvent(new Event('input', {bubbles: true}));"
    original = area.get_attribute("value")
    driver.execute_script(set_body, original + "\nSee [this](nowhere.md).\n")
    button(driver, "Save").click()
    if not wait(driver, lambda d: "did not build" in d.find_element(By.ID, "save-result").text, "a broken link's save does not say the build failed"):
        return
    places = [b for b in driver.find_elements(By.CSS_SELECTOR, ".findings-part button") if b.text.startswith("Line ")]
    if not check(places, "the broken link's finding has no line to go to"):
        return
    places[-1].click()
    at = driver.execute_script("const a = document.querySelector('textarea[name=body]'); return a.value.slice(a.selectionStart, a.selectionStart + 18)")
    check(at == "[this](nowhere.md)", f"choosing the finding puts the cursor at {at!r}, not at the broken link")
    check(driver.switch_to.active_element.get_attribute("name") == "body", "choosing a finding does not move the focus to the text")

    fixed = original + "\nSee this.\n"
    driver.execute_script(set_body + " const i = a.value.lastIndexOf('this'); a.setSelectionRange(i, i + 4);", fixed)
    button(driver, "Link to a page").click()
    chooser = driver.find_element(By.XPATH, "//label[normalize-space()='Page to link to']/following-sibling::select")
    choices = [option.get_attribute("value") for option in chooser.find_elements(By.TAG_NAME, "option")]
    check(choices[0] == "" and not choices[1].endswith(".es.md"), f"the picker starts with {choices[:2]}, not 'Choose a page…' then a page in English")
    chooser.find_element(By.CSS_SELECTOR, "option[value='Content/laws/pc-1473-7.md']").click()
    button(driver, "Insert link").click()
    check(area.get_attribute("value").endswith("\nSee [this](pc-1473-7.md).\n"), f"the link is written as {area.get_attribute('value')[-40:]!r}")
    save(driver, "a link to another page")
    check("See [this](pc-1473-7.md)." in (root / path).read_text(encoding="utf-8"), "the saved page lacks the link")


def search_by_title(driver, server):
    if not open_screen(driver, server, "/", lambda d: d.find_elements(By.ID, "page-search")):
        return
    driver.find_element(By.ID, "page-search").send_keys("1473")
    shown = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "table.pages tbody tr") if row.is_displayed()]
    check(len(shown) == 2 and all("1473" in row for row in shown), f"searching 1473 shows {len(shown)} rows: {shown[:3]}")
    check(sum(section.is_displayed() for section in driver.find_elements(By.CSS_SELECTOR, "section.section")) == 2,
          "searching leaves sections without a match shown (or hides Tables)")


def accessibility(driver, server):
    for code, pages_title in (("en", "Pages"), ("es", "Páginas")):
        for width in (390, 1280):
            driver.set_window_size(width, 900)
            open_screen(driver, server, "/", lambda d: d.find_elements(By.ID, "page-search"))
            interface_language(driver, code)
            wait(driver, lambda d: d.find_element(By.TAG_NAME, "h1").text == pages_title,
                 f"the pages list's heading is not {pages_title!r} in {code}")
            audit(driver, f"{code} {width}px pages list")
            open_page(driver, server, "Content/laws/pc-1473-7.md")
            audit(driver, f"{code} {width}px a page")
            open_screen(driver, server, "/table/Content/charts/relief-bars.csv", lambda d: d.find_elements(By.CSS_SELECTOR, "table.grid"))
            audit(driver, f"{code} {width}px a table")
    interface_language(driver, "en")
    driver.set_window_size(1280, 900)


# A git repository, as many sites are, so that "Save and commit" shows.
git("init", "-q")
git("config", "user.name", "Test Organizer")
git("config", "user.email", "organizer@example.org")
git("add", "-A")
git("commit", "-q", "-m", "The starter site")
server = EditServer(binary, root)
driver = chromium()
try:
    driver.get(server.link)
    if wait(driver, lambda d: d.find_elements(By.ID, "page-search"), "the editing link does not open the pages list"):
        check(driver.find_element(By.TAG_NAME, "h1").text == "Pages", "the pages list's heading is not 'Pages'")
        accessibility(driver, server)
        for task in (search_by_title, change_title, mark_reviewed, grid_checks_cells, grid_row, upload_image, start_translation, save_and_commit, findings_and_links,
                     new_page_by_keyboard):
            try:
                task(driver, server)
            except Exception as error:
                failures.append(f"{task.__name__}: {type(error).__name__}: {error}".split("\n")[0])
finally:
    driver.quit()
    server.stop()

finish()
