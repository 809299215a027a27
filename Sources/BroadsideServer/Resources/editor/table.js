// A CSV as a grid: cells, rows and columns added, removed and moved; the legend's words offered
// in coded columns; every cell checked as you type by the server, with the build's messages.
"use strict";

import { get, post } from "./api.js";
import { debounce, el } from "./dom.js";
import { savedReport } from "./findings.js";
import { historyButtons, showHistoryNotice } from "./history.js";
import { t } from "./words.js";

function move(list, from, to) {
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item);
}

function tool(glyph, label, action, disabled) {
  return el("button", { type: "button", class: "tool", "aria-label": label, title: label, disabled, onclick: action }, glyph);
}

export async function showTable(view, editor, { path, notice }) {
  const answer = await get("table", { path });
  if (!answer.ok) {
    view.replaceChildren(el("h1", {}, t("tableTitle", { path })), el("p", { class: "problem" }, answer.data.error));
    return;
  }
  const width = Math.max(1, ...answer.data.rows.map((row) => row.length));
  const rows = answer.data.rows.map((row) => Array.from({ length: width }, (_, index) => row[index] ?? ""));
  if (rows.length === 0) rows.push(Array(width).fill(""));
  // The legend's codes belong to a column, and move with it.
  const codes = Array.from({ length: width }, (_, index) => answer.data.columns[index]?.codes ?? null);
  let checked = { version: -1, text: null };
  let version = 0;
  const grid = el("div", { class: "grid-wrap", role: "region", "aria-labelledby": "grid-caption", tabindex: "0" });
  const overall = el("div", { class: "table-findings" });
  const result = el("div", { class: "result", id: "save-result", tabindex: "-1" });

  const name = (column) => rows[0][column] || t("columnNumber", { number: column + 1 });
  const cellLabel = (row, column) => row === 0 ? t("columnName", { number: column + 1 }) :
    t("cellLabel", { row, column: name(column) });

  /** Marks each cell the check found fault with, and lists every finding above the grid. */
  function show(findings) {
    for (const input of grid.querySelectorAll("input[aria-invalid]")) input.removeAttribute("aria-invalid");
    for (const message of grid.querySelectorAll(".cell-message")) message.replaceChildren();
    const items = findings.map((finding) => {
      const severity = finding.severity === "error" ? t("severityError") : t("severityWarning");
      const input = finding.row !== undefined && finding.cell !== undefined ?
        grid.querySelector(`input[data-row="${finding.row}"][data-cell="${finding.cell}"]`) : null;
      if (input) {
        if (finding.severity === "error") input.setAttribute("aria-invalid", "true");
        document.getElementById(input.getAttribute("aria-describedby")).append(`${severity}: ${finding.message} `);
      }
      const where = input ? el("button", { type: "button", class: "link", onclick: () => input.focus() },
        cellLabel(finding.row, finding.cell)) : el("span", { class: "place" }, `${finding.line ?? ""}:${finding.column ?? ""}`);
      return el("li", { class: finding.severity }, where, ` ${severity}: ${finding.message}`);
    });
    overall.replaceChildren(el("h2", { id: "table-findings-heading" }, t("findingsTitle")),
      items.length ? el("ul", { class: "findings" }, items) : el("p", {}, t("noFindings")));
  }

  /** The rows as CSV and their findings, from the server; nothing is saved. */
  async function check() {
    const asked = version;
    const reply = await post("table", { path, rows });
    if (!reply.ok) {
      overall.replaceChildren(el("p", { class: "problem" }, reply.data.error));
      return null;
    }
    if (asked === version) {
      checked = { version: asked, text: reply.data.text };
      show(reply.data.findings);
    }
    return reply.data.text;
  }
  const checkSoon = debounce(check, 400);

  function changed() {
    version += 1;
    editor.unsaved = true;
    checkSoon();
  }

  /** Draws the grid again after rows or columns change; the focus goes to the button labelled
   *  `focusLabel` (the moved row's or column's), or the nearest one beside it that is enabled. */
  function draw(focusLabel) {
    const last = rows.length - 1, columns = rows[0].length;
    const structure = (action, say, after) => () => { action(); changed(); draw(after); editor.say(say); };
    const datalists = codes.map((list, column) => list ? el("datalist", { id: `codes-${column}` },
      list.map((item) => el("option", { value: item.code }, `${item.code}: ${item.label}`))) : null);
    const input = (row, column) => {
      const id = `cell-${row}-${column}`;
      const field = el("input", { type: "text", id, value: rows[row][column], "data-row": row, "data-cell": column,
        "aria-label": cellLabel(row, column), "aria-describedby": `${id}-message`,
        list: row > 0 && codes[column] ? `codes-${column}` : null, autocomplete: "off" });
      field.addEventListener("input", () => { rows[row][column] = field.value; changed(); });
      return [field, el("span", { class: "cell-message", id: `${id}-message` })];
    };
    const shiftColumn = (column, to) => () => { for (const row of rows) move(row, column, to); move(codes, column, to); };
    const dropColumn = (column) => () => { for (const row of rows) row.splice(column, 1); codes.splice(column, 1); };
    const head = el("tr", {}, el("td", { class: "corner" }, t("rowHeader")),
      rows[0].map((_, column) => {
        const left = t("moveColumnLeft", { name: name(column) }), right = t("moveColumnRight", { name: name(column) });
        const neighbour = name(column < columns - 1 ? column + 1 : column - 1);
        return el("th", { scope: "col" }, input(0, column), el("span", { class: "tools" },
          tool("←", left, structure(shiftColumn(column, column - 1), t("columnMoved", { name: name(column) }), left), column === 0),
          tool("→", right, structure(shiftColumn(column, column + 1), t("columnMoved", { name: name(column) }), right), column === columns - 1),
          tool("✕", t("removeColumn", { name: name(column) }),
            structure(dropColumn(column), t("columnRemoved", { name: name(column) }), t("removeColumn", { name: neighbour })), columns === 1)));
      }));
    const body = rows.slice(1).map((cells, index) => {
      const row = index + 1;
      return el("tr", {}, el("th", { scope: "row" }, el("span", { class: "row-number" }, String(row)), el("span", { class: "tools" },
        tool("↑", t("moveRowUp", { row }), structure(() => move(rows, row, row - 1), t("rowMoved", { row, to: row - 1 }), t("moveRowUp", { row: row - 1 })), row === 1),
        tool("↓", t("moveRowDown", { row }), structure(() => move(rows, row, row + 1), t("rowMoved", { row, to: row + 1 }), t("moveRowDown", { row: row + 1 })), row === last),
        tool("✕", t("removeRow", { row }), structure(() => rows.splice(row, 1), t("rowRemoved", { row }), t("removeRow", { row: Math.min(row, last - 1) })), false))),
      cells.map((_, column) => el("td", {}, input(row, column))));
    });
    grid.replaceChildren(el("table", { class: "grid" },
      el("caption", { id: "grid-caption" }, t("gridCaption", { path })),
      el("thead", {}, head), el("tbody", {}, body)), ...datalists.filter(Boolean));
    const target = focusLabel ? grid.querySelector(`button[aria-label="${CSS.escape(focusLabel)}"]`) : null;
    if (target) (target.disabled ? target.parentElement.querySelector("button:enabled") ?? grid : target).focus();
    else if (focusLabel) addRow.focus();
  }

  const addRow = el("button", { type: "button", onclick: () => {
    rows.push(Array(rows[0].length).fill(""));
    changed();
    draw();
    grid.querySelector(`input[data-row="${rows.length - 1}"][data-cell="0"]`)?.focus();
    editor.say(t("rowAdded", { row: rows.length - 1 }));
  } }, t("addRow"));
  const addColumn = el("button", { type: "button", onclick: () => {
    for (const row of rows) row.push("");
    codes.push(null);
    changed();
    draw();
    grid.querySelector(`input[data-row="0"][data-cell="${rows[0].length - 1}"]`)?.focus();
    editor.say(t("columnAdded"));
  } }, t("addColumn"));
  // Busy, not disabled, while saving: a disabled button would lose the keyboard's focus.
  let saving = false;
  const save = el("button", { type: "button", class: "primary", onclick: async () => {
    if (saving) return;
    saving = true;
    save.setAttribute("aria-disabled", "true");
    const text = checked.version === version ? checked.text : await check();
    const reply = text === null ? null : await post("file", { path, text });
    saving = false;
    save.removeAttribute("aria-disabled");
    if (!reply) return;
    if (!reply.ok) {
      result.replaceChildren(el("p", { class: "problem" }, reply.data.error));
      editor.say(reply.data.error);
      return;
    }
    editor.unsaved = false;
    // The build's own messages, with those of a chart or letter that uses the table.
    show(reply.data.findings);
    result.replaceChildren(...savedReport(reply.data));
    editor.say(reply.data.built ? t("saved") : t("savedBuildFailed", { count: reply.data.errors.length }));
  } }, t("save"));
  const history = historyButtons(path, result, editor, (answer) => showTable(view, editor, { path, notice: answer }), notice);

  draw();
  show(answer.data.findings);
  view.replaceChildren(el("h1", {}, t("tableTitle", { path: path.split("/").pop() })),
    el("p", { class: "path" }, path), el("p", {}, t("gridIntro")),
    overall, grid,
    el("div", { class: "actions" }, addRow, addColumn),
    el("div", { class: "actions" }, save, ...history), result);
  if (notice) showHistoryNotice(notice, result, editor);
}
