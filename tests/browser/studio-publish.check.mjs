// Publishing from the studio, in headless Chromium: run by `cargo test` with DITICH_STUDIO set
// to a running `ditich studio` whose project publishes to an sshd on 127.0.0.1 that this
// computer does not know yet. With DITICH_SHOTS set, each screen is saved there as PNG.

import assert from "node:assert/strict";
import { test } from "node:test";
import { join } from "node:path";
import { axe, describe, launchChromium } from "./harness.mjs";

const STUDIO = process.env.DITICH_STUDIO;
const SHOTS = process.env.DITICH_SHOTS;

/** Passes when axe-core finds nothing on the page and the page threw nothing. */
async function clean(page, failures) {
  const violations = await axe(page);
  assert.deepEqual(violations, [], `axe-core violations:\n${describe(violations)}`);
  assert.deepEqual(failures, []);
}

async function open(browser, viewport) {
  // axe-core is put into the page as a script of its own, which the studio's CSP would refuse.
  const page = await browser.newPage({ viewport, locale: "vi-VN", bypassCSP: true });
  const failures = [];
  page.on("pageerror", (e) => failures.push(e.message));
  await page.goto(STUDIO);
  await page.getByRole("button", { name: /DT01/ }).waitFor();
  await page.getByText("Đăng lên mạng").click();
  return { page, failures };
}

test("the first publish asks to trust the host's key, then sends the site (laptop)", async () => {
  assert.ok(STUDIO, "set DITICH_STUDIO to a running studio");
  const browser = await launchChromium();
  try {
    const { page, failures } = await open(browser, { width: 1366, height: 768 });
    if (SHOTS) await page.screenshot({ path: join(SHOTS, "studio-publish-laptop.png") });
    const asked = [];
    page.on("dialog", async (dialog) => { asked.push(dialog.message()); await dialog.accept(); });
    await page.getByRole("button", { name: "Đăng những gì đã đổi" }).click();
    const status = page.locator("#publish-status");
    await status.filter({ hasText: "Đã đăng lên" }).waitFor({ timeout: 60000 });
    assert.equal(asked.length, 1, "one question, about the host's key");
    assert.match(asked[0], /127\.0\.0\.1 là máy chủ mới với máy này/);
    assert.match(asked[0], new RegExp(process.env.DITICH_FINGERPRINT.replace(/[+/]/g, "\\$&")));
    assert.match(await status.textContent(), /gửi \d+ tệp/);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, "studio-published-laptop.png") });
    await clean(page, failures);
  } finally {
    await browser.close();
  }
});

test("a second publish with nothing changed sends nothing (phone)", async () => {
  const browser = await launchChromium();
  try {
    const { page, failures } = await open(browser, { width: 412, height: 915 });
    page.on("dialog", (dialog) => { failures.push(`asked: ${dialog.message()}`); dialog.dismiss(); });
    await page.getByRole("button", { name: "Đăng những gì đã đổi" }).click();
    await page.locator("#publish-status").filter({ hasText: "không có gì để gửi" }).waitFor({ timeout: 60000 });
    if (SHOTS) await page.screenshot({ path: join(SHOTS, "studio-published-phone.png") });
    await clean(page, failures);
  } finally {
    await browser.close();
  }
});
