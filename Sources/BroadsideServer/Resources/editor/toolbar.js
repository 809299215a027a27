// The body's toolbar: a heading, bold, a link to another page (written as a relative `.md`
// link, which the build checks), a bulleted list and a table. Plain buttons, so Tab and Enter work.
"use strict";

import { el, uid } from "./dom.js";
import { t } from "./words.js";

/** `to` as a link from the file at `from`: Content/guides/a.md → Content/laws/b.md is ../laws/b.md. */
export function relativeLink(from, to) {
  const here = from.split("/").slice(0, -1);
  const there = to.split("/");
  let common = 0;
  while (common < here.length && common < there.length - 1 && here[common] === there[common]) common += 1;
  return [...Array(here.length - common).fill(".."), ...there.slice(common)].join("/");
}

/** Replaces the selection with `text` and tells the page the body changed. */
function put(area, text, start = area.selectionStart, end = area.selectionEnd, select = "end") {
  area.focus();
  area.setRangeText(text, start, end, select);
  area.dispatchEvent(new Event("input", { bubbles: true }));
}

function lineStart(area, position) {
  return position === 0 ? 0 : area.value.lastIndexOf("\n", position - 1) + 1;
}

/** Each line of the selection given `prefix` (a line that has it already is left alone). */
function prefixLines(area, prefix) {
  const start = lineStart(area, area.selectionStart);
  const end = Math.max(start, area.selectionEnd);
  const lines = area.value.slice(start, end).split("\n")
    .map((line) => (line.startsWith(prefix) ? line : prefix + line));
  put(area, lines.join("\n"), start, end);
}

function bold(area) {
  const chosen = area.value.slice(area.selectionStart, area.selectionEnd);
  if (chosen) return put(area, `**${chosen}**`);
  const start = area.selectionStart;
  put(area, `**${t("boldText")}**`);
  area.setSelectionRange(start + 2, start + 2 + t("boldText").length);
}

function table(area) {
  const column = t("tableColumn");
  const before = area.selectionStart > 0 && !area.value.slice(0, area.selectionStart).endsWith("\n\n") ? "\n\n" : "";
  put(area, `${before}| ${column} 1 | ${column} 2 |\n| --- | --- |\n|  |  |\n`);
}

/** The link picker: a list of the site's pages, the link written where the cursor was. */
function linkPicker(area, pages, path, button) {
  const id = uid("link-page");
  // Pages in this page's language first; nothing chosen until the person chooses.
  const language = pages.find((page) => page.path === path)?.language;
  const option = (page) => el("option", { value: page.path }, `${page.title || page.path} (${page.path})`);
  const others = pages.filter((page) => page.path !== path);
  const same = others.filter((page) => page.language === language);
  const rest = others.filter((page) => page.language !== language);
  const select = el("select", { id }, el("option", { value: "" }, t("choosePage")), ...same.map(option),
    rest.length ? el("optgroup", { label: t("otherLanguages") }, ...rest.map(option)) : null);
  let range = [0, 0];
  const close = () => { picker.hidden = true; button.setAttribute("aria-expanded", "false"); };
  const insert = () => {
    const page = pages.find((candidate) => candidate.path === select.value);
    if (!page) return;
    const chosen = area.value.slice(...range);
    close();
    put(area, `[${chosen || page.title || page.path}](${relativeLink(path, page.path)})`, ...range);
  };
  select.addEventListener("keydown", (event) => {
    if (event.key === "Enter") { event.preventDefault(); insert(); }
    if (event.key === "Escape") { close(); area.focus(); }
  });
  const picker = el("div", { class: "picker", hidden: true },
    el("label", { for: id }, t("linkPageLabel")), select,
    el("button", { type: "button", onclick: insert }, t("insertLink")),
    el("button", { type: "button", onclick: () => { close(); area.focus(); } }, t("cancel")));
  return {
    element: picker,
    open() {
      range = [area.selectionStart, area.selectionEnd];
      picker.hidden = false;
      button.setAttribute("aria-expanded", "true");
      select.focus();
    },
  };
}

/** The toolbar for the textarea `area` of the page at `path`; `pages` from `GET /api/pages`. */
export function toolbar(area, pages, path) {
  const linkButton = el("button", { type: "button", "aria-expanded": "false" }, t("toolLink"));
  const picker = linkPicker(area, pages, path, linkButton);
  linkButton.addEventListener("click", () => picker.open());
  const tool = (label, action) => el("button", { type: "button", onclick: () => action(area) }, label);
  return el("div", { class: "toolbar-wrap" },
    el("div", { role: "group", class: "toolbar", "aria-label": t("toolbarLabel") },
      tool(t("toolHeading"), (target) => prefixLines(target, "## ")),
      tool(t("toolBold"), bold),
      linkButton,
      tool(t("toolList"), (target) => prefixLines(target, "- ")),
      tool(t("toolTable"), table)),
    picker.element);
}
