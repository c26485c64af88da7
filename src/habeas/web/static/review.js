// Habeas review queue: keyboard shortcuts and "select all". Works on rows marked
// .claim-row; decisions go through the row's own buttons (htmx, or a plain form post).
"use strict";
(function () {
  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("tr.claim-row:not(.done)"));
  }
  function current() {
    var active = document.activeElement;
    return active ? active.closest("tr.claim-row") : null;
  }
  function focusRow(index) {
    var all = rows();
    if (!all.length) { return; }
    index = Math.max(0, Math.min(all.length - 1, index));
    all[index].focus();
    all[index].scrollIntoView({ block: "nearest" });
  }
  function move(step) {
    var all = rows();
    var row = current();
    focusRow(row ? all.indexOf(row) + step : 0);
  }
  function press(row, selector) {
    var button = row && row.querySelector(selector);
    if (button) { button.click(); }
  }
  function bulk(id) {
    var button = document.getElementById(id);
    if (button && document.querySelector("input[name=ids]:checked")) { button.click(); }
  }
  document.addEventListener("keydown", function (event) {
    var tag = event.target.tagName;
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (tag === "INPUT" && event.target.type !== "checkbox" || tag === "TEXTAREA" || tag === "SELECT") {
      if (event.key === "Escape") { event.target.blur(); }
      return;
    }
    var row = current();
    switch (event.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "a": press(row, "button.accept"); break;
      case "r": press(row, "button.reject"); break;
      case "e":
        if (row && row.querySelector(".edit-value")) {
          event.preventDefault();
          row.querySelector(".edit-value").focus();
        }
        break;
      case "x": press(row, "input[name=ids]"); break;
      case "A": bulk("bulk-accept"); break;
      case "R": bulk("bulk-reject"); break;
      default: return;
    }
  });
  document.addEventListener("keydown", function (event) {
    // Enter in a row's edit box saves the edit through the row's Edit button.
    if (event.key === "Enter" && event.target.classList && event.target.classList.contains("edit-value")) {
      event.preventDefault();
      press(event.target.closest("tr.claim-row"), "button.edit");
    }
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "select-all") {
      rows().forEach(function (row) {
        var box = row.querySelector("input[name=ids]");
        if (box) { box.checked = event.target.checked; }
      });
    }
  });
  document.addEventListener("htmx:afterSettle", function () {
    // After a decision the row is done: move to the next open row below it (or the first).
    var row = current();
    if (row && !row.classList.contains("done")) { return; }
    var all = Array.prototype.slice.call(document.querySelectorAll("tr.claim-row"));
    var after = row ? all.slice(all.indexOf(row) + 1) : all;
    var next = after.concat(all).filter(function (r) { return !r.classList.contains("done"); })[0];
    if (next) { next.focus(); }
  });
})();
