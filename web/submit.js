// howopen's wizard script: previews the levels as the publisher answers, by posting the form's record to /api/v1/classify, and offers the server's "did you mean" for a mistyped license.
// Without this script the wizard works as plain forms (Check, Download YAML, Submit); it only adds the live preview.
/* global document, fetch, setTimeout, clearTimeout */
(function () {
  'use strict';
  var form = document.querySelector('form.wizard');
  if (!form || typeof fetch !== 'function') return;
  var TOP = ['id', 'name', 'organization', 'released'];

  // The same record recordFromForm builds on the server: empty fields left out, so classify reports what is missing.
  function record() {
    var r = { components: {} };
    TOP.forEach(function (f) { var el = form.elements.namedItem(f); if (el && el.value.trim()) r[f] = el.value.trim(); });
    Array.prototype.forEach.call(form.querySelectorAll('select[name^="c."]'), function (sel) {
      var key = sel.name.slice(2, -'.status'.length);
      if (!sel.value) return;
      var entry = { status: sel.value };
      var license = form.elements.namedItem('c.' + key + '.license');
      var evidence = form.elements.namedItem('c.' + key + '.evidence');
      if (license && license.value.trim()) entry.license = license.value.trim();
      if (evidence && evidence.value.trim()) entry.evidence = evidence.value.trim().split(/\s+/);
      r.components[key] = entry;
    });
    return r;
  }

  var live = document.createElement('section');
  live.id = 'live-preview';
  live.className = 'preview';
  live.setAttribute('aria-live', 'polite');
  form.parentNode.insertBefore(live, form.nextSibling);

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function clearSuggestions() {
    Array.prototype.forEach.call(form.querySelectorAll('.did-you-mean'), function (s) { s.parentNode.removeChild(s); });
  }

  // "unknown license "X" (did you mean A, B, C?)" on a component's license field: buttons that put a suggestion in.
  function suggest(problem) {
    var m = /^components\.(.+)\.license$/.exec(problem.field || '');
    var d = /did you mean ([^?)]+)\?/.exec(problem.message || '');
    if (!m || !d) return;
    var input = form.elements.namedItem('c.' + m[1] + '.license');
    if (!input) return;
    var box = el('span', 'Did you mean ', 'did-you-mean');
    d[1].split(/,\s*/).forEach(function (id) {
      var b = el('button', id);
      b.type = 'button';
      b.addEventListener('click', function () { input.value = id; clearSuggestions(); schedule(0); });
      box.appendChild(b);
      box.appendChild(document.createTextNode(' '));
    });
    input.parentNode.appendChild(box);
  }

  function show(status, body) {
    live.textContent = '';
    clearSuggestions();
    if (status === 200 && body && body.components) {
      live.appendChild(el('h2', 'The levels as you answer'));
      var table = el('table', undefined, 'plain');
      var tbody = el('tbody');
      Object.keys(body.components).forEach(function (key) {
        var c = body.components[key];
        var tr = el('tr');
        tr.setAttribute('data-component', key);
        tr.appendChild(el('th', key));
        tr.appendChild(el('td', c.level, 'level'));
        tr.appendChild(el('td', c.explanation));
        tbody.appendChild(tr);
      });
      table.appendChild(tbody);
      live.appendChild(table);
      live.appendChild(el('p', 'Check shows every framework verdict and the advice.'));
      return;
    }
    var problems = (body && body.problems) || [];
    live.appendChild(el('h2', 'Still to answer'));
    var ul = el('ul');
    if (!problems.length) ul.appendChild(el('li', (body && body.error) || 'the preview is not available now'));
    problems.forEach(function (p) { ul.appendChild(el('li', (p.field ? p.field + ': ' : '') + p.message)); suggest(p); });
    live.appendChild(ul);
  }

  // One request at a time: answers that come while one is out wait and send the form as it is then.
  var timer = null;
  var busy = false;
  var again = false;
  function run() {
    if (busy) { again = true; return; }
    busy = true;
    // JSON is YAML: the endpoint reads the record with its YAML parser and reports positions in this text.
    fetch('/api/v1/classify', { method: 'POST', headers: { 'Content-Type': 'application/yaml' }, body: JSON.stringify(record()), credentials: 'same-origin' })
      .then(function (res) { return res.json().then(function (body) { return [res.status, body]; }); })
      .then(function (a) { if (!again) show(a[0], a[1]); }, function () { /* the plain Check button still works */ })
      .then(function () { busy = false; if (again) { again = false; run(); } });
  }
  function schedule(ms) { if (timer) clearTimeout(timer); timer = setTimeout(run, ms); }
  form.addEventListener('input', function () { schedule(400); });
  form.addEventListener('change', function () { schedule(150); });
})();
