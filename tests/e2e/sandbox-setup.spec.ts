import { makePersonalIdentityNumber } from "../../src/sandbox/recipients/identity-numbers.ts";
import { expect, expectNoAxeViolations, loginAs, test } from "./fixtures.ts";

/**
 * The demo projektledare opens the test environment of "Digitala beslut om bygglov" with
 * JavaScript off, enables it, and adds an own synthetic recipient, which then shows among the
 * environment's recipients. Every page passes axe, also a form that was turned down.
 * The emulator runs beside the app here, so the enabled environment shows its addresses.
 */

const USER = "projektledare@sundsvall.example";
const INITIATIVE = "Digitala beslut om bygglov";

test.describe("the test environment", () => {
  test.use({ javaScriptEnabled: false });

  test("a projektledare enables the environment and adds an own synthetic recipient", async ({ page }) => {
    await loginAs(page, USER);
    await page.goto("/initiatives");
    await page.getByRole("link", { name: INITIATIVE, exact: true }).click();
    await page.getByRole("link", { name: "Testmiljö för Mina meddelanden" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Testmiljö", exact: true })).toBeVisible();
    await expectNoAxeViolations(page, { javaScript: false });

    const enable = page.getByRole("button", { name: "Aktivera testmiljön" });
    if (await enable.count()) await enable.click();
    await expect(page.getByText("Testmiljön är aktiverad och tar emot anrop.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Stäng av testmiljön" })).toBeVisible();
    await expect(page.getByText(/^https:\/\/127\.0\.0\.1:3198\/e\/[a-z0-9]{10}\/Recipient\/v3$/)).toBeVisible();
    const sandboxUrl = page.url();
    await expectNoAxeViolations(page, { javaScript: false });

    await page.getByRole("link", { name: "Hantera organisationens egna testmottagare" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Egna testmottagare för Sundsvalls kommun" })).toBeVisible();
    await expectNoAxeViolations(page, { javaScript: false });

    // A number that could be a real person's is turned down with the reason.
    await page.getByLabel("Nummer", { exact: true }).fill(makePersonalIdentityNumber("1984-02-29", 321));
    await page.getByRole("button", { name: "Lägg till mottagaren" }).click();
    await expect(page.getByRole("link", { name: /Bara syntetiska nummer tas emot/ })).toBeVisible();
    await expectNoAxeViolations(page, { javaScript: false });

    const recipient = makePersonalIdentityNumber("1838-12-01", 100 + (Date.now() % 800));
    await page.getByLabel("Nummer", { exact: true }).fill(recipient);
    await page.getByLabel("Beskrivning (valfri)").fill("Vuxen hos Billo, e2e");
    await page.getByLabel("Brevlådeoperatör").selectOption({ label: "Billo" });
    await page.getByRole("button", { name: "Lägg till mottagaren" }).click();
    await expect(page.getByText(`Testmottagaren ${recipient} är tillagd.`)).toBeVisible();
    await expect(page.getByRole("cell", { name: recipient, exact: true })).toBeVisible();
    await expectNoAxeViolations(page, { javaScript: false });

    await page.goto(sandboxUrl);
    await expect(page.getByRole("cell", { name: "Vuxen hos Billo, e2e" })).toBeVisible();
  });
});
