import { expect, expectNoAxeViolations, loginAs, openOrganisation, type Page, test, uniqueEmail } from "./fixtures.ts";

/**
 * axe on every page of the app, once with JavaScript off (the pages are server-rendered and must
 * work without it; Designsystemet wires some accessibility in the browser, reference/stack.md §5)
 * and once with it on. Failures are soft so one run reports every page.
 */
async function checkPage(page: Page, path: string, heading: string | RegExp, status = 200) {
  await test.step(`${path} (${status})`, async () => {
    const response = await page.goto(path);
    expect.soft(response?.status(), `HTTP status of ${path}`).toBe(status);
    await expect.soft(page.getByRole("heading", { level: 1, name: heading }), `h1 of ${path}`).toBeVisible();
    await expect.soft(page.locator("html"), `lang of ${path}`).toHaveAttribute("lang", "sv");
    await expect.soft(page, `title of ${path}`).toHaveTitle(/ – Ansluta$/);
    await expectNoAxeViolations(page, { soft: true });
  });
}

for (const javaScriptEnabled of [false, true]) {
  test.describe(`every page, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test(`every page passes axe with JavaScript ${javaScriptEnabled ? "enabled" : "disabled"}`, async ({ page, browser }) => {
      await checkPage(page, "/login", "Logga in");
      await checkPage(page, "/accessibility", "Tillgänglighetsredogörelse");
      await checkPage(page, "/invitation/okand-lank-0000000000000000", "Länken fungerar inte", 410);

      await loginAs(page, "admin@ansluta.example");
      const organisationId = await openOrganisation(page, "Sundsvalls kommun");
      const editHref = await page
        .getByRole("row")
        .filter({ hasText: "projektledare@sundsvall.example" })
        .getByRole("link", { name: /Ändra roller/ })
        .getAttribute("href");
      expect(editHref).toMatch(new RegExp(`^/organisations/${organisationId}/members/[0-9a-f-]{36}$`));

      await checkPage(page, "/", "Välkommen, Alva Admin");
      await checkPage(page, "/organisations", "Organisationer");
      await checkPage(page, "/organisations/new", "Skapa organisation");
      await checkPage(page, `/organisations/${organisationId}`, "Sundsvalls kommun");
      await checkPage(page, `/organisations/${organisationId}/members/invite`, "Bjud in medlem till Sundsvalls kommun");
      await checkPage(page, editHref ?? "", "Roller för Petra Projektledare");
      await checkPage(page, "/settings", "Inställningar");
      await checkPage(page, "/admin/audit", "Granskningslogg");
      await checkPage(page, "/admin/audit?verify=1", "Granskningslogg");
      await checkPage(page, "/admin/outbox", "Utkorg");
      await checkPage(page, "/accessibility", "Tillgänglighetsredogörelse");
      await checkPage(page, "/finns-inte", "Sidan hittades inte", 404);
      await checkPage(page, "/organisations/00000000-0000-4000-8000-000000000000", "Sidan hittades inte", 404);

      await test.step("invite form with errors, then sent", async () => {
        await page.goto(`/organisations/${organisationId}/members/invite`);
        await page.getByRole("button", { name: "Skicka inbjudan" }).click();
        await expect(page.locator("#error-summary")).toBeVisible();
        await expectNoAxeViolations(page, { soft: true });

        await page.getByLabel("Namn", { exact: true }).fill("Axel Axe");
        await page.getByLabel("E-postadress", { exact: true }).fill(uniqueEmail("axe"));
        await page.getByLabel("Läsare", { exact: true }).check();
        await page.getByRole("button", { name: "Skicka inbjudan" }).click();
        await expect(page.getByTestId("invitation-url")).toBeVisible();
        await expectNoAxeViolations(page, { soft: true });
      });
      const invitationUrl = (await page.getByTestId("invitation-url").textContent())?.trim() ?? "";

      await test.step("settings with a new token", async () => {
        await page.goto("/settings");
        await page.getByLabel("Namn på nyckeln", { exact: true }).fill(`axe ${Date.now()}`);
        await page.getByRole("button", { name: "Skapa API-nyckel" }).click();
        await expect(page.getByTestId("new-token")).toBeVisible();
        await expectNoAxeViolations(page, { soft: true });
      });

      await test.step("organisation form with errors", async () => {
        await page.goto("/organisations/new");
        await page.getByRole("button", { name: "Skapa", exact: true }).click();
        await expect(page.locator("#error-summary")).toBeVisible();
        await expectNoAxeViolations(page, { soft: true });
      });

      const invitee = await browser.newContext({ javaScriptEnabled });
      try {
        const inviteePage = await invitee.newPage();
        await checkPage(inviteePage, invitationUrl, "Välj lösenord");
        await test.step("invitation form with errors", async () => {
          await inviteePage.getByRole("button", { name: "Spara lösenord och logga in" }).click();
          await expect(inviteePage.locator("#error-summary")).toBeVisible();
          await expectNoAxeViolations(inviteePage, { soft: true });
        });
      } finally {
        await invitee.close();
      }

      await test.step("forbidden page", async () => {
        await page.getByRole("button", { name: "Logga ut" }).click();
        await loginAs(page, "deltagare@sundsvall.example");
      });
      await checkPage(page, "/organisations/new", "Du saknar behörighet", 403);
    });
  });
}
