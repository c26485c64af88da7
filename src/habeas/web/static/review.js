// Habeas review queue: keyboard shortcuts and "select all". Works on the rows of merge
// suggestions (.suggestion-row) and of claims (.claim-row), in page order; decisions go
// through the row's own buttons (htmx, or a plain form post). "A"/"R" decide the rows selected
// in the list the focused row is in (else the first list with a selection).
"use strict";
(function () {
  var ROW = "tr.suggestion-row, tr.claim-row";
  var OPEN = "tr.suggestion-row:not(.done), tr.claim-row:not(.done)";
  var PICK = "input[type=checkbox][name]";
  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll(OPEN));
  }
  function current() {
    var active = document.activeElement;
    return active ? active.closest(ROW) : null;
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
  function bulk(action) {
    var row = current();
    var forms = row ? [row.closest("form")] :
      Array.prototype.slice.call(document.querySelectorAll("form.queue-form"));
    for (var i = 0; i < forms.length; i++) {
      var form = forms[i];
      if (form && form.querySelector(PICK + ":checked")) {
        press(form, "button[data-bulk=" + action + "]");
        return;
      }
    }
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
      case "x": press(row, PICK); break;
      case "A": bulk("accept"); break;
      case "R": bulk("reject"); break;
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
    // "all on this page" selects the open rows of its own list.
    if (event.target.classList && event.target.classList.contains("select-all")) {
      var form = event.target.closest("form");
      Array.prototype.slice.call(form.querySelectorAll(OPEN)).forEach(function (row) {
        var box = row.querySelector(PICK);
        if (box) { box.checked = event.target.checked; }
      });
    }
  });
  var decided = null;  // the id of the row whose button sent the last request
  document.addEventListener("htmx:beforeRequest", function (event) {
    var row = event.detail.elt.closest ? event.detail.elt.closest(ROW) : null;
    decided = row ? row.id : null;
  });
  document.addEventListener("htmx:afterSettle", function () {
    // After a decision the row is done: move to the next open row below it (or the first).
    var row = current() || (decided && document.getElementById(decided));
    if (row && !row.classList.contains("done")) { return; }
    var all = Array.prototype.slice.call(document.querySelectorAll(ROW));
    var after = row ? all.slice(all.indexOf(row) + 1) : all;
    var next = after.concat(all).filter(function (r) { return !r.classList.contains("done"); })[0];
    if (next) { next.focus(); }
  });
})();
