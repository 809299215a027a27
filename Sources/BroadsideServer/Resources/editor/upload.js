// Adding an image: the file goes into the page's folder, and its Markdown goes where the
// cursor was. The Insert button waits for a description of the image (alternative text).
"use strict";

import { post } from "./api.js";
import { el, uid } from "./dom.js";
import { t } from "./words.js";

function base64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** The panel for the page at `path`, inserting into the textarea `area`. */
export function uploadPanel(area, path, editor) {
  const fileId = uid("image-file"), altId = uid("image-alt"), whyId = uid("image-why");
  const file = el("input", { type: "file", id: fileId, accept: "image/png,image/jpeg,image/gif,image/webp" });
  const alt = el("input", { type: "text", id: altId, autocomplete: "off", required: true, "aria-describedby": `${altId}-hint` });
  const why = el("p", { id: whyId, class: "hint" });
  const insert = el("button", { type: "button", disabled: true, "aria-describedby": whyId }, t("insertImage"));
  const problem = el("p", { class: "problem", role: "alert", hidden: true });
  let cursor = [0, 0];
  area.addEventListener("blur", () => { cursor = [area.selectionStart, area.selectionEnd]; });
  const update = () => {
    const ready = file.files.length > 0 && alt.value.trim() !== "";
    insert.disabled = !ready;
    why.textContent = ready ? t("imageReady") : file.files.length === 0 ? t("imageNeedsFile") : t("imageNeedsAlt");
  };
  file.addEventListener("change", update);
  alt.addEventListener("input", update);
  update();
  insert.addEventListener("click", async () => {
    problem.hidden = true;
    const chosen = file.files[0];
    const answer = await post("upload", { folder: path.split("/").slice(0, -1).join("/"), name: chosen.name,
      alt: alt.value.trim(), data: await base64(chosen) });
    if (!answer.ok) {
      problem.textContent = answer.data.error;
      problem.hidden = false;
      return;
    }
    area.focus();
    area.setRangeText(answer.data.markdown, ...cursor, "end");
    area.dispatchEvent(new Event("input", { bubbles: true }));
    file.value = "";
    alt.value = "";
    update();
    editor.say(t("imageInserted", { path: answer.data.path }));
  });
  return el("fieldset", { class: "upload" }, el("legend", {}, t("addImage")),
    el("p", {}, el("label", { for: fileId }, t("imageFile")), file),
    el("p", {}, el("label", { for: altId }, t("imageAlt")), alt,
      el("span", { id: `${altId}-hint`, class: "hint" }, t("imageAltHint"))),
    why, problem, el("p", {}, insert));
}
