// Keyboard walk: tabs through the home page, a project page and the
// project list (Czech at 1280 px, English at 390 px) and a story (390 px)
// and checks that
//  - every focused element shows a visible focus indicator (a computed
//    outline of at least 2 px whose colour has a contrast of at least 3:1
//    with the background around it, WCAG 1.4.11, or a box-shadow) and is
//    on screen;
//  - the first Tab reaches the skip link;
//  - focus reaches the language switcher, the search box of the header
//    (when there is one) and, on the list, the filters, and the filters
//    only after the header;
//  - focus follows the document order (no positive tabindex), and in the
//    header it also follows the visual order: left to right, row by row.
//
// Usage: node keyboard.mjs DIR
import { serve, launch, pagesByType, record } from "./lib.mjs";

const dir = process.argv[2];
if (!dir) { console.error("usage: node keyboard.mjs DIR"); process.exit(2); }
const pages = pagesByType(dir);
const pick = (type, lang) => pages.find((p) => p.type === type && p.lang === lang)?.url;
const walks = [
  { url: pick("home", "cs"), width: 1280 },
  { url: pick("home", "en"), width: 390 },
  { url: pick("project", "cs"), width: 1280 },
  { url: pick("project", "en"), width: 390 },
  { url: pick("projects", "cs"), width: 1280, filters: true },
  { url: pick("projects", "en"), width: 390, filters: true },
  { url: pick("story", "cs"), width: 390 }, // the before/after slider
].filter((w) => w.url);

const { base, close } = await serve(dir);
const browser = await launch();
const failures = [];
const notes = [];
const names = { skip: "skip link", switcher: "language switcher", search: "search box", filter: "filters" };

for (const w of walks) {
  const where = `${w.url} [${w.width}px]`;
  const ctx = await browser.newContext({ viewport: { width: w.width, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(base + w.url);
  await page.waitForLoadState("networkidle", { timeout: 5000 }).catch(() => {});
  const hasSearch = await page.locator(".site-header input[type=search], .site-header [role=search] input").count() > 0;
  const stops = [];
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press("Tab");
    const s = await page.evaluate(() => {
      const a = document.activeElement;
      if (!a || a === document.body || a === document.documentElement) return null;
      if (a.dataset.kbdSeen) return { again: true }; // the walk went round
      a.dataset.kbdSeen = "1";
      const cs = getComputedStyle(a);
      const r = a.getBoundingClientRect();
      // The outline lies outside the element (outline-offset): its
      // background is the first opaque background of the ancestors.
      const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
      const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
        .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
      let bg = [255, 255, 255];
      for (let e = a.parentElement; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length >= 3 && (c.length < 4 || c[3] === 1)) { bg = c; break; }
      }
      const oc = rgb(cs.outlineColor);
      const [hi, lo] = [lum(oc), lum(bg)].sort((x, y) => y - x);
      const ratio = (hi + 0.05) / (lo + 0.05);
      const outline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 2 && ratio >= 3;
      const shadow = cs.boxShadow && cs.boxShadow !== "none";
      const inView = r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
      const where = a.matches(".skip") ? "skip"
        : a.closest(".lang-switch") ? "switcher"
        : a.closest(".site-header") && (a.closest("form, [role=search]") || a.matches("input[type=search]")) ? "search"
        : a.closest(".js-filter, .facet, .facets, .filters") ? "filter"
        : a.closest(".site-header") ? "header" : a.closest("main") ? "main" : a.closest("footer") ? "footer" : "other";
      const name = (a.getAttribute("aria-label") || a.textContent || a.getAttribute("placeholder") || a.getAttribute("name") || "").trim().replace(/\s+/g, " ").slice(0, 40);
      const desc = a.tagName.toLowerCase() + (a.id ? "#" + a.id : "") + (typeof a.className === "string" && a.className.trim() ? "." + a.className.trim().split(/\s+/).join(".") : "") + (name ? ` "${name}"` : "");
      // Document order and, inside the header, visual order.
      const prev = window.__kbdPrev;
      let order = "";
      if (prev && !(prev.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING)) order = "goes back in the document";
      if (prev && !order && prev.closest(".site-header") && a.closest(".site-header")) {
        const p = prev.getBoundingClientRect();
        const sameRow = r.top < p.bottom && r.bottom > p.top;
        if ((sameRow && r.left + 1 < p.left) || (!sameRow && r.bottom <= p.top)) order = "goes back on screen (header)";
      }
      window.__kbdPrev = a;
      return { desc, where, order, visible: outline || shadow, inView, style: `outline ${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor} (contrast ${ratio.toFixed(2)}:1 with rgb(${bg.slice(0, 3).join(", ")})), box-shadow ${cs.boxShadow}` };
    });
    if (!s || s.again) break;
    stops.push(s);
    const n = stops.length;
    if (process.env.KBD_DEBUG) console.log("  ", n, s.where, s.desc);
    if (!s.visible) failures.push(`${where}: focus not visible on stop ${n}, ${s.desc} (${s.style})`);
    if (!s.inView) failures.push(`${where}: focused element is off screen on stop ${n}, ${s.desc}`);
    if (s.order) failures.push(`${where}: focus order ${s.order} at stop ${n}, ${s.desc} (after ${stops[n - 2].desc})`);
  }
  await ctx.close();
  if (!stops.length) { failures.push(`${where}: Tab reached no element`); continue; }
  if (stops[0].where !== "skip") failures.push(`${where}: the first Tab reached ${stops[0].desc}, not the skip link`);
  const first = (k) => stops.findIndex((s) => s.where === k);
  const want = ["skip", "switcher", ...(hasSearch ? ["search"] : []), ...(w.filters ? ["filter"] : [])];
  for (const k of want) if (first(k) < 0) failures.push(`${where}: focus never reached the ${names[k]}`);
  if (!hasSearch) notes.push(`${where}: the header has no search box (not checked)`);
  if (w.filters && first("filter") >= 0) {
    const lastHeader = Math.max(first("switcher"), first("search"), ...stops.map((s, i) => (s.where === "header" ? i : -1)));
    if (first("filter") < lastHeader) failures.push(`${where}: focus reached the filters (stop ${first("filter") + 1}) before leaving the header`);
  }
  console.log(`${where}: ${stops.length} stops; ${want.map((k) => `${names[k]} at ${first(k) + 1}`).join(", ")}`);
}

await browser.close();
await close();
for (const n of notes) console.log("note: " + n);
record("keyboard walk", `${walks.length} walks`, failures);
if (failures.length) {
  console.error("keyboard walk failed:\n" + failures.map((f) => "  " + f).join("\n"));
  process.exit(1);
}
console.log("keyboard walk: focus visible on every stop, order as expected");
