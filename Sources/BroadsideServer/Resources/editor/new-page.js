// The new page screen: a page of each kind, made as `broadside new KIND NAME` makes it.
"use strict";

import { post } from "./api.js";
import { el, routePath } from "./dom.js";
import { language, t } from "./words.js";

/** A file name from a title, by `broadside new`'s rules: lowercase letters, digits and hyphens. */
export function nameFrom(title) {
  return title.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/, "");
}

export async function showNewPage(view, editor) {
  const problem = el("p", { id: "new-problem", class: "problem", role: "alert", hidden: true });
  const kind = el("select", { id: "new-kind", name: "kind" },
    editor.site.kinds.map((code) => el("option", { value: code }, t(`kind-${code}`))));
  const title = el("input", { id: "new-title", type: "text", autocomplete: "off" });
  // On a site in more than one language, the page's own; the interface's when the site has it.
  const languages = editor.site.languages;
  const pageLanguage = languages.length > 1 ? el("select", { id: "new-language", name: "language" },
    languages.map((entry) => el("option", { value: entry.code, selected: entry.code === language() }, entry.name))) : null;
  const name = el("input", { id: "new-name", name: "name", type: "text", required: true, pattern: "[a-z0-9]+(-[a-z0-9]+)*",
    autocomplete: "off", "aria-describedby": "new-name-hint" });
  // The name follows the title until it is typed by hand.
  let proposed = true;
  title.addEventListener("input", () => { if (proposed) name.value = nameFrom(title.value); });
  name.addEventListener("input", () => { proposed = name.value === ""; });
  const form = el("form", { class: "panel", novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    problem.hidden = true;
    const answer = await post("new", { kind: kind.value, name: name.value, title: title.value.trim() || undefined,
      language: pageLanguage?.value });
    if (!answer.ok) {
      problem.textContent = answer.data.error;
      problem.hidden = false;
      name.setAttribute("aria-invalid", "true");
      name.focus();
      return;
    }
    editor.carry = t("created", { paths: answer.data.paths.join(", ") });
    location.hash = `#/page/${routePath(answer.data.path)}`;
  } },
  el("p", {}, el("label", { for: "new-kind" }, t("newKind")), kind),
  el("p", {}, el("label", { for: "new-title" }, t("newTitle")), title),
  pageLanguage ? el("p", {}, el("label", { for: "new-language" }, t("newLanguage")), pageLanguage) : null,
  el("p", {}, el("label", { for: "new-name" }, t("newName")), name,
    el("span", { id: "new-name-hint", class: "hint" }, t("newNameHint"))),
  problem,
  el("p", {}, el("button", { type: "submit" }, t("create"))));
  view.replaceChildren(el("h1", {}, t("newPage")), el("p", {}, t("newIntro")), form);
}
