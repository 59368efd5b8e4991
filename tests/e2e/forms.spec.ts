import { expect, expectNoAxeViolations, loginAs, mailedInvitationUrl, openOrganisation, type Page, test } from "./fixtures.ts";

type SummaryEntry = { text: string; href: string };

/**
 * The error summary as shown: each entry's text and link. Checks that every link leads to exactly
 * one element on the page, so following it lands on the field.
 */
async function errorSummary(page: Page): Promise<SummaryEntry[]> {
  const summary = page.locator("#error-summary");
  await expect(summary.getByRole("heading", { name: "Det finns fel i formuläret" })).toBeVisible();
  const entries: SummaryEntry[] = [];
  for (const link of await summary.getByRole("link").all()) {
    const href = (await link.getAttribute("href")) ?? "";
    expect(href, "summary link").toMatch(/^#f-/);
    await expect(page.locator(href), `target of ${href}`).toHaveCount(1);
    entries.push({ text: (await link.textContent())?.trim() ?? "", href });
  }
  return entries;
}

/** The same errors in any order (the order itself has its own test below). */
async function expectSummaryLinksToFields(page: Page, expected: SummaryEntry[]) {
  const byHref = (a: SummaryEntry, b: SummaryEntry) => a.href.localeCompare(b.href);
  expect((await errorSummary(page)).sort(byHref)).toEqual([...expected].sort(byHref));
}

async function openInviteForm(page: Page) {
  await loginAs(page, "projektledare@sundsvall.example");
  const organisationId = await openOrganisation(page, "Sundsvalls kommun");
  await page.goto(`/organisations/${organisationId}/members/invite`);
}

test.describe("forms with errors", () => {
  test("the invite form lists its errors in a summary that links to the fields, and keeps what was typed", async ({ page }) => {
    await openInviteForm(page);
    await page.getByLabel("E-postadress", { exact: true }).fill("inte-en-adress");
    const response = page.waitForResponse((r) => r.request().method() === "POST");
    await page.getByRole("button", { name: "Skicka inbjudan" }).click();
    expect((await response).status()).toBe(400);

    await expectSummaryLinksToFields(page, [
      { text: "Namn: Fältet måste fyllas i.", href: "#f-name" },
      { text: "E-postadress: Ange en giltig e-postadress, till exempel namn@kommun.se.", href: "#f-email" },
      { text: "Roller: Välj minst en roll.", href: "#f-roles" },
    ]);
    // ansluta.js moves focus to the summary so a screen reader announces it.
    await expect(page.locator("#error-summary")).toBeFocused();

    const emailField = page.getByLabel("E-postadress", { exact: true });
    await expect(emailField).toHaveValue("inte-en-adress");
    await expect(emailField).toHaveAttribute("aria-invalid", "true");
    await expect(emailField).toHaveAccessibleDescription("Ange en giltig e-postadress, till exempel namn@kommun.se.");
    await expect(page.getByLabel("Namn", { exact: true })).toHaveAccessibleDescription("Fältet måste fyllas i.");
    await expect(page.getByRole("group", { name: "Roller" })).toHaveAccessibleDescription("Välj minst en roll.");
    await expectNoAxeViolations(page);

    // Following a link in the summary puts the cursor in the field.
    await page
      .locator("#error-summary")
      .getByRole("link", { name: /giltig e-postadress/ })
      .click();
    await expect(emailField).toBeFocused();

    // Fixing one field and sending again keeps the other input and the checked role.
    await emailField.fill("rattad@e2e.example");
    await page.getByLabel("Läsare", { exact: true }).check();
    await page.getByRole("button", { name: "Skicka inbjudan" }).click();
    await expectSummaryLinksToFields(page, [{ text: "Namn: Fältet måste fyllas i.", href: "#f-name" }]);
    await expect(emailField).toHaveValue("rattad@e2e.example");
    await expect(page.getByLabel("Läsare", { exact: true })).toBeChecked();
    await expectNoAxeViolations(page);
  });

  test("the error summary lists the errors in the order of the fields on the form", async ({ page }) => {
    await openInviteForm(page);
    await page.getByRole("button", { name: "Skicka inbjudan" }).click();
    expect((await errorSummary(page)).map((e) => e.href)).toEqual(["#f-name", "#f-email", "#f-roles"]);
  });

  test("the organisation form explains a wrong organisationsnummer and keeps the input", async ({ page }) => {
    await loginAs(page, "admin@ansluta.example");
    await page.goto("/organisations/new");
    await page.getByLabel("Namn", { exact: true }).fill("Felstavade kommun");
    await page.getByLabel("Organisationsnummer", { exact: true }).fill("212000-2412");
    await page.getByLabel("Typ av organisation", { exact: true }).selectOption({ label: "Region" });
    await page.getByRole("button", { name: "Skapa", exact: true }).click();

    await expectSummaryLinksToFields(page, [
      { text: "Organisationsnummer: Organisationsnumret är inte giltigt: kontrollsiffran stämmer inte.", href: "#f-number" },
    ]);
    const number = page.getByLabel("Organisationsnummer", { exact: true });
    await expect(number).toHaveValue("212000-2412");
    // The hint and the error both describe the field.
    await expect(number).toHaveAccessibleDescription(/Tio siffror.*kontrollsiffran stämmer inte/);
    await expect(page.getByLabel("Namn", { exact: true })).toHaveValue("Felstavade kommun");
    await expect(page.getByLabel("Typ av organisation", { exact: true }).locator("option:checked")).toHaveText("Region");
    await expectNoAxeViolations(page);

    // An organisationsnummer that is already taken is a field error too, not an error page.
    await number.fill("212000-2411");
    await page.getByRole("button", { name: "Skapa", exact: true }).click();
    await expectSummaryLinksToFields(page, [
      { text: "Organisationsnummer: Det finns redan en organisation med detta organisationsnummer.", href: "#f-number" },
    ]);
    await expectNoAxeViolations(page);
  });

  test("the login form asks for both fields when they are empty", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Logga in" }).click();
    await expectSummaryLinksToFields(page, [
      { text: "E-postadress: Fältet måste fyllas i.", href: "#f-email" },
      { text: "Lösenord: Fältet måste fyllas i.", href: "#f-password" },
    ]);
    await expectNoAxeViolations(page);
  });

  test("the invitation form refuses a short password and two passwords that differ", async ({ page, browser }) => {
    await openInviteForm(page);
    await page.getByLabel("Namn", { exact: true }).fill("Kort Lösenordsson");
    const email = `kort-${Date.now()}@e2e.example`;
    await page.getByLabel("E-postadress", { exact: true }).fill(email);
    await page.getByLabel("Deltagare", { exact: true }).check();
    await page.getByRole("button", { name: "Skicka inbjudan" }).click();
    await expect(page.getByText(`En engångslänk har skickats till ${email}.`)).toBeVisible();
    const invitationUrl = await mailedInvitationUrl(browser, email);

    const context = await browser.newContext();
    try {
      const invitee = await context.newPage();
      await invitee.goto(invitationUrl);
      await invitee.getByLabel("Nytt lösenord", { exact: true }).fill("kort");
      await invitee.getByLabel("Upprepa lösenordet", { exact: true }).fill("annat");
      await invitee.getByRole("button", { name: "Spara lösenord och logga in" }).click();
      await expectSummaryLinksToFields(invitee, [
        { text: "Nytt lösenord: Lösenordet måste ha minst 10 tecken.", href: "#f-password" },
        { text: "Upprepa lösenordet: Lösenorden är inte lika.", href: "#f-confirm" },
      ]);
      await expectNoAxeViolations(invitee);

      await invitee.getByLabel("Nytt lösenord", { exact: true }).fill("Langt-nog-losenord");
      await invitee.getByLabel("Upprepa lösenordet", { exact: true }).fill("Langt-nog-losenorD");
      await invitee.getByRole("button", { name: "Spara lösenord och logga in" }).click();
      await expectSummaryLinksToFields(invitee, [{ text: "Upprepa lösenordet: Lösenorden är inte lika.", href: "#f-confirm" }]);
    } finally {
      await context.close();
    }
  });
});
