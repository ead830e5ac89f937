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
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
