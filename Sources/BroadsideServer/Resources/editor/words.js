// The interface's words, in English and Spanish (words-en.json, words-es.json). The choice is
// remembered in this browser; without one, the site's first language when the editor has it.
"use strict";

/** The languages the interface speaks, in their own words. */
export const interfaceLanguages = { en: "English", es: "Español" };
const remembered = "broadside-editor-language";
let words = {};
let english = {};
let current = "en";

async function load(code) {
  const response = await fetch(`/__edit/assets/words-${code}.json`, { credentials: "same-origin" });
  return response.json();
}

/** Loads the words for the remembered language, else `siteLanguage`, else English. */
export async function startWords(siteLanguage) {
  english = await load("en");
  const stored = localStorage.getItem(remembered);
  const wanted = [stored, siteLanguage].find((code) => code && interfaceLanguages[code]) ?? "en";
  await useLanguage(wanted, false);
}

/** Switches the interface to `code` (and `<html lang>`), remembering it when asked. */
export async function useLanguage(code, remember = true) {
  words = code === "en" ? english : await load(code);
  current = code;
  document.documentElement.lang = code;
  if (remember) localStorage.setItem(remembered, code);
}

export function language() {
  return current;
}

/** The words for `key`, with `{name}` replaced by `values.name`. English when a word is missing. */
export function t(key, values = {}) {
  const text = words[key] ?? english[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}
