// howopen's client script: sorts and filters the index in place and keeps the state in the URL; picks the columns of the static compare page.
// The server renders the same state from the URL, so every page works without this script.
/* global document, location, history, performance, setTimeout, URL, URLSearchParams */
(function () {
  'use strict';

  // ---- conditions: the same syntax and meaning as src/core/query.ts ----

  function parseLevel(text) {
    var t = String(text).trim();
    if (/^n\/?a$/i.test(t)) return 'N/A';
    if (/^unknown$/i.test(t)) return 'Unknown';
    var m = /^[CD]?([1-5])$/i.exec(t);
    return m ? Number(m[1]) : undefined;
  }

  function parseCondition(text) {
    var m = /^\s*([a-z._]+)\s*(>=|<=|!=|=|>|<|~)\s*(.*?)\s*$/i.exec(text);
    return m ? { field: m[1], op: m[2], value: m[3] } : null;
  }

  function compare(a, b, op) {
    switch (op) {
      case '=': return a === b;
      case '!=': return a !== b;
      case '>=': return a >= b;
      case '<=': return a <= b;
      case '>': return a > b;
      case '<': return a < b;
      case '~': return String(a).toLowerCase().indexOf(String(b).toLowerCase()) >= 0;
    }
    return false;
  }

  /** A row's own entry for a field, never one from Object.prototype ("constructor", "__proto__"). */
  function own(map, key) {
    return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
  }

  /**
   * A rights field (deployment.data.weights.commercial, weights.commercial, data.relicense): the
   * answer the server rendered for that subject and right (data-r, from the core's answerFor), or
   * undefined when the field is not one.
   */
  function rightsAnswer(row, field, rights) {
    var dot = field.lastIndexOf('.');
    if (dot < 0 || !rights) return undefined;
    var right = own(rights.aliases, field.slice(dot + 1));
    var subject = own(rights.subjects, field.slice(0, dot));
    if (right === undefined || subject === undefined) return undefined;
    var letter = (row.rights[subject] || '').charAt(rights.keys.indexOf(right));
    return own(ANSWER_LETTERS, letter) || '';
  }

  var ANSWER_LETTERS = { y: 'yes', n: 'no', u: 'unknown', '-': 'n/a' };

  function matches(row, c, rights) {
    var answer = rightsAnswer(row, c.field, rights);
    if (answer !== undefined) return compare(answer, c.value.toLowerCase(), c.op);
    var cell = own(row.cells, c.field);
    if (cell) {
      if (c.op === '~') return compare(cell.level + ' ' + cell.license, c.value, '~');
      var want = parseLevel(c.value);
      if (want === undefined) return false;
      // N/A and Unknown equal only themselves; they have no order against levels.
      if (typeof want !== 'number' || cell.score === null) {
        var same = cell.level === want;
        return c.op === '=' ? same : c.op === '!=' ? !same : false;
      }
      return compare(cell.score, want, c.op);
    }
    var value = own(row.fields, c.field);
    if (value === undefined) return false;
    var eq = c.op === '=' || c.op === '!=';
    return eq ? compare(value.toLowerCase(), c.value.toLowerCase(), c.op) : compare(value, c.value, c.op);
  }

  function scoreOf(className) {
    var m = /\bs([1-5])\b/.exec(className);
    return m ? Number(m[1]) : null;
  }

  // ---- the index ----

  /** The verdict filters and the columns that hold their values, in the order the server renders them. */
  var VERDICTS = ['mof', 'osaid', 'exempt'];

  function initIndex(table, form) {
    var tbody = table.tBodies[0];
    var heads = Array.prototype.slice.call(table.tHead.querySelectorAll('th[data-key]'));
    var keys = Array.prototype.slice.call(table.tHead.rows[2].cells).map(function (th) { return th.getAttribute('data-key'); });
    var rows = Array.prototype.map.call(tbody.rows, readRow);
    var count = document.querySelector('#count strong');
    var state = { sort: table.getAttribute('data-sort') || '' };
    // The rights' order and names, as the server wrote them beside the answers.
    var rights = { keys: (table.getAttribute('data-rights') || '').split(' '), aliases: {}, subjects: {} };
    (table.getAttribute('data-aliases') || '').split(' ').forEach(function (pair) { var kv = pair.split('='); if (kv[1]) rights.aliases[kv[0]] = kv[1]; });
    (table.getAttribute('data-subjects') || '').split(' ').forEach(function (subject, i) { if (subject) rights.subjects[subject] = i; });

    function readRow(tr) {
      var cells = tr.cells;
      var head = cells[0];
      var levels = {};
      var text = [tr.getAttribute('data-id'), head.querySelector('a').textContent, head.querySelector('small').textContent, cells[1].textContent];
      for (var j = 0; j < keys.length; j++) {
        var td = cells[2 + j];
        var link = td.querySelector('a') || td;
        var note = td.querySelector('i');
        var other = td.querySelector('b');
        var noteText = note ? note.textContent : '';
        var hint = noteText.charAt(0) === '≈';
        var cell = {
          level: link.firstChild ? link.firstChild.nodeValue : '',
          score: scoreOf(td.className),
          license: hint ? '' : noteText,
        };
        levels[keys[j]] = cell;
        text.push(cell.level, hint ? noteText.slice(1) : noteText, other ? other.textContent.trim().slice(1) : '');
      }
      var openness = parseFloat(cells[2 + keys.length].textContent);
      // The verdicts cell after openness holds, one per line, the values the filters take: mof=none, osaid=pass, exempt=unknown.
      var fields = { id: text[0], name: text[1], organization: text[2], released: text[3], family: tr.getAttribute('data-f') || '', modality: tr.getAttribute('data-m') || '' };
      var marks = cells[3 + keys.length] ? cells[3 + keys.length].querySelectorAll('b') : [];
      for (var v = 0; v < VERDICTS.length; v++) fields[VERDICTS[v]] = marks[v] ? marks[v].textContent : '';
      return {
        tr: tr,
        i: Number(tr.getAttribute('data-i')),
        cells: levels,
        fields: fields,
        rights: (tr.getAttribute('data-r') || '').split(' '),
        openness: isNaN(openness) ? -1 : openness,
        text: text.filter(Boolean).join(' ').toLowerCase(),
      };
    }

    function formState() {
      var el = form.elements;
      var where = Array.prototype.map.call(form.querySelectorAll('input[name=where]'), function (i) { return i.value; });
      var s = {
        q: el.q.value.trim(), org: el.org.value, from: el.from.value.trim(), to: el.to.value.trim(),
        component: el.component.value, op: el.op.value, level: el.level.value, where: where,
        can: el.can ? el.can.value : '', for: el.for ? el.for.value : '',
      };
      VERDICTS.forEach(function (k) { s[k] = el[k] ? el[k].value : ''; });
      return s;
    }

    function conditions(s) {
      var list = [];
      if (s.org) list.push({ field: 'organization', op: '=', value: s.org });
      if (/^\d{4}$/.test(s.from)) list.push({ field: 'released', op: '>=', value: s.from });
      if (/^\d{4}$/.test(s.to)) list.push({ field: 'released', op: '<', value: String(Number(s.to) + 1) });
      if (s.component && s.level) list.push({ field: s.component, op: s.op, value: s.level });
      VERDICTS.forEach(function (k) { if (s[k]) list.push({ field: k, op: '=', value: s[k] }); });
      if (s.can) list.push({ field: (s.for || 'weights') + '.' + s.can, op: '=', value: 'yes' });
      s.where.forEach(function (w) { var c = parseCondition(w); if (c) list.push(c); });
      return list;
    }

    function query(s, sort) {
      var p = new URLSearchParams();
      var current = new URLSearchParams(location.search);
      if (s.q) p.set('q', s.q);
      if (s.org) p.set('org', s.org);
      if (s.from) p.set('from', s.from);
      if (s.to) p.set('to', s.to);
      if (s.component && s.level) { p.set('component', s.component); p.set('op', s.op); p.set('level', s.level); }
      VERDICTS.forEach(function (k) { if (s[k]) p.set(k, s[k]); });
      if (s.can) { p.set('can', s.can); p.set('for', s.for || 'weights'); }
      s.where.forEach(function (w) { p.append('where', w); });
      if (sort) p.set('sort', sort);
      ['source', 'reading', 'as-of'].forEach(function (k) { if (current.get(k)) p.set(k, current.get(k)); });
      return p;
    }

    function withQuery(href, p) {
      var u = new URL(href, location.href);
      var keep = new URLSearchParams(u.search);
      var next = new URLSearchParams(p);
      ['source', 'reading', 'as-of'].forEach(function (k) { next.delete(k); if (keep.get(k)) next.set(k, keep.get(k)); });
      u.search = next.toString();
      return u.href;
    }

    function nextSort(key, descFirst) {
      if (state.sort === key) return '-' + key;
      if (state.sort === '-' + key) return key;
      return descFirst ? '-' + key : key;
    }

    var linksPending = false;

    /** The URL and the sort markers now; the links' targets (seen only on hover, focus or a new tab) a moment later. */
    function syncLinks() {
      var s = formState();
      var p = query(s, state.sort);
      var search = p.toString();
      history.replaceState(null, '', location.pathname + (search ? '?' + search : '') + location.hash);
      heads.forEach(function (th) {
        var key = th.getAttribute('data-key');
        var sort = state.sort === key ? 'ascending' : state.sort === '-' + key ? 'descending' : null;
        if (th.getAttribute('aria-sort') !== sort) {
          if (sort) th.setAttribute('aria-sort', sort); else th.removeAttribute('aria-sort');
        }
      });
      var sortInput = form.querySelector('input[name=sort]');
      if (sortInput) sortInput.value = state.sort;
      if (!linksPending) {
        linksPending = true;
        setTimeout(updateLinks, 0);
      }
    }

    function updateLinks() {
      linksPending = false;
      var s = formState();
      var p = query(s, state.sort);
      heads.forEach(function (th) {
        var a = th.querySelector('a');
        var href = withQuery(location.href, query(s, nextSort(th.getAttribute('data-key'), th.hasAttribute('data-desc'))));
        if (a.href !== href) a.href = href;
      });
      Array.prototype.forEach.call(document.querySelectorAll('a.keepstate'), function (a) {
        var href = withQuery(a.href, p);
        if (a.href !== href) a.href = href;
      });
    }

    // A long registry shows the first PAGE matching rows and buttons for more: laying out thousands of
    // rows is what makes a sort slow, not the sort itself. A registry of up to SMALL models shows them all.
    var SMALL = 500;
    var PAGE = rows.length <= SMALL ? Infinity : 100;
    var limit = PAGE;
    var shown = [];
    var more = document.createElement('p');
    more.className = 'more';
    more.hidden = true;
    var morePage = document.createElement('button');
    var moreAll = document.createElement('button');
    morePage.type = moreAll.type = 'button';
    morePage.setAttribute('data-more', 'page');
    moreAll.setAttribute('data-more', 'all');
    more.append(morePage, ' ', moreAll);
    table.parentNode.insertAdjacentElement('afterend', more);
    more.addEventListener('click', function (event) {
      var which = event.target.getAttribute('data-more');
      if (!which) return;
      limit = which === 'all' ? Infinity : limit + PAGE;
      render();
    });

    function render() {
      var matching = rows.filter(function (row) { return row.match; });
      var next = matching.slice(0, limit);
      var same = next.length === shown.length && next.every(function (row, i) { return row === shown[i]; });
      if (!same) {
        next.forEach(function (row) { if (row.tr.hidden) row.tr.hidden = false; });
        tbody.replaceChildren.apply(tbody, next.map(function (row) { return row.tr; }));
        shown = next;
      }
      count.textContent = String(matching.length);
      var rest = matching.length - next.length;
      more.hidden = rest <= 0;
      if (rest > 0) {
        morePage.textContent = 'Show ' + Math.min(PAGE, rest) + ' more';
        morePage.hidden = rest <= PAGE;
        moreAll.textContent = 'Show all ' + matching.length;
      }
    }

    function filter() {
      performance.mark('howopen-filter-start');
      var s = formState();
      var list = conditions(s);
      var q = s.q.toLowerCase();
      for (var r = 0; r < rows.length; r++) {
        var row = rows[r];
        var ok = !q || row.text.indexOf(q) >= 0;
        for (var c = 0; ok && c < list.length; c++) ok = matches(row, list[c], rights);
        row.match = ok;
      }
      limit = PAGE;
      render();
      syncLinks();
      void table.offsetHeight; // lay out inside the measure: the user waits for that too
      performance.measure('howopen-filter', 'howopen-filter-start');
    }

    function sortValue(row, field) {
      var cell = own(row.cells, field);
      if (cell) return cell.score || 0;
      if (field === 'openness') return row.openness;
      return (own(row.fields, field) || '').toLowerCase();
    }

    function sort(key) {
      performance.mark('howopen-sort-start');
      state.sort = key;
      var desc = key.charAt(0) === '-';
      var field = desc ? key.slice(1) : key;
      var sign = desc ? -1 : 1;
      var keyed = rows.map(function (row) { return { row: row, v: field ? sortValue(row, field) : 0 }; });
      // Ties keep the registry's order, as on the server.
      keyed.sort(function (a, b) { return a.v < b.v ? -sign : a.v > b.v ? sign : a.row.i - b.row.i; });
      rows = keyed.map(function (k) { return k.row; });
      render();
      syncLinks();
      void table.offsetHeight;
      performance.measure('howopen-sort', 'howopen-sort-start');
    }

    // A link followed before its target was brought up to date gets it now.
    document.addEventListener('click', function () { if (linksPending) updateLinks(); }, true);
    table.tHead.addEventListener('click', function (event) {
      var a = event.target.closest('th[data-key] a');
      if (!a || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      var th = a.parentElement;
      sort(nextSort(th.getAttribute('data-key'), th.hasAttribute('data-desc')));
      a.focus();
    });
    form.addEventListener('input', filter);
    form.addEventListener('submit', function (event) { event.preventDefault(); filter(); });
    var reset = form.querySelector('a.reset');
    if (reset) {
      reset.addEventListener('click', function (event) {
        event.preventDefault();
        ['q', 'org', 'from', 'to', 'component', 'level', 'can'].concat(VERDICTS).forEach(function (n) { if (form.elements[n]) form.elements[n].value = ''; });
        form.elements.op.value = '>=';
        if (form.elements.for) form.elements.for.value = 'weights';
        Array.prototype.forEach.call(form.querySelectorAll('input[name=where], p.where'), function (el) { el.remove(); });
        filter();
      });
    }

    // A static host serves the same file for every query: take the state from the URL.
    var params = new URLSearchParams(location.search);
    ['q', 'org', 'from', 'to', 'component', 'op', 'level', 'can', 'for'].concat(VERDICTS).forEach(function (n) {
      var value = n === 'can' ? own(rights.aliases, params.get(n)) || params.get(n) : params.get(n);
      if (params.has(n) && form.elements[n] && form.elements[n].value !== value) form.elements[n].value = value;
    });
    if (!form.querySelector('input[name=where]')) {
      params.getAll('where').forEach(function (w) {
        var input = document.createElement('input');
        input.type = 'hidden';
        input.name = 'where';
        input.value = w;
        form.appendChild(input);
      });
    }
    shown = rows.slice();
    var wanted = params.get('sort') || '';
    if (wanted !== state.sort) sort(wanted);
    filter();
    table.setAttribute('data-ready', '');
  }

  // ---- the static compare page: show the chosen columns, mark the rows that differ ----

  /** Shows the chosen columns of one table and marks its rows: by band where cells carry one (data-b), else by value; returns [differing, levels only, total]. */
  function chooseColumns(table, ids) {
    Array.prototype.forEach.call(table.querySelectorAll('[data-m]'), function (el) { el.hidden = ids.indexOf(el.getAttribute('data-m')) < 0; });
    var differing = 0;
    var minor = 0;
    var total = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (tr) {
      var mark = tr.querySelector('.diffmark');
      if (!mark) return;
      total++;
      var values = {};
      var bands = {};
      var nValues = 0;
      var nBands = 0;
      Array.prototype.forEach.call(tr.querySelectorAll('td[data-m]:not([hidden])'), function (td) {
        var link = td.querySelector('a') || td;
        var v = td.hasAttribute('data-v') ? td.getAttribute('data-v') : link.firstChild ? link.firstChild.nodeValue : '';
        var b = td.hasAttribute('data-b') ? td.getAttribute('data-b') : v;
        if (!own(values, v)) { values[v] = true; nValues++; }
        if (!own(bands, b)) { bands[b] = true; nBands++; }
      });
      var differs = nBands > 1;
      var levelOnly = !differs && nValues > 1;
      if (differs) differing++;
      if (levelOnly) minor++;
      tr.classList.toggle('diff', differs);
      tr.classList.toggle('minor', levelOnly);
      mark.hidden = !differs;
      var minorMark = tr.querySelector('.minormark');
      if (minorMark) minorMark.hidden = !levelOnly;
    });
    return [differing, minor, total];
  }

  /** A model typed by name or id, as the server reads it: the id itself, else the model whose name it is. */
  function resolveId(text, options) {
    var t = text.trim().toLowerCase();
    for (var i = 0; i < options.length; i++) if (options[i].value.toLowerCase() === t) return options[i].value;
    for (var j = 0; j < options.length; j++) {
      var name = options[j].textContent.replace(/ \([^)]*\)$/, '').toLowerCase();
      if (name === t) return options[j].value;
    }
    return text.trim();
  }

  function initCompare(tables) {
    var options = document.querySelectorAll('#model-ids option');
    var ids = [];
    new URLSearchParams(location.search).getAll('ids').forEach(function (v) {
      v.split(',').forEach(function (id) { id = resolveId(id, options); if (id && ids.indexOf(id) < 0) ids.push(id); });
    });
    var form = document.getElementById('compare-form');
    var inputs = form ? form.querySelectorAll('input[name=ids]') : [];
    // The static page has a few empty fields: add one per chosen model beyond them, keeping two free.
    var fieldset = form ? form.querySelector('fieldset') : null;
    for (var k = inputs.length; fieldset && k < ids.length + 2; k++) {
      var label = document.createElement('label');
      var input = document.createElement('input');
      input.type = 'text'; input.name = 'ids'; input.setAttribute('list', 'model-ids'); input.autocomplete = 'off';
      label.append('Model ' + (k + 1) + ' ', input);
      fieldset.appendChild(label);
    }
    inputs = form ? form.querySelectorAll('input[name=ids]') : [];
    Array.prototype.forEach.call(inputs, function (input, i) { input.value = ids[i] || ''; });
    var counts = tables.map(function (t) { return chooseColumns(t, ids); });
    var status = document.getElementById('compare-status');
    if (status) {
      status.textContent = ids.length < 2 ? 'Choose at least two models to compare.'
        : counts[0][0] + ' of ' + counts[0][2] + ' components differ in band' + (counts[0][1] ? ' (' + counts[0][1] + ' more only in level)' : '') + (counts[1] ? '; ' + counts[1][0] + ' of ' + counts[1][2] + ' verdicts differ.' : '.');
    }
    tables.forEach(function (t) { t.setAttribute('data-ready', ''); });
  }

  var table = document.getElementById('taxonomy');
  var form = document.getElementById('filters');
  if (table && form) initIndex(table, form);
  var compareTables = ['compare', 'compare-verdicts'].map(function (id) { return document.getElementById(id); })
    .filter(function (t) { return t && t.hasAttribute('data-client'); });
  if (compareTables.length) initCompare(compareTables);
})();
