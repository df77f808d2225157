// Full-text search on the search page. Without this file the page says
// that search needs JavaScript and links to the filterable project list;
// with it, the page reads ?q=, fetches only the parts of the index that
// the query needs (generator/search/doc.go describes the files) and lists
// the results, updating them as the visitor types. Every search form on
// the page whose action is this page (the one in the page and the one in
// the header) searches in place. Matching mirrors search.Query in Go:
// keep the two in step.
(function () {
  "use strict";
  var root = document.getElementById("search");
  if (!root || !window.fetch || !window.URLSearchParams || !window.Intl || !String.prototype.normalize) return;
  var MARKS, MARK, WORD;
  try {
    MARKS = new RegExp("\\p{M}", "gu");
    MARK = new RegExp("^\\p{M}$", "u");
    WORD = new RegExp("[\\p{L}\\p{N}]+", "gu");
  } catch (e) { return; }

  var PAGE = 10;           // results shown at a time
  var DEBOUNCE = 250;      // ms after the last key before searching
  var ANNOUNCE = 1000;     // ms after the last key before announcing the count
  var SLOW = 800;          // ms before "Searching…" is shown
  // Letters Unicode does not decompose; the same table as generator/search.
  var FOLD = { "ł": "l", "đ": "d", "ð": "d", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ı": "i", "ħ": "h", "ŧ": "t", "ŋ": "n", "ĸ": "k", "ς": "σ" };
  var FOLDS = new RegExp("[" + Object.keys(FOLD).join("") + "]", "g");
  var WEIGHTS = [2, 3, 4, 20], EXACT = 3, MAX_WORDS = 12;
  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var DIGIT = {};
  for (var i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charAt(i)] = i;

  var lang = root.getAttribute("data-lang") || document.documentElement.lang;
  var base = root.getAttribute("data-index");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = root.querySelector(".search-more");
  var nojs = document.querySelectorAll(".search-nojs");
  var title = document.title;
  var plurals = new Intl.PluralRules(lang);

  var manifest = null;     // promise of the manifest
  var shards = {};         // shard name → promise of its object
  var chunks = {};         // chunk number → promise of its rows
  var seq = 0;             // number of the newest search; older ones are dropped
  var current = null;      // { q, words, ids, shown }
  var searched = false;    // as-you-type starts after the first search
  var typingTimer = 0, announceTimer = 0, slowTimer = 0;

  function text(name) { return root.getAttribute("data-" + name) || ""; }
  function fill(s, args) {
    return s.replace(/\{(\d)\}/g, function (m, n) { return args[n] != null ? args[n] : m; });
  }

  // --- matching, as in generator/search ---

  function normalize(s) {
    return s.normalize("NFKD").toLowerCase().replace(MARKS, "").replace(FOLDS, function (c) { return FOLD[c]; });
  }
  function cut(w, max) { var cps = Array.from(w); return cps.length > max ? cps.slice(0, max).join("") : w; }
  function words(q, m) {
    var out = [], seen = {};
    (normalize(q).match(WORD) || []).forEach(function (w) {
      if (Array.from(w).length < m.min) return;
      w = cut(w, m.max);
      if (!seen[w] && out.length < MAX_WORDS) { seen[w] = true; out.push(w); }
    });
    return out;
  }
  function startsWith(s, p) { return s.lastIndexOf(p, 0) === 0; }

  // The shards that can hold tokens starting with w; narrow when w must
  // match only itself because its prefix family is too large.
  function shardKeys(m, w) {
    var keys = [], longest = "";
    for (var k in m.terms) {
      if (!Object.prototype.hasOwnProperty.call(m.terms, k)) continue;
      if (startsWith(k, w)) keys.push(k);
      else if (startsWith(w, k) && k.length > longest.length) longest = k;
    }
    if (longest) keys.push(longest);
    if (m.shards > 0 && keys.length > m.shards) {
      longest = "";
      for (k in m.terms) if (startsWith(w, k) && k.length > longest.length) longest = k;
      return { keys: longest ? [longest] : [], narrow: true };
    }
    return { keys: keys, narrow: false };
  }

  function decode(s) {
    var truncated = s.charAt(0) === "!", out = [];
    var prev = -1, v = 0, shift = 0;
    for (var i = truncated ? 1 : 0; i < s.length; i++) {
      var c = DIGIT[s.charAt(i)];
      if (c === undefined) throw new Error("bad index");
      v += (c & 31) * Math.pow(2, shift);
      if (c & 32) { shift += 5; continue; }
      var id = prev + 1 + Math.floor(v / 4);
      out.push(id, v % 4);
      prev = id; v = 0; shift = 0;
    }
    return { list: out, truncated: truncated };
  }

  function getJSON(url, opts) {
    return fetch(url, opts || { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    });
  }
  function loadManifest() {
    if (!manifest) {
      manifest = getJSON(base + "manifest.json", { credentials: "same-origin", cache: "no-cache" });
      manifest.catch(function () { manifest = null; });
    }
    return manifest;
  }
  function loadShard(name) {
    if (!shards[name]) {
      shards[name] = getJSON(base + "t/" + name + ".json");
      shards[name].catch(function () { delete shards[name]; });
    }
    return shards[name];
  }
  function loadChunk(m, c) {
    if (!chunks[c]) {
      chunks[c] = getJSON(base + "d/" + m.meta + "/" + c + ".json");
      chunks[c].catch(function () { delete chunks[c]; });
    }
    return chunks[c];
  }

  // run resolves to the ranked document ids of q, with narrowed set when
  // a word was too short to search as a prefix.
  function run(m, ws) {
    var narrowed = false;
    return Promise.all(ws.map(function (w) {
      var plan = shardKeys(m, w);
      narrowed = narrowed || plan.narrow;
      return Promise.all(plan.keys.map(function (k) { return loadShard(m.terms[k]); })).then(function (objs) {
        var scores = new Map(), partial = false;
        objs.forEach(function (sh) {
          for (var tok in sh) {
            if (!Object.prototype.hasOwnProperty.call(sh, tok) || !startsWith(tok, w) || (plan.narrow && tok !== w)) continue;
            var d = decode(sh[tok]);
            partial = partial || d.truncated;
            for (var i = 0; i < d.list.length; i += 2) {
              var s = WEIGHTS[d.list[i + 1]] * (tok === w ? EXACT : 1);
              if (!(scores.get(d.list[i]) >= s)) scores.set(d.list[i], s);
            }
          }
        });
        return { scores: scores, partial: partial };
      });
    })).then(function (hits) {
      var anyFull = hits.some(function (h) { return !h.partial; });
      var required = function (h) { return !anyFull || !h.partial; };
      var first = hits.filter(required)[0];
      var out = [];
      first.scores.forEach(function (_, id) {
        var score = 0;
        for (var i = 0; i < hits.length; i++) {
          var s = hits[i].scores.get(id);
          if (s === undefined) { if (required(hits[i])) return; s = 0; }
          score += s;
        }
        out.push([id, score]);
      });
      out.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
      return { ids: out.map(function (r) { return r[0]; }), narrowed: narrowed };
    });
  }

  // --- showing results ---

  function el(tag, attrs, content) {
    var e = document.createElement(tag);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k) && attrs[k] != null) e.setAttribute(k, attrs[k]);
    if (content != null) e.textContent = content;
    return e;
  }

  // highlight appends s to parent with every word that starts with one of
  // ws in <mark>, matching as the index does (diacritics and case ignored).
  function highlight(parent, s, ws) {
    var norm = "", from = [], to = [];
    var cps = Array.from(s), pos = 0;
    cps.forEach(function (c) {
      var n = normalize(c);
      for (var i = 0; i < n.length; i++) { from.push(pos); to.push(pos + c.length); }
      norm += n;
      pos += c.length;
      if (!n && to.length && MARK.test(c)) to[to.length - 1] = pos; // a combining mark joins its letter
    });
    var ranges = [], m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(norm))) {
      var tok = m[0];
      if (ws.some(function (w) { return startsWith(tok, w); })) ranges.push([from[m.index], to[m.index + tok.length - 1]]);
    }
    var at = 0;
    ranges.forEach(function (r) {
      if (r[0] > at) parent.appendChild(document.createTextNode(s.slice(at, r[0])));
      parent.appendChild(el("mark", {}, s.slice(r[0], r[1])));
      at = r[1];
    });
    if (at < s.length) parent.appendChild(document.createTextNode(s.slice(at)));
  }

  function item(row, ws) {
    var url = row[0], t = row[1], type = row[2], region = row[3], snippet = row[4], l = row[5] || null;
    if (!/^\/(?!\/)/.test(url)) url = "#"; // only addresses on this site
    var li = el("li", { "class": "search-result search-result-" + type });
    var h = el("h2", { "class": "search-result-title" });
    var a = el("a", { href: url, lang: l });
    highlight(a, t, ws);
    h.appendChild(a);
    li.appendChild(h);
    var meta = el("p", { "class": "search-result-meta" });
    meta.appendChild(el("span", { "class": "search-type search-type-" + type }, text("type-" + type) || type));
    if (region) {
      meta.appendChild(document.createTextNode(" "));
      meta.appendChild(el("span", { "class": "search-region" }, region));
    }
    li.appendChild(meta);
    if (snippet) {
      var p = el("p", { "class": "search-snippet", lang: l });
      highlight(p, snippet, ws);
      li.appendChild(p);
    }
    return li;
  }

  // showMore appends the next page of results, or replaces the list with
  // the first page; focus moves to the first new result when the visitor
  // asked for more.
  function showMore(mine, focus, replace) {
    var cur = current;
    return loadManifest().then(function (m) {
      var ids = cur.ids.slice(cur.shown, cur.shown + PAGE);
      var need = {};
      ids.forEach(function (id) { need[Math.floor(id / m.chunk)] = true; });
      return Promise.all(Object.keys(need).map(function (c) { return loadChunk(m, +c); })).then(function () {
        return Promise.all(ids.map(function (id) {
          return loadChunk(m, Math.floor(id / m.chunk)).then(function (rows) { return rows[id % m.chunk]; });
        }));
      });
    }).then(function (rows) {
      if (mine !== seq) return;
      if (replace) list.textContent = "";
      var firstLink = null;
      rows.forEach(function (row) {
        if (!row) return;
        var li = item(row, cur.words);
        list.appendChild(li);
        firstLink = firstLink || li.querySelector("a");
      });
      cur.shown += rows.length;
      if (more) more.hidden = cur.shown >= cur.ids.length;
      if (focus && firstLink) firstLink.focus();
    });
  }

  function count(n) {
    var form = plurals.select(n);
    var word = text("result-" + form) || text("result-other");
    return n.toLocaleString(lang) + "\u00a0" + word;
  }

  function say(msg, later) {
    clearTimeout(announceTimer);
    if (later) announceTimer = setTimeout(function () { status.textContent = msg; }, ANNOUNCE);
    else status.textContent = msg;
  }

  function setInputs(q, except) {
    forms.forEach(function (f) {
      var input = f.querySelector('input[name="q"]');
      if (input && input !== except && input.value !== q) input.value = q;
    });
  }

  function setAddress(q, push) {
    var params = new URLSearchParams(location.search);
    if (q) params.set("q", q); else params.delete("q");
    var s = params.toString();
    var url = location.pathname + (s ? "?" + s : "") + location.hash;
    if (url === location.pathname + location.search + location.hash) return;
    if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
  }

  function fail() {
    clearTimeout(slowTimer);
    say(text("error"));
    root.classList.remove("is-loading");
  }

  // search runs q and shows its first page; typing says whether the
  // visitor is still typing (then the count is announced after a pause).
  function search(q, typing) {
    var mine = ++seq;
    q = q.trim();
    clearTimeout(slowTimer);
    clearTimeout(announceTimer);
    if (!q) {
      list.textContent = "";
      if (more) more.hidden = true;
      current = null;
      say("");
      document.title = title;
      return;
    }
    searched = true;
    document.title = fill(text("doc-title"), [q, title]);
    root.classList.add("is-loading");
    slowTimer = setTimeout(function () { if (mine === seq) say(text("loading")); }, SLOW);
    loadManifest().then(function (m) {
      var ws = words(q, m);
      if (!ws.length) return { m: m, ws: ws, ids: [] };
      return run(m, ws).then(function (r) { return { m: m, ws: ws, ids: r.ids, narrowed: r.narrowed }; });
    }).then(function (r) {
      if (mine !== seq) return;
      current = { q: q, words: r.ws, ids: r.ids, shown: 0 };
      return showMore(mine, false, true).then(function () {
        if (mine !== seq) return;
        clearTimeout(slowTimer);
        root.classList.remove("is-loading");
        root.hidden = false;
        if (!r.ws.length) say(text("short"), typing);
        else if (!r.ids.length) say(fill(text(r.narrowed ? "longer" : "none"), [q]), typing);
        else say(fill(text("count"), [count(r.ids.length), q]), typing);
      });
    }).catch(function () { if (mine === seq) fail(); });
  }

  // Forms that lead to this page search in place.
  var forms = Array.prototype.filter.call(document.querySelectorAll('form[role="search"]'), function (f) {
    try { return new URL(f.getAttribute("action") || "", location.href).pathname === location.pathname; } catch (e) { return false; }
  });
  forms.forEach(function (f) {
    f.hidden = false;
    var input = f.querySelector('input[name="q"]');
    f.addEventListener("submit", function (ev) {
      ev.preventDefault();
      clearTimeout(typingTimer);
      var q = input ? input.value : "";
      setInputs(q, input);
      setAddress(q.trim(), true);
      search(q, false);
    });
    if (!input) return;
    input.addEventListener("input", function () {
      setInputs(input.value, input);
      if (!searched && input.value.trim()) return; // the first search is asked for with Enter
      clearTimeout(typingTimer);
      typingTimer = setTimeout(function () {
        setAddress(input.value.trim(), false);
        search(input.value, true);
      }, DEBOUNCE);
    });
  });
  var fetchingMore = false;
  if (more) more.addEventListener("click", function () {
    if (!current || fetchingMore) return;
    fetchingMore = true;
    showMore(seq, true, false).catch(fail).then(function () { fetchingMore = false; });
  });
  window.addEventListener("popstate", function () {
    var q = new URLSearchParams(location.search).get("q") || "";
    setInputs(q, null);
    search(q, false);
  });

  Array.prototype.forEach.call(nojs, function (n) { n.hidden = true; });
  root.hidden = false;
  var q = new URLSearchParams(location.search).get("q") || "";
  setInputs(q, null);
  if (q.trim()) search(q, false);
  else {
    var main = root.ownerDocument.getElementById("search-q");
    if (main) main.focus();
    loadManifest().catch(fail); // warm up, and find out early if the index is missing
  }
})();
