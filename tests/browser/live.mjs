// Browser check of the editor's loop, `portal serve`, in Debian's Chromium:
// a saved card reloads its page by itself; a broken save shows the error
// overlay in the editors' language (the site's default language, Czech
// here, also on an English page) over the last good page; a browser that
// opens a page while the content is broken sees the overlay at once;
// fixing the file closes it; a stylesheet change swaps the styles without
// reloading the page.
//
// Usage: node live.mjs <portal binary> [screenshot.png]
// The site is a copy of the generator's small test site (no photos, so it
// builds in a moment). With a second argument, a screenshot of the overlay
// is written there (docs/screenshot-error.png is made this way).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { launch, record } from "./lib.mjs";

const bin = path.resolve(process.argv[2] || "");
const shot = process.argv[3];
if (!process.argv[2] || !fs.existsSync(bin)) {
  console.error("usage: node live.mjs <portal binary> [screenshot.png]");
  process.exit(2);
}
const fixture = new URL("../../generator/site/testdata/basic/", import.meta.url).pathname;
const src = fs.mkdtempSync(path.join(os.tmpdir(), "portal-live-"));
fs.cpSync(fixture, src, { recursive: true });
const card = path.join(src, "content/projects/animace.cs.md");
const good = fs.readFileSync(card, "utf8");

const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); };

// Start the server on a free port and wait for its address.
const proc = spawn(bin, ["serve", "--src", src, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
let log = "";
const base = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error("portal serve did not start within 60 s:\n" + log)), 60000);
  const onData = (d) => {
    log += d;
    const m = log.match(/serving on (http:\/\/[^/\s]+)\//);
    if (m) { clearTimeout(timer); resolve(m[1]); }
  };
  proc.stdout.on("data", onData);
  proc.stderr.on("data", onData);
  proc.on("exit", (code) => { clearTimeout(timer); reject(new Error(`portal serve exited (${code}):\n${log}`)); });
});

const browser = await launch();
const overlay = "[data-portal-overlay]";
try {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));

  // Open a page and wait until its event stream is connected.
  const open = async (p, url) => {
    const stream = p.waitForResponse((r) => r.url().endsWith("/_portal/events"));
    await p.goto(base + url);
    await stream;
  };
  await open(page, "/cs/projekty/animace/");
  check(await page.locator(overlay).count() === 0, "an overlay is shown before anything broke");

  // A save reloads the page by itself.
  await page.evaluate(() => { window.__notReloaded = true; });
  let reloaded = page.waitForEvent("load");
  fs.writeFileSync(card, good.replace("Projekt vychází", "Projekt nově vychází"));
  await reloaded;
  check(await page.evaluate(() => !window.__notReloaded), "the page did not reload after a save");
  check((await page.textContent("main")).includes("Projekt nově vychází"), "the reloaded page lacks the new text");

  // A broken save: the overlay, in Czech, with file, line and message,
  // over the last good page.
  await page.evaluate(() => { window.__notReloaded = true; });
  fs.writeFileSync(card, good.replace('carrier = "mas-ustecko"', 'carrier = "mas-ustecka"'));
  await page.waitForSelector(overlay, { timeout: 10000 });
  const box = page.locator(overlay);
  check(await box.getAttribute("lang") === "cs", `overlay lang=${await box.getAttribute("lang")}, want cs`);
  check((await box.locator("h2").textContent()) === "Chyba v obsahu", "the overlay's heading is not Czech");
  const item = await box.locator("li").first().textContent();
  check(item.startsWith("content/projects/animace.cs.md:15 "), `the overlay does not say file and line: ${item}`);
  check(item.includes('nositel "mas-ustecka" není mezi partnery (nemysleli jste "mas-ustecko"?)'), `the overlay's message is not Czech: ${item}`);
  check((await page.textContent("h1")).includes("Animace pro spravedlivou transformaci"), "the last good page is gone under the overlay");
  check(await page.evaluate(() => window.__notReloaded === true), "a broken save reloaded the page");
  check(await page.evaluate(() => document.activeElement && document.activeElement.closest("[data-portal-overlay]") !== null),
    "the overlay does not take the focus");
  if (shot) {
    await page.setViewportSize({ width: 1100, height: 700 });
    await page.screenshot({ path: shot });
  }

  // A browser opening an English page now sees the overlay at once, in the
  // editors' language.
  const en = await ctx.newPage();
  await en.goto(base + "/en/projects/animace/");
  await en.waitForSelector(overlay, { timeout: 10000 });
  check((await en.locator(`${overlay} h2`).textContent()) === "Chyba v obsahu", "the overlay on an English page is not in the editors' language");

  // Fixing the file closes the overlay.
  reloaded = page.waitForEvent("load");
  fs.writeFileSync(card, good);
  await page.waitForSelector(overlay, { state: "detached", timeout: 10000 });
  await en.waitForSelector(overlay, { state: "detached", timeout: 10000 });
  await reloaded;
  check((await page.textContent("main")).includes("Projekt vychází"), "the fixed page is not shown");

  // A stylesheet change swaps the styles without reloading the page.
  await page.evaluate(() => { window.__notReloaded = true; });
  fs.mkdirSync(path.join(src, "static/css"), { recursive: true });
  fs.writeFileSync(path.join(src, "static/css/portal.css"), "body { outline: 7px solid rgb(1, 2, 3); }");
  await page.waitForFunction(() => getComputedStyle(document.body).outlineWidth === "7px", null, { timeout: 10000 });
  check(await page.evaluate(() => window.__notReloaded === true), "a stylesheet change reloaded the page");

  for (const e of errors) failures.push(`browser error: ${e}`);
  await ctx.close();
} catch (e) {
  failures.push(String(e));
} finally {
  await browser.close();
  proc.removeAllListeners("exit");
  proc.kill("SIGINT");
  await new Promise((r) => proc.once("exit", r));
  fs.rmSync(src, { recursive: true, force: true });
}

record("live reload (portal serve)", 2, failures);
if (failures.length) {
  console.error("live reload checks failed:\n  " + failures.join("\n  ") + "\n--- portal serve said:\n" + log);
  process.exit(1);
}
console.log("live reload checks: ok (reload on save, Czech overlay over the last good page, fix closes it, CSS swap)");
