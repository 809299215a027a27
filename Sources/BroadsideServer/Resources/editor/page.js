// The page screen: the front matter as a form, the body with its toolbar and live preview,
// the file's findings, Save / Undo / Save and commit, images and translations. A file with no
// form (a packet's .yml) opens as plain text with the same buttons.
"use strict";

import { get, post } from "./api.js";
import { debounce, el, routePath } from "./dom.js";
import { fieldsForm } from "./fields.js";
import { findingsList, savedReport } from "./findings.js";
import { historyButtons, showHistoryNotice } from "./history.js";
import { toolbar } from "./toolbar.js";
import { originalPanel, translationStarter } from "./translation.js";
import { uploadPanel } from "./upload.js";
import { t } from "./words.js";

/** The file line (1-based) where `body` starts in `text`. */
function bodyFirstLine(text, body) {
  return text.slice(0, text.length - body.length).split("\n").length;
}

function problem(text) {
  return el("p", { class: "problem" }, text);
}

/** The preview's links and images point where they would from the page's own address, on the preview (another origin). */
function resolve(box, address) {
  for (const [selector, attribute] of [["[href]", "href"], ["[src]", "src"]]) {
    for (const node of box.querySelectorAll(selector)) {
      const value = node.getAttribute(attribute);
      if (!value.startsWith("#")) node.setAttribute(attribute, new URL(value, address).href);
    }
  }
}

/** The live preview: the body rendered by the server as the build would, a moment after typing stops. */
function livePreview(area, path, language, address) {
  // The preview's links lead to pages of the built site, not the editor's: they stay put.
  const box = el("div", { class: "preview-body", lang: language,
    onclick: (event) => { if (event.target.closest("a")) event.preventDefault(); } });
  const refresh = async () => {
    const answer = await post("preview", { path, body: area.value });
    if (answer.ok) {
      box.innerHTML = answer.data.html;
      if (address) resolve(box, address);
    } else box.replaceChildren(problem(answer.data.error));
  };
  area.addEventListener("input", debounce(refresh, 400));
  refresh();
  return el("section", { class: "preview", "aria-labelledby": "preview-heading" },
    el("h2", { id: "preview-heading" }, t("previewTitle")), box);
}

export async function showPage(view, editor, { path, translation, notice }) {
  if (path.endsWith(".csv")) {
    location.replace(`#/table/${routePath(path)}`);
    return;
  }
  const [file, pages] = await Promise.all([get("file", { path }), get("pages")]);
  if (!file.ok) {
    view.replaceChildren(el("h1", {}, t("pageTitle")), problem(file.data.error));
    return;
  }
  const list = pages.ok ? pages.data.pages : [];
  const entry = list.find((page) => page.path === path);
  const language = entry?.language ?? editor.site.languages[0]?.code;
  const form = file.data.form;
  const fields = form ? fieldsForm(form.fields, form.others ?? [], path, editor) : null;
  const area = el("textarea", { id: "body", name: form ? "body" : "text", rows: 22, lang: language },
    form ? form.body : file.data.text);
  let first = form ? bodyFirstLine(file.data.text, form.body) : 1;
  const findingsBox = el("div", {}, findingsList(file.data.findings, area, first, editor));
  const result = el("div", { class: "result", id: "save-result", tabindex: "-1" });

  async function refresh() {
    const again = await get("file", { path });
    if (!again.ok) return;
    if (fields && again.data.form) {
      fields.rebase(again.data.form.fields);
      first = bodyFirstLine(again.data.text, again.data.form.body);
      heading.textContent = t("editingTitle", { title: again.data.form.fields.title || path });
    }
    findingsBox.replaceChildren(findingsList(again.data.findings, area, first, editor));
  }

  const saveButton = el("button", { type: "submit", class: "primary" }, t("save"));
  // While saving, the button says so but is not disabled: a disabled button loses the
  // keyboard's focus, which would send a keyboard or screen-reader user back to the top.
  let saving = false;
  async function save() {
    if (saving) return false;
    saving = true;
    saveButton.setAttribute("aria-disabled", "true");
    result.replaceChildren(el("p", {}, t("saving")));
    const answer = await post("file", form ? { path, fields: fields.changes(), body: area.value } : { path, text: area.value });
    saving = false;
    saveButton.removeAttribute("aria-disabled");
    if (!answer.ok) {
      result.replaceChildren(problem(answer.data.error));
      editor.say(answer.data.error);
      return false;
    }
    editor.unsaved = false;
    result.replaceChildren(...savedReport(answer.data));
    editor.say(answer.data.built ? t("saved") : t("savedBuildFailed", { count: answer.data.errors.length }));
    await refresh();
    return true;
  }

  const history = historyButtons(path, result, editor, (answer) => showPage(view, editor, { path, translation, notice: answer }), notice);

  const commitPart = editor.site.git ? commitControls(save, result, path, editor) : null;
  const editing = el("form", { class: "editing", novalidate: true,
    oninput: () => { editor.unsaved = true; },
    onsubmit: (event) => { event.preventDefault(); save(); } },
  fields?.element,
  el("p", { class: "body-label" }, el("label", { for: "body" }, form ? t("bodyLabel") : t("textLabel"))),
  form ? toolbar(area, list, path) : null,
  area,
  el("div", { class: "actions" }, saveButton, ...history,
    entry?.url ? el("a", { href: editor.site.preview + entry.url, target: "_blank", rel: "noopener", class: "button" }, t("viewPage")) : null),
  commitPart,
  result);

  const original = form?.fields.translation_of;
  const side = [];
  if (translation) side.push(await originalPanel(path));
  // The findings come before the preview, which is long: they are what needs doing.
  side.push(el("section", { class: "findings-part", "aria-labelledby": "findings-heading" },
    el("h2", { id: "findings-heading" }, t("findingsTitle")), findingsBox));
  if (form) side.push(livePreview(area, path, language, entry?.url && editor.site.preview + entry.url));

  const heading = el("h1", {}, t("editingTitle", { title: form?.fields.title || path }));
  view.replaceChildren(...[
    heading,
    el("p", { class: "path" }, path, language ? ` · ${t("languageIs", { code: language })}` : ""),
    original && !translation ? el("p", {}, el("a", { href: `#/translation/${routePath(path)}` }, t("compareOriginal"))) : null,
    el("div", { class: translation ? "workspace beside" : "workspace" },
      el("div", { class: "main-column" }, editing,
        form ? uploadPanel(area, path, editor) : null,
        form && !original ? translationStarter(path, entry, language, editor) : null),
      // A region of its own: on a wide screen it scrolls beside the form, by keyboard too.
      el("div", { class: "side-column", role: "region", "aria-label": t("sideLabel"), tabindex: "0" }, side)),
  ].filter(Boolean));
  if (notice) showHistoryNotice(notice, result, editor);
}

/** "Save and commit": saves, then commits this one file with the message written. */
function commitControls(save, result, path, editor) {
  const message = el("input", { type: "text", id: "commit-message", autocomplete: "off" });
  const commit = async () => {
    if (!message.value.trim()) {
      result.replaceChildren(problem(t("commitNeedsMessage")));
      message.focus();
      return;
    }
    if (!(await save())) return;
    const answer = await post("commit", { path, message: message.value.trim() });
    const said = answer.ok ? t("committed", { commit: answer.data.commit }) : answer.data.error;
    result.append(answer.ok ? el("p", { class: "ok" }, said) : problem(said));
    editor.say(said);
    if (answer.ok) message.value = "";
  };
  return el("fieldset", { class: "commit" }, el("legend", {}, t("commitLegend")),
    el("p", {}, el("label", { for: "commit-message" }, t("commitMessage")), message,
      el("button", { type: "button", onclick: commit }, t("saveAndCommit"))));
}
