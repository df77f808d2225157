// Progressive enhancement of the project list: the page works without this
// file (filters are links to generated pages); with it, the facets become
// select boxes that combine and filter instantly, and the choice is kept in
// the address so it can be shared.
(function () {
  "use strict";
  var box = document.querySelector(".js-filter");
  if (!box || !window.fetch || !window.URLSearchParams) return;
  var list = document.querySelector(".list-main .cards");
  var count = document.getElementById("result-count");
  var pager = document.querySelector(".list-main .pager");
  var heading = document.querySelector("h1");
  var index = null;
  // On a facet page (projects of one region, say) the selects start with
  // that facet chosen, so that they say what the list shows. Once the
  // choice differs, the list is no longer that page's: the heading and the
  // address become those of the whole list, with the choice as parameters.
  var listPath = box.getAttribute("data-index").replace(/index\.json$/, "");
  var pageFacet = null;
  var pageHeading = heading ? heading.textContent : "";
  var pageTitle = document.title;
  var pagePath = location.pathname;
  var listHeading = null;
  Array.prototype.forEach.call(document.querySelectorAll(".crumbs a"), function (a) {
    if (a.getAttribute("href") === listPath) listHeading = a.textContent;
  });

  fetch(box.getAttribute("data-index"), { credentials: "same-origin" })
    .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
    .then(function (data) { index = data; build(); })
    .catch(function () { /* keep the link-based filters */ });

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }

  function currentFacet() {
    var cur = document.querySelector(".facet .facet-current");
    if (!cur || location.pathname === listPath) return null;
    var summary = cur.closest(".facet").querySelector("summary");
    var label = (cur.firstChild && cur.firstChild.nodeValue || "").trim();
    for (var i = 0; i < index.facets.length; i++) {
      var f = index.facets[i];
      if (!summary || f.label !== summary.textContent.trim()) continue;
      for (var j = 0; j < f.values.length; j++) {
        if (f.values[j].label === label) return { name: f.name, key: f.values[j].key };
      }
    }
    return null;
  }

  function build() {
    var params = new URLSearchParams(location.search);
    pageFacet = currentFacet();
    if (pageFacet && !params.has(pageFacet.name)) params.set(pageFacet.name, pageFacet.key);
    index.facets.forEach(function (f) {
      var id = "filter-" + f.name;
      box.appendChild(el("label", { "for": id }, f.label));
      var sel = el("select", { id: id, name: f.name });
      sel.appendChild(el("option", { value: "" }, index.all));
      f.values.forEach(function (v) {
        var o = el("option", { value: v.key }, v.label + " (" + v.count + ")");
        if (params.get(f.name) === v.key) o.selected = true;
        sel.appendChild(o);
      });
      sel.addEventListener("change", apply);
      box.appendChild(sel);
    });
    box.hidden = false;
    // The generated facet pages stay reachable for those who prefer links.
    Array.prototype.forEach.call(document.querySelectorAll(".facet"), function (d) { d.open = false; });
    if (location.search) apply();
  }

  function apply() {
    var chosen = {};
    var params = new URLSearchParams();
    Array.prototype.forEach.call(box.querySelectorAll("select"), function (s) {
      if (s.value) { chosen[s.name] = s.value; params.set(s.name, s.value); }
    });
    var hits = index.projects.filter(function (p) {
      for (var k in chosen) if ((p.f[k] || []).indexOf(chosen[k]) < 0) return false;
      return true;
    });
    list.textContent = "";
    hits.forEach(function (p) { list.appendChild(card(p)); });
    if (pager) pager.hidden = Object.keys(chosen).length > 0;
    count.textContent = hits.length ? plural(hits.length) : index.none;
    var q = params.toString();
    var onPage = pageFacet && q === new URLSearchParams([[pageFacet.name, pageFacet.key]]).toString();
    if (pageFacet && onPage) {
      setHeading(pageHeading, pageTitle);
      history.replaceState(null, "", pagePath);
    } else if (pageFacet) {
      if (listHeading) setHeading(listHeading, pageTitle.replace(pageHeading, listHeading));
      history.replaceState(null, "", listPath + (q ? "?" + q : ""));
    } else {
      history.replaceState(null, "", location.pathname + (q ? "?" + q : ""));
    }
  }

  function setHeading(text, title) {
    if (heading) heading.textContent = text;
    document.title = title;
  }

  function plural(n) {
    var rules = new Intl.PluralRules(index.lang);
    return n.toLocaleString(index.lang) + "\u00a0" + (index.plural[rules.select(n)] || index.plural.other);
  }

  function card(p) {
    var li = el("li", { "class": "card project-card" });
    var h = el("h3", { "class": "card-title" });
    var a = el("a", { href: p.u }, p.t);
    if (p.l) a.setAttribute("lang", p.l);
    h.appendChild(a);
    li.appendChild(h);
    var meta = el("p", { "class": "card-meta" });
    meta.appendChild(el("span", { "class": "badge status-" + p.s }, p.sl));
    p.r.forEach(function (r) { meta.appendChild(document.createTextNode(" ")); meta.appendChild(el("span", { "class": "region" }, r)); });
    if (p.b) { meta.appendChild(document.createTextNode(" ")); meta.appendChild(el("span", { "class": "money" }, p.b)); }
    li.appendChild(meta);
    var s = el("p", {}, p.d);
    if (p.l) s.setAttribute("lang", p.l);
    li.appendChild(s);
    return li;
  }
})();

// Before/after pairs in stories: both photos stand side by side without
// JavaScript; with it, the second lies over the first and a range input
// reveals it. Styles are set through the CSSOM, which the site's
// Content-Security-Policy allows (it forbids only inline style markup).
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll(".compare"), function (pair) {
    var figs = pair.querySelectorAll("figure");
    if (figs.length !== 2 || !window.CSS || !CSS.supports("clip-path", "inset(0 0 0 50%)")) return;
    pair.classList.add("compare-slider");
    var range = document.createElement("input");
    range.type = "range";
    range.min = "0";
    range.max = "100";
    range.value = "50";
    range.className = "compare-range";
    range.setAttribute("aria-label", pair.getAttribute("data-label") || "");
    function update() {
      figs[1].style.clipPath = "inset(0 0 0 " + range.value + "%)";
      range.setAttribute("aria-valuetext", range.value + " %");
    }
    range.addEventListener("input", update);
    update();
    pair.appendChild(range);
    // Stacked, the two captions would overlap: the second one moves below
    // the slider, as a paragraph of its own.
    var cap = figs[1].querySelector("figcaption");
    if (cap) {
      var p = document.createElement("p");
      p.className = "compare-caption";
      while (cap.firstChild) p.appendChild(cap.firstChild);
      cap.parentNode.removeChild(cap);
      pair.appendChild(p);
    }
  });
})();
