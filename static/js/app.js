// Small progressive enhancements. Loaded as a file because the CSP forbids inline scripts.
(function () {
  "use strict";

  function onClick(selector, handler) {
    document.addEventListener("click", function (event) {
      var target = event.target.closest(selector);
      if (target) handler(event, target);
    });
  }

  // A chart wider than a phone opens on its latest days (the right end), not on the oldest.
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".chart-scroll").forEach(function (box) {
      box.scrollLeft = box.scrollWidth;
    });
  });

  // <button data-copy="#id-of-input">: copy the value (or text) of the target, then say so.
  onClick("[data-copy]", function (event, button) {
    event.preventDefault();
    var source = document.querySelector(button.getAttribute("data-copy"));
    if (!source) return;
    var text = "value" in source ? source.value : source.textContent;
    var done = function () {
      var label = button.getAttribute("data-copied") || "Copied";
      var original = button.textContent;
      button.textContent = label;
      button.setAttribute("aria-live", "polite");
      setTimeout(function () { button.textContent = original; }, 1600);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(source); done(); });
    } else {
      fallbackCopy(source);
      done();
    }
  });

  function fallbackCopy(source) {
    if (source.select) {
      source.select();
      document.execCommand("copy");
    }
  }

  // Mobile: the menu button opens and closes the sidebar.
  onClick("[data-nav-toggle]", function (event, button) {
    var open = document.body.classList.toggle("nav-open");
    button.setAttribute("aria-expanded", open ? "true" : "false");
  });

  // <form data-confirm="Really?">: ask before a destructive submit.
  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute && event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) event.preventDefault();
  }, true);

  // <select data-autosubmit>: submit its form on change (a store or period picker).
  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("[data-autosubmit]")) event.target.form.requestSubmit();
  });

  // Close the store switcher when clicking elsewhere.
  document.addEventListener("click", function (event) {
    document.querySelectorAll("details[data-dropdown][open]").forEach(function (details) {
      if (!details.contains(event.target)) details.removeAttribute("open");
    });
  });
})();
