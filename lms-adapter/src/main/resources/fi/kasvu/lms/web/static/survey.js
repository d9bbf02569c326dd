/* Kasvu surveys: keeps the round's ballot key in this browser, so that answering again replaces the
   earlier answer. The key never leaves the browser except inside the answer form, and the server
   stores only a hash of it. No dependencies. */
(function () {
  'use strict';
  var form = document.querySelector('form[data-ballot-store]');
  if (!form) { return; }
  var input = form.querySelector('input[data-ballot]');
  var name = form.getAttribute('data-ballot-store');
  var valid = /^[A-Za-z0-9_-]{32,200}$/;
  function sync() {
    try {
      var kept = window.localStorage.getItem(name);
      if (kept && valid.test(kept)) {
        input.value = kept;
      } else {
        window.localStorage.setItem(name, input.value);
      }
    } catch (storageBlocked) {
      // Without storage the form's own key is used: the answer counts once and cannot be changed later.
    }
  }
  sync();
  form.addEventListener('submit', sync);
})();
