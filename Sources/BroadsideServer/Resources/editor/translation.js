// Translations: starting one from a page, and a translation shown beside its original, with
// the original's sections that changed since the translation was last saved marked in words.
"use strict";

import { get, post } from "./api.js";
import { el, routePath, uid } from "./dom.js";
import { t } from "./words.js";

/** "Start a translation" for the page at `path`; `entry` is its row of `GET /api/pages`. */
export function translationStarter(path, entry, language, editor) {
  const missing = entry?.translations?.missing ??
    editor.site.languages.map((item) => item.code).filter((code) => code !== language);
  if (missing.length === 0) return el("p", { class: "hint" }, t("allTranslated"));
  const id = uid("translate-to");
  const names = Object.fromEntries(editor.site.languages.map((item) => [item.code, item.name]));
  const select = el("select", { id }, missing.map((code) => el("option", { value: code }, names[code] ?? code)));
  const problem = el("p", { class: "problem", role: "alert", hidden: true });
  const start = async () => {
    const answer = await post("translate", { path, language: select.value });
    if (!answer.ok) {
      problem.textContent = answer.data.error;
      problem.hidden = false;
      return;
    }
    editor.carry = t("translationStarted", { path: answer.data.path });
    location.hash = `#/translation/${routePath(answer.data.path)}`;
  };
  return el("fieldset", { class: "translate" }, el("legend", {}, t("translateLegend")),
    el("p", {}, el("label", { for: id }, t("translateTo")), select,
      el("button", { type: "button", onclick: start }, t("startTranslation"))), problem);
}

/** The original's text split at its `#` and `##` headings outside code fences, as the server
 *  splits it; each part with its first line (1-based). */
function sections(text) {
  const parts = [{ line: 1, lines: [] }];
  let fence = null;
  text.split("\n").forEach((line, index) => {
    const marker = line.match(/^\s{0,3}(`{3,}|~{3,})/);
    if (marker && (fence === null || marker[1].startsWith(fence))) fence = fence === null ? marker[1] : null;
    if (fence === null && /^#{1,2}\s/.test(line)) parts.push({ line: index + 1, lines: [] });
    parts.at(-1).lines.push(line);
  });
  return parts.map((part, index) => ({ ...part, end: parts[index + 1]?.line ?? Infinity }))
    .filter((part) => part.lines.some((line) => line.trim() !== ""));
}

/** The original of the translation at `path`, read-only, its changed sections marked. */
export async function originalPanel(path) {
  const answer = await get("translation", { path });
  const heading = el("h2", { id: "original-heading" }, t("originalTitle"));
  if (!answer.ok) return el("section", { class: "original", "aria-labelledby": "original-heading" },
    heading, el("p", { class: "problem" }, answer.data.error));
  const { original, changed, basis } = answer.data;

  const summary = basis === "none" ? t("changedUnknown") :
    changed.length === 0 ? t("changedNone", { basis: t(`basis-${basis}`) }) :
      t("changedSome", { count: changed.length, basis: t(`basis-${basis}`) });
  return el("section", { class: "original", "aria-labelledby": "original-heading" },
    heading,
    el("p", {}, el("a", { href: `#/page/${routePath(original.path)}` }, original.path)),
    el("p", { class: "changed-summary" }, summary),
    changed.length ? el("ul", {}, changed.map((item) =>
      el("li", {}, t("changedItem", { heading: item.heading || t("originalStart"), line: item.line })))) : null,
    sections(original.text).map((part) => {
      const isChanged = changed.some((item) => item.line >= part.line && item.line < part.end);
      return el("div", { class: isChanged ? "part changed" : "part" },
        isChanged ? el("p", { class: "badge" }, t("changedBadge")) : null,
        el("pre", {}, part.lines.join("\n")));
    }));
}
