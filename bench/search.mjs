// Times the guide's search in headless Chromium, as a visitor on a phone types: the median
// time from pressing Enter to the results shown, over several runs of each query, with the
// bytes of index each query loaded. Prints one line for bench/province.sh's table.
//
//   DITICH_SITE=<guide output> DITICH_PREFIX=/di-tich/ node bench/search.mjs [QUERY ...]
//
// Uses tests/browser's packages: run `npm ci` in tests/browser first.

import { openSite } from "../tests/browser/harness.mjs";

const queries = process.argv.slice(2).length ? process.argv.slice(2) : ["den ca", "chua", "dinh lang", "đình", "quynh"];
const RUNS = 5;
const site = await openSite();
const context = await site.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
const results = {};
try {
  for (const query of queries) {
    const times = [];
    let bytes = 0;
    let found = 0;
    for (let run = 0; run < RUNS; run++) {
      // A fresh page each run: a first query after the page opened, with nothing cached.
      const page = await context.newPage();
      await page.route("**/*", (route) => route.continue({ headers: { ...route.request().headers(), "cache-control": "no-cache" } }));
      await page.goto(site.at(""));
      await page.fill("#q", query);
      const started = performance.now();
      await page.press("#q", "Enter");
      await page.waitForFunction(() => document.querySelector(".search-status").textContent !== "");
      times.push(performance.now() - started);
      found = await page.$$eval(".search-results li", (items) => items.length);
      bytes = await page.evaluate(() => performance.getEntriesByType("resource")
        .filter((entry) => entry.name.includes("/search/"))
        .reduce((sum, entry) => sum + entry.encodedBodySize, 0));
      await page.close();
    }
    times.sort((a, b) => a - b);
    results[query] = { median_ms: Math.round(times[Math.floor(times.length / 2)]), results: found, index_bytes: bytes };
  }
} finally {
  await context.close();
  await site.close();
}
console.log(Object.entries(results)
  .map(([query, r]) => `\`${query}\` ${r.median_ms} ms, ${r.results} shown (${Math.round(r.index_bytes / 1024)} KB)`)
  .join("; "));
