// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  // Share links (site_core/includes/share_links.html): copy the page's address.
  document.querySelectorAll("[data-copy-link]").forEach(function (button) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var status = button.closest(".share-links");
      status = status && status.querySelector("[data-copy-status]");
      navigator.clipboard.writeText(button.getAttribute("data-copy-link")).then(
        function () { if (status) status.textContent = "Đã sao chép liên kết."; },
        function () { if (status) status.textContent = "Không sao chép được liên kết."; }
      );
    });
  });
  // Phones: the header's search and main menu fold behind the menu button
  // (site_core/includes/site_header.html). Without this file both stay open.
  var PHONE = window.matchMedia("(max-width: 767.98px)");
  document.querySelectorAll("[data-menu-header]").forEach(function (header) {
    var button = header.querySelector("[data-menu-toggle]");
    if (!button) return;
    function setOpen(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      header.classList.toggle("is-open", open);
    }
    header.classList.add("is-collapsible");
    button.hidden = false;
    setOpen(false);
    button.addEventListener("click", function () {
      setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    header.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && PHONE.matches && header.classList.contains("is-open")) {
        setOpen(false);
        button.focus();
      }
    });
  });
  // The register's filters (legal_docs/legal_document_index_page.html) come open; on a
  // phone they fold unless a filter is in use, so that the first results show.
  var foldable = document.querySelectorAll("details[data-fold-on-phone]");
  function fold() {
    foldable.forEach(function (details) {
      details.open = !PHONE.matches;
    });
  }
  if (PHONE.matches) fold();
  // Turning a tablet or resizing a window across the breakpoint follows the same rule.
  if (foldable.length && PHONE.addEventListener) PHONE.addEventListener("change", fold);
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
