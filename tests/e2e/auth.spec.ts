import { DEMO_PASSWORD, expect, expectNoAxeViolations, loginAs, test } from "./fixtures.ts";

test.describe("logging in and out", () => {
  test("a person logs in with e-mail and password, lands on the start page and logs out", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/login\?next=%2F$/);
    await expect(page.getByRole("heading", { level: 1, name: "Logga in" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expectNoAxeViolations(page);

    await loginAs(page, "deltagare@sundsvall.example");
    await expect(page).toHaveURL("/");
    await expect(page.getByRole("heading", { level: 1, name: "Välkommen, David Deltagare" })).toBeVisible();
    await expect(page.getByText("Inloggad som David Deltagare")).toBeVisible();
    await expect(page.getByText("Du arbetar just nu i Sundsvalls kommun.")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Start" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Logga ut" }).click();
    await expect(page).toHaveURL("/login");
    await expect(page.getByRole("button", { name: "Logga ut" })).toHaveCount(0);
    await expectNoAxeViolations(page);

    // The session is gone, not just the button: the start page asks for a login again.
    await page.goto("/");
    await expect(page).toHaveURL(/\/login\?next=%2F$/);
  });

  test("a wrong password is refused with a Swedish message and the e-mail is kept", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("E-postadress", { exact: true }).fill("styrgrupp@sundsvall.example");
    await page.getByLabel("Lösenord", { exact: true }).fill("fel-losenord-123");
    const response = page.waitForResponse((r) => r.url().endsWith("/login") && r.request().method() === "POST");
    await page.getByRole("button", { name: "Logga in" }).click();
    expect((await response).status()).toBe(401);

    await expect(page.getByRole("alert")).toHaveText("Fel e-postadress eller lösenord.");
    await expect(page.getByLabel("E-postadress", { exact: true })).toHaveValue("styrgrupp@sundsvall.example");
    await expect(page.getByLabel("Lösenord", { exact: true })).toHaveValue("");
    await expect(page.getByRole("button", { name: "Logga ut" })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test("after logging in the user is taken back to the page that asked for it", async ({ page }) => {
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/login\?next=%2Fsettings$/);
    await page.getByLabel("E-postadress", { exact: true }).fill("styrgrupp@sundsvall.example");
    await page.getByLabel("Lösenord", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect(page).toHaveURL("/settings");
    await expect(page.getByRole("heading", { level: 1, name: "Inställningar" })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
