// Shared helpers of the browser tests: a static server for a built site,
// Debian's Chromium through playwright-core, the pages of every type, and
// the summary line each tool leaves for .ci/run.
import { chromium } from "playwright-core";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

export const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
export const chromeFlags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
export const outDir = new URL("./out/", import.meta.url).pathname;
fs.mkdirSync(outDir, { recursive: true });

const types = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".json": "application/json", ".jsonld": "application/ld+json", ".svg": "image/svg+xml", ".csv": "text/csv; charset=utf-8",
  ".xml": "application/xml", ".txt": "text/plain; charset=utf-8", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
  ".png": "image/png", ".webp": "image/webp", ".avif": "image/avif", ".ico": "image/x-icon", ".woff2": "font/woff2",
};

// serve starts a static server for the built site in root on 127.0.0.1 and
// returns its base URL and a close function. A folder serves its
// index.html; a missing file serves the 404 page of its language with
// status 404, as the host does.
export async function serve(root) {
  root = path.resolve(root);
  const server = http.createServer((req, res) => {
    let p;
    try { p = decodeURIComponent(new URL(req.url, "http://x").pathname); } catch { res.writeHead(400); return res.end(); }
    let f = path.join(root, p);
    if (f !== root && !f.startsWith(root + path.sep)) { res.writeHead(400); return res.end(); }
    if (fs.existsSync(f) && fs.statSync(f).isDirectory()) {
      if (!p.endsWith("/")) { res.writeHead(301, { location: p + "/" }); return res.end(); }
      f = path.join(f, "index.html");
    }
    if (!fs.existsSync(f)) {
      const lang = p.split("/")[1];
      const nf = fs.existsSync(path.join(root, lang || "-", "404.html")) ? path.join(root, lang, "404.html") : path.join(root, "404.html");
      res.writeHead(404, { "content-type": types[".html"] });
      return res.end(fs.readFileSync(nf));
    }
    res.writeHead(200, { "content-type": types[path.extname(f).toLowerCase()] || "application/octet-stream" });
    res.end(fs.readFileSync(f));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

export function launch() {
  return chromium.launch({ executablePath: chromiumPath, args: chromeFlags });
}

// The page types the portal must have, with how to tell them apart: the
// body class kind-<kind>, and for the filtered list a facet folder.
export const requiredTypes = ["chooser", "home", "projects", "filtered", "project", "partners", "partner", "regions", "region",
  "indicators", "indicator", "embed", "stories", "story", "search", "page", "notfound"];

// pagesByType walks a built site and returns, for every page type and
// language, the URL path of the largest page of that type (the richest
// one: most content, most components). Types that are not in
// requiredTypes (the second page of the list, say) are included too.
export function pagesByType(root) {
  root = path.resolve(root);
  const best = new Map(); // "type lang" → {url, size}
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const f = path.join(dir, e.name);
      if (e.isDirectory()) { walk(f); continue; }
      if (!e.name.endsWith(".html")) continue;
      const html = fs.readFileSync(f, "utf8");
      const m = html.match(/<body[^>]*\bclass="?[^">]*\bkind-([a-z0-9-]+)/);
      if (!m) continue;
      const rel = path.relative(root, f).split(path.sep).join("/");
      let url = "/" + rel.replace(/(^|\/)index\.html$/, "$1");
      let kind = m[1];
      const lm = html.match(/<html[^>]*\blang="?([a-z-]+)/i);
      let lang = lm ? lm[1] : "-";
      if (kind === "chooser" || rel === "404.html") lang = "-";
      if (kind === "projects" && !/^\/[a-z]+\/[^/]+\/$/.test(url) && !/\/(strana|page)\/\d+\/$/.test(url)) kind = "filtered";
      if (kind === "projects" && /\/(strana|page)\/\d+\/$/.test(url)) kind = "projects-page";
      if (rel === "404.html") kind = "notfound-root";
      const key = `${kind} ${lang}`;
      const size = html.length;
      if (!best.has(key) || size > best.get(key).size) best.set(key, { type: kind, lang, url, size });
    }
  };
  walk(root);
  return [...best.values()].sort((a, b) => (a.type + a.lang).localeCompare(b.type + b.lang));
}

// record appends one line to the summary that .ci/run prints at the end:
// tool, pages checked, the number of failures and the first few of them
// (each naming the page and the rule), separated by tabs.
// details, when given, replaces the failures in the listing (grouped, say).
export function record(tool, pages, failures, details = failures) {
  const f = process.env.SUMMARY_FILE;
  if (!f) return;
  const clean = (s) => String(s).replace(/[\t\n\r]+/g, " ");
  fs.appendFileSync(f, [tool, pages, failures.length, details.slice(0, 8).map(clean).join(" ¦ ")].map(clean).join("\t") + "\n");
}

// pool runs fn over items with at most n at a time.
export async function pool(items, n, fn) {
  let next = 0;
  const worker = async () => { while (next < items.length) { const i = next++; await fn(items[i], i); } };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
}
