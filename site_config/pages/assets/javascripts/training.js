/*
 * safeguide facilitator view: open any training page with ?facilitator to show the
 * facilitator notes; links between training pages keep the view. No server, nothing
 * stored. Without the query (or without JavaScript) the notes stay hidden.
 */
(function () {
  "use strict";

  function start() {
    if (!/[?&]facilitator(=|&|$)/.test(window.location.search)) return;
    var notes = document.querySelectorAll(".sg-facilitator");
    for (var i = 0; i < notes.length; i++) notes[i].hidden = false;
    var links = document.querySelectorAll('a[href$=".html"], a[href*=".html#"]');
    for (var j = 0; j < links.length; j++) {
      var link = links[j];
      var href = link.getAttribute("href");
      if (/^[a-z]+:/i.test(href) || href.indexOf("?") !== -1) continue;
      if (href.indexOf("scenarios/") === -1 && window.location.pathname.indexOf("/scenarios/") === -1) continue;
      var parts = href.split("#");
      link.setAttribute("href", parts[0] + "?facilitator" + (parts[1] ? "#" + parts[1] : ""));
    }
    document.documentElement.classList.add("sg-facilitator-view");
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
