// What the browser tests share: the built site served on 127.0.0.1 under the sample's base
// path, as a static host serves it, and Debian's Chromium.

import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

export const SITE = process.env.DITICH_SITE;
// The sample's base path; a province's guide test sets its own.
export const PREFIX = process.env.DITICH_PREFIX ?? "/du-lich/";
const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".webmanifest": "application/manifest+json", ".svg": "image/svg+xml",
  ".png": "image/png", ".jpg": "image/jpeg", ".ogg": "audio/ogg", ".xml": "application/xml",
  ".txt": "text/plain", ".pdf": "application/pdf", ".csv": "text/csv", ".geojson": "application/geo+json",
};

async function serve(request, response) {
  const url = new URL(request.url, "http://localhost");
  if (!url.pathname.startsWith(PREFIX)) return notFound(response);
  let path = normalize(decodeURIComponent(url.pathname.slice(PREFIX.length)));
  if (path.startsWith("..")) return notFound(response);
  let file = join(SITE, path);
  try {
    let info = await stat(file);
    if (info.isDirectory()) {
      file = join(file, "index.html");
      info = await stat(file);
    }
    // Validators and 304s as every static host sends them (nginx, Apache, GitHub Pages), so a
    // file fetched twice, by the page and then its service worker, moves its bytes once.
    const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    if (request.headers["if-none-match"] === etag) {
      response.writeHead(304, { etag });
      return response.end();
    }
    const body = await readFile(file);
    response.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      etag,
      "last-modified": info.mtime.toUTCString(),
    });
    response.end(body);
  } catch {
    notFound(response);
  }
}

async function notFound(response) {
  response.writeHead(404, { "content-type": TYPES[".html"] });
  // A province's guide has no 404 page of its own.
  response.end(await readFile(join(SITE, "404.html")).catch(() => "not found"));
}

/** Debian's Chromium, headless, quiet: it asks no server but the ones a test starts. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Serves the site and starts Chromium; `close` stops both. `at(path)` is a page's address. */
export async function openSite() {
  assert.ok(SITE, "set DITICH_SITE to a built output folder");
  const server = createServer(serve);
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchChromium();
  return {
    browser,
    at: (path) => `${origin}${PREFIX}${path}`,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}

/** Runs every rule axe-core enables by default (WCAG 2.0–2.2 A and AA and best practices). */
export async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ["violations"] });
    return results.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      elements: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary.replace(/\s+/g, " ")}`),
    }));
  });
}

export const describe = (violations) =>
  violations.map((v) => `  ${v.rule} (${v.impact}): ${v.help}\n${v.elements.map((e) => `    ${e}`).join("\n")}`).join("\n");
