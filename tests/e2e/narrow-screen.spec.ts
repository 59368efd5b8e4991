import { expect, expectNoAxeViolations, loginAs, test } from "./fixtures.ts";

test.describe("on a 375 px phone", () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test("the header folds its menu behind a Meny button that works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto("/method");
      const header = await page.locator("header.site-header").boundingBox();
      expect(header?.height ?? 1000).toBeLessThan(120);
      const menu = page.getByRole("navigation", { name: "Huvudmeny" });
      await expect(menu).toBeHidden();
      await page.locator("summary", { hasText: "Meny" }).click();
      await expect(menu).toBeVisible();
      await expect(menu.getByRole("link", { name: "Metoden" })).toHaveAttribute("aria-current", "page");
    } finally {
      await context.close();
    }
  });

  test("a milestone's pages fit the width: no sideways scrolling", async ({ page }) => {
    await loginAs(page, "projektledare@sundsvall.example");
    await page.goto("/initiatives");
    await page.locator("table a").first().click();
    await page.goto(`${page.url()}/milestones/I`);
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1] ?? 0);
    await expectNoAxeViolations(page);
  });
});

test("on a wide screen the main menu shows without opening anything", async ({ page }) => {
  await page.goto("/method");
  await expect(page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Metoden" })).toBeVisible();
  await expect(page.locator("summary", { hasText: "Meny" })).toBeHidden();
});
