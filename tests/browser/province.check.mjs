// A province's guide in headless Chromium: the search finds a relic typed with or without
// diacritics, in any case, from a word's first letters, and links to the commune's own page.
// Run by tests/testsuite/province.rs with DITICH_SITE (the guide's output) and DITICH_PREFIX.

import assert from "node:assert/strict";
import { test } from "node:test";
import { axe, describe, openSite } from "./harness.mjs";

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

async function search(page, query) {
  await page.fill("#q", "");
  await page.fill("#q", query);
  await page.press("#q", "Enter");
  await page.waitForFunction(() => document.querySelector(".search-status").textContent !== "");
  return page.$$eval(".search-results li", (items) =>
    items.map((li) => ({
      name: li.querySelector(".card-title").textContent,
      page: li.querySelector("a").href,
      landing: li.querySelector(".meta a").href,
    })),
  );
}

test("the search finds Đền Cả however it is typed, and links to the commune", async () => {
  const site = await openSite();
  try {
    const context = await site.browser.newContext(PHONE);
    const page = await context.newPage();
    const fetched = [];
    page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(site.at(""));
    for (const query of ["den ca", "đền cả", "ĐỀN CẢ", "Den  Ca", "ca den", "quynh doi ca"]) {
      fetched.length = 0;
      const started = Date.now();
      const results = await search(page, query);
      const took = Date.now() - started;
      const found = results.filter((r) => r.name === "Đền Cả");
      assert.equal(found.length, 1, `${query}: ${JSON.stringify(results)}`);
      assert.equal(found[0].page, "https://quynhdoi.example.gov.vn/du-lich/den-a/");
      assert.equal(found[0].landing, "https://quynhdoi.example.gov.vn/du-lich/Q/DT01/");
      // The table of contents once, and one file of relics: the guide is small.
      const index = fetched.filter((path) => path.includes("/search/") && !path.endsWith("/index.json"));
      assert.ok(index.length <= 1, `${query} loaded ${index}`);
      console.log(`# search "${query}": ${results.length} results in ${took} ms, loaded ${index}`);
    }
    // A word of two letters finds it too.
    const short = await search(page, "ca");
    assert.ok(short.some((r) => r.name === "Đền Cả"), JSON.stringify(short));
    const none = await search(page, "khong co di tich nao");
    assert.equal(none.length, 0);
    assert.equal(await page.textContent(".search-status"), "Không tìm thấy di tích nào.");
    if (process.env.DITICH_SHOTS) {
      await search(page, "den");
      await page.screenshot({ path: `${process.env.DITICH_SHOTS}/province-search-phone.png`, fullPage: true });
    }
    await context.close();
  } finally {
    await site.close();
  }
});

test("axe-core finds no violation on the guide's pages at a phone's and a laptop's size", async () => {
  const site = await openSite();
  try {
    const found = [];
    for (const device of [PHONE, { viewport: { width: 1366, height: 768 } }]) {
      const context = await site.browser.newContext({ ...device, locale: "vi-VN", bypassCSP: true });
      for (const path of ["", "en/", "long-thanh/", "en/quynh-doi/"]) {
        const page = await context.newPage();
        await page.goto(site.at(path));
        if (path === "") await search(page, "den");
        const violations = await axe(page);
        if (violations.length) found.push(`/${path} at ${device.viewport.width}:\n${describe(violations)}`);
        if (process.env.DITICH_SHOTS) {
          const name = (path || "home").replaceAll("/", "-").replace(/-$/, "");
          await page.screenshot({ path: `${process.env.DITICH_SHOTS}/province-${name}-${device.viewport.width}.png`, fullPage: true });
        }
        await page.close();
      }
      await context.close();
    }
    assert.equal(found.length, 0, `axe-core violations:\n${found.join("\n")}`);
  } finally {
    await site.close();
  }
});
