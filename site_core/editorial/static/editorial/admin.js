// The admin's date picker (jQuery xdsoft datetimepicker, drawn by Wagtail's script) has
// icon-only buttons without a name: give them Vietnamese names, read aloud and shown as
// tooltips. Loaded on every admin page (insert_global_admin_js, site_core/editorial/wagtail_hooks.py).
(function () {
  'use strict';

  var LABELS = [
    ['.xdsoft_datepicker .xdsoft_prev', 'Tháng trước'],
    ['.xdsoft_datepicker .xdsoft_today_button', 'Về hôm nay'],
    ['.xdsoft_datepicker .xdsoft_next', 'Tháng sau'],
    ['.xdsoft_timepicker .xdsoft_prev', 'Giờ sớm hơn'],
    ['.xdsoft_timepicker .xdsoft_next', 'Giờ muộn hơn'],
  ];

  function label(root) {
    LABELS.forEach(function (pair) {
      root.querySelectorAll(pair[0]).forEach(function (button) {
        if (button.getAttribute('aria-label') !== pair[1]) {
          button.setAttribute('aria-label', pair[1]);
          button.setAttribute('title', pair[1]);
        }
      });
    });
  }

  function start() {
    label(document);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        mutation.addedNodes.forEach(function (node) {
          if (node.nodeType === Node.ELEMENT_NODE && node.matches('.xdsoft_datetimepicker')) {
            label(node);
          }
        });
      });
    }).observe(document.body, { childList: true });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
