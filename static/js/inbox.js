// The inbox's small enhancements; a file because the CSP forbids inline scripts. Everything works without it.
(function () {
  "use strict";

  function scrollToEnd(root) {
    (root || document).querySelectorAll("[data-autoscroll]").forEach(function (list) {
      list.scrollTop = list.scrollHeight;
    });
  }

  document.addEventListener("DOMContentLoaded", function () { scrollToEnd(); });
  document.addEventListener("htmx:afterSwap", function (event) { scrollToEnd(event.target.parentNode); });

  // A canned reply goes in at the cursor; the input event makes htmx recount the segments.
  document.addEventListener("change", function (event) {
    var select = event.target;
    if (!select.matches || !select.matches("[data-canned-into]") || !select.value) return;
    var box = document.querySelector(select.getAttribute("data-canned-into"));
    if (box) {
      var start = box.selectionStart || 0, end = box.selectionEnd || 0;
      box.value = box.value.slice(0, start) + select.value + box.value.slice(end);
      box.focus();
      box.selectionStart = box.selectionEnd = start + select.value.length;
      box.dispatchEvent(new Event("input", { bubbles: true }));
    }
    select.value = "";
  });

  // The suggested reply goes into the reply box, to be edited before sending.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-insert-into]");
    if (!button) return;
    var box = document.querySelector(button.getAttribute("data-insert-into"));
    if (!box) return;
    box.value = button.getAttribute("data-text");
    box.focus();
    box.dispatchEvent(new Event("input", { bubbles: true }));
  });

  // Ctrl+Enter (Cmd+Enter on a Mac) sends the reply.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
    var form = event.target.closest && event.target.closest("#composer");
    if (form) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  // After a reply is sent the reply box is replaced: keep the cursor in it.
  document.addEventListener("htmx:oobAfterSwap", function (event) {
    if (event.target.id !== "composer") return;
    var box = event.target.querySelector("textarea:not([disabled])");
    if (box && !event.target.querySelector("[role=alert]")) box.focus();
  });
})();
