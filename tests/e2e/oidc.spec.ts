import { BASE_URL } from "../../playwright.config.ts";
import { startTestProvider, TEST_CLIENT, type TestProvider } from "../support/oidc-provider.ts";
import { expect, expectNoAxeViolations, loginAs, openOrganisation, type Page, test } from "./fixtures.ts";

/**
 * Signing in with an organisation's own identity provider (issue 15) in Chromium, against a real
 * OpenID Connect provider (oidc-provider, certified) running in the test process: an administrator
 * registers it and maps a group to a membership; a new person signs in there, gets the account and
 * the membership; an address alone sends her there from the password form; logging out ends the
 * provider's session too. With JavaScript off and on, every Ansluta page on the way checked by axe.
 * The provider's own login and consent pages are oidc-provider's, not Ansluta's: not checked.
 */
const BASE = BASE_URL;
const ADMIN = "admin@ansluta.example";
const SUNDSVALL_NUMBER = "212000-2411";

let idp: TestProvider;
test.beforeAll(async () => {
  idp = await startTestProvider({
    redirectUri: `${BASE}/login/oidc/callback`,
    postLogoutRedirectUri: `${BASE}/login`,
    accounts: {
      "nina-off": { email: "nina.utan-js@kommun-e2e.example", email_verified: true, name: "Nina Utan Skript", groups: ["ansluta-pl"] },
      "nina-on": { email: "nina.med-js@kommun-e2e.example", email_verified: true, name: "Nina Med Skript", groups: ["ansluta-pl"] },
    },
  });
});
test.afterAll(async () => idp?.close());

/** At the provider's development login and consent pages: signs in as `account` and consents. */
async function signInAtProvider(page: Page, account: string) {
  await expect(page).toHaveURL(new RegExp(`^${idp.issuer}`));
  await page.locator('input[name="login"]').fill(account);
  await page.locator('input[name="password"]').fill("vad-som-helst");
  await page.locator('button[type="submit"]').click();
  // The consent page, unless the provider remembers a grant.
  if (page.url().startsWith(idp.issuer)) await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(new RegExp(`^${BASE}`));
}

for (const javaScriptEnabled of [false, true]) {
  test.describe(`signing in with the organisation's provider, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });
    const js = { soft: true, javaScript: javaScriptEnabled };
    const suffix = javaScriptEnabled ? "on" : "off";
    const name = `Kommunens inloggning (${suffix})`;

    test("register, map a group, sign in, be sent there by address, log out there too", async ({ page, browser }) => {
      test.slow();
      let providerPath = "";
      await test.step("an administrator registers the provider and maps a group to a membership", async () => {
        await loginAs(page, ADMIN);
        await page.goto("/admin/identity-providers");
        await page.getByLabel("Namn på inloggningsknappen").fill(name);
        await page.getByLabel("Utfärdare (issuer)").fill(idp.issuer);
        await page.getByLabel("Klient-id").fill(TEST_CLIENT.clientId);
        await page.getByLabel("Klienthemlighet").fill(TEST_CLIENT.clientSecret);
        await page.getByLabel("E-postdomäner").fill("kommun-e2e.example");
        await page.getByLabel("Scopes").fill("openid email profile groups");
        await page.getByRole("button", { name: "Registrera" }).click();
        await expect(page.getByText(`Inloggningstjänsten ${name} är registrerad.`)).toBeVisible();
        await expectNoAxeViolations(page, js);
        await page.getByRole("link", { name, exact: true }).click();
        await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
        providerPath = new URL(page.url()).pathname;
        await expectNoAxeViolations(page, js);

        await page.getByLabel("Anspråk för medlemskap").fill("groups");
        await page.getByRole("button", { name: "Spara uppgifterna" }).click();
        await expect(page.getByText(`Uppgifterna om ${name} har sparats.`)).toBeVisible();

        // A form with errors first: every field's problem named, and axe on that state too.
        await page.getByRole("button", { name: "Lägg till", exact: true }).click();
        await expect(page.locator("#error-summary")).toBeVisible();
        await expectNoAxeViolations(page, js);
        await page.getByLabel("Värde i anspråket").fill("ansluta-pl");
        await page.getByLabel("Organisationens organisationsnummer").fill(SUNDSVALL_NUMBER);
        await page.getByRole("checkbox", { name: "Projektledare" }).check();
        await page.getByRole("button", { name: "Lägg till", exact: true }).click();
        await expect(page.getByText("Värdet ansluta-pl ger nu medlemskap.")).toBeVisible();
        await expect(page.getByRole("cell", { name: "Sundsvalls kommun" })).toBeVisible();
        await expectNoAxeViolations(page, js);
      });

      const context = await browser.newContext({ javaScriptEnabled, locale: "sv-SE", baseURL: BASE });
      const her = await context.newPage();
      await test.step("a new person signs in there and gets her account and the membership", async () => {
        await her.goto("/login");
        await expectNoAxeViolations(her, js);
        await her.getByRole("link", { name: `Logga in med ${name}` }).click();
        await signInAtProvider(her, `nina-${suffix}`);
        await expect(her.getByRole("heading", { level: 1, name: /Välkommen, Nina/ })).toBeVisible();
        await expectNoAxeViolations(her, js);
        await her.goto("/settings");
        await expect(her.getByText(`Kopplat till ${idp.issuer}`)).toBeVisible();
        await expectNoAxeViolations(her, js);
        const organisationId = await openOrganisation(her, "Sundsvalls kommun");
        expect(organisationId).toMatch(/^[0-9a-f-]{36}$/);
        await expect(her.getByTestId("sign-in-rule")).toBeVisible();
        await expectNoAxeViolations(her, js);
      });

      await test.step("logging out ends the session at the provider too, and comes back to the login page", async () => {
        await her.getByRole("button", { name: "Logga ut" }).click();
        // The provider asks whether to sign out there as well: yes.
        await expect(her).toHaveURL(new RegExp(`^${idp.issuer}`));
        await her.getByRole("button", { name: "Yes, sign me out" }).click();
        await expect(her).toHaveURL(`${BASE}/login`);
        await expect(her.getByRole("heading", { level: 1, name: "Logga in" })).toBeVisible();
      });

      await test.step("an address alone on the login form is sent to its provider", async () => {
        await her.getByLabel("E-postadress", { exact: true }).fill(`nina.${suffix === "on" ? "med" : "utan"}-js@kommun-e2e.example`);
        await her.getByRole("button", { name: "Logga in" }).click();
        await signInAtProvider(her, `nina-${suffix}`);
        await expect(her.getByRole("heading", { level: 1, name: /Välkommen, Nina/ })).toBeVisible();
      });
      await context.close();

      await test.step("the administrator sees the linked account and removes the provider", async () => {
        await page.goto(providerPath);
        // Identities are the issuer's: the run before this one (the same provider) linked its person too.
        await expect(page.getByRole("heading", { name: /^Kopplade konton \([12]\)$/ })).toBeVisible();
        await expect(page.getByText(`nina.${suffix === "on" ? "med" : "utan"}-js@kommun-e2e.example`)).toBeVisible();
        await expectNoAxeViolations(page, js);
        await page.goto("/admin/identity-providers");
        await page.getByRole("row").filter({ hasText: name }).getByRole("button", { name: "Ta bort" }).click();
        await expect(page.getByText(`Inloggningstjänsten ${name} är borttagen.`)).toBeVisible();
      });
    });
  });
}
