import { checkAtBothWidths, expect, loginAs, type Page, test } from "./fixtures.ts";

/** Clicks a submit button and waits for the form's answer; returns its status code. */
async function submit(page: Page, button: string): Promise<number> {
  const response = page.waitForResponse((r) => r.request().method() === "POST");
  await page.getByRole("button", { name: button, exact: true }).click();
  return (await response).status();
}

/** The computed benefit of a year in the business case's results table, as the page writes it. */
const computedIn = (page: Page, year: number) => page.locator(`tr[data-year="${year}"] td`).nth(2);

for (const javaScriptEnabled of [false, true]) {
  test.describe(`business case and benefits, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });

    test("the team builds a business case whose computed benefit follows a flow's volume, and records a measurement", async ({ page }) => {
      test.setTimeout(300_000);
      const initiative = `Nyttor av digital post ${javaScriptEnabled ? "med" : "utan"} JavaScript`;
      await loginAs(page, "projektledare@sundsvall.example");

      await test.step("a flow of 12 000 letters a year at 11,50 kr goes digital from January 2027", async () => {
        await page.goto("/initiatives/new");
        await page.getByLabel("Namn", { exact: true }).fill(initiative);
        await page.getByRole("button", { name: "Starta initiativet" }).click();
        await expect(page.getByRole("heading", { level: 1, name: initiative })).toBeVisible();
        await page.getByRole("link", { name: "Meddelandeflöden", exact: true }).click();
        await page.getByRole("link", { name: "Lägg till meddelandeflöde" }).click();
        await page.getByLabel("Namn", { exact: true }).fill("Beslut om bygglov");
        await page.getByLabel("Privatpersoner").check();
        await page.getByLabel("Årsvolym (brev per år)").fill("12 000");
        await page.getByLabel("Kostnad per brev (kronor)").fill("11,50");
        await page.getByLabel("Planerad produktion (valfritt)").fill("2027-01-01");
        expect(await submit(page, "Spara meddelandeflödet")).toBe(303);
      });

      let before = "";
      let businessCaseUrl = "";
      await test.step("the business case is stated in Swedish numbers and answers with computed benefits", async () => {
        await page
          .getByRole("link", { name: `Tillbaka till ${initiative}` })
          .first()
          .click();
        await page.getByRole("link", { name: "Business case", exact: true }).first().click();
        await expect(page.getByRole("heading", { level: 1, name: `Business case för ${initiative}` })).toBeVisible();
        await page.getByLabel("Första år").fill("2027");
        await page.getByLabel("Horisont i år").fill("3");
        await page.getByLabel("Kalkylränta i procent").fill("3");
        await page.locator('[name="costs.0.category"]').selectOption("utveckling");
        await page.locator('[name="costs.0.year"]').fill("2027");
        await page.locator('[name="costs.0.low"]').fill("80 000");
        await page.locator('[name="costs.0.expected"]').fill("100 000");
        await page.locator('[name="costs.0.high"]').fill("150 000");
        expect(await submit(page, "Spara kalkylen")).toBe(303);
        await expect(page.getByText("Kalkylen är sparad.")).toBeVisible();
        before = (await computedIn(page, 2027).textContent()) ?? "";
        expect(before).toMatch(/\d/);
        expect(before).not.toBe("0 kr");
        // "Hur räknas detta?" beside the computed benefits names the flow, its digital messages and its price.
        const computedSection = page.locator('section[aria-labelledby="computed-heading"]');
        await computedSection.getByText("Hur räknas detta?").click();
        await expect(computedSection.getByText(/Beslut om bygglov 2027: [\d\s]+×\s11,5\skr\s=/)).toBeVisible();
        await checkAtBothWidths(page, javaScriptEnabled);
      });

      await test.step("doubling the flow's volume moves the computed benefit", async () => {
        businessCaseUrl = page.url();
        await page.getByRole("link", { name: "Beslut om bygglov" }).first().click();
        await page.getByLabel("Årsvolym (brev per år)").fill("24 000");
        expect(await submit(page, "Spara ändringarna")).toBe(303);
        await page.goto(businessCaseUrl);
        const after = (await computedIn(page, 2027).textContent()) ?? "";
        const amount = (text: string) => Number(text.replace(/[^\d,]/g, "").replace(",", "."));
        expect(amount(after)).toBeCloseTo(amount(before) * 2, 0);
      });

      await test.step("a benefit is planned and a measurement recorded against its target", async () => {
        await page.getByRole("link", { name: "Nyttorealiseringsplan", exact: true }).first().click();
        await checkAtBothWidths(page, javaScriptEnabled);
        await page.getByRole("link", { name: "Lägg till en nytta" }).click();
        await page.getByLabel("Nytta", { exact: true }).fill("Färre pappersbrev");
        await page.getByLabel("Mätetal").fill("Pappersbrev per månad");
        await page.getByLabel("Enhet").fill("brev");
        await page.getByLabel("Utgångsläge", { exact: true }).fill("1 000");
        await page.getByLabel("Datum för utgångsläget").fill("2026-01-01");
        await page.getByLabel("Mål", { exact: true }).fill("200");
        await page.getByLabel("Datum då målet ska vara nått").fill("2027-12-31");
        expect(await submit(page, "Lägg till nyttan")).toBe(303);
        await expect(page.getByRole("heading", { level: 1, name: "Nyttan Färre pappersbrev" })).toBeVisible();

        // A date before the baseline is refused beside its field, and nothing is recorded.
        await page.getByLabel("Datum", { exact: true }).fill("2025-12-31");
        await page.getByLabel("Värde (brev)", { exact: true }).fill("900");
        expect(await submit(page, "Registrera mätvärdet")).toBe(400);
        await expect(page.locator("#error-summary")).toContainText("Datumet ligger före nyttans utgångsläge.");

        await page.getByLabel("Datum", { exact: true }).fill("2026-09-30");
        await page.getByLabel("Värde (brev)", { exact: true }).fill("520");
        expect(await submit(page, "Registrera mätvärdet")).toBe(303);
        await expect(page.getByRole("table", { name: "Nyttans mätvärden i datumordning" })).toContainText("520");
        await expect(page.getByText("Delvis realiserad").first()).toBeVisible();
        await checkAtBothWidths(page, javaScriptEnabled);
      });

      await test.step("the risk analysis and the reserve plans pass axe too", async () => {
        await page.getByRole("link", { name: "Riskanalys", exact: true }).first().click();
        await checkAtBothWidths(page, javaScriptEnabled);
        await page.getByRole("link", { name: "Reservdrift", exact: true }).first().click();
        await checkAtBothWidths(page, javaScriptEnabled);
        await page.getByRole("link", { name: "Effektkedja", exact: true }).first().click();
        await checkAtBothWidths(page, javaScriptEnabled);
      });

      await test.step("the Business Case document shows the sensitivity as a tornado chart beside its table", async () => {
        // Milestone III decides on the Business Case: its basis offers to create the document.
        await page.goto(businessCaseUrl.replace(/\/business-case$/, "/milestones/III"));
        const title = "Business Case (kostnadsnyttobeskrivning)";
        const entry = page.getByRole("region", { name: "Beslutsunderlag" }).getByRole("listitem").filter({ hasText: title });
        await entry.getByRole("button", { name: /^Skapa dokument/ }).click();
        await expect(page.getByRole("status")).toHaveText(`Dokumentet ”${title}” har skapats från mallen.`);
        await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
        await expect(page.getByRole("img", { name: "Känslighet som tornadodiagram" })).toBeVisible();
        await expect(page.getByRole("table", { name: "Känslighet: nuvärdet när en indata ändras ±20 %" })).toContainText(
          "Flöde: Beslut om bygglov",
        );
        await checkAtBothWidths(page, javaScriptEnabled);
      });
    });
  });
}
