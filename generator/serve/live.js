// Live reload for `portal serve`; never part of a built site. Listens to
// the server's events: "reload" (pages changed), "data" (data files that
// follow the pages changed), "css" (only styles changed), "error" (the
// last save broke the site: show what and where).
(function () {
  "use strict";
  // The overlay speaks the editors' language (the site's default language,
  // given by the server), whatever the language of the page shown.
  var me = document.currentScript;
  var lang = (me && me.getAttribute("data-lang")) || document.documentElement.lang || "";
  var cs = lang.indexOf("cs") === 0;
  var T = cs ? {
    title: "Chyba v obsahu",
    kept: "Web ukazuje poslední funkční verzi. Po opravě souboru se tato zpráva sama zavře.",
    close: "Skrýt"
  } : {
    title: "Content error",
    kept: "The site shows the last version that worked. Fix the file and this message closes by itself.",
    close: "Hide"
  };
  var box = null;
  function overlay(errors) {
    hide();
    box = document.createElement("div");
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-labelledby", "portal-live-title");
    box.setAttribute("data-portal-overlay", "");
    box.setAttribute("lang", cs ? "cs" : "en");
    box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:99999;background:#fff;color:#1b2430;border-top:6px solid #b00020;box-shadow:0 -4px 24px rgba(0,0,0,.25);padding:1rem 1.25rem;font:16px/1.5 system-ui,sans-serif";
    var h = document.createElement("h2");
    h.id = "portal-live-title";
    h.textContent = T.title;
    h.style.cssText = "margin:0 0 .5rem;font-size:1.25rem;color:#b00020";
    box.appendChild(h);
    var list = document.createElement("ul");
    list.style.cssText = "margin:0 0 .5rem;padding-left:1.2rem";
    errors.forEach(function (e) {
      var li = document.createElement("li");
      var where = document.createElement("code");
      where.textContent = e.file + (e.line ? ":" + e.line : "");
      where.style.cssText = "font-weight:700";
      li.appendChild(where);
      li.appendChild(document.createTextNode(" " + e.message));
      list.appendChild(li);
    });
    box.appendChild(list);
    var p = document.createElement("p");
    p.textContent = T.kept;
    p.style.cssText = "margin:0 0 .5rem;color:#4f5b67";
    box.appendChild(p);
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = T.close;
    b.onclick = hide;
    box.appendChild(b);
    document.body.appendChild(box);
    b.focus();
  }
  function hide() { if (box) { box.remove(); box = null; } }
  function swapCSS() {
    Array.prototype.forEach.call(document.querySelectorAll('link[rel="stylesheet"]'), function (l) {
      var u = new URL(l.href);
      u.searchParams.set("v", Date.now());
      l.href = u.toString();
    });
  }
  var es = new EventSource("/_portal/events");
  es.addEventListener("reload", function (ev) {
    var d = JSON.parse(ev.data || "{}");
    if (!d.pages || d.pages.indexOf(location.pathname) >= 0 || d.all) { location.reload(); return; }
    hide();
  });
  // Data files follow the pages of a save: a page whose script fetched
  // one that changed (a project list's filter, the search) loads again.
  // A page of that build or a later one fetched the new data already.
  var build = +((me && me.getAttribute("data-build")) || 0);
  es.addEventListener("data", function (ev) {
    var d = JSON.parse(ev.data || "{}");
    var el = document.querySelector("[data-index]");
    if (!el || !d.indexes || build >= d.build) return;
    var u = new URL(el.getAttribute("data-index"), location.href).pathname;
    if (d.indexes.indexOf(u) >= 0) location.reload();
  });
  es.addEventListener("css", function () { hide(); swapCSS(); });
  es.addEventListener("error", function (ev) {
    if (!ev.data) return; // a connection error, not ours: EventSource reconnects by itself
    overlay(JSON.parse(ev.data));
  });
  es.addEventListener("ok", function () { hide(); });
})();
