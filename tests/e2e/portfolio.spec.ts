import { checkAtBothWidths, expect, loginAs, type Page, test } from "./fixtures.ts";

/** Clicks a submit button and waits for the form's answer; returns its status code. */
async function submit(page: Page, button: ReturnType<Page["getByRole"]>): Promise<number> {
  const response = page.waitForResponse((r) => r.request().method() === "POST");
  await button.click();
  return (await response).status();
}

/** A day a month from now, "YYYY-MM-DD": a deadline the round accepts. */
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

for (const javaScriptEnabled of [false, true]) {
  test.describe(`the förvaltningsgrupp's portfolio, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });

    test("filters the portfolio, reads an initiative, downloads the XLSX, opens a round and sees a report arrive", async ({
      page,
      browser,
    }) => {
      test.setTimeout(300_000);
      await loginAs(page, "forvaltning@digg.example");

      await test.step("the portfolio, filtered to regions", async () => {
        await page.getByRole("link", { name: "Portfölj", exact: true }).first().click();
        await expect(page.getByRole("heading", { level: 1, name: "Portfölj: alla anslutande organisationer" })).toBeVisible();
        await expect(page.getByRole("link", { name: "Digitala beslut om bygglov" })).toBeVisible();
        await page.getByLabel("Typ av organisation").selectOption("region");
        await page.getByRole("button", { name: "Visa", exact: true }).click();
        await expect(page).toHaveURL(/kind=region/);
        await expect(page.getByRole("link", { name: "Kallelser till specialistvården" })).toBeVisible();
        await expect(page.getByRole("link", { name: "Digitala beslut om bygglov" })).toHaveCount(0);
        await checkAtBothWidths(page, javaScriptEnabled);
      });

      await test.step("the XLSX carries the filtered rows", async () => {
        const download = page.waitForEvent("download");
        await page.getByRole("link", { name: "Excel-arbetsbok" }).click();
        const file = await download;
        expect(file.suggestedFilename()).toMatch(/^Portfölj \d{4}-\d{2}-\d{2}\.xlsx$/);
        const path = await file.path();
        expect(path).toBeTruthy();
      });

      await test.step("an initiative opened read-only", async () => {
        await page.getByRole("link", { name: "Kallelser till specialistvården" }).click();
        await expect(page.getByRole("heading", { level: 1, name: "Kallelser till specialistvården" })).toBeVisible();
        await expect(page.getByRole("button", { name: "Visa i öppna data" })).toHaveCount(0);
        await checkAtBothWidths(page, javaScriptEnabled);
      });

      await test.step("the national plan", async () => {
        await page.goto("/portfolio/plan");
        await expect(page.getByRole("heading", { level: 1, name: "Nationell anslutningsplan" })).toBeVisible();
        await expect(page.getByRole("img", { name: /Produktionsstarter per kvartal/ })).toBeVisible();
        await expect(page.getByRole("img", { name: /Digitala meddelanden per månad i hela landet/ })).toBeVisible();
        await checkAtBothWidths(page, javaScriptEnabled);
      });

      await test.step("benefits nationwide", async () => {
        await page.getByRole("link", { name: "Nyttor i hela landet", exact: true }).first().click();
        await expect(page.getByRole("heading", { level: 1, name: "Nyttor i hela landet" })).toBeVisible();
        await checkAtBothWidths(page, javaScriptEnabled);
      });

      const roundName = `Halvårsrapport e2e ${javaScriptEnabled ? "med" : "utan"} JavaScript ${Date.now()}`;
      let roundUrl = "";
      await test.step("a reporting round opened", async () => {
        await page.getByRole("link", { name: "Rapporteringsomgångar", exact: true }).first().click();
        await page.getByLabel("Namn", { exact: true }).fill(roundName);
        await page.getByLabel("Sista dag", { exact: true }).fill(inAMonth());
        expect(await submit(page, page.getByRole("button", { name: "Öppna omgången" }))).toBe(303);
        await expect(page.getByRole("heading", { level: 1, name: roundName })).toBeVisible();
        roundUrl = page.url();
        await expect(page.locator("tr[data-status]").filter({ hasText: "Digitala beslut om bygglov" })).toHaveAttribute(
          "data-status",
          "missing",
        );
        await checkAtBothWidths(page, javaScriptEnabled);
      });

      await test.step("the projektledare reviews and submits the report", async () => {
        const roundId = /\/reporting-rounds\/([0-9a-f-]{36})/.exec(roundUrl)?.[1];
        expect(roundId).toBeTruthy();
        const context = await browser.newContext({ javaScriptEnabled });
        try {
          const pl = await context.newPage();
          await loginAs(pl, "projektledare@sundsvall.example");
          await pl.goto("/initiatives");
          await pl.getByRole("link", { name: "Digitala beslut om bygglov" }).first().click();
          await pl.getByRole("link", { name: "Rapportering till förvaltningsgruppen" }).click();
          const form = pl.locator("form", { has: pl.locator(`[name="comment-${roundId}"]`) });
          await form.locator(`[name="comment-${roundId}"]`).fill("Produktionen av bygglovsbesluten har flyttats en månad.");
          expect(await submit(pl, form.getByRole("button", { name: "Skicka in" }))).toBe(303);
          await expect(pl.getByText(`Rapporten till ${roundName} är inskickad.`)).toBeVisible();
        } finally {
          await context.close();
        }
      });

      await test.step("the round shows the report as submitted", async () => {
        await page.goto(roundUrl);
        const row = page.locator("tr[data-status]").filter({ hasText: "Digitala beslut om bygglov" });
        await expect(row).toHaveAttribute("data-status", "submitted");
        await expect(page.getByText("Produktionen av bygglovsbesluten har flyttats en månad.")).toBeVisible();
      });
    });
  });
}
