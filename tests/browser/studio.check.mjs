// The studio as an officer uses it, in headless Chromium: run by `cargo test` with
// DITICH_STUDIO set to a running `ditich studio`. With DITICH_SHOTS set, every screen is
// also saved there as PNG, at both sizes, for the guide.

import assert from "node:assert/strict";
import { test } from "node:test";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { launchChromium } from "./harness.mjs";

const STUDIO = process.env.DITICH_STUDIO;
const SHOTS = process.env.DITICH_SHOTS;
const SIZES = { laptop: { width: 1366, height: 768 }, phone: { width: 412, height: 915 } };

async function shot(page, size, name) {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `studio-${name}-${size}.png`), fullPage: false });
}

for (const [size, viewport] of Object.entries(SIZES)) {
  test(`an officer adds a relic, fixes the error shown beside its field and saves (${size})`, async () => {
    assert.ok(STUDIO, "set DITICH_STUDIO to a running studio");
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport, locale: "vi-VN" });
      const failures = [];
      page.on("pageerror", (e) => failures.push(e.message));
      await page.goto(STUDIO);
      await page.getByRole("button", { name: /DT01/ }).waitFor();
      await shot(page, size, "list");

      // The search ignores diacritics.
      await page.getByLabel("Tìm di tích").fill("den");
      await assert.doesNotReject(page.getByRole("button", { name: /Đền \(mục mẫu\)/ }).waitFor());
      assert.equal(await page.locator("#relics li").count(), 1);
      await page.getByLabel("Tìm di tích").fill("");

      await page.getByRole("button", { name: "Thêm di tích" }).click();
      const code = page.getByLabel("Mã biển", { exact: true });
      await page.waitForFunction(() => document.getElementById("f-id").value !== "");
      const next = await code.inputValue();
      assert.match(next, /^DT\d\d$/);
      const name = size === "laptop" ? "Miếu Thành Hoàng" : "Nghè Yên Lạc";
      await page.getByLabel("Tên di tích", { exact: true }).fill(name);
      // The words a translation carries stand beside the Vietnamese ones.
      await page.getByLabel("Tên di tích, tiếng Anh").fill(`${name} (English)`);
      await page.getByLabel("Cấp xếp hạng").selectOption("provincial");
      await page.getByLabel("Loại công trình").selectOption("shrine");
      await page.getByRole("group", { name: "Loại hình di tích" }).getByLabel("Lịch sử").check();
      await page.getByLabel("Tóm tắt", { exact: true }).fill("Miếu nhỏ thờ Thành hoàng làng ở đầu xóm.");
      assert.equal(await page.locator("#f-summary-count").textContent(), "40");
      await page.getByLabel("Tóm tắt, tiếng Anh").fill("A small shrine to the village guardian at the head of the hamlet.");
      await page.getByLabel("Xóm").fill("Xóm Đông");
      // The location picked on the map of the relics already located.
      await page.locator("#location-map svg").click({ position: { x: 60, y: 50 } });
      assert.match(await page.getByLabel("Toạ độ", { exact: true }).inputValue(), /^\d+\.\d{5}, \d+\.\d{5}$/);
      await page.getByLabel("Bài viết", { exact: true }).fill("## Lịch sử\n\nMiếu được dựng lại năm 1995.\n");
      // A code another relic has: the save is refused, and the error stands beside Mã biển.
      await code.fill("DT01");
      await shot(page, size, "form");
      await page.getByRole("button", { name: "Lưu", exact: true }).click();
      await page.locator('#f-id[aria-invalid="true"]').waitFor();
      const problem = await page.locator("#f-id ~ .problem").textContent();
      assert.match(problem, /DT01/);
      await shot(page, size, "error");

      await code.fill(next);
      await page.getByRole("button", { name: "Lưu", exact: true }).click();
      await page.locator("#status", { hasText: "Đã lưu." }).waitFor();
      assert.equal(await page.locator("#f-id[aria-invalid]").count(), 0);
      await page.getByRole("button", { name: new RegExp(name) }).waitFor();
      // The preview is the page as the build makes it.
      const preview = page.frameLocator("#preview");
      await preview.getByRole("heading", { level: 1, name }).waitFor();
      await shot(page, size, "saved");

      // A photo, then its description, which the studio asks for before it takes the photo.
      await page.getByLabel("Chọn ảnh (JPEG, PNG) hoặc âm thanh (MP3)").setInputFiles({
        name: "Ảnh cổng.jpg",
        mimeType: "image/jpeg",
        buffer: await readFile(process.env.DITICH_PHOTO),
      });
      await page.getByRole("button", { name: "Tải lên" }).click();
      await page.locator("#media-status", { hasText: "mô tả ảnh" }).waitFor();
      await page.getByLabel("Mô tả ảnh cho người không nhìn thấy").fill("Cổng miếu nhìn từ đường làng");
      await page.getByRole("button", { name: "Tải lên" }).click();
      await page.locator("#media-status", { hasText: "Đã thêm" }).waitFor();
      await preview.getByRole("img", { name: "Cổng miếu nhìn từ đường làng" }).first().waitFor();
      await shot(page, size, "photo");

      // A second photo joins the gallery; made the cover, it moves first.
      await page.getByLabel("Chọn ảnh (JPEG, PNG) hoặc âm thanh (MP3)").setInputFiles({
        name: "Sân miếu.jpg",
        mimeType: "image/jpeg",
        buffer: await readFile(process.env.DITICH_PHOTO),
      });
      await page.getByLabel("Mô tả ảnh cho người không nhìn thấy").fill("Sân miếu lát gạch");
      await page.getByRole("button", { name: "Tải lên" }).click();
      await page.locator("#gallery li").nth(1).waitFor();
      await page.getByRole("button", { name: /^Làm ảnh bìa:/ }).click();
      await page.locator("#media-status", { hasText: "Ảnh bìa: san-mieu.jpg" }).waitFor();
      assert.equal(await page.locator("#gallery li").first().getByRole("img").getAttribute("alt"), "Sân miếu lát gạch");
      assert.equal(await page.getByLabel("Ảnh bìa", { exact: true }).inputValue(), "san-mieu.jpg");

      // The story's toolbar, and the preview following what is typed before anything is saved.
      const story = page.getByLabel("Bài viết", { exact: true });
      await story.focus();
      await story.press("End");
      await page.getByRole("button", { name: "Tiêu đề" }).click();
      await page.keyboard.type("Lễ hội");
      await preview.getByRole("heading", { level: 2, name: "Lễ hội" }).waitFor();
      await page.getByLabel("Chèn ảnh").selectOption({ index: 1 });
      await shot(page, size, "live");
      await page.getByRole("button", { name: "Lưu", exact: true }).click();
      await page.locator("#status", { hasText: "Đã lưu." }).waitFor();

      // Printed as `ditich posters` prints: the files to download, the plaque to look at.
      await page.getByRole("button", { name: "In biển", exact: true }).click();
      await page.getByRole("link", { name: `${next}-plaque.pdf` }).waitFor({ timeout: 120000 });
      await page.getByRole("img", { name: `Bản in ${next}-plaque.png` }).waitFor();
      const pdf = await page.request.get(new URL(await page.getByRole("link", { name: `${next}-plaque.pdf` }).getAttribute("href"), STUDIO).href);
      assert.equal(pdf.headers()["content-type"], "application/pdf");
      assert.ok((await pdf.body()).subarray(0, 5).toString() === "%PDF-");
      await page.locator("#printed").scrollIntoViewIfNeeded();
      await shot(page, size, "print");

      // The folder's name and the relic's retirement, as ditich rename and retire do them.
      await page.getByText("Thư mục và mã biển").click();
      assert.equal(await page.getByLabel("Tên thư mục mới").inputValue(), name === "Miếu Thành Hoàng" ? "mieu-thanh-hoang" : "nghe-yen-lac");
      await page.getByRole("button", { name: "Đổi tên thư mục" }).waitFor();
      assert.equal(await page.getByLabel("Bản nháp, chưa xuất bản").isChecked(), false);
      await page.locator("#manage").scrollIntoViewIfNeeded();
      await shot(page, size, "manage");

      // Several relics at once: the relics and sizes to pick from.
      await page.getByText("In nhiều di tích").click();
      await page.locator("#print-relics").getByLabel(new RegExp(name)).check();
      await page.locator("#print-sizes input").first().waitFor();
      await page.locator("#print-many").scrollIntoViewIfNeeded();
      await shot(page, size, "print-many");

      await page.getByRole("button", { name: "English" }).click();
      await page.getByRole("heading", { name: "Heritage guide studio" }).waitFor();
      await page.getByLabel("Plaque code").waitFor();
      await page.getByRole("button", { name: "Save", exact: true }).waitFor();
      await shot(page, size, "english");
      assert.deepEqual(failures, []);
    } finally {
      await browser.close();
    }
  });
}
