// Building the interface's elements without HTML strings: text is always text, never markup.
"use strict";

/** An element: `attrs` become attributes (`on…` functions become listeners), `children` are
 *  nodes or strings. `null`, `false` and `undefined` are left out. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") node.addEventListener(name.slice(2), value);
    else if (value === true) node.setAttribute(name, "");
    else node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** Waits `ms` after the last call before running `action`: checks and previews as you type. */
export function debounce(action, ms) {
  let timer = 0;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => action(...args), ms);
  };
}

let counter = 0;
/** A fresh id for pairing labels, descriptions and inputs. */
export function uid(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A file's path as a route's part: each segment encoded, the slashes kept. */
export function routePath(path) {
  return path.split("/").map(encodeURIComponent).join("/");
}
