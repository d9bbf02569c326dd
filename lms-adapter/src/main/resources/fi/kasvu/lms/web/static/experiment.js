/* Kasvu team experiment: per-field autosave with optimistic locking. When another member changed
   the same field meanwhile, the server refuses (409) and both texts are shown: the member takes
   theirs, keeps their own, or merges in the field and keeps that. No dependencies. */
(function () {
  'use strict';

  var form = document.querySelector('form[data-team-autosave]');
  if (!form) { return; }
  var url = form.getAttribute('data-team-autosave');
  var csrf = form.querySelector('input[name=csrf]').value;
  var status = document.getElementById('save-status');
  var timers = {};
  var blocked = {};   // name -> true while a clash waits for the member's choice
  var ended = false;

  function say(key) {
    if (status) { status.textContent = status.getAttribute('data-' + key) || ''; }
  }

  function baseInput(name) {
    return form.querySelector('input[data-base-for="' + name + '"]');
  }

  function showError(el, message) {
    var box = document.getElementById(el.id + '-error');
    if (box) { box.textContent = message; }
    if (message) { el.setAttribute('aria-invalid', 'true'); } else { el.removeAttribute('aria-invalid'); }
  }

  function conflictBox(el, theirs, theirsBase, message) {
    blocked[el.name] = true;
    showError(el, message);
    var id = el.id + '-conflict';
    var box = document.getElementById(id);
    if (!box) {
      box = document.createElement('div');
      box.id = id;
      box.className = 'conflict';
      var title = document.createElement('p');
      title.className = 'conflict-title';
      title.textContent = status.getAttribute('data-theirs-label');
      var text = document.createElement('p');
      text.className = 'conflict-text';
      text.id = el.id + '-theirs';
      text.setAttribute('dir', 'auto');
      box.appendChild(title);
      box.appendChild(text);
      el.parentNode.parentNode.appendChild(box);
    }
    box.querySelector('.conflict-text').textContent = theirs;
    addButtons(box, el, theirs, theirsBase);
    say('conflict');
  }

  function addButtons(box, el, theirs, theirsBase) {
    if (box.querySelector('.conflict-buttons')) { return; }
    var buttons = document.createElement('div');
    buttons.className = 'buttons conflict-buttons';
    var useTheirs = document.createElement('button');
    useTheirs.type = 'button';
    useTheirs.className = 'secondary';
    useTheirs.textContent = status.getAttribute('data-use-theirs');
    useTheirs.addEventListener('click', function () {
      el.value = theirs;
      baseInput(el.name).value = theirsBase;
      resolved(el, box);
    });
    var keepMine = document.createElement('button');
    keepMine.type = 'button';
    keepMine.className = 'secondary';
    keepMine.textContent = status.getAttribute('data-keep-mine');
    keepMine.addEventListener('click', function () {
      baseInput(el.name).value = theirsBase;
      resolved(el, box);
      send(el);
    });
    buttons.appendChild(useTheirs);
    buttons.appendChild(keepMine);
    box.appendChild(buttons);
  }

  function resolved(el, box) {
    delete blocked[el.name];
    box.parentNode.removeChild(box);
    showError(el, '');
    el.focus();
  }

  function send(el) {
    if (ended || blocked[el.name]) { return; }
    var base = baseInput(el.name);
    if (!base) { return; }
    var value = el.value;
    var p = new URLSearchParams();
    p.append('csrf', csrf);
    p.append('name', el.name);
    p.append('value', value);
    p.append('base', base.value);
    say('saving');
    fetch(url, { method: 'POST', body: p, credentials: 'same-origin' })
      .then(function (response) {
        if (response.status === 401) {
          ended = true;
          say('ended');
          return null;
        }
        return response.json().then(function (json) {
          if (json.ok) {
            base.value = json.base;
            showError(el, '');
            say('saved');
          } else if (json.conflict) {
            conflictBox(el, json.theirs, json.theirsBase, json.message);
          } else if (json.stale || response.status === 403) {
            ended = true;
            showError(el, json.message || '');
            say('stale');
          } else {
            showError(el, json.message || '');
          }
        });
      })
      .catch(function () { say('offline'); });
  }

  // Clashes the server found in a full form post (without this script) get the same two buttons.
  Array.prototype.forEach.call(form.querySelectorAll('.team-field'), function (wrap) {
    var box = wrap.querySelector('.conflict');
    if (!box) { return; }
    var el = wrap.querySelector('[data-save]');
    var theirs = box.querySelector('.conflict-text').textContent;
    var keep = wrap.querySelector('input[data-base-for]').value;
    addButtons(box, el, theirs, keep);
  });

  form.addEventListener('input', function (e) {
    var el = e.target;
    if (!el.name || !el.hasAttribute('data-save') || !baseInput(el.name)) { return; }
    window.clearTimeout(timers[el.name]);
    timers[el.name] = window.setTimeout(function () { send(el); }, 800);
  });
})();
