import { checkAtBothWidths, expect, loginAs, type Page, test } from "./fixtures.ts";

/** Excel's "CSV UTF-8": a byte-order mark, semicolons, a space as thousands separator. */
const IMPORT_CSV = `\uFEFFNamn;Mottagartyp;Årsvolym;Planerat produktionsdatum\r
Kallelse till utvecklingssamtal;privatpersoner;1 200;2027-09-01\r
Faktura för avgift;företag;250 000;2028-03-01\r
`;

/** The month before the current one as YYYY-MM, in Stockholm: actuals may not lie in the future. */
function lastMonth(): string {
  const [year, month] = new Date()
    .toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit" })
    .split("-")
    .map(Number) as [number, number];
  const d = new Date(Date.UTC(year, month - 2, 1));
  return d.toISOString().slice(0, 7);
}

/** Clicks a submit button and waits for the form's answer; returns its status code. */
async function submit(page: Page, button: string): Promise<number> {
  const response = page.waitForResponse((r) => r.request().method() === "POST");
  await page.getByRole("button", { name: button, exact: true }).click();
  return (await response).status();
}

for (const javaScriptEnabled of [false, true]) {
  test.describe(`flow planning, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });

    test("the team imports flows, prioritises them, compares tactics and versions the forecast", async ({ page }) => {
      test.setTimeout(420_000);
      const initiative = `Digital post från förvaltningen ${javaScriptEnabled ? "med" : "utan"} JavaScript`;
      await loginAs(page, "projektledare@sundsvall.example");

      await test.step("the projektledare starts an initiative and opens the import from the register", async () => {
        await page.goto("/initiatives/new");
        await page.getByLabel("Namn", { exact: true }).fill(initiative);
        await page.getByRole("button", { name: "Starta initiativet" }).click();
        await expect(page.getByRole("heading", { level: 1, name: initiative })).toBeVisible();
        await page.getByRole("link", { name: "Meddelandeflöden", exact: true }).click();
        await page.getByRole("link", { name: "Importera meddelandeflöden" }).click();
        await expect(page.getByRole("heading", { level: 1, name: "Importera meddelandeflöden" })).toBeVisible();
        await checkAtBothWidths(page, javaScriptEnabled);
      });

      await test.step("a semicolon CSV with a byte-order mark is previewed, then saved and listed", async () => {
        await page
          .getByLabel("Fil (CSV eller XLSX)")
          .setInputFiles({ name: "floden.csv", mimeType: "text/csv", buffer: Buffer.from(IMPORT_CSV, "utf8") });
        expect(await submit(page, "Granska filen")).toBe(200);
        await expect(page.getByRole("heading", { level: 1, name: "Granska importen" })).toBeVisible();
        const rows = page.getByRole("table", { name: "Flödena som sparas, med radnummer i filen" });
        await expect(rows.getByRole("row").filter({ hasText: "Faktura för avgift" })).toContainText("250 000");
        await expect(rows.getByRole("row").filter({ hasText: "Kallelse till utvecklingssamtal" })).toContainText("Privatpersoner");
        await checkAtBothWidths(page, javaScriptEnabled);
        await page.getByRole("button", { name: "Spara 2 flöden" }).click();
        await expect(page.getByRole("status")).toHaveText("2 meddelandeflöden har importerats.");
        await expect(page.getByRole("row").filter({ hasText: "Faktura för avgift" })).toContainText("250 000");
        await expect(page.getByRole("row").filter({ hasText: "Kallelse till utvecklingssamtal" })).toContainText("1 200");
      });

      await test.step("the priorities rank the larger flow first and explain the score", async () => {
        await page.getByRole("link", { name: "Prioritering av flöden", exact: true }).click();
        await expect(page.getByRole("heading", { level: 1, name: `Prioritering av meddelandeflöden för ${initiative}` })).toBeVisible();
        const order = page.getByRole("table", { name: "Flödena i prioritetsordning" });
        await expect(order.getByRole("row").nth(1)).toContainText("Faktura för avgift");
        await expect(order.getByRole("row").nth(2)).toContainText("Kallelse till utvecklingssamtal");
        await expect(page.getByRole("heading", { level: 2, name: "Hur räknas detta?" })).toBeVisible();
        await page.getByText("Hur räknas poängen för Faktura för avgift?").click();
        await expect(page.getByRole("table", { name: "Poängen för Faktura för avgift, kriterium för kriterium" })).toBeVisible();
        await expect(page.getByRole("table", { name: "Poängen för Faktura för avgift, kriterium för kriterium" })).toContainText(
          "250 000 brev per år",
        );
        await checkAtBothWidths(page, javaScriptEnabled);
      });

      await test.step("an own score without a motivation is refused beside the field; with one it reorders the flows", async () => {
        await page.getByRole("link", { name: "Bedöm Kallelse till utvecklingssamtal" }).click();
        await expect(page.getByRole("heading", { level: 1, name: "Bedöm Kallelse till utvecklingssamtal" })).toBeVisible();
        await checkAtBothWidths(page, javaScriptEnabled);
        await page.getByLabel("Förbättrad service till mottagarna").selectOption("5");
        await page.getByLabel("Egen poäng 0–100 (valfritt)").fill("95");
        expect(await submit(page, "Spara bedömningen")).toBe(400);
        const summary = page.locator("#error-summary");
        await expect(summary.getByRole("link", { name: /^Motivering till egen poäng: / })).toHaveAttribute("href", "#f-priorityMotivation");
        await expect(page.getByLabel("Motivering till egen poäng")).toHaveAccessibleDescription(/Krävs när ni anger en egen poäng/);
        await expect(page.getByLabel("Egen poäng 0–100 (valfritt)")).toHaveValue("95");
        await checkAtBothWidths(page, javaScriptEnabled);

        await page.getByLabel("Motivering till egen poäng").fill("Kallelserna är lagkrav och ska ut först.");
        await page.getByRole("button", { name: "Spara bedömningen" }).click();
        await expect(page.getByRole("status")).toHaveText("Bedömningen av Kallelse till utvecklingssamtal är sparad.");
        const order = page.getByRole("table", { name: "Flödena i prioritetsordning" });
        await expect(order.getByRole("row").nth(1)).toContainText("Kallelse till utvecklingssamtal");
        await expect(order.getByRole("row").nth(1)).toContainText("egen poäng");
        await expect(order.getByRole("row").nth(2)).toContainText("Faktura för avgift");
      });

      await test.step("the weights are saved, and all zero is refused", async () => {
        await page.getByLabel("Vikt för volym").fill("0");
        await page.getByLabel("Vikt för förändring av verksamhetsprocessen").fill("0");
        await page.getByLabel("Vikt för förbättrad service till mottagarna").fill("0");
        expect(await submit(page, "Spara vikterna")).toBe(400);
        await expect(page.locator("#error-summary")).toContainText("Minst en vikt måste vara större än noll.");
        await checkAtBothWidths(page, javaScriptEnabled);
        await page.getByLabel("Vikt för volym").fill("2");
        await page.getByLabel("Vikt för förändring av verksamhetsprocessen").fill("1");
        await page.getByLabel("Vikt för förbättrad service till mottagarna").fill("1");
        await page.getByRole("button", { name: "Spara vikterna" }).click();
        await expect(page.getByRole("status")).toHaveText("Vikterna är sparade.");
        await expect(page.getByLabel("Vikt för volym")).toHaveValue("2");
      });

      await test.step("the reach page keeps an own share for a year", async () => {
        await page.getByRole("link", { name: "Räckvidd per mottagartyp", exact: true }).click();
        await expect(page.getByRole("heading", { level: 1, name: `Räckvidd för ${initiative}` })).toBeVisible();
        await checkAtBothWidths(page, javaScriptEnabled);
        const field = page.getByLabel(/^Företag \d{4}, egen andel i procent$/).first();
        await field.fill("55");
        await page.getByRole("button", { name: "Spara räckvidden" }).click();
        await expect(page.getByRole("status")).toHaveText("Räckvidden är sparad.");
        await expect(page.getByLabel(/^Företag \d{4}, egen andel i procent$/).first()).toHaveValue("55");
      });

      await test.step("tactics: doing nothing and a förmedlare; a recommendation needs its reason", async () => {
        await page.getByRole("link", { name: "Anslutningstaktiker", exact: true }).click();
        await expect(page.getByRole("heading", { level: 1, name: `Anslutningstaktiker för ${initiative}` })).toBeVisible();
        await checkAtBothWidths(page, javaScriptEnabled);
        await page.getByLabel("Taktik", { exact: true }).selectOption({ label: "Gör ingenting (utgångsläge)" });
        await page.getByLabel("Namn på alternativet").fill("Inget");
        await page.getByRole("button", { name: "Lägg till alternativet" }).click();
        await expect(page.getByRole("status")).toHaveText("Alternativet Inget är tillagt.");

        await page.getByLabel("Taktik", { exact: true }).selectOption({ label: "Förmedlare eller gemensam anslutningstjänst" });
        await page.getByLabel("Namn på alternativet").fill("Via förmedlare med ramavtal");
        await page.getByLabel("Engångskostnad i kronor (valfritt)").fill("150 000");
        await page.getByLabel("Årlig kostnad i kronor (valfritt)").fill("40 000");
        await page.getByLabel("Ledtid i månader (valfritt)").fill("6");
        await page.getByLabel("Faktura för avgift (250 000)").check();
        await page.getByLabel("Rekommendera detta alternativ").check();
        expect(await submit(page, "Lägg till alternativet")).toBe(400);
        await expect(page.locator("#error-summary").getByRole("link", { name: /^Motivering till rekommendationen: / })).toHaveAttribute(
          "href",
          "#f-recommendationReason",
        );
        await expect(page.getByLabel("Namn på alternativet")).toHaveValue("Via förmedlare med ramavtal");
        await expect(page.getByLabel("Faktura för avgift (250 000)")).toBeChecked();
        await checkAtBothWidths(page, javaScriptEnabled);

        await page.getByLabel("Motivering till rekommendationen").fill("Kortast ledtid och ramavtal finns redan.");
        await page.getByRole("button", { name: "Lägg till alternativet" }).click();
        await expect(page.getByRole("status")).toHaveText("Alternativet Via förmedlare med ramavtal är tillagt.");
        await expect(page.getByText("Via förmedlare med ramavtal. Motivering: Kortast ledtid och ramavtal finns redan.")).toBeVisible();
        const comparison = page.getByRole("table", { name: /^Alternativen jämförda/ });
        const row = comparison.getByRole("row").filter({ hasText: "Via förmedlare med ramavtal" });
        await expect(row).toContainText("Rekommenderas");
        await expect(row).toContainText("Faktura för avgift");
        await expect(comparison.getByRole("row").filter({ hasText: "Inget" })).not.toContainText("Rekommenderas");
        await checkAtBothWidths(page, javaScriptEnabled);
      });

      await test.step("a re-forecast needs a reason, and is saved with it", async () => {
        await page.getByRole("link", { name: "Prognosversioner", exact: true }).click();
        await expect(page.getByRole("heading", { level: 1, name: `Prognosversioner för ${initiative}` })).toBeVisible();
        await checkAtBothWidths(page, javaScriptEnabled);
        expect(await submit(page, "Spara omprognos")).toBe(400);
        await expect(page.locator("#error-summary").getByRole("link", { name: /^Varför görs omprognosen\?: / })).toHaveAttribute(
          "href",
          "#f-reason",
        );
        await checkAtBothWidths(page, javaScriptEnabled);
        await page.getByLabel("Varför görs omprognosen?").fill("Fakturorna flyttas till våren 2028.");
        await page.getByRole("button", { name: "Spara omprognos" }).click();
        await expect(page.getByRole("status")).toHaveText("Omprognosen har sparats.");
        const version = page
          .getByRole("table", { name: /^Sparade prognosversioner/ })
          .getByRole("row")
          .filter({ hasText: "Omprognos" });
        await expect(version).toContainText("Fakturorna flyttas till våren 2028.");
      });

      await test.step("the re-forecast compares with the current forecast month by month", async () => {
        await page.getByRole("link", { name: "Jämför med aktuell prognos" }).first().click();
        await expect(page.getByRole("heading", { level: 1, name: "Jämför prognosversioner" })).toBeVisible();
        await expect(page.getByRole("table", { name: /^Summering per kalenderår/ })).toBeVisible();
        await expect(page.getByRole("table", { name: /^Digitala meddelanden och pappersbrev per månad/ })).toBeVisible();
        await checkAtBothWidths(page, javaScriptEnabled);
        await page.getByRole("link", { name: "Till prognosversionerna" }).click();
        await expect(page.getByRole("heading", { level: 1, name: `Prognosversioner för ${initiative}` })).toBeVisible();
      });

      await test.step("a flow's actuals take one month", async () => {
        await page.getByRole("link", { name: "Kallelse till utvecklingssamtal", exact: true }).click();
        await expect(page.getByRole("heading", { level: 1, name: "Utfall för Kallelse till utvecklingssamtal" })).toBeVisible();
        await checkAtBothWidths(page, javaScriptEnabled);
        const month = lastMonth();
        await page.getByLabel("Månad", { exact: true }).fill(month);
        await page.getByLabel("Digitala meddelanden").fill("40");
        await page.getByLabel("Pappersbrev").fill("60");
        await page.getByRole("button", { name: "Spara utfall" }).click();
        const named = new Intl.DateTimeFormat("sv-SE", { month: "long", year: "numeric", timeZone: "UTC" }).format(
          new Date(`${month}-15T12:00:00Z`),
        );
        await expect(page.getByRole("status")).toHaveText(`Utfallet för ${named} har sparats.`);
        const row = page.getByRole("table", { name: "Utfall per månad jämfört med baslinjen" }).getByRole("row").nth(1);
        await expect(row).toContainText("40");
        await expect(row).toContainText("60");
        await checkAtBothWidths(page, javaScriptEnabled);
      });
    });
  });
}
