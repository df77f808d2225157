// Lighthouse on the home, a project, an indicator and a story page, served
// over http from 127.0.0.1: accessibility, best practices and SEO must
// score 100; performance is recorded, not gated.
//
// Usage: node lighthouse.mjs DIR
// Reports go to out/lighthouse-<type>-<lang>.html and .json.
//
// What a local run cannot show (checked with Lighthouse 12.8.2): the site
// is served over plain http from 127.0.0.1. Lighthouse counts 127.0.0.1 as
// a secure origin, so is-on-https passes, and redirects-http is "not
// applicable"; neither says anything about the real host's HTTPS. The
// security headers of netlify.toml (Content-Security-Policy, HSTS,
// X-Frame-Options, COOP) are not sent by this server: csp-xss, has-hsts,
// clickjacking-mitigation and origin-isolation are informative audits
// without weight, so they neither lower nor prove the score here. The
// canonical and hreflang links name the production host, which the
// canonical and hreflang audits accept. robots.txt is the site's own.
// Performance is measured with simulated mobile throttling on a shared
// 2-core machine (other checks run beside it): it is recorded, not gated.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import fs from "node:fs";
import { serve, pagesByType, record, outDir, chromeFlags, chromiumPath } from "./lib.mjs";

const dir = process.argv[2];
if (!dir) { console.error("usage: node lighthouse.mjs DIR"); process.exit(2); }
const pages = pagesByType(dir);
const wanted = [["home", "cs"], ["project", "cs"], ["indicator", "en"], ["story", "cs"]];
const targets = [];
const failures = [];
for (const [type, lang] of wanted) {
  const p = pages.find((p) => p.type === type && p.lang === lang);
  if (p) targets.push(p); else failures.push(`(site): no ${type} page in ${lang} for Lighthouse`);
}

const gated = ["accessibility", "best-practices", "seo"];
const { base, close } = await serve(dir);
const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH || chromiumPath, chromeFlags: chromeFlags });
const rows = [];
try {
  for (const p of targets) {
    const url = base + p.url;
    const r = await lighthouse(url, {
      port: chrome.port, output: ["html", "json"], logLevel: "error",
      onlyCategories: ["performance", ...gated],
    });
    const name = `lighthouse-${p.type}-${p.lang}`;
    fs.writeFileSync(outDir + name + ".html", r.report[0]);
    fs.writeFileSync(outDir + name + ".json", r.report[1]);
    const lhr = r.lhr;
    if (lhr.runtimeError) failures.push(`${p.url}: Lighthouse could not load the page: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const score = (c) => (lhr.categories[c] && lhr.categories[c].score != null ? Math.round(lhr.categories[c].score * 100) : "–");
    rows.push([p.url, score("performance"), ...gated.map(score)]);
    for (const c of gated) {
      const cat = lhr.categories[c];
      if (!cat || cat.score === 1) continue;
      const bad = cat.auditRefs.filter((a) => a.weight > 0 && lhr.audits[a.id].score !== null && lhr.audits[a.id].score < 1)
        .map((a) => {
          const au = lhr.audits[a.id];
          const items = (au.details && au.details.items) || [];
          const what = items.slice(0, 3).map((i) => (i.node && (i.node.selector || i.node.snippet)) || i.url || i.source?.url || i.description || "").filter(Boolean).join(" | ");
          return `${a.id}: ${au.title}${au.displayValue ? " (" + au.displayValue + ")" : ""}${what ? "; " + what : ""}`;
        });
      failures.push(`${p.url}: ${c} ${score(c)}: ${bad.join("; ") || "(no failing audit with weight)"}`);
    }
  }
} finally {
  await chrome.kill();
  await close();
}

console.log("Lighthouse " + JSON.parse(fs.readFileSync(new URL("./node_modules/lighthouse/package.json", import.meta.url), "utf8")).version + " (mobile, simulated throttling):");
console.log("  page".padEnd(60) + "perf  a11y  best  seo");
for (const r of rows) console.log("  " + String(r[0]).padEnd(58) + r.slice(1).map((s) => String(s).padStart(4)).join("  "));
console.log(`  reports: ${outDir}lighthouse-*.html`);
record("Lighthouse", `${targets.length} pages (perf ${rows.map((r) => r[1]).join("/")})`, failures);
if (failures.length) {
  console.error("Lighthouse below 100:\n" + failures.map((f) => "  " + f).join("\n"));
  process.exit(1);
}
