// "Undo last save" and, after an undo, "Redo": the page and table screens share them.
"use strict";

import { post } from "./api.js";
import { el } from "./dom.js";
import { savedReport } from "./findings.js";
import { t } from "./words.js";

/**
 * The buttons for `path`. Each writes a kept version back, then `reopen(answer)` draws the
 * screen again from the file (form and all); `notice`, an answer a screen was reopened with,
 * says whether an undo can be taken back.
 */
export function historyButtons(path, result, editor, reopen, notice) {
  const act = (kind) => async () => {
    const answer = await post(kind, { path });
    if (!answer.ok) {
      result.replaceChildren(el("p", { class: "problem" }, answer.data.error));
      editor.say(answer.data.error);
      return;
    }
    editor.unsaved = false;
    await reopen({ ...answer.data, did: kind });
    document.getElementById(answer.data.redoable ? "redo" : "undo")?.focus();
  };
  return [el("button", { type: "button", id: "undo", onclick: act("undo") }, t("undo")),
    notice?.redoable ? el("button", { type: "button", id: "redo", onclick: act("redo") }, t("redo")) : null];
}

/** What an undo or redo did, in the screen's result box and said aloud. */
export function showHistoryNotice(notice, result, editor) {
  const words = notice.did === "redo" ? t("redone") : t("undone", { count: notice.undoable });
  result.replaceChildren(el("p", { class: "ok" }, words), ...savedReport(notice));
  editor.say(words);
}
