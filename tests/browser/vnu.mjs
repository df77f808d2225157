// The Nu HTML Checker (vnu.jar from the npm package vnu-jar) on every HTML
// page of the given built sites, in one java call: zero errors.
//
// Usage: node vnu.mjs NAME=DIR [NAME=DIR...]
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { record } from "./lib.mjs";

const require = createRequire(import.meta.url);
const jar = path.join(path.dirname(require.resolve("vnu-jar/package.json")), "build/dist/vnu.jar");
const sites = process.argv.slice(2).map((a) => { const i = a.indexOf("="); return i < 0 ? { name: path.basename(a), dir: path.resolve(a) } : { name: a.slice(0, i), dir: path.resolve(a.slice(i + 1)) }; });
const dirs = sites.map((s) => s.dir);
if (!dirs.length) { console.error("usage: node vnu.mjs NAME=DIR..."); process.exit(2); }
if (!fs.existsSync(jar)) { console.error(`vnu.jar is missing at ${jar}`); process.exit(2); }

let pages = 0;
const count = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { if (e.isDirectory()) count(path.join(d, e.name)); else if (/\.html?$/.test(e.name)) pages++; } };
dirs.forEach(count);

const r = spawnSync("java", ["-Xss4m", "-jar", jar, "--errors-only", "--skip-non-html", "--format", "json", ...dirs], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
if (r.error) { console.error(`could not run java: ${r.error.message}`); process.exit(2); }
let messages;
try { messages = JSON.parse(r.stderr || r.stdout).messages; } catch {
  console.error(`vnu.jar did not answer in JSON (exit ${r.status}):\n${r.stderr}\n${r.stdout}`);
  process.exit(2);
}
const rel = (u) => { const f = (u || "").replace(/^file:/, ""); const s = sites.find((s) => f.startsWith(s.dir + "/")); return s ? `${s.name} /${path.relative(s.dir, f)}` : f; };
const failures = messages.filter((m) => m.type === "error" || m.type === "non-document-error")
  .map((m) => `${rel(m.url)}:${m.lastLine || "?"}.${m.firstColumn || "?"}: ${m.message}${m.extract ? ` [${m.extract.replace(/\s+/g, " ").slice(0, 120)}]` : ""}`);

const version = JSON.parse(fs.readFileSync(require.resolve("vnu-jar/package.json"), "utf8")).version;
// Group the same message, so that a template bug on 500 pages reads as one.
const by = new Map();
for (const m of messages.filter((m) => m.type === "error" || m.type === "non-document-error")) {
  if (!by.has(m.message)) by.set(m.message, []);
  by.get(m.message).push(`${rel(m.url)}:${m.lastLine || "?"}.${m.firstColumn || "?"}`);
}
const grouped = [...by].map(([msg, where]) => `${where.length}× ${msg} (${where.slice(0, 3).join(", ")}${where.length > 3 ? ", …" : ""})`);
record("Nu HTML Checker", `${pages} pages`, failures, grouped);
if (failures.length) {
  console.error(`Nu HTML Checker ${version}: ${failures.length} error(s) on ${pages} pages:`);
  for (const f of failures.slice(0, 200)) console.error("  " + f);
  if (failures.length > 200) console.error(`  … and ${failures.length - 200} more`);
  console.error("The same, grouped by message:\n" + grouped.map((g) => "  " + g).join("\n"));
  process.exit(1);
}
console.log(`Nu HTML Checker ${version}: ${pages} pages, no errors`);
