import { checkAtBothWidths, expect, loginAs, test } from "./fixtures.ts";

for (const javaScriptEnabled of [false, true]) {
  test.describe(`message flows, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });

    test("the team registers a flow through the form, sees it listed, and opens the forecast and the plan", async ({ page }) => {
      test.setTimeout(240_000);
      const initiative = `Digitala bygglovsbeslut ${javaScriptEnabled ? "med" : "utan"} JavaScript`;
      await loginAs(page, "projektledare@sundsvall.example");

      await test.step("the projektledare starts an initiative and opens its message flows", async () => {
        await page.goto("/initiatives/new");
        await page.getByLabel("Namn", { exact: true }).fill(initiative);
        await page.getByRole("button", { name: "Starta initiativet" }).click();
        await expect(page.getByRole("heading", { level: 1, name: initiative })).toBeVisible();
        await page.getByRole("link", { name: "Meddelandeflöden", exact: true }).click();
        await expect(page.getByRole("heading", { level: 1, name: `Meddelandeflöden – ${initiative}` })).toBeVisible();
        await expect(page.getByText("Inga meddelandeflöden är registrerade ännu.")).toBeVisible();
        await checkAtBothWidths(page, javaScriptEnabled);
      });

      await test.step("a volume in letters and a test after production are refused beside their fields", async () => {
        await page.getByRole("link", { name: "Lägg till meddelandeflöde" }).click();
        await expect(page.getByRole("heading", { level: 1, name: "Nytt meddelandeflöde" })).toBeVisible();
        await checkAtBothWidths(page, javaScriptEnabled);
        await page.getByLabel("Namn", { exact: true }).fill("Beslut om bygglov");
        await page.getByLabel("Privatpersoner").check();
        await page.getByLabel("Årsvolym (brev per år)").fill("abc");
        await page.getByLabel("Planerat test (valfritt)").fill("2027-09-01");
        await page.getByLabel("Planerad produktion (valfritt)").fill("2027-06-01");
        const response = page.waitForResponse((r) => r.request().method() === "POST");
        await page.getByRole("button", { name: "Spara meddelandeflödet" }).click();
        expect((await response).status()).toBe(400);
        const summary = page.locator("#error-summary");
        await expect(summary.getByRole("heading", { name: "Det finns fel i formuläret" })).toBeVisible();
        await expect(
          summary.getByRole("link", { name: "Årsvolym: Ange ett tal med siffror, till exempel 12 000 eller 21,50." }),
        ).toHaveAttribute("href", "#f-annualVolume");
        await expect(page.getByLabel("Årsvolym (brev per år)")).toHaveAccessibleDescription(
          /Ange ett tal med siffror, till exempel 12 000 eller 21,50\./,
        );
        await expect(page.getByLabel("Namn", { exact: true })).toHaveValue("Beslut om bygglov");
        await checkAtBothWidths(page, javaScriptEnabled);

        // The dates are compared once every field is sound, as in the API.
        await page.getByLabel("Årsvolym (brev per år)").fill("12 000");
        const again = page.waitForResponse((r) => r.request().method() === "POST");
        await page.getByRole("button", { name: "Spara meddelandeflödet" }).click();
        expect((await again).status()).toBe(400);
        await expect(summary.getByRole("link", { name: /^Planerat test: Testet måste vara planerat/ })).toHaveAttribute(
          "href",
          "#f-plannedTestDate",
        );
        await expect(page.getByLabel("Planerat test (valfritt)")).toHaveValue("2027-09-01");
      });

      await test.step("with the mistakes put right the flow is saved and listed", async () => {
        await page.getByLabel("Planerat test (valfritt)").fill("2027-03-01");
        await page.getByLabel("Mars (%)").fill("10");
        await page.getByLabel("April (%)").fill("6,666");
        await page.getByRole("button", { name: "Spara meddelandeflödet" }).click();
        await expect(page.getByRole("status")).toHaveText("Meddelandeflödet ”Beslut om bygglov” är sparat.");
        const row = page.getByRole("row").filter({ hasText: "Beslut om bygglov" });
        await expect(row).toContainText("Privatpersoner");
        await expect(row).toContainText("12 000");
        await expect(row).toContainText("2027-06-01");
        await expect(row).toContainText("15 kr");
        await checkAtBothWidths(page, javaScriptEnabled);
      });

      await test.step("the flow's page shows the form with the saved values", async () => {
        await page.getByRole("link", { name: "Beslut om bygglov" }).click();
        await expect(page.getByRole("heading", { level: 1, name: "Beslut om bygglov" })).toBeVisible();
        await expect(page.getByLabel("Årsvolym (brev per år)")).toHaveValue(/^12\s000$/);
        await expect(page.getByLabel("April (%)")).toHaveValue("6,666");
        await checkAtBothWidths(page, javaScriptEnabled);
      });

      await test.step("the forecast is a chart with the same figures in tables", async () => {
        await page.getByRole("link", { name: "Volymprognos", exact: true }).click();
        await expect(page.getByRole("heading", { level: 1, name: `Volymprognos – ${initiative}` })).toBeVisible();
        await expect(page.getByRole("img", { name: /^Meddelanden per månad \d{4}-\d{2}–\d{4}-\d{2}/ })).toBeVisible();
        await expect(page.getByRole("table", { name: "Prognos per år", exact: true })).toBeVisible();
        await expect(page.getByRole("link", { name: "Prognosen som CSV" })).toHaveAttribute("href", /\/forecast\.csv\?from=/);
        await checkAtBothWidths(page, javaScriptEnabled);
        await page.getByLabel("Antal månader").fill("120");
        await page.getByRole("button", { name: "Visa prognosen" }).click();
        await expect(page.getByText("Prognos per månad (120 månader)")).toBeVisible();
      });

      await test.step("the connection plan draws the flow from test to production", async () => {
        await page.getByRole("link", { name: "Anslutningsplan", exact: true }).click();
        await expect(page.getByRole("heading", { level: 1, name: `Anslutningsplan – ${initiative}` })).toBeVisible();
        await expect(page.getByRole("img", { name: /^Anslutningsplan \d{4}-\d{2}–\d{4}-\d{2}/ })).toBeVisible();
        const row = page
          .getByRole("table", { name: "Meddelandeflödenas tidplan" })
          .getByRole("row")
          .filter({ hasText: "Beslut om bygglov" });
        await expect(row).toContainText("1 mars 2027");
        await expect(row).toContainText("1 juni 2027");
        await checkAtBothWidths(page, javaScriptEnabled);
      });
    });
  });
}
