// Every visitor: the full axe-core rule set, the keyboard, the accessibility tree and large
// text, on every page type of the built sample, served as harness.mjs serves it.
//
//   DITICH_SITE=<output folder> node --test          (tests/testsuite/browser.rs does this)

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { PREFIX, axe, describe, openSite } from "./harness.mjs";

// No service worker: it would answer navigations that page.route() then cannot hold.
const PHONE = { viewport: { width: 412, height: 915 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, serviceWorkers: "block" };
const LAPTOP = { viewport: { width: 1366, height: 768 }, serviceWorkers: "block" };
/** One page of each type. The landing page is held still: it redirects at once otherwise. */
const PAGES = [
  { name: "home", path: "" },
  { name: "home (en)", path: "en/" },
  { name: "relic (vi)", path: "nha-tho-ho-doan/" },
  { name: "relic (en)", path: "en/nha-tho-ho-doan/" },
  { name: "relic without English", path: "den-mau/" },
  { name: "map", path: "map/" },
  { name: "map (en)", path: "en/map/" },
  { name: "kiosk", path: "kiosk/" },
  { name: "codes", path: "Q/" },
  { name: "QR landing", path: "Q/DT01/", still: true },
  { name: "404", path: "no-such-page/" },
  { name: "posters", path: "posters/" },
];
/** Pages built on the theme's base.html, with its header, navigation and footer. */
const FRAMED = (p) => !["kiosk", "QR landing"].includes(p.name);

let site, browser, at;

before(async () => {
  site = await openSite();
  ({ browser, at } = site);
});

after(async () => {
  await site?.close();
});

/**
 * Opens a page type. A `still` page (a QR landing) is held on screen as a visitor without
 * script sees it while its meta refresh fires: its redirecting script is emptied, since a
 * redirect started while the page parses stops it before the body, and the refresh itself is
 * answered with 204 No Content, which leaves a browser on the page.
 */
async function open(context, { path, still }) {
  const page = await context.newPage();
  if (still) {
    await page.route("**/*", async (route) => {
      const request = route.request();
      if (request.url() === at(path)) {
        const response = await route.fetch();
        const body = (await response.text()).replace(/<script>[\s\S]*?<\/script>/, "<script></script>");
        return route.fulfill({ response, body });
      }
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) return route.fulfill({ status: 204 });
      return route.continue();
    });
  }
  await page.goto(at(path), { waitUntil: "load" });
  if (still) assert.equal(page.url(), at(path), "the landing page was held still");
  return page;
}

for (const [label, device] of [["412 × 915", PHONE], ["1366 × 768", LAPTOP]]) {
  test(`axe-core finds no violation on any page type at ${label}`, async () => {
    const context = await browser.newContext({ ...device, locale: "vi-VN", bypassCSP: true });
    const found = [];
    for (const type of PAGES) {
      const page = await open(context, type);
      const violations = await axe(page);
      if (violations.length) found.push(`${type.name} (/${type.path}):\n${describe(violations)}`);
      await page.close();
    }
    await context.close();
    assert.equal(found.length, 0, `axe-core violations:\n${found.join("\n")}`);
  });
}

test("axe-core finds no violation under reduced motion, on the kiosk's still list", async () => {
  const context = await browser.newContext({ ...PHONE, locale: "vi-VN", bypassCSP: true, reducedMotion: "reduce" });
  const page = await open(context, { path: "kiosk/" });
  const violations = await axe(page);
  assert.equal(violations.length, 0, describe(violations));
  await context.close();
});

/** The elements Tab should reach, in document order, as a selector-like description each. */
function focusables() {
  const describe = (el) => {
    const text = (el.getAttribute("aria-label") || el.textContent || el.id || "").trim().replace(/\s+/g, " ").slice(0, 40);
    return `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""} "${text}"`;
  };
  const shown = (el) => {
    const style = getComputedStyle(el);
    return el.getClientRects().length > 0 && style.visibility !== "hidden";
  };
  const radios = new Set();
  const all = [...document.querySelectorAll("a[href], button, input, select, textarea, summary, audio[controls], [tabindex]")];
  const list = [];
  for (const el of all) {
    if (el.disabled || el.tabIndex < 0 || el.closest("[inert]")) continue;
    if (el.matches("input[type=radio]")) {
      // A group of radios is one stop: its checked one. Hidden radios show through their label.
      if (radios.has(el.name) || !el.checked) continue;
      radios.add(el.name);
    } else if (!shown(el) && !el.matches(".skip")) {
      continue;
    }
    list.push(describe(el));
  }
  return list;
}

/** What has focus now, described as `focusables` does, with how its focus shows. */
function focused() {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const text = (el.getAttribute("aria-label") || el.textContent || el.id || "").trim().replace(/\s+/g, " ").slice(0, 40);
  const name = `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""} "${text}"`;
  // A radio drawn as its label shows focus on the label.
  const shown = el.matches("input[type=radio]") ? document.querySelector(`label[for="${el.id}"]`) : el;
  const style = getComputedStyle(shown);
  // The theme's ring is 3 px; a page without a stylesheet (the QR landing, shown for an
  // instant) has Chromium's own two-tone ring, drawn as outline-style auto.
  const unstyled = !document.querySelector("link[rel=stylesheet]");
  const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) || (unstyled && style.outlineStyle === "auto");
  const box = shown.getBoundingClientRect();
  const onScreen = box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
  return { name, ring, onScreen, outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` };
}

for (const [label, device] of [["412 × 915", PHONE], ["1366 × 768", LAPTOP]]) {
  test(`Tab reaches every link and control in reading order with a visible focus ring at ${label}`, async () => {
    const context = await browser.newContext({ ...device, locale: "vi-VN" });
    for (const type of PAGES) {
      const page = await open(context, type);
      const expected = await page.evaluate(focusables);
      const reached = [];
      for (let i = 0; i < expected.length * 6 + 10; i++) {
        await page.keyboard.press("Tab");
        const now = await page.evaluate(focused);
        if (!now) {
          if (reached.length) break; // back out of the page: the round is complete
          continue;
        }
        // The audio player's own buttons are several stops on one element.
        if (reached.at(-1) === now.name) continue;
        if (reached.length && reached[0] === now.name) break;
        assert.ok(now.ring, `/${type.path}: ${now.name} has no visible focus ring (${now.outline})`);
        assert.ok(now.onScreen, `/${type.path}: ${now.name} is focused out of sight`);
        reached.push(now.name);
      }
      assert.deepEqual(reached, expected, `/${type.path}: the Tab order`);
      await page.close();
    }
    await context.close();
  });
}

test("every page has one h1, headings in order, landmarks and each language marked", async () => {
  const context = await browser.newContext({ ...PHONE, locale: "vi-VN" });
  for (const type of PAGES) {
    const page = await open(context, type);
    const levels = await page.getByRole("heading").evaluateAll((hs) =>
      hs.map((h) => Number(h.getAttribute("aria-level") ?? h.tagName.slice(1))));
    assert.equal(levels.filter((l) => l === 1).length, 1, `/${type.path}: one h1 (${levels})`);
    assert.equal(levels[0], 1, `/${type.path}: the h1 comes first (${levels})`);
    for (let i = 1; i < levels.length; i++) {
      assert.ok(levels[i] <= levels[i - 1] + 1, `/${type.path}: heading levels skip: ${levels}`);
    }
    const landmarks = FRAMED(type) ? ["banner", "navigation", "main", "contentinfo"] : ["main"];
    for (const role of landmarks) {
      assert.ok(await page.getByRole(role).count() >= 1, `/${type.path}: no ${role} landmark`);
    }
    assert.equal(await page.getByRole("main").count(), 1, `/${type.path}: one main`);
    // Text in another language than the page's says so: the language names, and on the
    // English relic page, none of the Vietnamese sentences go unmarked.
    const unmarked = await page.evaluate(() => {
      const page = document.documentElement.lang;
      return [...document.querySelectorAll("nav.languages a, nav.languages span")]
        .filter((el) => el.closest("[lang]").lang === page && el.getAttribute("hreflang") !== page && el.getAttribute("lang") !== page)
        .map((el) => el.textContent);
    });
    assert.deepEqual(unmarked, [], `/${type.path}: language names without lang`);
    await page.close();
  }
  await context.close();
});

test("the relic page's accessibility tree: landmarks, headings, a named audio guide and its transcript", async () => {
  for (const [path, name, lang] of [["nha-tho-ho-doan/", "Nhà thờ họ Doãn", "vi"], ["en/nha-tho-ho-doan/", null, "en"]]) {
    const context = await browser.newContext({ ...PHONE, locale: "vi-VN" });
    const page = await open(context, { path });
    const h1 = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
    if (name) assert.equal(h1, name);
    const tree = await page.locator("body").ariaSnapshot();
    for (const line of ["- banner:", "- main:", "- contentinfo:", `- heading "${h1}" [level=1]`, "- navigation"]) {
      assert.ok(tree.includes(line), `${path}: the tree has no ${line}\n${tree}`);
    }
    // Chromium's own tree, as screen readers get it: the audio player is named after the relic.
    const cdp = await context.newCDPSession(page);
    const { nodes } = await cdp.send("Accessibility.getFullAXTree");
    const audio = nodes.find((n) => n.role?.value === "Audio" || n.role?.value === "audio");
    assert.ok(audio, `${path}: no audio element in the accessibility tree`);
    assert.ok(audio.name?.value.includes(h1), `${path}: the audio guide is named "${audio.name?.value}", not after ${h1}`);
    // The transcript follows the player, inside the same section.
    const next = await page.locator("audio").evaluate((a) => a.nextElementSibling?.matches("details.transcript"));
    assert.ok(next, `${path}: the transcript is not next to the audio player`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    await context.close();
  }
  // A Vietnamese page reached by an English reader: the English note is marked as English.
  const context = await browser.newContext({ ...PHONE, locale: "vi-VN" });
  const page = await open(context, { path: "den-mau/" });
  assert.equal(await page.locator("p.note").getAttribute("lang"), "en");
  await context.close();
});

/** What would be lost or scrolled sideways: the page's overflow and the text clipped. */
function reflow() {
  const problems = [];
  const overflow = document.documentElement.scrollWidth - innerWidth;
  if (overflow > 0) problems.push(`the page is ${overflow}px wider than the screen`);
  for (const el of document.querySelectorAll("body *")) {
    const style = getComputedStyle(el);
    if (!el.getClientRects().length || style.visibility === "hidden") continue;
    if (el.closest(".skip, .visually-hidden, svg, audio, table")) continue;
    const clips = /hidden|clip|auto|scroll/.test(style.overflowX + style.overflowY);
    if (clips && (el.scrollWidth > el.clientWidth + 1 || (/hidden|clip/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1))) {
      problems.push(`${el.tagName.toLowerCase()}.${el.className} clips its text (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`);
    }
    const box = el.getBoundingClientRect();
    const text = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (text && (box.right > innerWidth + 1 || box.left < -1)) {
      problems.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 30)}" runs off the screen`);
    }
    // What a fixed box (the kiosk's slides) pushes below the screen cannot be scrolled to.
    let fixed = false;
    for (let up = el; up && !fixed; up = up.parentElement) fixed = getComputedStyle(up).position === "fixed";
    if (text && fixed && (box.bottom > innerHeight + 1 || box.top < -1)) {
      problems.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 30)}" falls off a fixed screen`);
    }
  }
  return problems;
}

test("at 200 % zoom and at the phone's largest font size, no text is lost and nothing scrolls sideways", async () => {
  // 200 % zoom on a 412 px phone is a 206 CSS px viewport; Android's largest font size
  // doubles the root font size.
  for (const [label, options, style] of [
    ["200 % zoom", { ...PHONE, viewport: { width: 206, height: 457 }, deviceScaleFactor: 4 }, null],
    ["largest font", PHONE, "html { font-size: 200% !important; }"],
    ["200 % zoom on a laptop", { ...LAPTOP, viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 }, null],
    ["a laptop", LAPTOP, null],
  ]) {
    const context = await browser.newContext({ ...options, locale: "vi-VN", bypassCSP: true });
    for (const type of PAGES) {
      const page = await open(context, type);
      if (style) await page.addStyleTag({ content: style });
      const problems = await page.evaluate(reflow);
      assert.deepEqual(problems, [], `${label}, /${type.path}`);
      await page.close();
    }
    await context.close();
  }
});

test("links and controls are at least 24 × 24 CSS px, or spaced as if they were", async () => {
  const context = await browser.newContext({ ...PHONE, locale: "vi-VN" });
  for (const type of PAGES) {
    const page = await open(context, type);
    const small = await page.evaluate(() => {
      const out = [];
      for (const el of document.querySelectorAll("a[href], button, input, summary, label[for]")) {
        if (el.matches(".skip, input[type=radio]") || !el.getClientRects().length) continue;
        // Links inside a sentence are exempt (WCAG 2.5.8 "inline").
        const block = el.closest("p, li, dd, td");
        if (block && el.tagName === "A" && block.textContent.trim() !== el.textContent.trim() && getComputedStyle(el).display === "inline") continue;
        const box = el.getBoundingClientRect();
        if (box.width < 24 || box.height < 24) out.push(`${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
      return out;
    });
    assert.deepEqual(small, [], `/${type.path}`);
    await page.close();
  }
  await context.close();
});

test("the kiosk moves on by itself, stands still under reduced motion, and takes new slides without reloading", async () => {
  for (const reducedMotion of ["no-preference", "reduce"]) {
    const context = await browser.newContext({ ...LAPTOP, locale: "vi-VN", reducedMotion });
    const page = await context.newPage();
    await page.clock.install();
    let served = 0;
    await page.route(at("kiosk/"), async (route) => {
      const response = await route.fetch();
      let body = await response.text();
      if (served++ > 0) body = body.replace(/<h2>[^<]*<\/h2>/, "<h2>Fresh slide</h2>");
      await route.fulfill({ response, body });
    });
    let navigations = 0;
    page.on("framenavigated", (frame) => frame === page.mainFrame() && navigations++);
    await page.goto(at("kiosk/"), { waitUntil: "load" });
    const shown = () => page.locator(".slide h2").filter({ visible: true }).allInnerTexts();
    const all = await page.locator(".slide h2").allInnerTexts();
    const before = await shown();
    await page.clock.runFor(12500);
    const after = await shown();
    if (reducedMotion === "reduce") {
      assert.deepEqual(before, all, "under reduced motion every slide is shown");
      assert.deepEqual(after, before, "under reduced motion nothing moves");
    } else {
      assert.deepEqual(before, [all[0]]);
      assert.deepEqual(after, [all[1]], "the slideshow moves on after 12 s");
    }
    await page.clock.runFor(3600000);
    await page.locator(".slide h2", { hasText: "Fresh slide" }).waitFor({ state: "attached", timeout: 5000 });
    assert.equal(navigations, 1, "the kiosk swapped its slides without reloading the page");
    assert.equal(await page.locator("meta[http-equiv=refresh]").count(), 0);
    await context.close();
  }
});

test("the map's labels and markers keep their contrast: 4.5:1 for text, 3:1 for markers", async () => {
  const context = await browser.newContext({ ...PHONE, locale: "vi-VN" });
  for (const path of ["", "map/"]) {
    const page = await open(context, { path });
    const problems = await page.evaluate(() => {
      const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
      const lum = (c) => {
        const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
      const svg = document.querySelector(".map svg");
      const ground = getComputedStyle(svg.querySelector("rect")).fill;
      const out = [];
      for (const text of svg.querySelectorAll("text")) {
        const r = ratio(getComputedStyle(text).fill, ground);
        if (r < 4.5) out.push(`"${text.textContent}" ${r.toFixed(2)}:1`);
      }
      for (const circle of svg.querySelectorAll("a circle:not(.hit)")) {
        const r = ratio(getComputedStyle(circle).fill, ground);
        if (r < 3) out.push(`marker ${circle.closest("a").getAttribute("aria-label")} ${r.toFixed(2)}:1`);
      }
      // Labels are drawn at least 12 CSS px high on the phone.
      for (const text of svg.querySelectorAll("a text")) {
        const h = text.getBoundingClientRect().height;
        if (h < 12) out.push(`"${text.textContent}" is ${h.toFixed(1)} px high`);
      }
      return out;
    });
    assert.deepEqual(problems, [], `/${path}`);
    await page.close();
  }
  await context.close();
});

test("text in the default language on an English page is marked lang=vi", async () => {
  const context = await browser.newContext({ ...PHONE, locale: "en-US" });
  const page = await open(context, { path: "en/" });
  const unmarked = await page.locator(".card").evaluateAll((cards) =>
    cards.filter((card) => !new URL(card.querySelector("a").href).pathname.includes("/en/"))
      .filter((card) => card.querySelector(".card-title").closest("[lang]").lang !== "vi")
      .map((card) => card.querySelector(".card-title").textContent));
  assert.deepEqual(unmarked, []);
  assert.ok(await page.locator(".card-title[lang=vi]").count() > 0, "the sample has relics without English text");
  await context.close();
});
