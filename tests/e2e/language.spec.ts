import { expect, expectNoAxeViolations, loginAs, test } from "./fixtures.ts";

test.describe("language", () => {
  test("the header button switches a logged-in user to English and back, and <html lang> follows", async ({ page }) => {
    // Only this test uses Lisa: her choice of language is stored on her account.
    await loginAs(page, "lasare@sundsvall.example");
    const html = page.locator("html");
    await expect(html).toHaveAttribute("lang", "sv");

    const toEnglish = page.getByRole("button", { name: "In English" });
    await expect(toEnglish).toHaveAttribute("lang", "en");
    await toEnglish.click();
    await expect(page).toHaveURL("/");
    await expect(html).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "Welcome, Lisa Läsare" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Home" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
    await expectNoAxeViolations(page);

    // The choice follows the user to other pages.
    await page.getByRole("link", { name: "Settings" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    await expect(html).toHaveAttribute("lang", "en");
    await expectNoAxeViolations(page);

    const toSwedish = page.getByRole("button", { name: "På svenska" });
    await expect(toSwedish).toHaveAttribute("lang", "sv");
    await toSwedish.click();
    await expect(page).toHaveURL("/settings");
    await expect(html).toHaveAttribute("lang", "sv");
    await expect(page.getByRole("heading", { level: 1, name: "Inställningar" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("a visitor who is not logged in can read the login page in English", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "In English" }).click();
    await expect(page).toHaveURL("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "Log in" })).toBeVisible();
    await expect(page.getByLabel("E-mail address", { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "På svenska" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expect(page.getByRole("heading", { level: 1, name: "Logga in" })).toBeVisible();
  });
});

test.describe("language after a form was sent", () => {
  test("switching language on the page shown after creating an API token stays on the settings page", async ({ page }) => {
    // His choice of language is stored on his account: this test leaves it Swedish again.
    await loginAs(page, "projektledare@rvn.example");
    await page.goto("/settings");
    await page.getByLabel("Namn på nyckeln", { exact: true }).fill(`Språkbyte ${Date.now()}`);
    await page.getByRole("button", { name: "Skapa API-nyckel" }).click();
    await expect(page.getByTestId("new-token")).toBeVisible();

    await page.getByRole("button", { name: "In English" }).click();
    await expect(page).toHaveURL("/settings", { timeout: 2_000 });
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible({ timeout: 2_000 });
    // Back to Swedish, so the tests that sign in as Rasmus after this one meet him as the demo left him.
    await page.getByRole("button", { name: "På svenska" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  });
});
