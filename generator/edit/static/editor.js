// safeguide editor: reload the preview when a build finishes. Nothing else needs script.
(function () {
  "use strict";
  var status = document.getElementById("preview-status");
  var frame = document.getElementById("preview-frame");
  if (!status || !frame) { return; }
  var edition = status.getAttribute("data-edition");
  var seen = parseInt(status.getAttribute("data-builds") || "0", 10);
  var shownState = status.getAttribute("data-state");
  function poll() {
    fetch("/e/" + encodeURIComponent(edition) + "/preview-status", { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (state) {
        if (state.status !== shownState || state.message !== status.textContent) {
          status.textContent = state.message || state.status;
          status.setAttribute("data-state", state.status);
          shownState = state.status;
        }
        if (state.builds > seen && state.status === "built") {
          seen = state.builds;
          frame.src = "/preview/" + encodeURIComponent(edition) + "/?b=" + seen;
        }
        status.setAttribute("data-builds", String(seen));
      })
      .catch(function () { /* the editor was stopped: nothing to refresh */ })
      .then(function () { window.setTimeout(poll, 1500); });
  }
  window.setTimeout(poll, 500);
}());
