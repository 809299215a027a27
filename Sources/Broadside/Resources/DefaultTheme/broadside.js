// Broadside's scripts: the quick check, a screening aid built on a chart that is already
// complete without it, a letter's county picker, and search. Plain JavaScript, no network,
// works from file://. Every word they show comes from data attributes in the page, so
// translated pages need no translated script.
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
        // A row name with source marks keeps the name apart from them.
        var name = row.cells[keyColumn].querySelector(".row-name") || row.cells[keyColumn];
        groups[weight].push(name.textContent.trim());
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

// A letter's county picker: the choice goes to that official's page. Shown only where script
// runs; the list of links beside it does the same without.
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("form[data-letter-picker]"), function (form) {
    var select = form.querySelector("select");
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (select.value) window.location.href = select.value;
    });
  });
})();

// Search as you type, over the index the build wrote (search/index.js). Words match without
// their accents and in any case, so "deportacion" finds "deportación"; every word must match,
// at the start of a word: "ice" finds ICE, not "advice" or "justice".
(function () {
  "use strict";
  var form = document.querySelector("[data-search-root]");
  if (!form || !window.broadsideSearch) return;
  var root = form.getAttribute("data-search-root");
  var input = form.querySelector("input");
  var status = document.querySelector(".search-status");
  var list = document.querySelector(".search-results");

  // Lower case without accents (đ has none to drop, so it is spelled out); every run of other
  // characters becomes one space, so each word starts after a space.
  function fold(text) {
    return " " + (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/đ/g, "d").replace(/[^\p{L}\p{N}§.]+/gu, " ");
  }
  var pages = null;  // until every part has loaded; typing meanwhile is searched then

  // A large site's index comes in parts: the first names the others, which are loaded
  // beside it, in order, each adding its pages. A part that fails to load is skipped.
  function loadParts(done) {
    var parts = window.broadsideSearch.parts || [];
    var left = parts.length;
    if (left === 0) return done();
    var first = document.querySelector('script[src*="search/index.js"]');
    if (!first) return done();
    parts.forEach(function (name) {
      var script = document.createElement("script");
      script.src = first.src.replace(/search\/index\.js.*$/, "search/" + name);
      script.async = false;
      script.onload = script.onerror = function () {
        left -= 1;
        if (left === 0) done();
      };
      document.body.appendChild(script);
    });
  }

  function score(entry, words) {
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      var word = " " + words[i];
      var points = (entry.title.indexOf(word) >= 0 ? 10 : 0) + (entry.tags.indexOf(word) >= 0 ? 5 : 0)
        + (entry.summary.indexOf(word) >= 0 ? 4 : 0) + (entry.text.indexOf(word) >= 0 ? 1 : 0);
      if (points === 0) return 0;
      total += points;
    }
    return total;
  }

  function show(page) {
    var item = document.createElement("li");
    item.className = "resource";
    if (page.section) {
      var badge = document.createElement("span");
      badge.className = "badge";
      badge.textContent = page.section;
      item.appendChild(badge);
    }
    var heading = document.createElement("h2");
    heading.className = "resource-title";
    var link = document.createElement("a");
    link.href = root + page.url;
    link.textContent = page.title;
    heading.appendChild(link);
    item.appendChild(heading);
    if (page.summary) {
      var summary = document.createElement("p");
      summary.className = "resource-summary";
      summary.textContent = page.summary;
      item.appendChild(summary);
    }
    list.appendChild(item);
  }

  function run() {
    if (!pages) return;
    var query = input.value.trim();
    var words = fold(query).split(" ").filter(Boolean);
    list.textContent = "";
    if (words.length === 0) {
      status.textContent = "";
      return;
    }
    var hits = pages.map(function (entry) { return { entry: entry, score: score(entry, words) }; })
      .filter(function (hit) { return hit.score > 0; })
      .sort(function (a, b) { return b.score - a.score || a.entry.title.localeCompare(b.entry.title); });
    hits.forEach(function (hit) { show(hit.entry.page); });
    var message = hits.length === 0 ? status.getAttribute("data-none")
      : status.getAttribute(hits.length === 1 ? "data-one" : "data-other");
    // Split and join, not replace: a query like "$&" must show as typed.
    status.textContent = message.split("{query}").join(query).split("{count}").join(String(hits.length));
  }

  input.addEventListener("input", run);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run();
  });
  // The header's search box sends its words here as ?q=…
  var match = /[?&]q=([^&]*)/.exec(window.location.search);
  if (match) {
    var words = match[1].replace(/\+/g, " ");
    try {
      words = decodeURIComponent(words);
    } catch (error) {
      // A stray % in the address: keep the words as they came.
    }
    input.value = words;
  }
  loadParts(function () {
    pages = window.broadsideSearch.pages.map(function (page) {
      return { page: page, title: fold(page.title), tags: fold(page.tags.join(" ")), summary: fold(page.summary), text: fold(page.text) };
    });
    run();
  });
})();
