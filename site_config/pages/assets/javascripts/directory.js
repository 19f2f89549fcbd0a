/*
 * safeguide contact directory filter: type to find a contact, or pick who it is for.
 *
 * Works on the page as it is (no network request, nothing stored). Without
 * JavaScript the filter stays hidden and every contact shows. A number typed
 * with or without spaces matches (0345 603 7627 = 03456037627).
 */
(function () {
  "use strict";

  function digits(text) {
    return text.replace(/\D/g, "");
  }

  function setup(root) {
    var filter = root.querySelector(".sg-directory-filter");
    if (!filter) return;
    var input = filter.querySelector("#sg-filter-text");
    var audience = filter.querySelector("#sg-filter-audience");
    var count = filter.querySelector(".sg-filter-count");
    var contacts = Array.prototype.slice.call(root.querySelectorAll(".sg-contact"));
    var groups = Array.prototype.slice.call(root.querySelectorAll(".sg-contact-group"));
    var texts = contacts.map(function (contact) {
      var text = contact.textContent.toLowerCase();
      return { words: text, digits: digits(text) };
    });

    function apply() {
      var query = input.value.trim().toLowerCase();
      var queryDigits = digits(query);
      var numeric = queryDigits.length >= 3 && queryDigits.length === query.replace(/\s/g, "").length;
      var who = audience.value;
      var shown = 0;
      contacts.forEach(function (contact, i) {
        var matchesText =
          !query || (numeric ? texts[i].digits.indexOf(queryDigits) !== -1 : texts[i].words.indexOf(query) !== -1);
        var audiences = (contact.getAttribute("data-audiences") || "").split(" ");
        var matchesAudience = !who || audiences.indexOf(who) !== -1;
        var visible = matchesText && matchesAudience;
        contact.hidden = !visible;
        if (visible) shown += 1;
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector(".sg-contact:not([hidden])");
      });
      count.textContent =
        query || who ? shown + " of " + contacts.length + " contacts shown" : "";
    }

    input.addEventListener("input", apply);
    audience.addEventListener("change", apply);
    filter.hidden = false;
  }

  function start() {
    setup(document);
  }

  if (typeof document$ !== "undefined" && document$.subscribe) {
    document$.subscribe(start); // Material's instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
