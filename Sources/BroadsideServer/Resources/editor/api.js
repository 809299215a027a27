// The editor's requests: every one with the sign-in cookie, every POST with the CSRF token
// from the page's meta tag, as the server's gate demands (docs/EDITING-DESIGN.md), and the
// interface's language.
"use strict";

import { language } from "./words.js";

const csrf = document.querySelector('meta[name="broadside-csrf"]')?.content ?? "";

/** What the server answered: `ok`, the HTTP status and the JSON (a refusal has `error`). */
async function answer(response) {
  let data = {};
  try {
    data = await response.json();
  } catch {
    data = { error: `${response.status} ${response.statusText}` };
  }
  return { ok: response.ok, status: response.status, data };
}

async function send(request) {
  try {
    return await answer(await request);
  } catch (error) {
    return { ok: false, status: 0, data: { error: String(error.message ?? error) } };
  }
}

/** `GET /__edit/api/NAME?…`. */
export function get(name, query = {}) {
  const search = new URLSearchParams(query).toString();
  return send(fetch(`/__edit/api/${name}${search ? "?" + search : ""}`,
    { credentials: "same-origin", headers: { "X-Broadside-Language": language() } }));
}

/** `POST /__edit/api/NAME` with `body` as JSON. */
export function post(name, body) {
  return send(fetch(`/__edit/api/${name}`, {
    method: "POST",
    credentials: "same-origin",
    // The language the editor shows: the server words its ordinary refusals in it.
    headers: { "Content-Type": "application/json", "X-Broadside-CSRF": csrf, "X-Broadside-Language": language() },
    body: JSON.stringify(body),
  }));
}
