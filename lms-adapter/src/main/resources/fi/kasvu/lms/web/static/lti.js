/* Kasvu LTI hand-over pages: client-side state in the platform (LTI postMessage storage) and the
   registration window's close button. Values come from data attributes, never from the script. */
(function () {
  'use strict';
  var d = document.getElementById('kasvu');
  if (d) {
    var data = d.dataset;
    var target = data.target === '_parent' ? window.parent : (window.parent.frames[data.target] || window.parent);
    var id = 'kasvu-' + Math.random().toString(36).slice(2);
    var done = false;
    if (data.step === 'put') {
      var go = function () { if (!done) { done = true; window.location.href = data.auth; } };
      window.addEventListener('message', function (e) {
        if (e.origin === data.origin && e.data && e.data.message_id === id) { go(); }
      });
      try {
        target.postMessage({subject: 'lti.put_data', message_id: id, key: 'kasvu_state_' + data.state,
          value: data.state}, data.origin);
      } catch (x) { go(); }
      setTimeout(go, 2000);
    } else if (data.step === 'get') {
      var form = document.getElementById('relaunch');
      var send = function (v) {
        if (!done) { done = true; form.elements['lti_storage_state'].value = v || ''; form.submit(); }
      };
      window.addEventListener('message', function (e) {
        if (e.origin === data.origin && e.data && e.data.message_id === id) { send(e.data.value); }
      });
      try {
        target.postMessage({subject: 'lti.get_data', message_id: id, key: 'kasvu_state_' + data.state}, data.origin);
      } catch (x) { send(''); }
      setTimeout(function () { send(''); }, 2000);
    }
  }
  var close = document.getElementById('close');
  if (close) {
    close.addEventListener('click', function () {
      (window.opener || window.parent).postMessage({subject: 'org.imsglobal.lti.close'}, '*');
    });
  }
})();
