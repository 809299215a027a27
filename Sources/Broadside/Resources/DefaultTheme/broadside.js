// Broadside's quick check: a screening aid built on a chart that is already complete without
// this script. Plain JavaScript, no network, works from file://. Every word it shows comes from
// data attributes in the page, so translated pages need no translated script.
(function () {
  "use strict";

  // Heaviest first: a record category that bars relief outweighs one that only may.
  var ORDER = ["bar", "caution", "clear"];

  function setUp(check) {
    var figure = document.getElementById(check.getAttribute("data-quick-check"));
    var table = figure && figure.querySelector("table");
    if (!table) return;
    var keyColumn = Number(check.getAttribute("data-key-column"));
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var summary = check.querySelector(".quick-check-summary");
    var results = check.querySelector(".quick-check-results");
    var boxes = Array.prototype.slice.call(check.querySelectorAll("input[type=checkbox]"));

    function weigh(row, columns) {
      var worst = "clear";
      columns.forEach(function (column) {
        var style = row.cells[column].getAttribute("data-style");
        if (style === "bar") worst = "bar";
        else if (style === "caution" && worst !== "bar") worst = "caution";
      });
      return worst;
    }

    function update() {
      var columns = boxes.filter(function (box) { return box.checked; })
        .map(function (box) { return Number(box.value); });
      results.textContent = "";
      rows.forEach(function (row) { row.removeAttribute("data-check"); });
      if (columns.length === 0) {
        summary.textContent = summary.getAttribute("data-empty");
        return;
      }
      var groups = { bar: [], caution: [], clear: [] };
      rows.forEach(function (row) {
        var weight = weigh(row, columns);
        groups[weight].push(row.cells[keyColumn].textContent.trim());
        row.setAttribute("data-check", weight);
      });
      var counts = [];
      ORDER.forEach(function (weight) {
        var names = groups[weight];
        if (names.length === 0) return;
        var label = results.getAttribute("data-" + weight);
        counts.push(label + ": " + names.length);
        var group = document.createElement("div");
        group.className = "check-group check-" + weight;
        var heading = document.createElement("p");
        heading.className = "check-heading";
        heading.textContent = label + " (" + names.length + ")";
        var list = document.createElement("ul");
        names.forEach(function (name) {
          var item = document.createElement("li");
          item.textContent = name;
          list.appendChild(item);
        });
        group.appendChild(heading);
        group.appendChild(list);
        results.appendChild(group);
      });
      // The live region announces one short line; the lists are there to read at will. It
      // starts with how many kinds are ticked, so every change is announced.
      var ticked = summary.getAttribute("data-ticked").replace("{n}", String(columns.length));
      summary.textContent = ticked + " " + counts.join(". ") + ".";
    }

    check.addEventListener("change", update);
    check.hidden = false;
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-quick-check]"), setUp);
})();
