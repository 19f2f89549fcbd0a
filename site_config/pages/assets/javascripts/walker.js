/*
 * safeguide step-through: walk a decision tree one question at a time.
 *
 * Reads the tree from the page's <script type="application/json"> (no network
 * request, works from file://), builds its controls with DOM methods and
 * textContent only, and stores and sends nothing. Without JavaScript the
 * mount point stays hidden and the text version on the page is what shows.
 */
(function () {
  "use strict";

  var BASIS_LABELS = {
    statutory: "Statutory duty: must",
    guidance: "Guidance: should",
    local: "Local practice",
  };

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function telHref(phone) {
    return "tel:" + phone.replace(/[^0-9+]/g, "");
  }

  function contactItem(contact) {
    var item = element("li");
    item.appendChild(element("strong", "", contact.name));
    if (contact.gap !== undefined) {
      item.appendChild(
        document.createTextNode(
          ": not published in the source: confirm with the local authority. " + contact.gap
        )
      );
      return item;
    }
    var links = [];
    if (contact.phone) links.push(["Phone " + contact.phone, telHref(contact.phone)]);
    if (contact.email) links.push(["Email " + contact.email, "mailto:" + contact.email]);
    if (contact.url) links.push(["Website", contact.url]);
    links.forEach(function (pair, index) {
      item.appendChild(document.createTextNode(index === 0 ? ": " : " · "));
      var link = element("a", "", pair[0]);
      link.href = pair[1];
      item.appendChild(link);
    });
    return item;
  }

  function Walker(mount, data) {
    this.mount = mount;
    this.tree = data.tree;
    this.steps = data.steps;
    this.nodes = {};
    var self = this;
    this.tree.nodes.forEach(function (node) {
      self.nodes[node.id] = node;
    });
    this.chart = document.querySelector('svg.sg-chart[data-tree="' + this.tree.id + '"]');
    this.build();
    this.restart(false);
  }

  Walker.prototype.build = function () {
    var id = this.tree.id;
    this.mount.textContent = "";
    this.mount.setAttribute("role", "region");
    this.mount.setAttribute("aria-labelledby", id + "-walker-title");
    var title = element("h3", "sg-walker__title", "Step through: " + this.tree.title);
    title.id = id + "-walker-title";
    this.mount.appendChild(title);
    this.mount.appendChild(
      element(
        "p",
        "sg-walker__intro",
        "Answer one question at a time. Nothing you choose is stored or sent."
      )
    );
    this.live = element("p", "sg-walker__live sg-visually-hidden");
    this.live.setAttribute("aria-live", "polite");
    this.live.setAttribute("aria-atomic", "true");
    this.mount.appendChild(this.live);
    this.card = element("div", "sg-walker__card");
    this.mount.appendChild(this.card);
    var controls = element("div", "sg-walker__controls");
    this.back = element("button", "sg-walker__back", "Back");
    this.back.type = "button";
    this.again = element("button", "sg-walker__restart", "Start again");
    this.again.type = "button";
    this.present = element("button", "sg-walker__present", "Present on a projector");
    this.present.type = "button";
    this.present.setAttribute("aria-pressed", "false");
    this.present.setAttribute("aria-keyshortcuts", "p");
    this.present.setAttribute("aria-describedby", id + "-walker-shortcut");
    var shortcut = element("span", "sg-walker__shortcut", "Shortcut: ");
    shortcut.id = id + "-walker-shortcut";
    shortcut.appendChild(element("kbd", "", "P"));
    shortcut.appendChild(document.createTextNode(" presents or leaves"));
    this.showChart = element("button", "sg-walker__show-chart", "Show chart");
    this.showChart.type = "button";
    this.showChart.setAttribute("aria-pressed", "false");
    this.showChart.hidden = true;
    controls.appendChild(this.back);
    controls.appendChild(this.again);
    controls.appendChild(this.present);
    controls.appendChild(this.showChart);
    controls.appendChild(shortcut);
    this.mount.appendChild(controls);
    this.chartPanel = element("div", "sg-walker__chart");
    this.chartPanel.hidden = true;
    this.mount.appendChild(this.chartPanel);
    this.mount.appendChild(element("h4", "sg-walker__route-title", "Your route so far"));
    this.routeList = element("ol", "sg-walker__route");
    this.mount.appendChild(this.routeList);
    var self = this;
    this.back.addEventListener("click", function () {
      self.goBack();
    });
    this.again.addEventListener("click", function () {
      self.restart(true);
    });
    this.present.addEventListener("click", function () {
      self.setPresenting(!self.presenting);
    });
    this.showChart.addEventListener("click", function () {
      self.setChartShown(!self.chartShown);
    });
    document.addEventListener("keydown", function (event) {
      if (self.presenting) self.presenterKey(event);
    });
    window.addEventListener("resize", function () {
      if (self.presenting) self.fit();
    });
    this.mount.hidden = false;
  };

  /* Is the key pressed in a place that takes typing (search box, form field)? */
  function typingInto(target) {
    if (!target || !target.tagName) return false;
    var tag = target.tagName.toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || target.isContentEditable;
  }

  /*
   * "P" (with no Ctrl, Alt or Meta, and not while typing) presents the page's step-through
   * or leaves presentation. Listened for on window before anything else, so the theme's
   * own "p" (previous page) does not also run.
   */
  Walker.prototype.listenForShortcut = function () {
    var self = this;
    window.addEventListener(
      "keydown",
      function (event) {
        if (event.key !== "p" && event.key !== "P") return;
        if (event.ctrlKey || event.altKey || event.metaKey || typingInto(event.target)) return;
        event.preventDefault();
        event.stopImmediatePropagation();
        self.setPresenting(!self.presenting);
      },
      true
    );
  };

  /*
   * "Show chart" in presentation mode: the page's own chart moves beside the question (the
   * box the walk is at outlined) and back to its place on the page when hidden again.
   */
  Walker.prototype.setChartShown = function (on) {
    if (!this.chart) return;
    this.chartShown = on;
    if (on) {
      this.chartHome = { parent: this.chart.parentNode, next: this.chart.nextSibling };
      this.chartPanel.appendChild(this.chart);
    } else if (this.chartHome) {
      this.chartHome.parent.insertBefore(this.chart, this.chartHome.next);
      this.chartHome = null;
    }
    this.chartPanel.hidden = !on;
    this.mount.classList.toggle("sg-walker--chart", on);
    this.showChart.setAttribute("aria-pressed", on ? "true" : "false");
    this.showChart.textContent = on ? "Hide chart" : "Show chart";
    this.fit();
  };

  /*
   * In presentation mode the card and its answers fit the screen without scrolling: the
   * type is made smaller, a step at a time, only when the step does not fit at full size.
   */
  Walker.prototype.fit = function () {
    var scale = 1;
    this.mount.style.setProperty("--sg-fit", "1");
    if (!this.presenting) return;
    while (this.mount.scrollHeight > this.mount.clientHeight + 1 && scale > 0.5) {
      scale = Math.round((scale - 0.05) * 100) / 100;
      this.mount.style.setProperty("--sg-fit", String(scale));
    }
  };

  /*
   * Presentation mode: the walker fills the screen in large type, one question at a
   * time. A presenter clicker's Next (PageDown, Right, Down, Space) moves to the next
   * answer and Previous (PageUp, Left, Up) to the one before, or back a question from
   * the question itself; Enter chooses; 1 to 9 choose directly; Home starts again;
   * Escape (or P) leaves.
   */
  Walker.prototype.setPresenting = function (on) {
    if (!on && this.chartShown) this.setChartShown(false);
    this.presenting = on;
    this.showChart.hidden = !on || !this.chart;
    this.mount.classList.toggle("sg-walker--present", on);
    // the page under the full-screen walker neither scrolls nor shows its scroll bar
    document.documentElement.classList.toggle("sg-presenting", on);
    this.present.setAttribute("aria-pressed", on ? "true" : "false");
    this.present.textContent = on ? "Leave presentation (Esc)" : "Present on a projector";
    this.fit();
    var heading = this.card.querySelector(".sg-walker__question");
    if (heading) heading.focus();
  };

  Walker.prototype.presenterKey = function (event) {
    var buttons = Array.prototype.slice.call(this.card.querySelectorAll(".sg-walker__answer"));
    var index = buttons.indexOf(document.activeElement);
    var key = event.key;
    if (key === "Escape") {
      this.setPresenting(false);
    } else if (key === "PageDown" || key === "ArrowRight" || key === "ArrowDown" || key === " ") {
      if (buttons.length) buttons[Math.min(index + 1, buttons.length - 1)].focus();
    } else if (key === "PageUp" || key === "ArrowLeft" || key === "ArrowUp") {
      if (index > 0) buttons[index - 1].focus();
      else if (index === 0) this.card.querySelector(".sg-walker__question").focus();
      else this.goBack();
    } else if (key === "Home") {
      this.restart(true);
    } else if (/^[1-9]$/.test(key) && buttons[Number(key) - 1]) {
      buttons[Number(key) - 1].click();
    } else {
      return;
    }
    event.preventDefault();
  };

  Walker.prototype.restart = function (announce) {
    this.history = [];
    this.current = this.tree.start;
    this.show(announce);
  };

  Walker.prototype.goBack = function () {
    if (!this.history.length) return;
    this.current = this.history.pop().node;
    this.show(true);
  };

  Walker.prototype.choose = function (label, next) {
    this.history.push({ node: this.current, label: label });
    this.current = next;
    this.show(true);
  };

  Walker.prototype.highlight = function () {
    if (!this.chart) return;
    var previous = this.chart.querySelectorAll(".sg-current");
    for (var i = 0; i < previous.length; i++) previous[i].classList.remove("sg-current");
    var node = this.chart.querySelector("#" + CSS.escape(this.tree.id + "-node-" + this.current));
    if (node) node.classList.add("sg-current");
  };

  Walker.prototype.show = function (announce) {
    var node = this.nodes[this.current];
    var self = this;
    var number = this.steps[node.id];
    this.card.textContent = "";
    this.card.className = "sg-walker__card sg-walker__card--" + node.kind;
    if (node.kind === "outcome" && node.urgent) {
      this.card.className += " sg-walker__outcome--urgent";
    }
    var heading = element(
      "h4",
      "sg-walker__question",
      (node.kind === "outcome" ? "Outcome (step " + number + "): " : "Step " + number + ": ") +
        node.text
    );
    heading.tabIndex = -1;
    this.card.appendChild(heading);
    if (node.basis) {
      var badge = element("span", "sg-basis sg-basis-" + node.basis, BASIS_LABELS[node.basis]);
      this.card.appendChild(element("p", "sg-walker__basis", "")).appendChild(badge);
    }
    if (node.detail) this.card.appendChild(element("p", "sg-walker__detail", node.detail));
    if (node.actions && node.actions.length) {
      var actions = element("ul", "sg-walker__actions");
      node.actions.forEach(function (action) {
        actions.appendChild(element("li", "", action));
      });
      this.card.appendChild(actions);
    }
    if (node.contacts && node.contacts.length) {
      this.card.appendChild(element("p", "sg-walker__contacts-title", "Contacts:"));
      var contacts = element("ul", "sg-walker__contacts");
      node.contacts.forEach(function (contact) {
        contacts.appendChild(contactItem(contact));
      });
      this.card.appendChild(contacts);
    }
    if (node.trees && node.trees.length) {
      var follow = element("p", "sg-walker__follow", "Then follow the flowchart: ");
      node.trees.forEach(function (other, index) {
        if (index > 0) follow.appendChild(document.createTextNode(", "));
        var link = element("a", "", other.title);
        link.href = other.id + ".html";
        follow.appendChild(link);
      });
      this.card.appendChild(follow);
    }
    var choices = element("div", "sg-walker__answers");
    choices.setAttribute("role", "group");
    choices.setAttribute("aria-label", "Answers");
    if (node.kind === "question") {
      node.answers.forEach(function (answer) {
        var button = element("button", "sg-walker__answer", answer.label);
        button.type = "button";
        button.addEventListener("click", function () {
          self.choose(answer.label, answer.next);
        });
        choices.appendChild(button);
      });
    } else if (node.kind === "step") {
      var next = element("button", "sg-walker__answer", "Done: continue");
      next.type = "button";
      next.addEventListener("click", function () {
        self.choose("Done", node.next);
      });
      choices.appendChild(next);
    }
    if (choices.childNodes.length) this.card.appendChild(choices);
    var hidden = this.card.querySelector(
      ".sg-walker__detail, .sg-walker__actions, .sg-walker__contacts, .sg-walker__follow"
    );
    if (hidden) {
      var note = element(
        "p",
        "sg-walker__chart-note",
        "Details, actions and contacts of this step show when the chart is hidden."
      );
      note.hidden = true; // shown by the stylesheet beside the chart only
      this.card.appendChild(note);
    }
    var more = element("a", "sg-walker__more", "Read step " + number + " in full");
    more.href = "#" + this.tree.id + "-" + node.id;
    this.card.appendChild(more);

    this.routeList.textContent = "";
    this.history.forEach(function (entry) {
      var asked = self.nodes[entry.node];
      self.routeList.appendChild(
        element("li", "", "Step " + self.steps[asked.id] + ": " + asked.text + " (" + entry.label + ")")
      );
    });
    if (!this.history.length) {
      this.routeList.appendChild(element("li", "", "Not started yet"));
    }
    this.back.disabled = !this.history.length;
    this.highlight();
    if (this.presenting) this.fit();
    if (announce) {
      this.live.textContent = heading.textContent;
      heading.focus();
    }
  };

  /* The page's address asks for presentation: "?present" (any tree on the page) or
     "?present=<tree id>", as a scenario page's "Present this scenario" link does. */
  function presentRequested() {
    var match = /[?&]present(?:=([^&#]*))?(?:[&#]|$)/.exec(window.location.search);
    if (!match) return null;
    return match[1] ? decodeURIComponent(match[1]) : "";
  }

  function init() {
    var mounts = document.querySelectorAll(".sg-walker[data-tree]");
    var walkers = [];
    for (var i = 0; i < mounts.length; i++) {
      var mount = mounts[i];
      var source = document.getElementById(mount.getAttribute("data-tree") + "-walker-data");
      if (!source) continue;
      walkers.push(new Walker(mount, JSON.parse(source.textContent)));
    }
    if (!walkers.length) return;
    walkers[0].listenForShortcut(); // the page's first step-through; tree pages have one
    var wanted = presentRequested();
    if (wanted === null) return;
    var chosen = walkers.filter(function (walker) {
      return !wanted || walker.tree.id === wanted;
    })[0];
    if (chosen) chosen.setPresenting(true);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
