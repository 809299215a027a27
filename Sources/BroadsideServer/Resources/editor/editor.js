// The editor's interface: one page, its screens chosen by the address's # part so that links
// and Back work (docs/EDITING-DESIGN.md has the API it speaks to). Entry point.
"use strict";

import { get } from "./api.js";
import { el } from "./dom.js";
import { interfaceLanguages, language, startWords, t, useLanguage } from "./words.js";
import { showPages } from "./pages.js";
import { showNewPage } from "./new-page.js";
import { showPage } from "./page.js";
import { showTable } from "./table.js";

const view = document.getElementById("view");
const status = document.getElementById("status");
/** What the screens share: the site (`GET /api/site`) and whether the open screen has unsaved edits. */
const editor = { site: null, unsaved: false, carry: null, say };

/** A message for the live region, read out by screen readers and shown at the bottom. */
function say(text) {
  status.textContent = "";
  // A new node each time, so the same words said twice are read twice.
  status.append(el("p", {}, text));
}

function route() {
  const hash = decodeURIComponent(location.hash.replace(/^#\/?/, ""));
  const [screen, ...rest] = hash.split("/");
  return { screen: screen || "pages", path: rest.join("/") };
}

let shown = location.hash;

async function render() {
  editor.unsaved = false;
  shown = location.hash;
  // Messages belong to the screen they were said on, except one said on the way to this one.
  const carried = editor.carry;
  editor.carry = null;
  status.replaceChildren();
  const { screen, path } = route();
  view.replaceChildren(el("p", {}, t("loading")));
  const screens = { pages: showPages, new: showNewPage, page: showPage, translation: showPage, table: showTable };
  const show = screens[screen] ?? showPages;
  await show(view, editor, { path, translation: screen === "translation" });
  if (carried) say(carried);
  const heading = view.querySelector("h1");
  document.title = `${heading?.textContent ?? ""} · ${t("editorName")}`;
  // Moving to a new screen puts the focus on its heading, as a new page would.
  if (heading) {
    heading.tabIndex = -1;
    heading.focus();
  }
}

function chrome() {
  const picker = el("select", { id: "interface-language", onchange: async (event) => {
    if (editor.unsaved && !confirm(t("leaveUnsaved"))) {
      event.target.value = language();
      return;
    }
    await useLanguage(event.target.value);
    chrome();
    await render();
  } }, Object.entries(interfaceLanguages).map(([code, name]) =>
    el("option", { value: code, selected: code === language(), lang: code }, name)));
  document.getElementById("chrome").replaceChildren(
    el("a", { class: "skip", href: "#view", onclick: (event) => { event.preventDefault(); view.focus(); } }, t("skip")),
    el("p", { class: "brand" }, t("editorName")),
    el("nav", { "aria-label": t("navLabel") },
      el("a", { href: "#/" }, t("pagesTitle")), " ",
      el("a", { href: "#/new" }, t("newPage"))),
    el("p", { class: "language" }, el("label", { for: "interface-language" }, "Language / Idioma"), " ", picker));
}

async function start() {
  const site = await get("site");
  await startWords(site.ok ? site.data.languages?.[0]?.code : undefined);
  if (!site.ok) {
    chrome();
    view.replaceChildren(el("h1", {}, t("editorName")), el("p", { class: "problem" }, site.data.error));
    return;
  }
  editor.site = site.data;
  chrome();
  addEventListener("hashchange", () => {
    // Going elsewhere with unsaved edits asks first; staying puts the address back.
    if (editor.unsaved && !confirm(t("leaveUnsaved"))) history.replaceState(null, "", shown);
    else render();
  });
  addEventListener("beforeunload", (event) => { if (editor.unsaved) event.preventDefault(); });
  await render();
}

start();
