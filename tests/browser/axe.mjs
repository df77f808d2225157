// axe-core in headless Chromium on one page of every type, in every
// language, at a phone (390 px) and a desktop (1280 px) width, with and
// without JavaScript. Also takes the screenshots of the first site.
//
// Usage: node axe.mjs NAME=DIR [NAME=DIR...]
// Fails with the site, page, width, JS and axe rule of every violation.
//
// Without JavaScript the page is loaded with scripting disabled, so its
// own scripts never run. axe is then evaluated through DevTools, which
// works while scripting is off, except that timers never fire: axe gets
// a setTimeout that runs on the microtask queue.
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { serve, launch, pagesByType, requiredTypes, record, pool, outDir } from "./lib.mjs";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const axeSource = fs.readFileSync(axePath, "utf8");
const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

const sites = process.argv.slice(2).map((a) => { const [name, dir] = a.split("="); return { name, dir }; });
if (!sites.length) { console.error("usage: node axe.mjs NAME=DIR..."); process.exit(2); }

const failures = [];
const notes = []; // [axe rule, page] of results that need review
let checked = 0;
// Every site must have one page of every type in every language (the
// chooser and the 404 page outside the languages once): a site that lacks
// a type does not show what it should.
for (const s of sites) {
  s.pages = pagesByType(s.dir);
  s.server = await serve(s.dir);
  const have = new Set(s.pages.map((p) => `${p.type} ${p.lang}`));
  const langs = [...new Set(s.pages.filter((p) => p.type === "home").map((p) => p.lang))];
  if (langs.length < 2) failures.push(`${s.name}: home pages in ${langs.length} language(s) (${langs.join(", ")}), want both`);
  const want = requiredTypes.flatMap((t) => t === "chooser" ? ["chooser -"] : t === "notfound" ? ["notfound-root -", ...langs.map((l) => `notfound ${l}`)] : langs.map((l) => `${t} ${l}`));
  for (const w of want) if (!have.has(w)) failures.push(`${s.name}: no page of type "${w.split(" ")[0]}" in language "${w.split(" ")[1]}" to check`);
}

const browser = await launch();
const configs = [
  { width: 390, js: true }, { width: 1280, js: true },
  { width: 390, js: false }, { width: 1280, js: false },
];
const shotSite = sites[0].name;
// Without JavaScript a page whose DOM is the very same as with it (the
// script changed nothing on it) gives the same axe result: it is not run
// twice. Not when the site has <noscript> or a scripting media query.
const domWithJS = new Map();
let same = 0;
const cssOf = (d) => fs.readdirSync(path.join(d, "css")).filter((f) => f.endsWith(".css")).map((f) => fs.readFileSync(path.join(d, "css", f), "utf8")).join("");
const maySkip = (s) => { try { return !/scripting/.test(cssOf(s.dir)); } catch { return false; } };
for (const s of sites) s.maySkip = maySkip(s);

// Where the time goes (seconds, summed over the parallel lanes).
const spent = { load: 0, axe: 0, screenshots: 0 };
const since = (t) => (performance.now() - t) / 1000;

const lane = async (cfg) => {
  const ctx = await browser.newContext({ viewport: { width: cfg.width, height: 900 }, javaScriptEnabled: cfg.js });
  const page = await ctx.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const label = `${cfg.width}px, ${cfg.js ? "JS" : "no JS"}`;
  for (const s of sites) {
    for (const p of s.pages) {
      const where = `${s.name} ${p.url} [${label}]`;
      let t = performance.now();
      try {
        const resp = await page.goto(s.server.base + p.url, { waitUntil: "load" });
        if (!resp || resp.status() >= 400) failures.push(`${where}: HTTP ${resp && resp.status()}`);
        if (cfg.js && await page.locator("[data-index]").count()) {
          // Pages whose script fetches data (the project filter, search)
          // are checked once it has arrived.
          await page.waitForLoadState("networkidle", { timeout: 5000 }).catch(() => {});
        }
        const key = `${s.name} ${p.url} ${cfg.width}`;
        const dom = crypto.createHash("sha1").update(await page.evaluate(() => document.documentElement.outerHTML + (document.querySelector("noscript") ? Math.random() : ""))).digest("hex");
        if (cfg.js) domWithJS.set(key, dom);
        const skip = !cfg.js && s.maySkip && domWithJS.get(key) === dom;
        if (skip) same++;
        else if (cfg.js) {
          await page.addScriptTag({ path: axePath });
        } else {
          await page.evaluate(axeSource);
          await page.evaluate(() => { window.setTimeout = (fn, ms, ...a) => { Promise.resolve().then(() => fn(...a)); return 0; }; window.clearTimeout = () => {}; });
        }
        spent.load += since(t);
        t = performance.now();
        if (!skip) {
          const r = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations", "incomplete"] })
            .then((r) => ({
              violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ") + (n.failureSummary ? " — " + n.failureSummary.replace(/\s+/g, " ").slice(0, 300) : "")) })),
              incomplete: r.incomplete.map((v) => v.id),
            })), tags);
          checked++;
          for (const v of r.violations) {
            failures.push(`${where}: ${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} element(s): ${v.nodes.slice(0, 3).join(" | ")}`);
          }
          for (const id of new Set(r.incomplete)) notes.push([id, `${s.name} ${p.url}`]);
          // Reflow (WCAG 1.4.10): at phone width nothing may widen the page.
          if (cfg.width < 1000) {
            const wide = await page.evaluate(() => {
              const W = document.documentElement.clientWidth;
              if (document.documentElement.scrollWidth <= W) return null;
              const e = [...document.querySelectorAll("body *")].find((e) => e.getBoundingClientRect().right > W + 1 && e.parentElement.getBoundingClientRect().right <= W + 1);
              return `the page is ${document.documentElement.scrollWidth} px wide` + (e ? `; ${e.tagName.toLowerCase()}${e.className ? "." + String(e.className).trim().split(/\s+/).join(".") : ""} "${(e.textContent || "").trim().slice(0, 40)}" sticks out` : "");
            });
            if (wide) failures.push(`${where}: reflow (WCAG 1.4.10): ${wide}`);
          }
        }
        spent.axe += since(t);
        t = performance.now();
        if (cfg.js && s.name === shotSite && p.type !== "projects-page") {
          const name = `${p.type}-${p.lang === "-" ? "root" : p.lang}-${cfg.width}.png`;
          // A full-page screenshot does not scroll, so lazy photos below the
          // fold would stay empty: load them all first.
          await page.evaluate(() => Promise.all([...document.images].map((i) => {
            i.loading = "eager";
            const loaded = i.complete ? Promise.resolve() : new Promise((r) => { i.onload = i.onerror = r; setTimeout(r, 15000); });
            return loaded.then(() => i.decode()).catch(() => {});
          })));
          await page.screenshot({ path: outDir + name, fullPage: true });
          spent.screenshots += since(t);
        }
      } catch (e) {
        failures.push(`${where}: could not check: ${String(e.message || e).split("\n")[0]}`);
      }
      for (const e of errors.splice(0)) failures.push(`${where}: browser error: ${e}`);
    }
  }
  await ctx.close();
};
// With JavaScript first (the DOM of each page is kept), then without.
await pool(configs.filter((c) => c.js), 2, lane);
await pool(configs.filter((c) => !c.js), 2, lane);

await browser.close();
for (const s of sites) await s.server.close();

const pageCount = sites.reduce((n, s) => n + s.pages.length, 0);
console.log(`axe-core ${JSON.parse(fs.readFileSync(require.resolve("axe-core/package.json"), "utf8")).version}: ${checked} runs on ${pageCount} pages (${sites.map((s) => `${s.name}: ${s.pages.map((p) => p.type + "/" + p.lang).join(" ")}`).join("; ")}) × 390/1280 px × JS on/off; ${same} pages without JS had the same DOM as with it and were not run again; time in the lanes: ${Object.entries(spent).map(([k, v]) => `${k} ${v.toFixed(0)} s`).join(", ")}`);
if (notes.length) {
  // "Incomplete" results: axe could not decide (text over a gradient or an
  // image, say); they are listed for a person to look at, not failures.
  const by = new Map();
  for (const [id, url] of notes) { if (!by.has(id)) by.set(id, new Set()); by.get(id).add(url); }
  console.log("axe: needs review by a person (not failures):");
  for (const [id, urls] of by) console.log(`  ${id}: ${[...urls].slice(0, 6).join(", ")}${urls.size > 6 ? ` and ${urls.size - 6} more` : ""}`);
}
record("axe-core", `${pageCount} pages × 4 (${checked} runs, ${same} same)`, failures);
if (failures.length) {
  console.error("axe-core violations:\n" + failures.map((f) => "  " + f).join("\n"));
  process.exit(1);
}
console.log("axe-core: no violations");
