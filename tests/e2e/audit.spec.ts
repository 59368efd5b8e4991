import { expect, expectNoAxeViolations, loginAs, openOrganisation, test, uniqueEmail } from "./fixtures.ts";

test.describe("audit log and outbox", () => {
  test("the admin reads the audit log and verifies the chain", async ({ page }) => {
    await loginAs(page, "admin@ansluta.example");
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Granskningslogg" }).click();
    await expect(page).toHaveURL("/admin/audit");
    await expect(page.getByRole("heading", { level: 1, name: "Granskningslogg" })).toBeVisible();
    // The newest entry comes first: the admin's own login a moment ago.
    const newest = page.getByRole("table", { name: "Granskningslogg" }).getByRole("row").nth(1);
    await expect(newest).toContainText("Alva Admin");
    await expect(newest).toContainText("session.start");
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Kontrollera kedjan" }).click();
    await expect(page).toHaveURL("/admin/audit?verify=1");
    await expect(page.getByRole("status")).toHaveText(
      /^Kedjan är hel och stämmer med den signerade kontrollpunkten: (\d+) poster kontrollerade, \1 väntade\.$/,
    );
    await expectNoAxeViolations(page);
  });

  test("the outbox shows the invitation mail, with the one-time link", async ({ page }) => {
    const email = uniqueEmail("utkorg");
    await loginAs(page, "admin@ansluta.example");
    const organisationId = await openOrganisation(page, "Region Västernorrland");
    await page.goto(`/organisations/${organisationId}/members/invite`);
    await page.getByLabel("Namn", { exact: true }).fill("Ulla Utkorg");
    await page.getByLabel("E-postadress", { exact: true }).fill(email);
    await page.getByLabel("Styrgrupp", { exact: true }).check();
    await page.getByRole("button", { name: "Skicka inbjudan" }).click();
    await expect(page.getByText(`En engångslänk har skickats till ${email}.`)).toBeVisible();

    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Utkorg" }).click();
    await expect(page).toHaveURL("/admin/outbox");
    await expect(page.getByRole("heading", { level: 1, name: "Utkorg" })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: email });
    await expect(row).toHaveCount(1);
    // No SMTP_URL in the test server, so the mail stays in the outbox.
    await expect(row).toContainText("Ej skickad");
    await expectNoAxeViolations(page);

    await row.getByText("Inbjudan till Region Västernorrland i Ansluta").click();
    await expect(row.getByText(/\/invitation\/[A-Za-z0-9_-]{20,}/)).toBeVisible();
    await expect(row).toContainText("Hej Ulla Utkorg!");
    await expectNoAxeViolations(page);
  });

  test("someone who is not admin cannot read the audit log or the outbox", async ({ page }) => {
    await loginAs(page, "forvaltning@digg.example");
    await expect(page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Granskningslogg" })).toHaveCount(0);
    for (const path of ["/admin/audit", "/admin/outbox"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { level: 1, name: "Du saknar behörighet" })).toBeVisible();
    }
    await expectNoAxeViolations(page);
  });
});
