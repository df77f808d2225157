// Browser test of the search page of a built portal, in Debian's Chromium
// driven by playwright-core. Usage: node search.mjs <built site folder>
// The folder is served with a strict Content Security Policy (no inline
// scripts or styles), as the production host does.
import { chromium } from "playwright-core";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(process.argv[2] || "../../public");
const pages = { cs: "/cs/hledat/", en: "/en/search/" };
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".svg": "image/svg+xml", ".csv": "text/csv" };
const served = []; // paths of the index files the browser fetched, with their sizes
const server = http.createServer((req, res) => {
  const p = decodeURIComponent(new URL(req.url, "http://x").pathname);
  let f = path.join(root, p);
  if (!f.startsWith(root)) { res.writeHead(400); return res.end(); }
  if (fs.existsSync(f) && fs.statSync(f).isDirectory()) f = path.join(f, "index.html");
  if (!fs.existsSync(f)) {
    const nf = path.join(root, "404.html");
    res.writeHead(404, { "content-type": types[".html"], "content-security-policy": csp });
    return res.end(fs.existsSync(nf) ? fs.readFileSync(nf) : "not found");
  }
  const data = fs.readFileSync(f);
  if (p.includes("/index/")) served.push({ path: p, bytes: data.length });
  res.writeHead(200, { "content-type": types[path.extname(f)] || "application/octet-stream", "content-security-policy": csp });
  res.end(data);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}`;

// Fail early and plainly when the folder has no search pages.
for (const url of Object.values(pages)) {
  const r = await fetch(base + url);
  const html = await r.text();
  if (r.status !== 200 || !/\bid=["']?search["'\s>]/.test(html) || !html.includes("search-status")) {
    console.error(`Search checks failed: ${url} is not a search page (HTTP ${r.status}) in ${root}`);
    server.close();
    process.exit(1);
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const failures = [];
const check = (where, ok, what) => { if (!ok) failures.push(`${where}: ${what}`); };

async function withPage(opts, fn) {
  const ctx = await browser.newContext(opts);
  const page = await ctx.newPage();
  page.setDefaultTimeout(10000);
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error" && !m.text().includes("status of 404")) errors.push(m.text()); });
  try { await fn(page); } catch (e) { failures.push(`${page.url()}: ${e.message.split("\n")[0]}`); } finally {
    for (const e of errors) failures.push(`${page.url()}: browser error: ${e}`);
    await ctx.close();
  }
}

const results = "#search-results > li";
const status = "#search-status";

// waitStatus waits until the live region says something other than before.
async function waitStatus(page, before = "") {
  await page.waitForFunction((b) => { const s = (document.querySelector("#search-status")?.textContent || "").trim(); return s && s !== b && !s.endsWith("…"); }, before, { timeout: 10000 });
  return (await page.textContent(status)).trim();
}

// A query from the address: results appear, say "Ústí" and the live
// region announces their number.
for (const [lang, url] of Object.entries(pages)) {
  await withPage({ viewport: { width: 390, height: 844 }, locale: lang }, async (page) => {
    served.length = 0;
    await page.goto(base + url + "?q=usti");
    const said = await waitStatus(page);
    const n = await page.locator(results).count();
    check(url + "?q=usti", n > 0, `no results (status "${said}")`);
    const all = await page.locator(results).allTextContents();
    check(url + "?q=usti", all.some((t) => t.includes("Ústí")), `results do not mention "Ústí": ${all.slice(0, 3).join(" | ")}`);
    const total = Number((said.match(/[\d\s\u00a0,]+/) || [""])[0].replace(/[^\d]/g, ""));
    check(url + "?q=usti", total >= n && total > 0, `live region "${said}" does not announce a count of at least ${n}`);
    check(url + "?q=usti", (await page.getAttribute(status, "aria-live")) === "polite", "status is not aria-live=polite");
    const marks = await page.locator(`${results} mark`).allTextContents();
    check(url + "?q=usti", marks.some((m) => m.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().startsWith("usti")), `no <mark> on Ústí: ${marks.slice(0, 5)}`);
    check(url + "?q=usti", (await page.inputValue("#search-q")) === "usti", "the search field does not hold the query");
    if (await page.locator("#q").count()) check(url + "?q=usti", (await page.inputValue("#q")) === "usti", "the header search field does not hold the query");
    check(url + "?q=usti", (await page.title()).includes("usti"), `page title "${await page.title()}" does not name the query`);
    check(url + "?q=usti", await page.locator(".search-nojs").isHidden(), "the no-JavaScript notice is shown with JavaScript");
    // Every result is a link in a heading, reachable with Tab.
    const links = await page.locator(`${results} h2 a[href]`).count();
    check(url + "?q=usti", links === n, `${links} links for ${n} results`);
    await page.focus("#search-q");
    let reached = false;
    for (let i = 0; i < 4 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => !!document.activeElement.closest("#search-results a"));
    }
    check(url + "?q=usti", reached, "Tab from the search field does not reach the first result");
    const kb = served.reduce((s, f) => s + f.bytes, 0) / 1024;
    console.log(`${url}?q=usti: ${n} shown, "${said}", index files ${served.length}, ${kb.toFixed(1)} KB uncompressed`);
  });
}

// A prefix finds every form of a word; the query is kept in the address
// and typing more searches again (as you type, after the first search).
await withPage({ viewport: { width: 1280, height: 900 } }, async (page) => {
  const url = pages.cs;
  await page.goto(base + url + "?q=transform");
  const said = await waitStatus(page);
  const titles = await page.locator(`${results} h2`).allTextContents();
  check(url + "?q=transform", titles.length > 1, `prefix query shows ${titles.length} results ("${said}")`);
  const marks = (await page.locator(`${results} mark`).allTextContents()).map((m) => m.toLowerCase());
  const forms = new Set(marks.filter((m) => m.startsWith("transform")));
  check(url + "?q=transform", forms.size >= 2, `prefix query marks only ${[...forms]} (want transformace, transformaci …)`);
  // Typing narrows the results without Enter.
  await page.fill("#search-q", "transformace xyzzyq");
  const none = await waitStatus(page, said);
  check(url, (await page.locator(results).count()) === 0, `"transformace xyzzyq" still shows results ("${none}")`);
  check(url, page.url().includes("q=transformace+xyzzyq"), `address ${page.url()} does not follow the query`);
  await page.fill("#search-q", "brownfield");
  const some = await waitStatus(page, none);
  check(url, (await page.locator(results).count()) > 0, `"brownfield" as you type: ${some}`);
  // Enter searches at once.
  await page.fill("#search-q", "sokolov");
  await page.press("#search-q", "Enter");
  const sok = await waitStatus(page, some);
  check(url, (await page.locator(results).count()) > 0 && page.url().includes("q=sokolov"), `"sokolov" with Enter: ${sok}`);
  // More results, when there are more than ten, are appended and get focus.
  if (await page.locator(".search-more").isVisible()) {
    const before = await page.locator(results).count();
    await page.click(".search-more");
    await page.waitForFunction((b) => document.querySelectorAll("#search-results > li").length > b, before);
    const focused = await page.evaluate(() => document.activeElement.closest("#search-results > li") && [...document.querySelectorAll("#search-results > li")].indexOf(document.activeElement.closest("li")));
    check(url, focused === before, `after "more" focus is on result ${focused}, want ${before}`);
  }
});

// Without diacritics, or with other case, the same results.
await withPage({}, async (page) => {
  const seen = [];
  for (const q of ["přehled", "PREHLED"]) {
    await page.goto(base + pages.cs + "?q=" + encodeURIComponent(q));
    await waitStatus(page);
    seen.push((await page.locator(`${results} h2`).allTextContents()).join("|"));
  }
  check(pages.cs, seen[0] === seen[1] && seen[0] !== "", `"přehled" and "PREHLED" differ: ${seen.join(" ≠ ")}`);
});

// Nothing found: the live region says so.
await withPage({}, async (page) => {
  await page.goto(base + pages.en + "?q=qqqxxyz");
  const said = await waitStatus(page);
  check(pages.en, (await page.locator(results).count()) === 0 && said.includes("qqqxxyz"), `no-result status "${said}"`);
});

// Without JavaScript the page says search needs it and links to the
// project list with its filters.
await withPage({ javaScriptEnabled: false }, async (page) => {
  await page.goto(base + pages.cs + "?q=usti");
  check(pages.cs, await page.locator(".search-nojs").isVisible(), "no notice that search needs JavaScript");
  const href = await page.getAttribute(".search-browse a", "href");
  check(pages.cs, href === "/cs/projekty/", `fallback link goes to ${href}`);
  // The in-page form does nothing without JavaScript; it carries hidden,
  // which a display rule in the stylesheet must not override.
  if (await page.locator(".search-form-page").isVisible()) console.warn(`note: ${pages.cs}: the search form is shown without JavaScript (add .search-form-page[hidden] { display: none } to the CSS)`);
});

await browser.close();
server.close();
if (failures.length) {
  console.error("Search checks failed:\n" + failures.map((f) => "  " + f).join("\n"));
  process.exit(1);
}
console.log("search checks passed");
