// The admin's date picker (jQuery xdsoft datetimepicker, drawn by Wagtail's script) has
// icon-only buttons without a name, and an English "Save Selected": give them Vietnamese
// names, read aloud and shown as tooltips. Also names the header's action bar. Loaded on every admin page (insert_global_admin_js, site_core/editorial/wagtail_hooks.py).
(function () {
  'use strict';

  var LABELS = [
    ['.xdsoft_datepicker .xdsoft_prev', 'Tháng trước'],
    ['.xdsoft_datepicker .xdsoft_today_button', 'Về hôm nay'],
    ['.xdsoft_datepicker .xdsoft_next', 'Tháng sau'],
    ['.xdsoft_timepicker .xdsoft_prev', 'Giờ sớm hơn'],
    ['.xdsoft_timepicker .xdsoft_next', 'Giờ muộn hơn'],
  ];

  var SAVE_SELECTED = 'Chọn';

  function label(root) {
    root.querySelectorAll('.xdsoft_save_selected').forEach(function (button) {
      if (button.textContent !== SAVE_SELECTED) button.textContent = SAVE_SELECTED;
    });
    LABELS.forEach(function (pair) {
      root.querySelectorAll(pair[0]).forEach(function (button) {
        if (button.getAttribute('aria-label') !== pair[1]) {
          button.setAttribute('aria-label', pair[1]);
          button.setAttribute('title', pair[1]);
        }
      });
    });
  }

  // The header's action bar is named in English in Wagtail's template, without gettext
  // (wagtailadmin/shared/headers/_actions.html).
  function nameHeaderActions() {
    var nav = document.querySelector('nav#w-slim-header-buttons[aria-label="Actions"]');
    if (nav) nav.setAttribute('aria-label', 'Thao tác');
  }

  function start() {
    nameHeaderActions();
    label(document);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        mutation.addedNodes.forEach(function (node) {
          if (node.nodeType !== Node.ELEMENT_NODE) return;
          // Pickers are added to the body or inside the field's own container.
          if (node.matches('.xdsoft_datetimepicker') || node.querySelector('.xdsoft_datetimepicker')) {
            label(node);
          }
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
