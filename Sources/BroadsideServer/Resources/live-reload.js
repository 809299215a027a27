// Injected into pages only by `broadside serve`: reloads the page when a build finishes, and
// shows a build's errors over the page until the next good build. Never part of Output/.
(function () {
  "use strict";
  var overlay = null;

  function showErrors(errors) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "broadside-errors";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.94);" +
        "color:#fff;font:15px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:24px";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "";
    var title = document.createElement("h2");
    title.textContent = "The build failed: the last good site is shown underneath. Fix these and save:";
    title.style.cssText = "font:bold 18px system-ui,sans-serif;margin:0 0 16px";
    overlay.appendChild(title);
    errors.forEach(function (error) {
      var item = document.createElement("div");
      item.style.cssText = "margin:0 0 16px;border-left:4px solid #ff6b6b;padding-left:12px";
      var where = document.createElement("div");
      where.textContent = error.location + ": " + error.message;
      item.appendChild(where);
      if (error.source) {
        var line = document.createElement("pre");
        line.textContent = error.source;
        line.style.cssText = "margin:6px 0 0;color:#ffd479;white-space:pre-wrap";
        item.appendChild(line);
      }
      overlay.appendChild(item);
    });
  }

  function connect() {
    var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/__broadside/live");
    socket.onmessage = function (event) {
      var news = JSON.parse(event.data);
      if (news.errors && news.errors.length) {
        showErrors(news.errors);
      } else if (news.reload) {
        location.reload();
      }
    };
    // The server restarted or stopped: try again, so a restarted preview picks up.
    socket.onclose = function () { setTimeout(connect, 1000); };
  }
  connect();
})();
