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

// A story's before/after pair: without JavaScript both photos show, side
// by side on a desktop and one above the other on a phone; with it, a
// slider lays the second over the first and reveals it. Every photo of the
// story loads a published variant.
const storyURL = "/cs/pribehy/sokolovsko-jezero-medard/";
const pairBoxes = (page) => page.$$eval(".compare figure img", (imgs) => imgs.map((i) => { const r = i.getBoundingClientRect(); return { x: r.x, y: r.y + scrollY, w: r.width }; }));
const photosLoaded = async (page) => {
  for (const img of await page.$$(".story img")) await img.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => [...document.querySelectorAll(".story img")].every((i) => i.complete), null, { timeout: 15000 }).catch(() => {});
  return page.$$eval(".story img", (imgs) => imgs.map((i) => ({ src: i.currentSrc, ok: i.complete && i.naturalWidth > 0 })));
};
for (const [width, height] of [[1280, 900], [390, 844]]) {
  await withPage({ viewport: { width, height }, javaScriptEnabled: false }, async (page) => {
    const url = `${storyURL} (${width} px, no JavaScript)`;
    await page.goto(base + storyURL);
    check(url, (await page.locator(".compare-slider, .compare-range").count()) === 0, "slider present without JavaScript");
    const [a, b] = await pairBoxes(page);
    check(url, a && b && a.w > 50 && b.w > 50, `the pair does not show both photos: ${JSON.stringify([a, b])}`);
    if (a && b) {
      const sideBySide = Math.abs(a.y - b.y) < 2 && b.x > a.x;
      check(url, width > 600 ? sideBySide : b.y > a.y, `the pair is ${sideBySide ? "side by side" : "stacked"} at ${width} px`);
    }
    for (const p of await photosLoaded(page)) check(url, p.ok && p.src.includes("/media/sokolovsko-jezero-medard/"), `photo not loaded: ${p.src}`);
  });
  await withPage({ viewport: { width, height } }, async (page) => {
    const url = `${storyURL} (${width} px)`;
    await page.goto(base + storyURL);
    await page.waitForSelector(".compare.compare-slider .compare-range");
    const [a, b] = await pairBoxes(page);
    check(url, a && b && Math.abs(a.x - b.x) < 1 && Math.abs(a.y - b.y) < 1, `with the slider the photos do not lie over each other: ${JSON.stringify([a, b])}`);
    const range = page.locator(".compare-range");
    check(url, ((await range.getAttribute("aria-label")) || "").length > 0, "the slider has no label");
    const clip = () => page.$eval(".compare figure + figure", (f) => f.style.clipPath);
    await range.focus();
    await page.keyboard.press("Home");
    const open = await clip();
    await page.keyboard.press("End");
    const closed = await clip();
    check(url, open === "inset(0px 0px 0px 0%)" || open === "inset(0 0 0 0%)", `slider at 0 clips the second photo with ${open}`);
    check(url, closed === "inset(0px 0px 0px 100%)" || closed === "inset(0 0 0 100%)", `slider at 100 clips the second photo with ${closed}`);
    check(url, (await page.locator(".compare-caption").count()) === 1, "the second caption is not below the slider");
    for (const p of await photosLoaded(page)) check(url, p.ok && p.src.includes("/media/sokolovsko-jezero-medard/"), `photo not loaded: ${p.src}`);
  });
}

// Screenshots of every page type at 390 and 1280 px are taken by axe.mjs.

await browser.close();
await close();
record("browser checks", "5 pages", failures);
if (failures.length) {
  console.error("Browser checks failed:\n" + failures.map((f) => "  " + f).join("\n"));
  process.exit(1);
}
console.log("browser checks passed");
