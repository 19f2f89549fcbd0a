/*
 * safeguide chart viewer: a flowchart full screen at a readable size, with pan and zoom.
 *
 * Each chart frame gets an "Open the chart full screen" button. It opens a modal
 * <dialog> holding the chart at its natural size (Graphviz's points: the smallest chart
 * text is 16 CSS px), centred on the chart's first box. The chart moves with the vendored
 * Panzoom library (assets/vendor/panzoom.min.js: drag, pinch, mouse wheel) and with the
 * keyboard on the focused, labelled viewer: arrow keys move, + and - zoom, 0 goes back
 * to the first view, Escape closes. The chart element itself moves into the dialog and
 * back (never copied), so its ids stay unique and the step-through's highlight follows.
 * No network request, nothing stored; without JavaScript the chart stays in the page.
 */
(function () {
  "use strict";

  var STEP = 0.3;
  var PAN = 60;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function button(className, text, label) {
    var node = element("button", "sg-chart-viewer__button " + className, text);
    node.type = "button";
    if (label) node.setAttribute("aria-label", label);
    return node;
  }

  function Viewer(frame, chart, index) {
    this.frame = frame;
    this.chart = chart;
    this.placeholder = document.createComment("chart");
    var name = chart.getAttribute("data-tree") || "chart-" + index;
    var heading = chart.querySelector(".sg-chart-heading");
    var title = heading ? heading.textContent : "Flowchart";
    this.id = name + "-viewer";

    // One button above the chart, and one in the page's slot for it near the top
    // (a tree page puts the chart below the steps on a phone).
    this.opens = [];
    var bar = element("p", "sg-chart-open-bar");
    frame.parentNode.insertBefore(bar, frame);
    this.addOpen(bar);
    var slot = document.querySelector('.sg-chart-open-slot[data-tree="' + name + '"]');
    if (slot) {
      this.addOpen(slot);
      slot.hidden = false;
    }
    this.opener = this.opens[0];

    var dialog = element("dialog", "sg-chart-dialog");
    dialog.id = this.id;
    dialog.setAttribute("aria-labelledby", this.id + "-title");
    var top = element("div", "sg-chart-dialog__bar");
    var heading2 = element("p", "sg-chart-dialog__title", "Flowchart: " + title);
    heading2.id = this.id + "-title";
    top.appendChild(heading2);
    var help = element(
      "p",
      "sg-chart-dialog__help",
      "Drag to move, or use the arrow keys. Zoom with + and -; 0 goes back to the start."
    );
    help.id = this.id + "-help";
    top.appendChild(help);
    var tools = element("div", "sg-chart-dialog__tools");
    this.zoomIn = button("sg-chart-zoom-in", "+", "Zoom in");
    this.zoomOut = button("sg-chart-zoom-out", "−", "Zoom out");
    this.home = button("sg-chart-reset", "Start", "Back to the start of the chart");
    this.close = button("sg-chart-close", "Close", "Close the full screen chart");
    [this.zoomIn, this.zoomOut, this.home, this.close].forEach(function (b) {
      tools.appendChild(b);
    });
    top.appendChild(tools);
    dialog.appendChild(top);
    this.viewport = element("div", "sg-chart-viewport");
    this.viewport.tabIndex = 0;
    this.viewport.setAttribute("role", "region");
    this.viewport.setAttribute("aria-label", "Chart viewer: " + title);
    this.viewport.setAttribute("aria-describedby", help.id);
    this.pan = element("div", "sg-chart-pan");
    this.viewport.appendChild(this.pan);
    dialog.appendChild(this.viewport);
    document.body.appendChild(dialog);
    this.dialog = dialog;
    this.bind();
  }

  Viewer.prototype.addOpen = function (parent) {
    var self = this;
    var open = button("sg-chart-open", "Open the chart full screen");
    open.setAttribute("aria-haspopup", "dialog");
    open.addEventListener("click", function () {
      self.opener = open;
      self.show();
    });
    parent.appendChild(open);
    this.opens.push(open);
  };

  Viewer.prototype.bind = function () {
    var self = this;
    this.close.addEventListener("click", function () {
      self.dialog.close();
    });
    this.zoomIn.addEventListener("click", function () {
      self.zoomBy(1 + STEP);
    });
    this.zoomOut.addEventListener("click", function () {
      self.zoomBy(1 / (1 + STEP));
    });
    this.home.addEventListener("click", function () {
      self.reset();
    });
    this.dialog.addEventListener("close", function () {
      self.restore();
    });
    this.viewport.addEventListener("keydown", function (event) {
      self.key(event);
    });
    this.viewport.addEventListener("wheel", function (event) {
      if (self.panzoom) self.panzoom.zoomWithWheel(event);
    });
    // A box of the chart links to its step on the page: close the viewer to show it.
    this.pan.addEventListener("click", function (event) {
      var target = event.target;
      var link = target && target.closest ? target.closest("a") : null;
      if (link) self.dialog.close();
    });
  };

  /* The first view: natural size, the top of the chart, centred on the chart's first box
     (or the whole width centred when it fits). */
  Viewer.prototype.start = function () {
    var width = this.viewport.clientWidth;
    var first = this.chart.querySelector(".sg-node") || this.chart;
    var chartBox = this.chart.getBoundingClientRect();
    var box = first.getBoundingClientRect();
    if (chartBox.width <= width) return { x: (width - chartBox.width) / 2, y: 8 };
    return { x: width / 2 - (box.left - chartBox.left + box.width / 2), y: 8 };
  };

  Viewer.prototype.show = function () {
    this.frame.replaceChild(this.placeholder, this.chart);
    this.pan.appendChild(this.chart);
    this.dialog.showModal();
    document.documentElement.classList.add("sg-chart-open");
    var start = this.start();
    this.panzoom = window.Panzoom(this.pan, {
      canvas: true,
      maxScale: 6,
      minScale: 0.1,
      step: STEP,
      startScale: 1,
      startX: start.x,
      startY: start.y,
      cursor: "grab",
    });
    this.viewport.focus();
  };

  Viewer.prototype.restore = function () {
    if (this.panzoom) {
      this.panzoom.destroy();
      this.panzoom = null;
    }
    this.pan.removeAttribute("style");
    this.viewport.removeAttribute("style");
    if (this.placeholder.parentNode) this.frame.replaceChild(this.chart, this.placeholder);
    document.documentElement.classList.remove("sg-chart-open");
    this.opener.focus({ preventScroll: true });
  };

  Viewer.prototype.reset = function () {
    if (this.panzoom) this.panzoom.reset({ animate: false });
  };

  Viewer.prototype.zoomBy = function (factor) {
    if (!this.panzoom) return;
    var rect = this.viewport.getBoundingClientRect();
    this.panzoom.zoomToPoint(this.panzoom.getScale() * factor, {
      clientX: rect.left + rect.width / 2,
      clientY: rect.top + rect.height / 2,
    });
  };

  Viewer.prototype.move = function (dx, dy) {
    var scale = this.panzoom.getScale();
    this.panzoom.pan(dx / scale, dy / scale, { relative: true, animate: false });
  };

  Viewer.prototype.key = function (event) {
    if (!this.panzoom || event.altKey || event.ctrlKey || event.metaKey) return;
    var handled = true;
    switch (event.key) {
      case "+":
      case "=":
        this.zoomBy(1 + STEP);
        break;
      case "-":
      case "_":
        this.zoomBy(1 / (1 + STEP));
        break;
      case "0":
        this.reset();
        break;
      case "ArrowLeft":
        this.move(PAN, 0);
        break;
      case "ArrowRight":
        this.move(-PAN, 0);
        break;
      case "ArrowUp":
        this.move(0, PAN);
        break;
      case "ArrowDown":
        this.move(0, -PAN);
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };

  function init() {
    if (typeof window.Panzoom !== "function" || typeof HTMLDialogElement !== "function") return;
    var frames = document.querySelectorAll(".sg-chart-frame");
    Array.prototype.forEach.call(frames, function (frame, index) {
      var chart = frame.querySelector("svg.sg-chart");
      if (chart) new Viewer(frame, chart, index);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
