// A page's front matter as a form: each input named after its key, of the key's type. Only
// the keys changed are sent on save (`null` removes one), so the file's other lines stay as written.
"use strict";

import { el, uid } from "./dom.js";
import { t } from "./words.js";

/** Keys every page may have, shown even when the file lacks them, in this order. */
const usual = ["title", "summary", "date", "reviewed", "tags", "draft", "handout", "pages"];
const dates = new Set(["date", "reviewed"]);
const checks = new Set(["draft", "handout", "legal"]);
const numbers = new Set(["pages"]);

/** The kind of input for `key`, from the key's name or else its value. */
function kindOf(key, value) {
  if (dates.has(key)) return "date";
  if (checks.has(key) || typeof value === "boolean") return "check";
  if (numbers.has(key) || typeof value === "number") return "number";
  if (key === "tags" || Array.isArray(value)) return "list";
  return "text";
}

/** The input's value as JSON for the key, or `undefined` when empty. */
function read(input, kind) {
  if (kind === "check") return input.checked;
  const text = input.value.trim();
  if (text === "") return undefined;
  if (kind === "number") return Number(text);
  if (kind === "list") return text.split(",").map((part) => part.trim()).filter(Boolean);
  return input.value;
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

function tagAdder(input, editor) {
  const list = uid("site-tags");
  const adder = el("input", { type: "text", id: uid("tag-add"), list, autocomplete: "off" });
  const add = () => {
    const tag = adder.value.trim();
    if (!tag) return;
    const tags = read(input, "list") ?? [];
    if (!tags.includes(tag)) input.value = [...tags, tag].join(", ");
    adder.value = "";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    editor.say(t("tagAdded", { tag }));
  };
  adder.addEventListener("keydown", (event) => { if (event.key === "Enter") { event.preventDefault(); add(); } });
  return el("span", { class: "tag-adder" },
    el("label", { for: adder.id }, t("addTag")), adder,
    el("datalist", { id: list }, editor.site.tags.map((tag) => el("option", { value: tag }))),
    el("button", { type: "button", onclick: add }, t("addTagButton")));
}

function field(key, value, kind, editor, path) {
  const id = uid(`field-${key}`);
  const label = t(`field-${key}`) === `field-${key}` ? key : t(`field-${key}`);
  if (kind === "nested") {
    return el("p", { class: "field nested" }, el("span", { class: "key" }, label), " ",
      t("nestedKey", { key, path }));
  }
  if (kind === "check") {
    const input = el("input", { type: "checkbox", id, name: key, checked: value === true });
    return el("p", { class: "field check" }, input, el("label", { for: id }, label));
  }
  const attributes = { id, name: key, autocomplete: "off" };
  const types = { date: "date", number: "number", list: "text", text: "text" };
  const input = key === "summary" ?
    el("textarea", { ...attributes, rows: 2 }, value ?? "") :
    el("input", { ...attributes, type: types[kind], min: kind === "number" ? 1 : null,
      value: kind === "list" ? (value ?? []).join(", ") : value ?? "" });
  const parts = [el("label", { for: id }, label), input];
  if (kind === "list") parts.push(el("span", { class: "hint" }, t("commaHint")));
  if (key === "tags") parts.push(tagAdder(input, editor));
  if (key === "reviewed") {
    parts.push(el("button", { type: "button", onclick: () => {
      input.value = editor.site.today;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      editor.say(t("reviewedSet", { date: editor.site.today }));
    } }, t("reviewedToday")));
  }
  return el("p", { class: `field ${kind}` }, ...parts);
}

/** The form for `fields` (the file's front matter as JSON); `others` are keys holding several
 *  parts (`event:`), named with a note. `changes()` gives what to send. */
export function fieldsForm(fields, others, path, editor) {
  const index = path.split("/").pop().startsWith("_index");
  const keys = [...usual, ...(index ? ["legal"] : []), ...Object.keys(fields), ...others]
    .filter((key, position, all) => all.indexOf(key) === position);
  let baseline = { ...fields };
  const kinds = Object.fromEntries(keys.map((key) => [key, others.includes(key) ? "nested" : kindOf(key, fields[key])]));
  const element = el("fieldset", { class: "fields" }, el("legend", {}, t("aboutPage")),
    keys.map((key) => field(key, fields[key], kinds[key], editor, path)));
  return {
    element,
    /** `{key: value}` for each key changed since the file was read; `null` for one cleared. */
    changes() {
      const changed = {};
      for (const key of keys) {
        if (kinds[key] === "nested") continue;
        const value = read(element.querySelector(`[name="${key}"]`), kinds[key]);
        // A key written with no value (`key:`) reads as null: the same as an empty field.
        const before = baseline[key] ?? undefined;
        // An unticked box for a key the file lacks means the same as the file: nothing to write.
        if (kinds[key] === "check" && before === undefined && value === false) continue;
        if (value === undefined) { if (before !== undefined) changed[key] = null; }
        else if (!same(value, before)) changed[key] = value;
      }
      return changed;
    },
    /** After a save: the file now holds these. */
    rebase(saved) { baseline = { ...saved }; },
  };
}
