// The inbox's small enhancements; a file because the CSP forbids inline scripts. Everything works without it.
(function () {
  "use strict";

  function scrollToEnd(root) {
    (root || document).querySelectorAll("[data-autoscroll]").forEach(function (list) {
      list.scrollTop = list.scrollHeight;
    });
  }

  // A product picture that does not load (a shop's CDN down, a made-up host) becomes the grey tile shown
  // for items without one, never the browser's broken-image icon.
  function replaceBrokenImage(img) {
    var tile = document.createElement("span");
    tile.className = "ib-item-noimg";
    tile.setAttribute("aria-hidden", "true");
    img.replaceWith(tile);
  }
  function replaceBrokenImages(root) {
    (root || document).querySelectorAll(".ib-item img").forEach(function (img) {
      if (img.complete && img.naturalWidth === 0 && img.getAttribute("src")) replaceBrokenImage(img);
    });
  }
  document.addEventListener("error", function (event) {
    var img = event.target;
    if (img.tagName === "IMG" && img.closest(".ib-item")) replaceBrokenImage(img);
  }, true);

  document.addEventListener("DOMContentLoaded", function () { scrollToEnd(); replaceBrokenImages(); });
  document.addEventListener("htmx:afterSwap", function (event) {
    scrollToEnd(event.target.parentNode);
    replaceBrokenImages(event.target);
  });

  // A canned reply, the checkout link or the discount code goes in at the cursor; the input event makes
  // htmx recount the segments.
  function insertAtCursor(selector, text) {
    var box = document.querySelector(selector);
    if (!box) return;
    var start = box.selectionStart || 0, end = box.selectionEnd || 0;
    var before = box.value.slice(0, start), spacer = before && !/\s$/.test(before) ? " " : "";
    box.value = before + spacer + text + box.value.slice(end);
    box.focus();
    box.selectionStart = box.selectionEnd = start + spacer.length + text.length;
    box.dispatchEvent(new Event("input", { bubbles: true }));
  }
  document.addEventListener("change", function (event) {
    var select = event.target;
    if (!select.matches || !select.matches("[data-canned-into]") || !select.value) return;
    insertAtCursor(select.getAttribute("data-canned-into"), select.value);
    select.value = "";
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-insert]");
    if (!button) return;
    insertAtCursor(button.getAttribute("data-insert-into"), button.getAttribute("data-insert"));
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
