/* Kasvu pages: autosave with drafts kept in the browser, deep-link return, print. No dependencies. */
(function () {
  'use strict';

  var auto = document.querySelector('form[data-autosubmit]');
  if (auto) { auto.submit(); }

  var print = document.querySelector('[data-print]');
  if (print) {
    print.hidden = false;
    print.addEventListener('click', function () { window.print(); });
  }

  // Inside the platform's iframe, ask it to fit the frame to the page (Moodle and others listen
  // for lti.frameResize); the message carries only a height.
  if (window.parent && window.parent !== window) {
    var resize = function () {
      window.parent.postMessage({ subject: 'lti.frameResize', height: document.documentElement.scrollHeight }, '*');
    };
    resize();
    window.addEventListener('resize', resize);
  }

  // A CSV file chosen for a paste box (peer groups' upload): its text goes into the box; nothing is
  // sent until the form is.
  Array.prototype.forEach.call(document.querySelectorAll('input[type=file][data-fills]'), function (input) {
    input.addEventListener('change', function () {
      var box = document.getElementById(input.getAttribute('data-fills'));
      var file = input.files && input.files[0];
      if (!box || !file || !window.FileReader) { return; }
      var reader = new FileReader();
      // The file field is emptied once its text is in the box, so the form sends the box (as
      // edited), not the file again; without scripts the form sends the file itself.
      reader.onload = function () { box.value = String(reader.result); input.value = ''; };
      reader.readAsText(file, 'utf-8');
    });
  });

  var summary = document.getElementById('error-summary');
  if (summary) { summary.focus(); }

  var form = document.querySelector('form[data-autosave]');
  if (!form) { return; }
  var url = form.getAttribute('data-autosave');
  var draftPrefix = 'kasvu:' + form.getAttribute('data-draft') + ':';
  var phase = (form.getAttribute('action') || '').split('/').pop();
  var csrf = form.querySelector('input[name=csrf]').value;
  var status = document.getElementById('save-status');
  var pending = {};      // name -> value still to be saved
  var timers = {};
  var retryDelay = 0;
  var retryTimer = null;
  var ended = false;

  function say(key) {
    if (status) { status.textContent = status.getAttribute('data-' + key) || ''; }
  }

  function valueOf(el) {
    if (el.type === 'checkbox') { return el.checked ? 'on' : ''; }
    return el.value;
  }

  function storage() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  function keepDraft(name, value) {
    var s = storage();
    if (s) { try { s.setItem(draftPrefix + name, value); } catch (e) { /* full or blocked */ } }
  }

  function dropDraft(name, value) {
    var s = storage();
    if (s && s.getItem(draftPrefix + name) === value) { s.removeItem(draftPrefix + name); }
  }

  function showError(name, message) {
    var el = form.elements[name];
    if (!el || !el.id) { return; }
    var box = document.getElementById(el.id + '-error');
    if (box) { box.textContent = message; }
    if (message) { el.setAttribute('aria-invalid', 'true'); } else { el.removeAttribute('aria-invalid'); }
  }

  function body(name, value) {
    var p = new URLSearchParams();
    p.append('csrf', csrf);
    p.append('phase', phase);
    p.append('name', name);
    p.append('value', value);
    return p;
  }

  function send(name) {
    if (!(name in pending) || ended) { return; }
    var value = pending[name];
    say('saving');
    fetch(url, { method: 'POST', body: body(name, value), credentials: 'same-origin',
                 keepalive: value.length < 30000 })
      .then(function (response) {
        if (response.status === 401 || response.status === 403) {
          ended = true;
          say('ended');
          return null;
        }
        return response.json().then(function (json) {
          if (pending[name] === value) { delete pending[name]; }
          if (json.ok) {
            dropDraft(name, value);
            showError(name, '');
          } else {
            showError(name, json.message || '');
          }
          retryDelay = 0;
          if (Object.keys(pending).length === 0) { say('saved'); }
        });
      })
      .catch(function () {
        say('offline');
        retryDelay = Math.min(retryDelay ? retryDelay * 2 : 2000, 30000);
        if (!retryTimer) {
          retryTimer = window.setTimeout(function () { retryTimer = null; flush(); }, retryDelay);
        }
      });
  }

  function flush() {
    Object.keys(pending).forEach(send);
  }

  function changed(el, wait) {
    if (!el.name) { return; }
    var value = valueOf(el);
    keepDraft(el.name, value);
    if (!el.hasAttribute('data-save')) { return; }
    pending[el.name] = value;
    window.clearTimeout(timers[el.name]);
    timers[el.name] = window.setTimeout(function () { send(el.name); }, wait);
  }

  form.addEventListener('input', function (e) { changed(e.target, 800); });
  form.addEventListener('change', function (e) { changed(e.target, 0); });
  window.addEventListener('online', flush);

  // Whatever is still unsaved when the tab closes or hides goes out as a beacon; the draft stays
  // in the browser until the server confirms, so nothing is lost either way.
  function beaconAll() {
    if (ended || !navigator.sendBeacon) { return; }
    Object.keys(pending).forEach(function (name) {
      if (navigator.sendBeacon(url, body(name, pending[name]))) {
        window.clearTimeout(timers[name]);
      }
    });
  }
  window.addEventListener('pagehide', beaconAll);
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') { beaconAll(); }
  });

  // A full form post saves everything itself: its drafts can go.
  form.addEventListener('submit', function () {
    var s = storage();
    if (!s) { return; }
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name && el.name !== 'csrf') { s.removeItem(draftPrefix + el.name); }
    });
  });

  // Restore drafts the server never confirmed (closed tab, lost connection, ended session).
  var restored = false;
  var s = storage();
  if (s) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === 'csrf') { return; }
      var draft = s.getItem(draftPrefix + el.name);
      if (draft === null || draft === valueOf(el)) {
        if (draft !== null) { s.removeItem(draftPrefix + el.name); }
        return;
      }
      if (el.type === 'checkbox') { el.checked = draft === 'on'; } else { el.value = draft; }
      restored = true;
      if (el.hasAttribute('data-save')) { pending[el.name] = draft; }
    });
  }
  if (restored) {
    say('restored');
    flush();
  }
})();
