/* global document */
// Shared by every host page: the user switcher submits as soon as another person is chosen.
(function () {
  'use strict';
  var select = document.getElementById('switch-user');
  if (!select) return;
  select.addEventListener('change', function () {
    if (select.form) select.form.submit();
  });
})();
