// Opens the built guide in headless Chromium at a cheap phone's size (412 × 915), served on
// 127.0.0.1 under the sample's base path, as a tourist who scanned a plaque would.
//
//   DITICH_SITE=<output folder> node --test          (tests/testsuite/browser.rs does this)

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { PREFIX, openSite } from "./harness.mjs";

const PHONE = { viewport: { width: 412, height: 915 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
let site, browser, at;

before(async () => {
  site = await openSite();
  ({ browser, at } = site);
});

after(async () => {
  await site?.close();
});

async function phone(locale = "vi-VN") {
  return browser.newContext({ ...PHONE, locale });
}

/** Opens `path`, failing on any console error or failed request on the way. */
async function open(context, path) {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`script: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()}: ${r.url()}`));
  await page.goto(at(path), { waitUntil: "load" });
  return { page, problems };
}

const PAGES = ["", "en/", "nha-tho-ho-doan/", "en/nha-tho-ho-doan/", "den-mau/", "map/", "en/map/", "Q/", "posters/", "kiosk/"];

test("pages load without errors and never scroll sideways on a phone", async () => {
  const context = await phone();
  for (const path of PAGES) {
    const { page, problems } = await open(context, path);
    assert.deepEqual(problems, [], `/${path}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `/${path} is ${overflow}px wider than the screen`);
    await page.close();
  }
  await context.close();
});

test("the official site name and address are visible at the top", async () => {
  const context = await phone();
  const { page } = await open(context, "nha-tho-ho-doan/");
  const header = page.locator("header.masthead");
  await assert.doesNotReject(header.getByText("longthanh.yenthanh.nghean.gov.vn").waitFor({ state: "visible", timeout: 2000 }));
  const box = await header.boundingBox();
  assert.equal(box.y, 0);
  await context.close();
});

test("a plaque opens the relic in the phone's language", async () => {
  for (const [locale, expected] of [["en-US", "en/nha-tho-ho-doan/"], ["vi-VN", "nha-tho-ho-doan/"]]) {
    const context = await phone(locale);
    const { page } = await open(context, "Q/DT01/");
    await page.waitForURL(at(expected));
    await context.close();
  }
  // A relic without an English text opens in Vietnamese, with a note in English.
  const context = await phone("en-US");
  const { page } = await open(context, "Q/DT04/");
  await page.waitForURL(at("den-mau/"));
  assert.match(await page.locator("p.note[lang=en]").innerText(), /no English text yet/);
  await context.close();
});

test("a language chosen by hand is remembered for the next plaque", async () => {
  const context = await phone("vi-VN");
  const { page } = await open(context, "nha-tho-ho-doan/");
  await page.locator("nav.languages a[data-lang=en]").click();
  await page.waitForURL(at("en/nha-tho-ho-doan/"));
  await page.goto(at("q/dt02/"));
  await page.waitForURL(at("en/dinh-lang-mau/"));
  await context.close();
});

test("without JavaScript the landing page still opens the Vietnamese page", async () => {
  const context = await browser.newContext({ ...PHONE, locale: "en-US", javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(at("Q/DT01/"));
  await page.waitForURL(at("nha-tho-ho-doan/"));
  await context.close();
});

test("a plaque address typed in the wrong case goes on from the 404 page to the relic", async () => {
  for (const typed of ["Q/dt01/", "q/DT01", "Q/Dt01/index.html"]) {
    const context = await phone();
    const page = await context.newPage();
    await page.goto(at(typed));
    await page.waitForURL(at("nha-tho-ho-doan/"));
    await context.close();
  }
  // An unknown code stays on the 404 page, which links to the list of codes.
  const context = await phone();
  const page = await context.newPage();
  assert.equal((await page.goto(at("q/xx99/"))).status(), 404);
  await page.waitForURL(at("Q/XX99/"));
  await page.locator(`a[href="${PREFIX}Q/"]`).click();
  await page.waitForURL(at("Q/"));
  await context.close();
});

test("the code box finds DT01", async () => {
  const context = await phone();
  const { page } = await open(context, "");
  await page.locator("#code").fill("dt01");
  await page.locator("form.code-box button").click();
  await page.waitForURL(at("nha-tho-ho-doan/"));
  assert.equal(await page.locator("h1").innerText(), "Nhà thờ họ Doãn");
  await context.close();
});

test("the rank filter works without JavaScript", async () => {
  const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(at(""));
  assert.equal(await page.locator(".card:visible").count(), 7);
  await page.locator("label[for=f-rank-national]").click();
  assert.equal(await page.locator(".card:visible").count(), 1);
  await context.close();
});

/** The paths the service worker has stored in its versioned cache. */
async function storedPaths(page) {
  return page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names.find((n) => n.startsWith("ditich-") && n !== "ditich-audio"));
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
}

/** The bytes each response moved over the network, headers included, and whether the page or
 * its service worker asked for it; `await` the result once the traffic is over. */
function meter(context) {
  const moved = [];
  context.on("requestfinished", (request) => moved.push(request.sizes().then((sizes) => ({
    url: new URL(request.url()).pathname,
    worker: request.serviceWorker() !== null,
    bytes: sizes.responseHeadersSize + sizes.responseBodySize,
  }))));
  return () => Promise.all(moved);
}

const isPhoto = (path) => /\.(jpe?g|png|webp)$/i.test(path) && !path.startsWith(`${PREFIX}assets/`);

test("after the first visit, a relic page reloads offline", async () => {
  const context = await phone();
  const { page } = await open(context, "");
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const stored = await storedPaths(page);
  assert.ok(stored.includes("/du-lich/nha-tho-ho-doan/") && stored.includes("/du-lich/en/"), `stored: ${stored}`);
  await context.setOffline(true);
  await page.goto(at("nha-tho-ho-doan/"));
  assert.equal(await page.locator("h1").innerText(), "Nhà thờ họ Doãn");
  await page.reload();
  assert.equal(await page.locator("h1").innerText(), "Nhà thờ họ Doãn");
  await context.close();
});

test("a plaque's first visit moves at most 150 KB beyond the page, and every relic then reads offline", async (t) => {
  const context = await phone();
  const traffic = meter(context);
  const { page } = await open(context, "Q/DT01/");
  await page.waitForURL(at("nha-tho-ho-doan/"));
  await page.evaluate(() => navigator.serviceWorker.ready);
  const cover = new URL(await page.locator("img.cover").evaluate((img) => img.currentSrc)).pathname;
  await page.waitForFunction(async (url) => (await caches.match(url)) !== undefined, cover);
  // The last responses' sizes reach playwright a little after the worker has stored them.
  await page.waitForTimeout(500);
  const moved = await traffic();
  const sum = (list) => list.reduce((total, m) => total + m.bytes, 0);
  const beyond = moved.filter((m) => m.worker);
  t.diagnostic(`the page moved ${sum(moved.filter((m) => !m.worker))} bytes; its service worker ${sum(beyond)} more`);
  assert.ok(sum(beyond) <= 150 * 1024, `the service worker moved ${sum(beyond)} bytes:\n${beyond.map((m) => `${m.bytes} ${m.url}`).join("\n")}`);
  // The photo shown, at the width this phone picked, and no other.
  assert.deepEqual((await storedPaths(page)).filter(isPhoto), [cover]);

  await context.setOffline(true);
  const relics = new Set();
  for (const home of ["", "en/"]) {
    await page.goto(at(home));
    for (const href of await page.locator(".card a").evaluateAll((links) => links.map((a) => a.href))) relics.add(href);
  }
  assert.equal(relics.size, 7 + 3, `relic pages: ${[...relics]}`);
  for (const href of relics) {
    await page.goto(href);
    assert.ok((await page.locator("article.relic h1").innerText()).length > 0, `${href} offline`);
    assert.ok((await page.locator("article.relic p.lead").innerText()).length > 0, `${href} offline`);
  }
  await context.close();
});

test("with Data Saver on, the first visit stores no photo", async () => {
  const context = await phone();
  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, "connection", { get: () => ({ saveData: true, effectiveType: "3g" }) });
  });
  const { page, problems } = await open(context, "nha-tho-ho-doan/");
  await page.evaluate(() => navigator.serviceWorker.ready);
  // Without Data Saver the photo is stored within milliseconds of the worker being ready.
  await page.waitForTimeout(1000);
  const kept = await storedPaths(page);
  assert.ok(kept.includes("/du-lich/nha-tho-ho-doan/") && kept.includes("/du-lich/den-mau/"), `stored: ${kept}`);
  assert.deepEqual(kept.filter(isPhoto), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a relic page stays within its weight budget on a phone", async () => {
  const { gzipSync } = await import("node:zlib");
  const context = await phone();
  const page = await context.newPage();
  const bodies = [];
  page.on("response", async (r) => bodies.push({ url: r.url(), type: r.headers()["content-type"] ?? "", body: await r.body().catch(() => Buffer.alloc(0)) }));
  await page.goto(at("nha-tho-ho-doan/"), { waitUntil: "networkidle" });
  await page.close();
  const text = bodies.filter((b) => /html|css|javascript/.test(b.type));
  const gzipped = text.reduce((sum, b) => sum + gzipSync(b.body).length, 0);
  const total = bodies.reduce((sum, b) => sum + b.body.length, 0);
  assert.ok(gzipped <= 14 * 1024, `HTML + CSS + JS are ${gzipped} bytes gzipped: ${text.map((b) => b.url)}`);
  assert.ok(total <= 150 * 1024, `the first view weighs ${total} bytes: ${bodies.map((b) => `${b.url} ${b.body.length}`)}`);
  await context.close();
});

test("pages stay usable at 200% zoom", async () => {
  const context = await browser.newContext({ viewport: { width: 206, height: 458 }, deviceScaleFactor: 4, isMobile: true, hasTouch: true, locale: "vi-VN" });
  for (const path of ["", "nha-tho-ho-doan/", "en/nha-tho-ho-doan/", "map/"]) {
    const { page } = await open(context, path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `/${path} is ${overflow}px wider than the screen at 200%`);
    await page.close();
  }
  await context.close();
});

test("an audio guide played once is kept for offline listening", async () => {
  const context = await phone();
  const { page } = await open(context, "nha-tho-ho-doan/");
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.evaluate(() => { const a = document.querySelector("audio"); a.muted = true; return a.play().catch(() => a.dispatchEvent(new Event("play"))); });
  await page.waitForFunction(async () => {
    const cache = await caches.open("ditich-audio");
    return (await cache.keys()).some((r) => r.url.endsWith("thuyet-minh.ogg"));
  });
  await context.close();
});
