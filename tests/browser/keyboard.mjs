// Keyboard walk: tabs through the home page, a project page and the
// project list and checks that every focused element shows a visible
// focus indicator (a computed outline or box-shadow), and that focus
// reaches the skip link first, then the language switcher, the search box
// (when the header has one) and, on the list, the filters, in that order.
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
].filter((w) => w.url);

const { base, close } = await serve(dir);
const browser = await launch();
const failures = [];
const notes = [];

for (const w of walks) {
  const where = `${w.url} [${w.width}px]`;
  const ctx = await browser.newContext({ viewport: { width: w.width, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(base + w.url);
  await page.waitForLoadState("networkidle", { timeout: 5000 }).catch(() => {});
  const stops = [];
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press("Tab");
    const s = await page.evaluate(() => {
      const a = document.activeElement;
      if (!a || a === document.body || a === document.documentElement) return null;
      const cs = getComputedStyle(a);
      const r = a.getBoundingClientRect();
      const outline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0;
      const shadow = cs.boxShadow && cs.boxShadow !== "none";
      const inView = r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
      const where = a.closest(".lang-switch") ? "switcher"
        : a.matches(".skip") ? "skip"
        : a.closest(".site-header form, [role=search]") || a.matches("input[type=search]") ? "search"
        : a.closest(".js-filter, .facet, .filters, form.filter") ? "filter"
        : a.closest("header") ? "header" : a.closest("main") ? "main" : a.closest("footer") ? "footer" : "other";
      const name = (a.getAttribute("aria-label") || a.textContent || a.getAttribute("name") || a.id || "").trim().replace(/\s+/g, " ").slice(0, 40);
      const desc = a.tagName.toLowerCase() + (a.id ? "#" + a.id : "") + (a.className && typeof a.className === "string" ? "." + a.className.trim().split(/\s+/).join(".") : "") + (name ? ` "${name}"` : "");
      if (!a.dataset.kbdSeen) a.dataset.kbdSeen = "1"; else return { desc, where, again: true };
      return { desc, where, visible: outline || shadow, inView, style: `outline ${cs.outlineStyle} ${cs.outlineWidth}, box-shadow ${cs.boxShadow}` };
    });
    if (!s) break; // back on the page itself: the walk went round
    if (s.again) break;
    stops.push(s);
    if (process.env.KBD_DEBUG) console.log("  ", stops.length, s.where, s.desc);
    if (!s.visible) failures.push(`${where}: focus not visible on stop ${stops.length}, ${s.desc} (${s.style})`);
    if (!s.inView) failures.push(`${where}: focused element is off screen on stop ${stops.length}, ${s.desc}`);
  }
  if (!stops.length) { failures.push(`${where}: Tab reached no element`); await ctx.close(); continue; }
  if (stops[0].where !== "skip") failures.push(`${where}: the first Tab reached ${stops[0].desc}, not the skip link`);
  const first = (k) => stops.findIndex((s) => s.where === k);
  const order = ["skip", "switcher", "search", ...(w.filters ? ["filter"] : [])];
  const at = order.map((k) => [k, first(k)]);
  for (const [k, i] of at) {
    if (i < 0 && k === "search") notes.push(`${where}: the header has no search box (not checked)`);
    else if (i < 0) failures.push(`${where}: focus never reached the ${k === "switcher" ? "language switcher" : k}`);
  }
  const seen = at.filter(([, i]) => i >= 0);
  for (let j = 1; j < seen.length; j++) {
    if (seen[j][1] < seen[j - 1][1]) failures.push(`${where}: focus reached the ${seen[j][0]} (stop ${seen[j][1] + 1}) before the ${seen[j - 1][0]} (stop ${seen[j - 1][1] + 1})`);
  }
  console.log(`${where}: ${stops.length} stops; ${seen.map(([k, i]) => `${k} at ${i + 1}`).join(", ")}`);
  await ctx.close();
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
