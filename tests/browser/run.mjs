// Browser tests of a built portal, in Debian's Chromium driven by
// playwright-core: the project filter with and without JavaScript, the
// language switcher and the skip link. Usage: node run.mjs <built site folder>
// Fails with the page and the check.
import { serve, launch, record } from "./lib.mjs";

const root = process.argv[2] || "../../public";
const { base, close } = await serve(root);
const browser = await launch();
const failures = [];
const check = (page, ok, what) => { if (!ok) failures.push(`${page}: ${what}`); };

async function withPage(opts, fn) {
  const ctx = await browser.newContext(opts);
  const page = await ctx.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  // A 404 page reports its own status as a console error: that one is expected.
  page.on("console", (m) => { if (m.type() === "error" && !m.text().includes("status of 404")) errors.push(m.text()); });
  try { await fn(page); } finally {
    for (const e of errors) failures.push(`${page.url()}: browser error: ${e}`);
    await ctx.close();
  }
}

// The project list filter: with JavaScript the facets combine instantly.
await withPage({ viewport: { width: 1280, height: 900 } }, async (page) => {
  const url = "/cs/projekty/";
  await page.goto(base + url);
  await page.waitForSelector(".js-filter:not([hidden]) select#filter-region");
  const all = await page.locator(".list-main .cards > li").count();
  await page.selectOption("#filter-region", "liberecky-kraj");
  const some = await page.locator(".list-main .cards > li").count();
  check(url, some > 0 && some < all, `region filter shows ${some} of ${all}`);
  const count = await page.textContent("#result-count");
  check(url, count.includes(String(some)), `result count "${count}" does not say ${some}`);
  check(url, page.url().includes("region=liberecky-kraj"), "filter not kept in the address");
  await page.selectOption("#filter-status", "dokonceno");
  const none = await page.locator(".list-main .cards > li").count();
  check(url, none === 0, `Liberec + finished should be empty, got ${none}`);
  // Reloading with the address restores the filter.
  await page.goto(base + url + "?region=ustecky-kraj");
  await page.waitForSelector(".js-filter:not([hidden])");
  const ust = await page.locator(".list-main .cards > li").count();
  check(url, ust >= 1 && ust < all, `?region=ustecky-kraj shows ${ust}`);
});

// On a facet page the selects start with its facet chosen; another choice
// turns the page into the whole list with that choice, and back.
await withPage({ viewport: { width: 1280, height: 900 } }, async (page) => {
  const url = "/cs/projekty/kraj/ustecky-kraj/";
  await page.goto(base + url);
  await page.waitForSelector(".js-filter:not([hidden]) select#filter-region");
  const heading = await page.textContent("h1");
  const shown = await page.locator(".list-main .cards > li").count();
  check(url, (await page.inputValue("#filter-region")) === "ustecky-kraj", `region select starts at "${await page.inputValue("#filter-region")}", not ustecky-kraj`);
  await page.selectOption("#filter-region", "");
  const all = await page.locator(".list-main .cards > li").count();
  check(url, all > shown, `clearing the region shows ${all} projects, not more than the ${shown} of the region`);
  check(url, new URL(page.url()).pathname === "/cs/projekty/", `after clearing the region the address is ${page.url()}`);
  check(url, (await page.textContent("h1")).trim() === "Projekty", `after clearing the region the heading is "${await page.textContent("h1")}"`);
  await page.selectOption("#filter-region", "ustecky-kraj");
  check(url, new URL(page.url()).pathname === url && !new URL(page.url()).search, `choosing the region again gives ${page.url()}`);
  check(url, (await page.textContent("h1")) === heading, `choosing the region again gives the heading "${await page.textContent("h1")}"`);
  check(url, (await page.locator(".list-main .cards > li").count()) === shown, "choosing the region again does not show its projects");
});

// Without JavaScript the filters are links to generated pages.
await withPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false }, async (page) => {
  const url = "/cs/projekty/";
  await page.goto(base + url);
  check(url, await page.locator(".js-filter").isHidden(), "JS filter box shown without JS");
  await page.click('.facet a[href="/cs/projekty/kraj/ustecky-kraj/"]');
  check(url, page.url().endsWith("/cs/projekty/kraj/ustecky-kraj/"), "facet link did not lead to the region list");
  const h1 = await page.textContent("h1");
  check(page.url(), h1.includes("Ústecký kraj"), `filtered list heading "${h1}"`);
});

// Language switcher leads to the same page's translation.
await withPage({}, async (page) => {
  const url = "/cs/projekty/animace-pro-spravedlivou-transformaci/";
  await page.goto(base + url);
  await page.click('.lang-switch a[hreflang="en"]');
  check(url, page.url().endsWith("/en/projects/animace-pro-spravedlivou-transformaci/"), `switcher went to ${page.url()}`);
  check(url, (await page.getAttribute("html", "lang")) === "en", "English page lacks lang=en");
});

// The first Tab reaches the skip link, and it is visible when focused.
await withPage({}, async (page) => {
  await page.goto(base + "/cs/");
  await page.keyboard.press("Tab");
  const skip = await page.evaluate(() => {
    const a = document.activeElement;
    const r = a.getBoundingClientRect();
    return { cls: a.className, visible: r.top >= 0 && r.height > 0, outline: getComputedStyle(a).outlineStyle };
  });
  check("/cs/", skip.cls === "skip" && skip.visible, `first Tab focused "${skip.cls}" visible=${skip.visible}`);
});

// Screenshots of every page type at 390 and 1280 px are taken by axe.mjs.

await browser.close();
await close();
record("browser checks", "4 pages", failures);
if (failures.length) {
  console.error("Browser checks failed:\n" + failures.map((f) => "  " + f).join("\n"));
  process.exit(1);
}
console.log("browser checks passed");
