import { expect, expectNoAxeViolations, loginAs, test } from "./fixtures.ts";

test.describe("settings", () => {
  test("a user creates a personal API token, uses it, and revokes it", async ({ page, request }) => {
    const tokenName = `Integration ${Date.now()}`;
    await loginAs(page, "verksamhetsagare@sundsvall.example");
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Inställningar" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Inställningar" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel("Namn på nyckeln", { exact: true }).fill(tokenName);
    const expiry = page.getByLabel("Giltig i antal dagar (valfritt)", { exact: true });
    await expect(expiry).toHaveAccessibleDescription("Lämna tomt för en nyckel utan slutdatum.");
    await expiry.fill("30");
    await page.getByRole("button", { name: "Skapa API-nyckel" }).click();

    const status = page.getByRole("status");
    await expect(status).toContainText("Din nya API-nyckel. Kopiera den nu, den visas inte igen:");
    const secret = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
    expect(secret.length).toBeGreaterThanOrEqual(20);
    const row = page.getByRole("table", { name: "Personliga API-nycklar" }).getByRole("row").filter({ hasText: tokenName });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Aldrig");
    await expectNoAxeViolations(page);

    const me = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${secret}` } });
    expect(me.status()).toBe(200);
    expect(((await me.json()) as { email: string }).email).toBe("verksamhetsagare@sundsvall.example");

    // The secret is shown once: the settings page no longer has it.
    await page.goto("/settings");
    await expect(page.getByTestId("new-token")).toHaveCount(0);

    await page.getByRole("button", { name: `Återkalla ${tokenName}` }).click();
    await expect(page).toHaveURL("/settings");
    await expect(page.getByRole("status")).toHaveText("API-nyckeln har återkallats.");
    await expect(row).toContainText("Återkallad");
    await expect(page.getByRole("button", { name: `Återkalla ${tokenName}` })).toHaveCount(0);
    await expectNoAxeViolations(page);

    const refused = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${secret}` } });
    expect(refused.status()).toBe(401);
  });

  test("a token without a name is refused with an error summary and the expiry is kept", async ({ page }) => {
    await loginAs(page, "verksamhetsagare@sundsvall.example");
    await page.goto("/settings");
    await page.getByLabel("Giltig i antal dagar (valfritt)", { exact: true }).fill("7");
    await page.getByRole("button", { name: "Skapa API-nyckel" }).click();

    const summary = page.locator("#error-summary");
    await expect(summary.getByRole("link")).toHaveText(["Namn på nyckeln: Fältet måste fyllas i."]);
    await expect(summary.getByRole("link")).toHaveAttribute("href", "#f-name");
    await expect(page.getByLabel("Namn på nyckeln", { exact: true })).toHaveAccessibleDescription("Fältet måste fyllas i.");
    await expect(page.getByLabel("Giltig i antal dagar (valfritt)", { exact: true })).toHaveValue("7");
    await expectNoAxeViolations(page);
  });
});
