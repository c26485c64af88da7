// Habeas: small behaviours without inline script (the Content-Security-Policy forbids it).
"use strict";
document.addEventListener("click", function (event) {
  var target = event.target.closest("[data-print]");
  if (target) {
    event.preventDefault();
    window.print();
  }
});
