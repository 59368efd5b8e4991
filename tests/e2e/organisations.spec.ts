import { luhnCheckDigit } from "../../src/domain/shared/luhn.ts";
import {
  DEMO_PASSWORD,
  expect,
  expectNoAxeViolations,
  loginAs,
  mailedInvitationUrl,
  openOrganisation,
  test,
  uniqueEmail,
} from "./fixtures.ts";

/** A valid organisationsnummer that no earlier test has used (the last digit is the Luhn check). */
function uniqueOrganisationNumber(): string {
  // The third digit of an organisationsnummer is 2 or more (a personnummer's month is not).
  const nine = `552${String(Date.now()).slice(-6)}`;
  return `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
}

test.describe("organisations and members", () => {
  test("a consultant in three organisations switches organisation in the header and the start page follows", async ({ page }) => {
    await loginAs(page, "konsult@formedlare.example");
    // A new session starts in the first organisation by name.
    await expect(page.getByText("Du arbetar just nu i Exempel Förmedlare AB.")).toBeVisible();
    await expect(page.getByRole("main").getByText("Projektledare", { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    const switcher = page.getByLabel("Organisation", { exact: true });
    await expect(switcher.getByRole("option")).toHaveText(["Exempel Förmedlare AB", "Region Västernorrland", "Sundsvalls kommun"]);
    await switcher.selectOption({ label: "Sundsvalls kommun" });
    await page.getByRole("button", { name: "Byt", exact: true }).click();

    await expect(page).toHaveURL("/");
    await expect(page.getByText("Du arbetar just nu i Sundsvalls kommun.")).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "Sundsvalls kommun", exact: true })).toBeVisible();
    await expect(page.getByRole("main").getByText("Deltagare", { exact: true })).toBeVisible();
    await expect(page.getByRole("main").getByText("Projektledare", { exact: true })).toHaveCount(0);
    await expect(switcher.locator("option:checked")).toHaveText("Sundsvalls kommun");
    await expectNoAxeViolations(page);

    // The choice belongs to the session and holds on the next page.
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Organisationer" }).click();
    await expect(page.getByLabel("Organisation", { exact: true }).locator("option:checked")).toHaveText("Sundsvalls kommun");
    await expectNoAxeViolations(page);
  });

  test("a projektledare invites a member, who opens the one-time link, chooses a password and is logged in", async ({ page, browser }) => {
    const email = uniqueEmail("ny-medlem");
    const name = "Nina Nyanställd";
    await loginAs(page, "projektledare@sundsvall.example");

    await page.getByRole("main").getByRole("link", { name: "Sundsvalls kommun", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sundsvalls kommun" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Bjud in medlem" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Bjud in medlem till Sundsvalls kommun" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel("Namn", { exact: true }).fill(name);
    await page.getByLabel("E-postadress", { exact: true }).fill(email);
    await page.getByRole("group", { name: "Roller" }).getByLabel("Deltagare", { exact: true }).check();
    await page.getByRole("button", { name: "Skicka inbjudan" }).click();

    await expect(page.getByRole("heading", { level: 1, name: `${email} har bjudits in.` })).toBeVisible();
    // The link goes only to her mailbox: the one who invites never sees it.
    await expect(page.getByText(`En engångslänk har skickats till ${email}.`)).toBeVisible();
    await expect(page.getByText("/invitation/")).toHaveCount(0);
    await expectNoAxeViolations(page);
    const invitationUrl = await mailedInvitationUrl(browser, email);
    expect(invitationUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invitation\/[A-Za-z0-9_-]{20,}$/);

    await page.getByRole("link", { name: "Tillbaka" }).click();
    const pending = page.getByRole("table", { name: "Inbjudningar som inte har besvarats" }).getByRole("row").filter({ hasText: email });
    await expect(pending).toContainText(name);
    await expect(pending).toContainText("Deltagare");

    // The invitee has no session of their own yet: a fresh browser context.
    const inviteeContext = await browser.newContext();
    try {
      const invitee = await inviteeContext.newPage();
      await invitee.goto(invitationUrl);
      await expect(invitee.getByRole("heading", { level: 1, name: "Välj lösenord" })).toBeVisible();
      await expect(invitee.getByText(`Välkommen ${name}! Välj ett lösenord för ${email}.`)).toBeVisible();
      await expectNoAxeViolations(invitee);

      await invitee.getByLabel("Nytt lösenord", { exact: true }).fill("Ett-bra-losenord-42");
      await invitee.getByLabel("Upprepa lösenordet", { exact: true }).fill("Ett-bra-losenord-42");
      await invitee.getByRole("button", { name: "Spara lösenord och logga in" }).click();

      await expect(invitee).toHaveURL(/\/$/);
      await expect(invitee.getByRole("heading", { level: 1, name: `Välkommen, ${name}` })).toBeVisible();
      await expect(invitee.getByText("Du arbetar just nu i Sundsvalls kommun.")).toBeVisible();
      await expect(invitee.getByRole("main").getByText("Deltagare", { exact: true })).toBeVisible();
      await expectNoAxeViolations(invitee);

      // The link works once.
      const again = await invitee.goto(invitationUrl);
      expect(again?.status()).toBe(410);
      await expect(invitee.getByRole("heading", { level: 1, name: "Länken fungerar inte" })).toBeVisible();
      await expectNoAxeViolations(invitee);
    } finally {
      await inviteeContext.close();
    }

    await page.reload();
    await expect(page.getByRole("row").filter({ hasText: email })).toContainText("Aktiv");
  });

  test("a projektledare changes a member's roles among those she may grant", async ({ page, browser }) => {
    const email = uniqueEmail("roller");
    await loginAs(page, "projektledare@sundsvall.example");
    const organisationId = await openOrganisation(page, "Sundsvalls kommun");

    await page.goto(`/organisations/${organisationId}/members/invite`);
    await page.getByLabel("Namn", { exact: true }).fill("Rolf Rollbyte");
    await page.getByLabel("E-postadress", { exact: true }).fill(email);
    await page.getByLabel("Läsare", { exact: true }).check();
    await page.getByRole("button", { name: "Skicka inbjudan" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `${email} har bjudits in.` })).toBeVisible();

    const inviteeContext = await browser.newContext();
    try {
      const invitee = await inviteeContext.newPage();
      await invitee.goto(await mailedInvitationUrl(browser, email));
      await invitee.getByLabel("Nytt lösenord", { exact: true }).fill("Ett-bra-losenord-42");
      await invitee.getByLabel("Upprepa lösenordet", { exact: true }).fill("Ett-bra-losenord-42");
      await invitee.getByRole("button", { name: "Spara lösenord och logga in" }).click();
      await expect(invitee).toHaveURL(/\/$/);
    } finally {
      await inviteeContext.close();
    }

    await page.goto(`/organisations/${organisationId}`);
    await page.getByRole("row").filter({ hasText: email }).getByRole("link", { name: "Ändra roller för Rolf Rollbyte" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Roller för Rolf Rollbyte" })).toBeVisible();
    await expect(page.getByLabel("Läsare", { exact: true })).toBeChecked();
    // The deciding roles are granted by the administratör or the verksamhetsägare, not offered here.
    await expect(page.getByLabel("Styrgrupp", { exact: true })).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.getByLabel("Läsare", { exact: true }).uncheck();
    await page.getByLabel("Deltagare", { exact: true }).check();
    await page.getByRole("button", { name: "Spara", exact: true }).click();

    await expect(page).toHaveURL(`/organisations/${organisationId}`);
    await expect(page.getByRole("status")).toHaveText("Rollerna har sparats.");
    const row = page.getByRole("row").filter({ hasText: email });
    await expect(row).toContainText("Deltagare");
    await expect(row).not.toContainText("Läsare");
    await expectNoAxeViolations(page);
  });

  test("someone who already has an account joins by signing in from the link, and a second invitation is refused", async ({
    page,
    browser,
  }) => {
    await loginAs(page, "projektledare@sundsvall.example");
    const organisationId = await openOrganisation(page, "Sundsvalls kommun");
    const invite = async () => {
      await page.goto(`/organisations/${organisationId}/members/invite`);
      await page.getByLabel("Namn", { exact: true }).fill("Stina Skatt");
      await page.getByLabel("E-postadress", { exact: true }).fill("projektledare@skatteverket.example");
      await page.getByLabel("Läsare", { exact: true }).check();
      await page.getByRole("button", { name: "Skicka inbjudan" }).click();
    };

    // Only this test invites Stina, who already has an account in Skatteverket. The answer is the
    // same as for anyone: it does not tell whether an account exists.
    await invite();
    await expect(page.getByRole("heading", { level: 1, name: "projektledare@skatteverket.example har bjudits in." })).toBeVisible();
    await expectNoAxeViolations(page);

    const stinaContext = await browser.newContext();
    try {
      const stina = await stinaContext.newPage();
      await stina.goto(await mailedInvitationUrl(browser, "projektledare@skatteverket.example"));
      await expect(stina.getByText("Det finns redan ett konto för projektledare@skatteverket.example.")).toBeVisible();
      await expect(stina.getByLabel("Nytt lösenord", { exact: true })).toHaveCount(0);
      await expectNoAxeViolations(stina);
      await stina.getByRole("link", { name: "Logga in och gå med" }).click();
      await stina.getByLabel("E-postadress", { exact: true }).fill("projektledare@skatteverket.example");
      await stina.getByLabel("Lösenord", { exact: true }).fill(DEMO_PASSWORD);
      await stina.getByRole("button", { name: "Logga in" }).click();
      await stina.getByRole("button", { name: "Gå med i Sundsvalls kommun" }).click();
      await expect(stina.getByRole("heading", { level: 1, name: "Sundsvalls kommun" })).toBeVisible();
      await expect(stina.getByRole("status")).toHaveText("Du är nu medlem i Sundsvalls kommun.");
      await expectNoAxeViolations(stina);
    } finally {
      await stinaContext.close();
    }

    await invite();
    const summary = page.locator("#error-summary");
    await expect(summary.getByRole("link")).toHaveText(["E-postadress: Personen är redan medlem i organisationen."]);
    await expect(summary.getByRole("link")).toHaveAttribute("href", "#f-email");
    await expect(page.getByLabel("E-postadress", { exact: true })).toHaveValue("projektledare@skatteverket.example");
    await expectNoAxeViolations(page);
  });

  test("an admin creates an organisation", async ({ page }) => {
    const number = uniqueOrganisationNumber();
    const name = `Testkommun ${number}`;
    await loginAs(page, "admin@ansluta.example");
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Organisationer" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Organisationer" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Ny organisation" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Skapa organisation" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel("Namn", { exact: true }).fill(name);
    await page.getByLabel("Organisationsnummer", { exact: true }).fill(number);
    await page.getByLabel("Typ av organisation", { exact: true }).selectOption({ label: "Kommun" });
    await page.getByRole("button", { name: "Skapa", exact: true }).click();

    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByRole("status")).toHaveText(`Organisationen ${name} har skapats.`);
    await expect(page.getByText(`Kommun · ${number}`)).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("someone without the projektledare role cannot open the invite page", async ({ page }) => {
    await loginAs(page, "deltagare@sundsvall.example");
    const organisationId = await openOrganisation(page, "Sundsvalls kommun");
    await expect(page.getByRole("link", { name: "Bjud in medlem" })).toHaveCount(0);

    const response = await page.goto(`/organisations/${organisationId}/members/invite`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "Du saknar behörighet" })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
