// The pages screen: every page by section with its state, a search by title, and the tables.
"use strict";

import { get } from "./api.js";
import { debounce, el, routePath } from "./dom.js";
import { language, t } from "./words.js";

function reviewedCell(page) {
  if (!page.reviewed) return t("neverReviewed");
  return page.stale ? t("reviewedStale", { date: page.reviewed }) : page.reviewed;
}

function translationsCell(page) {
  const { present = [], missing = [] } = page.translations ?? {};
  const parts = [];
  if (present.length) parts.push(t("translationsPresent", { codes: present.join(", ") }));
  if (missing.length) parts.push(t("translationsMissing", { codes: missing.join(", ") }));
  return parts.join("; ") || "—";
}

/** A table cell that names its column when the table is shown as cards (phone width). */
function cell(label, ...children) {
  return el("td", { "data-label": label }, ...children);
}

function pageRow(page) {
  const row = el("tr", { "data-title": page.title.toLowerCase() },
    el("th", { scope: "row", "data-label": t("columnTitle") },
      el("a", { href: `#/page/${routePath(page.path)}` }, page.title || page.path),
      el("span", { class: "path" }, page.path)),
    cell(t("columnLanguage"), page.language),
    cell(t("columnDraft"), page.draft ? t("yesDraft") : t("no")),
    cell(t("columnReviewed"), el("span", { class: page.stale ? "stale" : "" }, reviewedCell(page))),
    cell(t("columnTranslations"), translationsCell(page)),
    cell(t("columnFindings"), String(page.findings)));
  return row;
}

/** A section's heading: its `_index` page's title in the interface's language (else the site's), else its folder. */
function sectionHeading(name, pages) {
  const indexes = pages.filter((page) => /\/_index(\.[a-z-]+)?\.md$/.test(page.path));
  const own = indexes.find((page) => page.language === language()) ?? indexes.find((page) => page.path.endsWith("/_index.md"));
  return own?.title ?? name;
}

function sectionTable(name, pages) {
  const id = `section-${name}`;
  return el("section", { "aria-labelledby": id, class: "section" },
    el("h2", { id }, sectionHeading(name, pages)),
    el("table", { class: "pages" },
      el("thead", {}, el("tr", {}, ["columnTitle", "columnLanguage", "columnDraft", "columnReviewed",
        "columnTranslations", "columnFindings"].map((key) => el("th", { scope: "col" }, t(key))))),
      el("tbody", {}, pages.map(pageRow))));
}

function tablesList(tables) {
  return el("section", { "aria-labelledby": "tables-heading", class: "section" },
    el("h2", { id: "tables-heading" }, t("tablesTitle")),
    tables.length === 0 ? el("p", {}, t("noTables")) :
      el("ul", { class: "tables" }, tables.map((table) => el("li", {},
        el("a", { href: `#/table/${routePath(table.path)}` }, table.title || table.path),
        " ", el("span", { class: "path" }, table.path),
        " · ", t("findingsCount", { count: table.findings })))));
}

/** Hides the rows whose title lacks the words typed, and sections left empty; answers how many show. */
function filter(view, words) {
  const wanted = words.trim().toLowerCase();
  let shown = 0;
  for (const section of view.querySelectorAll("section.section:not(.tables-section)")) {
    let inSection = 0;
    for (const row of section.querySelectorAll("tbody tr")) {
      const match = row.dataset.title.includes(wanted);
      row.hidden = !match;
      if (match) inSection += 1;
    }
    section.hidden = inSection === 0;
    shown += inSection;
  }
  return shown;
}

export async function showPages(view, editor) {
  const [pages, tables] = await Promise.all([get("pages"), get("tables")]);
  if (!pages.ok) {
    view.replaceChildren(el("h1", {}, t("pagesTitle")), el("p", { class: "problem" }, pages.data.error));
    return;
  }
  const sections = new Map();
  for (const page of pages.data.pages) {
    const name = page.section ?? t("topSection");
    if (!sections.has(name)) sections.set(name, []);
    sections.get(name).push(page);
  }
  const search = el("input", { type: "search", id: "page-search", autocomplete: "off" });
  // The rows follow each key; the count is said once typing pauses.
  const sayCount = debounce((count) => editor.say(t("pagesShown", { count })), 600);
  search.addEventListener("input", () => sayCount(filter(view, search.value)));
  const tablesPart = tables.ok ? tablesList(tables.data.tables) :
    el("section", { class: "section" }, el("h2", {}, t("tablesTitle")), el("p", { class: "problem" }, tables.data.error));
  tablesPart.classList.add("tables-section");
  view.replaceChildren(
    el("h1", {}, t("pagesTitle")),
    el("p", { class: "actions" }, el("a", { href: "#/new", class: "button" }, t("newPage"))),
    el("p", { class: "search" }, el("label", { for: "page-search" }, t("searchLabel")), " ", search),
    ...[...sections].map(([name, list]) => sectionTable(name, list)),
    tablesPart);
}
