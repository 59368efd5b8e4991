import { milestoneByNumeral } from "../../src/method/lookup.ts";
import type { MilestoneNumeral } from "../../src/method/types.ts";
import { methodV12 } from "../../src/method/v1.2/index.ts";
import { expect, expectNoAxeViolations, loginAs, type Page, test } from "./fixtures.ts";

/**
 * Issue 9 §2.7 as the roles walk it: the projektledare starts an initiative; the verksamhetsägare
 * decides milestone I while it has no samverkansparter ("inga samverkansparter"); the projektledare
 * names two (Region Västernorrland, in Ansluta, and an external party with an e-mail address); the
 * styrgrupp decides II; the förvaltningsgrupp reads its message; the partner organisation reads its
 * own, without seeing the initiative; Sundsvall still has its own message unread, and sees who read
 * what. Once with JavaScript and once without, axe on every page the walk changes.
 */

const decisionPoints = (numeral: MilestoneNumeral) =>
  milestoneByNumeral(methodV12, numeral).decisionPoints.map((dp, i) => ({ id: dp.id, legend: `${i + 1}. ${dp.text.sv}` }));

async function actAs(page: Page, email: string) {
  const logout = page.getByRole("button", { name: "Logga ut" });
  if (await logout.isVisible()) {
    await logout.click();
    await expect(page).toHaveURL(/\/login$/);
  }
  await loginAs(page, email);
}

/** Decides a milestone on the form, on an incomplete basis with a written reason. */
async function decide(page: Page, url: string, numeral: MilestoneNumeral, javaScript: boolean) {
  await page.goto(`${url}/decide`);
  await expect(page.getByRole("heading", { level: 1, name: `Beslut vid milstolpe ${numeral}` })).toBeVisible();
  await page.getByRole("group", { name: "Beslut", exact: true }).getByLabel("Gå vidare", { exact: true }).check();
  for (const dp of decisionPoints(numeral)) {
    const group = page.getByRole("group", { name: dp.legend, exact: true });
    await group.getByRole("group", { name: "Svar", exact: true }).getByLabel("Ja", { exact: true }).check();
    await group.getByLabel("Motivering", { exact: true }).fill(`Motiverat: ${dp.id}.`);
  }
  await page.getByLabel("Beslutsdatum", { exact: true }).fill("2026-12-01");
  // The timeline and volumes come from the flows; at II–V the form takes only an optional note.
  const reported = page.getByRole("group", { name: "Uppgifter till förvaltningsgruppen" });
  if (await reported.count())
    await reported.getByLabel("Kommentar till förvaltningsgruppen (valfritt)", { exact: true }).fill("Driftstart hösten 2027");
  await page.getByLabel("Motivering till beslut på ofullständigt underlag", { exact: true }).fill("Underlaget fastställs i januari.");
  await page.getByRole("button", { name: "Registrera beslutet" }).click();
  await expect(page.getByRole("status")).toHaveText("Beslutet har registrerats och kommunikationen har skapats.");
  await expectNoAxeViolations(page, { javaScript });
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`samverkansparter and read status per recipient, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("each recipient reads its own message, and nobody reads for another", async ({ page }) => {
      test.setTimeout(240_000);
      const name = `Samverkan kring kallelser ${javaScriptEnabled ? "med" : "utan"} JavaScript`;
      const subject = (numeral: string) => new RegExp(`^Sundsvalls kommun: milstolpe ${numeral} för ${name} – `);
      let initiativeUrl = "";

      await test.step("the projektledare starts the initiative", async () => {
        await actAs(page, "projektledare@sundsvall.example");
        await page.goto("/initiatives/new");
        await page.getByLabel("Namn", { exact: true }).fill(name);
        await page.getByRole("button", { name: "Starta initiativet" }).click();
        await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
        initiativeUrl = new URL(page.url()).pathname;
      });

      await test.step("the verksamhetsägare decides I: the initiative has no samverkansparter", async () => {
        await actAs(page, "verksamhetsagare@sundsvall.example");
        await decide(page, `${initiativeUrl}/milestones/I`, "I", javaScriptEnabled);
        const sent = page.getByRole("region", { name: "Gällande beslut" }).getByTestId("sent-communication");
        await expect(sent.filter({ hasText: "Samverkansparter" })).toHaveText("Samverkansparter: inga samverkansparter");
        await expect(sent.filter({ hasText: "Förvaltningsgruppen för Mina meddelanden" })).toContainText("Skickad, oläst");
      });

      await test.step("the projektledare names two samverkansparter, and is told what is wrong", async () => {
        await actAs(page, "projektledare@sundsvall.example");
        await page.goto(initiativeUrl);
        await page.getByRole("link", { name: "Samverkansparter", exact: true }).click();
        await expect(page.getByRole("heading", { level: 1, name: `Samverkansparter för ${name}` })).toBeVisible();
        await expect(page.getByText("Initiativet har inga samverkansparter.", { exact: false })).toBeVisible();
        await expectNoAxeViolations(page, { javaScript: javaScriptEnabled });

        const organisation = page.getByRole("region", { name: "Lägg till en organisation i Ansluta" });
        await organisation.getByLabel("Organisation", { exact: true }).selectOption({ label: "Region Västernorrland (232100-0206)" });
        await organisation.getByRole("button", { name: "Lägg till organisationen" }).click();
        await expect(page.getByRole("status")).toHaveText("Region Västernorrland är tillagd som samverkanspart.");

        const external = page.getByRole("region", { name: "Lägg till en extern part" });
        await external.getByLabel("Namn på parten", { exact: true }).fill("Kim Konsult");
        await external.getByLabel("E-postadress", { exact: true }).fill("kim-konsult");
        await external.getByRole("button", { name: "Lägg till den externa parten" }).click();
        const summary = page.locator("#error-summary");
        await expect(summary).toBeVisible();
        await expect(summary.getByRole("link")).toHaveText(["E-postadress: Ange en giltig e-postadress, till exempel namn@kommun.se."]);
        await expect(page.getByLabel("Namn på parten", { exact: true })).toHaveValue("Kim Konsult");
        await expectNoAxeViolations(page, { javaScript: javaScriptEnabled });

        await page.getByLabel("E-postadress", { exact: true }).fill("kim@formedlare.example");
        await page.getByRole("button", { name: "Lägg till den externa parten" }).click();
        await expect(page.getByRole("status")).toHaveText("Kim Konsult är tillagd som samverkanspart.");
        const table = page.getByRole("table", { name: "Samverkansparter" });
        await expect(table.getByRole("row")).toHaveCount(3);
        await expect(table).toContainText("Inkorgen i Ansluta (organisationsnummer 232100-0206)");
        await expect(table).toContainText("E-post till kim@formedlare.example");
        // Region Västernorrland is named: it is no longer offered.
        await expect(page.getByLabel("Organisation", { exact: true }).getByRole("option", { name: /^Region Västernorrland/ })).toHaveCount(
          0,
        );
        await expectNoAxeViolations(page, { javaScript: javaScriptEnabled });
      });

      await test.step("the styrgrupp decides II: the partners' message goes to both", async () => {
        await actAs(page, "styrgrupp@sundsvall.example");
        await decide(page, `${initiativeUrl}/milestones/II`, "II", javaScriptEnabled);
        const partners = page
          .getByRole("region", { name: "Gällande beslut" })
          .getByTestId("sent-communication")
          .filter({ hasText: "Samverkansparter" });
        await expect(partners).toContainText("Region Västernorrland");
        await expect(partners).toContainText("Skickad, oläst");
        await expect(partners).toContainText("Kim Konsult");
        await expect(partners).toContainText("Skickad med e-post till kim@formedlare.example");
      });

      await test.step("the förvaltningsgrupp reads its message in its inbox", async () => {
        await actAs(page, "forvaltning@digg.example");
        await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Inkorg", exact: true }).click();
        const message = page.getByTestId("communication").filter({ has: page.getByRole("heading", { level: 2, name: subject("II") }) });
        await expect(message).toHaveCount(1);
        await expect(message).toContainText("Förvaltningsgruppen för Mina meddelanden");
        await message.getByRole("button", { name: /^Markera som läst/ }).click();
        await expect(page.getByRole("status")).toHaveText("Meddelandet är markerat som läst.");
        await expect(message.getByText("Läst", { exact: true })).toBeVisible();
        await expectNoAxeViolations(page, { javaScript: javaScriptEnabled });
      });

      await test.step("the partner organisation reads its message, never the initiative", async () => {
        await actAs(page, "projektledare@rvn.example");
        await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Inkorg", exact: true }).click();
        const messages = page.getByTestId("communication").filter({ hasText: name });
        await expect(messages).toHaveCount(1);
        const message = messages.first();
        await expect(message.getByRole("heading", { level: 2 })).toHaveText(subject("II"));
        await expect(message).toContainText("Till samverkansparter.");
        await expect(message).toContainText("Från Sundsvalls kommun");
        await expect(message.getByRole("link", { name: /^Initiativ:/ })).toHaveCount(0);
        await expect(message.getByText("Oläst", { exact: true })).toBeVisible();
        await expectNoAxeViolations(page, { javaScript: javaScriptEnabled });
        await message.getByRole("button", { name: /^Markera som läst/ }).click();
        await expect(page.getByRole("status")).toHaveText("Meddelandet är markerat som läst.");
        await expect(message.getByText("Läst", { exact: true })).toBeVisible();
        const response = await page.goto(initiativeUrl);
        expect(response?.status()).toBe(404);
      });

      await test.step("Sundsvall still has its own message unread, and sees who has read what", async () => {
        await actAs(page, "projektledare@sundsvall.example");
        await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Inkorg", exact: true }).click();
        const ours = page.getByTestId("communication").filter({ has: page.getByRole("heading", { level: 2, name: subject("II") }) });
        await expect(ours).toHaveCount(2);
        await expect(ours.filter({ hasText: "Den egna verksamheten" }).getByText("Oläst", { exact: true })).toBeVisible();
        await expect(ours.filter({ hasText: "Till förvaltningsgruppen" })).toHaveCount(0);
        await expect(ours.filter({ hasText: "Till samverkansparter" })).toHaveCount(0);
        await expectNoAxeViolations(page, { javaScript: javaScriptEnabled });

        await page.goto(`${initiativeUrl}/milestones/II`);
        const sent = page.getByRole("region", { name: "Gällande beslut" }).getByTestId("sent-communication");
        await expect(sent.filter({ hasText: "Förvaltningsgruppen för Mina meddelanden" })).toContainText(/Läst \d/);
        await expect(sent.filter({ hasText: "Samverkansparter" })).toContainText(/Region Västernorrland\s*Läst \d/);
        await expect(sent.filter({ hasText: "Den egna verksamheten" })).toContainText("Skickad, oläst");
        await expectNoAxeViolations(page, { javaScript: javaScriptEnabled });
      });
    });
  });
}
