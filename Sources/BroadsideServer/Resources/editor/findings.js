// The build's messages: a file's findings (each moves the cursor to its line), and what a
// save answered ("Saved", or the build's errors with their places).
"use strict";

import { el } from "./dom.js";
import { t } from "./words.js";

function place(finding) {
  const at = [finding.path, finding.line, finding.column].filter((part) => part !== undefined && part !== null);
  return at.join(":");
}

function words(finding) {
  const severity = finding.severity === "error" ? t("severityError") : t("severityWarning");
  return `${severity}: ${finding.message}${finding.rule ? ` [${finding.rule}]` : ""}`;
}

/** Moves the cursor of `area` to the file's `line` (1-based), `column`; the body starts at file line `first`. */
function goTo(area, first, line, column, editor) {
  const lines = area.value.split("\n");
  const index = line - first;
  area.focus();
  if (index < 0) {
    area.setSelectionRange(0, 0);
    editor.say(t("findingInFrontMatter", { line }));
    return;
  }
  const row = Math.min(index, lines.length - 1);
  const offset = lines.slice(0, row).reduce((sum, text) => sum + text.length + 1, 0) + Math.max(0, (column ?? 1) - 1);
  area.setSelectionRange(offset, offset);
  const height = parseFloat(getComputedStyle(area).lineHeight) || 20;
  area.scrollTop = Math.max(0, row * height - area.clientHeight / 3);
  editor.say(t("movedToLine", { line }));
}

/** The list of `findings`; with `area`, each is a button moving its cursor there. */
export function findingsList(findings, area, first, editor) {
  if (findings.length === 0) return el("p", {}, t("noFindings"));
  return el("ul", { class: "findings" }, findings.map((finding) => el("li", { class: finding.severity },
    area && finding.line ?
      el("button", { type: "button", class: "link", onclick: () => goTo(area, first, finding.line, finding.column, editor) },
        t("lineColumn", { line: finding.line, column: finding.column ?? 1 })) :
      el("span", { class: "place" }, place(finding) || t("wholeSite")),
    " ", words(finding))));
}

/** What a save or undo answered, for the page's result box. */
export function savedReport(saved) {
  if (saved.built) return [el("p", { class: "ok" }, t("saved"))];
  return [el("p", { class: "problem" }, t("savedBuildFailed", { count: saved.errors.length })),
    findingsList(saved.errors, null, 0)];
}
