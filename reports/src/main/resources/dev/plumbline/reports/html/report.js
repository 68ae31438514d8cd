/* Plumbline HTML report: offline filters. Constant: its SHA-256 is in the page's Content-Security-Policy.
   The page is complete without this script; it only hides and shows what is there (the "hidden"
   attribute), draws rows kept in JSON data blocks when asked (or when a link leads to one of them), and
   keeps the filter in the #fragment.
   It never builds markup from strings: text goes in through textContent. */
(function () {
  'use strict';
  var doc = document;
  var FILTERS = ['status', 'sev', 'pillar'];
  var groups = Array.prototype.slice.call(doc.querySelectorAll('details.rule'));
  var areas = Array.prototype.slice.call(doc.querySelectorAll('section.area'));
  var items = Array.prototype.slice.call(doc.querySelectorAll('li.af'));
  var query = doc.getElementById('q');
  var shown = doc.getElementById('shown');
  var resBox = doc.getElementById('res-filter');
  var resName = doc.getElementById('res-filter-name');
  var noMatch = doc.getElementById('no-match');
  var requirements = doc.getElementById('requirements');
  var state = { q: '', res: '' };
  var rowsOf = new Map();
  var dataOf = new Map();
  var headText = new Map();
  var looks = new Map();
  var total = 0;
  var printOpened = [];
  var resourceRows = null;

  groups.forEach(function (g) {
    rowsOf.set(g, Array.prototype.slice.call(g.querySelectorAll('tbody.f')));
    headText.set(g, g.querySelector('summary').textContent.toLowerCase());
    total += Number(g.getAttribute('data-total')) || 0;
  });

  function boxes(name) {
    return Array.prototype.slice.call(doc.querySelectorAll('input[name="' + name + '"]'));
  }

  function selected(name) {
    var set = new Set();
    boxes(name).forEach(function (b) { if (b.checked) { set.add(b.value); } });
    return set;
  }

  function allChecked(name) {
    return boxes(name).every(function (b) { return b.checked; });
  }

  function text(el) {
    if (el.plumblineText === undefined) { el.plumblineText = el.textContent.toLowerCase(); }
    return el.plumblineText;
  }

  /* A data block holds plain JSON (Jackson wrote it with every '<', '>', '&' and non-ASCII character as a
     \u escape, so nothing in it can end the element). Data blocks are never executed. */
  function readBlock(id) {
    var block = doc.getElementById(id);
    return block ? JSON.parse(block.textContent) : null;
  }

  /* A requirement's rows kept in its data block, as [name, id, resource, status, look, message, provenance,
     evidence]: a row names its input file by index and may share the evidence of an earlier row, by index too. */
  function deferred(g) {
    if (g.getAttribute('data-drawn') === '1') { return []; }
    if (!dataOf.has(g)) {
      var data = readBlock(g.id + '-rows') || { rows: [], sources: [] };
      var rows = data.rows.map(function (r) {
        return [r[0], r[1], r[2], r[3], r[4], r[5], data.sources[r[6]] + r[7], r[8]];
      });
      rows.forEach(function (d) {
        if (typeof d[7] === 'number') { d[7] = rows[d[7]][7]; }
        var parts = [d[0], d[1], look(d[4]).label, d[5], d[6]];
        d[7].forEach(function (e) { parts.push(e[0], e[1], e[2] === null ? 'absent' : e[2]); });
        d.text = parts.join(' ').toLowerCase();
      });
      dataOf.set(g, rows);
    }
    return dataOf.get(g);
  }

  function filtering() {
    return !FILTERS.every(allChecked) || state.q !== '' || state.res !== '';
  }

  function apply(adjustOpen) {
    var st = selected('status');
    var sev = selected('sev');
    var pil = selected('pillar');
    var q = state.q.trim().toLowerCase();
    var res = state.res;
    var active = filtering();
    var rowsShown = 0;
    var groupsShown = 0;
    groups.forEach(function (g) {
      var inScope = sev.has(g.getAttribute('data-sev')) && pil.has(g.getAttribute('data-pillar'));
      var headMatch = q !== '' && headText.get(g).indexOf(q) >= 0;
      var n = 0;
      rowsOf.get(g).forEach(function (row) {
        var ok = inScope && st.has(row.getAttribute('data-st'))
          && (res === '' || row.getAttribute('data-res') === res)
          && (q === '' || headMatch || text(row).indexOf(q) >= 0);
        row.hidden = !ok;
        if (ok) { n++; }
      });
      var all = Number(g.getAttribute('data-total')) || 0;
      if (inScope && doc.getElementById(g.id + '-rows') && g.getAttribute('data-drawn') !== '1') {
        if (active) {
          deferred(g).forEach(function (d) {
            if (st.has(d[3]) && (res === '' || d[2] === res) && (q === '' || headMatch || d.text.indexOf(q) >= 0)) { n++; }
          });
        } else {
          n = all; // nothing filtered: no need to read the data block
        }
      }
      var visible = !active || (inScope && (n > 0 || (all === 0 && res === '' && q === '')));
      g.hidden = !visible;
      var badge = g.querySelector('.shown-n');
      if (active && visible) {
        badge.textContent = n + ' of ' + all + ' shown';
        badge.hidden = false;
      } else {
        badge.hidden = true;
      }
      if (visible) { rowsShown += n; groupsShown++; }
      if (adjustOpen) {
        g.open = active ? visible && n > 0 && n <= 50 : g.getAttribute('data-open') === '1';
      }
    });
    areas.forEach(function (a) {
      a.hidden = !Array.prototype.some.call(a.querySelectorAll('details.rule'), function (g) { return !g.hidden; });
    });
    items.forEach(function (li) {
      li.hidden = !(st.has(li.getAttribute('data-st')) && sev.has(li.getAttribute('data-sev'))
        && (res === '' || li.getAttribute('data-res') === res) && (q === '' || text(li).indexOf(q) >= 0));
    });
    noMatch.hidden = groupsShown > 0;
    shown.textContent = active
      ? 'Showing ' + rowsShown + ' of ' + total + ' findings in ' + groupsShown + ' of ' + groups.length + ' requirements'
      : total + ' findings in ' + groups.length + ' requirements';
    resBox.hidden = res === '';
    resName.textContent = res === '' ? '' : resourceName(res);
  }

  function resourceName(res) {
    var key = token(res);
    var button = doc.querySelector('.res-filter-btn[data-res="' + key + '"]');
    if (button) { return button.getAttribute('data-name'); }
    var kept = deferredResources().filter(function (d) { return d[0] === key; })[0];
    if (kept) { return kept[1]; }
    var node = doc.querySelector('a.node[data-res="' + key + '"] text');
    return node ? node.textContent : res;
  }

  /* An anchor or class name from data, with anything but letters, digits, '_' and '-' left out. */
  function token(s) {
    return s.replace(/[^A-Za-z0-9_-]/g, '');
  }

  function writeHash() {
    var p = new URLSearchParams();
    FILTERS.forEach(function (name) {
      if (!allChecked(name)) { p.set(name, Array.from(selected(name)).join(',')); }
    });
    if (state.q !== '') { p.set('q', state.q); }
    if (state.res !== '') { p.set('res', state.res); }
    var s = p.toString();
    history.replaceState(null, '', s ? '#?' + s : location.pathname + location.search);
  }

  function readHash() {
    var h = location.hash;
    if (h.indexOf('#?') !== 0) { return false; }
    var p = new URLSearchParams(h.slice(2));
    FILTERS.forEach(function (name) {
      var v = p.get(name);
      var want = v === null ? null : new Set(v.split(','));
      boxes(name).forEach(function (b) { b.checked = want === null || want.has(b.value); });
    });
    state.q = p.get('q') || '';
    query.value = state.q;
    state.res = p.get('res') || '';
    return true;
  }

  function openTarget() {
    var h = location.hash;
    if (h.length < 2 || h.charAt(1) === '?') { return; }
    var id = decodeURIComponent(h.slice(1));
    var target = doc.getElementById(id);
    /* A link to a resource whose row waits in the data block: draw the rows, then go to it. */
    var drawn = false;
    if (!target && id.indexOf('res-') === 0 && resourcesWaiting()) {
      showResources();
      target = doc.getElementById(id);
      drawn = true;
    }
    for (var el = target; el; el = el.parentElement) {
      if (el.tagName === 'DETAILS') { el.open = true; }
    }
    if (target && drawn) { target.scrollIntoView(); }
  }

  function changed() {
    apply(true);
    writeHash();
  }

  function filterTo(res) {
    state.res = res;
    changed();
    requirements.scrollIntoView();
  }

  function cell(tag, cls, value) {
    var c = doc.createElement(tag);
    if (cls) { c.className = cls; }
    if (value !== undefined) { c.textContent = value; }
    return c;
  }

  function evidenceCells(tr, e) {
    var path = cell('td');
    path.appendChild(cell('code', null, e[0]));
    tr.appendChild(path);
    tr.appendChild(cell('td', 'val', e[1]));
    tr.appendChild(e[2] === null ? cell('td', 'val absent', 'absent') : cell('td', 'val', e[2]));
  }

  /* How an outcome looks (class, glyph, label), read from the picture's legend, which the report renders
     from the same source as every other badge. */
  function look(name) {
    if (!looks.has(name)) {
      var item = doc.querySelector('.legend li[data-look="' + name.replace(/[^A-Z_]/g, '') + '"]');
      looks.set(name, item
        ? { css: item.getAttribute('data-css'), glyph: item.getAttribute('data-glyph'), label: item.getAttribute('data-label') }
        : { css: '', glyph: '', label: name });
    }
    return looks.get(name);
  }

  /* A status badge as the template draws it: the look's class, its glyph (hidden from screen readers) and its label. */
  function badge(lk) {
    var b = cell('span', 'badge ' + lk.css.replace(/[^a-z-]/g, ''));
    var glyph = cell('span', null, lk.glyph);
    glyph.setAttribute('aria-hidden', 'true');
    b.appendChild(glyph);
    b.appendChild(doc.createTextNode(' ' + lk.label));
    return b;
  }

  /* One finding as the template draws it: [name, id, resource, status, look, message, provenance, evidence]. */
  function drawRow(d) {
    var body = cell('tbody', 'f');
    body.setAttribute('data-st', d[3]);
    body.setAttribute('data-res', d[2]);
    var evidence = d[7];
    var lk = look(d[4]);
    var span = Math.max(1, evidence.length);
    var tr = cell('tr');
    var subject = cell('td', 'subj');
    subject.rowSpan = span;
    var name;
    if (d[2].indexOf('res-') === 0) {
      name = cell('a', 'sname', d[0]);
      name.setAttribute('href', '#' + token(d[2]));
    } else {
      name = cell('span', 'sname', d[0]);
    }
    subject.appendChild(name);
    subject.appendChild(cell('code', 'sid', d[1]));
    var status = cell('td');
    status.rowSpan = span;
    status.appendChild(badge(lk));
    var message = cell('td', 'msg', d[5]);
    message.rowSpan = span;
    tr.appendChild(subject);
    tr.appendChild(status);
    tr.appendChild(message);
    if (evidence.length === 0) {
      var none = cell('td', 'muted', 'no evidence: nothing was there to read');
      none.colSpan = 3;
      tr.appendChild(none);
    } else {
      evidenceCells(tr, evidence[0]);
    }
    var provenance = cell('td', 'prov', d[6]);
    provenance.rowSpan = span;
    tr.appendChild(provenance);
    body.appendChild(tr);
    for (var i = 1; i < evidence.length; i++) {
      var more = cell('tr');
      evidenceCells(more, evidence[i]);
      body.appendChild(more);
    }
    return body;
  }

  /* The resources kept in the resources data block, as [anchor, name, id, kind, type, zones, subnet, look, links]
     with links as [rule anchor, rule id, look]: the block names resource groups, kinds and rules by index. */
  function deferredResources() {
    if (resourceRows === null) {
      var data = readBlock('resources-rows') || { rows: [], groups: [], kinds: [], rules: [] };
      resourceRows = data.rows.map(function (r) {
        var kind = data.kinds[r[4]];
        var links = [];
        for (var i = 0; i + 1 < r[8].length; i += 2) {
          var rule = data.rules[r[8][i]];
          links.push([rule[0], rule[1], r[8][i + 1]]);
        }
        return [r[0], r[1], data.groups[r[2]] + r[3], kind[0], kind[1], r[5], r[6], r[7], links];
      });
    }
    return resourceRows;
  }

  /* One resource as the template draws its row. */
  function drawResource(d) {
    var tr = cell('tr', 'rrow');
    tr.id = token(d[0]);
    var name = cell('td', 'rcell');
    name.appendChild(cell('span', 'rname', d[1]));
    name.appendChild(cell('code', 'sid', d[2]));
    tr.appendChild(name);
    var type = cell('td', 'tcell', d[3]);
    type.appendChild(cell('code', 'sid', d[4]));
    tr.appendChild(type);
    tr.appendChild(cell('td', null, d[5]));
    tr.appendChild(cell('td', null, d[6]));
    var worst = cell('td');
    worst.appendChild(badge(look(d[7])));
    tr.appendChild(worst);
    var rules = cell('td');
    if (d[8].length === 0) {
      rules.appendChild(cell('span', 'muted', 'none'));
    } else {
      var list = cell('ul', 'rule-links');
      d[8].forEach(function (l) {
        var lk = look(l[2]);
        var link = cell('a');
        link.setAttribute('href', '#' + token(l[0]));
        var glyph = cell('span', 'g ' + lk.css.replace(/[^a-z-]/g, ''), lk.glyph);
        glyph.setAttribute('aria-hidden', 'true');
        link.appendChild(glyph);
        link.appendChild(doc.createTextNode(' ' + l[1]));
        link.appendChild(cell('span', 'sr', ' ' + lk.label));
        var item = cell('li');
        item.appendChild(link);
        list.appendChild(item);
      });
      rules.appendChild(list);
      var filter = cell('button', 'res-filter-btn', 'Filter to it');
      filter.type = 'button';
      filter.setAttribute('data-res', token(d[0]));
      filter.setAttribute('data-name', d[1]);
      rules.appendChild(filter);
    }
    tr.appendChild(rules);
    return tr;
  }

  /* Whether resources wait in the data block, not yet drawn. */
  function resourcesWaiting() {
    var more = doc.getElementById('resources-more');
    return more !== null && !more.hidden;
  }

  /* Draws the resources kept in the data block at the end of the table, once. */
  function showResources() {
    var body = doc.querySelector('table.res tbody');
    if (!body || !resourcesWaiting()) { return; }
    var fragment = doc.createDocumentFragment();
    deferredResources().forEach(function (d) { fragment.appendChild(drawResource(d)); });
    body.appendChild(fragment);
    doc.getElementById('resources-more').hidden = true;
  }

  function showAll(button) {
    var g = doc.getElementById(button.getAttribute('data-rule'));
    if (!g) { return; }
    var table = g.querySelector('table.ev');
    var fragment = doc.createDocumentFragment();
    var drawn = rowsOf.get(g);
    deferred(g).forEach(function (d) {
      var body = drawRow(d);
      drawn.push(body);
      fragment.appendChild(body);
    });
    table.appendChild(fragment);
    g.setAttribute('data-drawn', '1');
    button.parentNode.hidden = true;
    apply(false);
  }

  function copyIds(button) {
    var g = doc.getElementById(button.getAttribute('data-rule'));
    if (!g) { return; }
    var ids = [];
    Array.prototype.forEach.call(g.querySelectorAll('tbody.f:not([hidden]) code.sid'), function (c) { ids.push(c.textContent); });
    deferred(g).forEach(function (d) { ids.push(d[1]); });
    var unique = Array.from(new Set(ids));
    var done = function () { button.textContent = 'Copied ' + unique.length + ' ids'; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(unique.join('\n')).then(done, function () { button.textContent = 'Copy failed'; });
    } else {
      button.textContent = 'Copy failed';
    }
  }

  var timer = 0;
  query.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { state.q = query.value; changed(); }, 150);
  });
  query.addEventListener('keydown', function (e) {
    if (e.key === 'Enter') { e.preventDefault(); clearTimeout(timer); state.q = query.value; changed(); }
  });
  FILTERS.forEach(function (name) {
    boxes(name).forEach(function (b) { b.addEventListener('change', changed); });
  });
  doc.getElementById('reset').addEventListener('click', function () {
    FILTERS.forEach(function (name) { boxes(name).forEach(function (b) { b.checked = true; }); });
    state.q = '';
    query.value = '';
    state.res = '';
    changed();
  });
  doc.getElementById('res-clear').addEventListener('click', function () { state.res = ''; changed(); });
  doc.addEventListener('click', function (e) {
    var t = e.target;
    if (!(t instanceof Element)) { return; }
    var node = t.closest('a.node');
    if (node && node.getAttribute('data-res') && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.button === 0) {
      e.preventDefault();
      filterTo(node.getAttribute('data-res'));
      return;
    }
    var button = t.closest('button');
    if (!button) { return; }
    if (button.classList.contains('res-filter-btn')) { filterTo(button.getAttribute('data-res')); }
    if (button.classList.contains('show-all')) { showAll(button); }
    if (button.classList.contains('show-resources')) { showResources(); }
    if (button.classList.contains('copy-ids')) { copyIds(button); }
  });
  window.addEventListener('hashchange', function () {
    if (readHash()) {
      apply(true);
      requirements.scrollIntoView();
    } else {
      openTarget();
    }
  });
  window.addEventListener('beforeprint', function () {
    groups.forEach(function (g) {
      if (!g.open && !g.hidden && g.getAttribute('data-attn') === '1') { g.open = true; printOpened.push(g); }
    });
  });
  window.addEventListener('afterprint', function () {
    printOpened.forEach(function (g) { g.open = false; });
    printOpened = [];
  });

  if (readHash()) {
    apply(true);
  } else {
    apply(false);
    openTarget();
  }
}());
