import { DEMO_PASSWORD, expect, expectNoAxeViolations, loginAs, test } from "./fixtures.ts";

/**
 * The test-run pages and load-test mode in the browser, with JavaScript off and on: the calls
 * page of an initiative's test environment, a load test started from the form (with a decimal
 * comma), its run page, and stopping it. Only this test touches "Kallelser till
 * specialistvården"; its environment is enabled through the API first, as a sender's team would
 * before pointing its system at it. (No emulator runs under the browser tests, so the calls list
 * is empty here; the call and message views are covered by tests/integration/sandbox-test-run.)
 */

const USER = "projektledare@rvn.example";
const INITIATIVE = "Kallelser till specialistvården";

for (const javaScriptEnabled of [false, true]) {
  test.describe(`test runs, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("calls and a load test started, shown and stopped; every page passes axe", async ({ page, request }) => {
      const login = await request.post("/api/v1/auth/login", { data: { email: USER, password: DEMO_PASSWORD } });
      const headers = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
      const { initiatives } = (await (await request.get("/api/v1/initiatives", { headers })).json()) as {
        initiatives: { id: string; name: string }[];
      };
      const initiativeId = initiatives.find((i) => i.name === INITIATIVE)?.id ?? "";
      const enabled = await request.put(`/api/v1/initiatives/${initiativeId}/sandbox/environment`, { headers, data: { enabled: true } });
      expect(enabled.status()).toBe(200);
      // A run left by the other pass of this test would refuse a new one.
      const { loadTests } = (await (await request.get(`/api/v1/initiatives/${initiativeId}/sandbox/load-tests`, { headers })).json()) as {
        loadTests: { id: string; status: string }[];
      };
      for (const run of loadTests.filter((r) => r.status === "running")) {
        await request.post(`/api/v1/initiatives/${initiativeId}/sandbox/load-tests/${run.id}/stop`, { headers });
      }

      await loginAs(page, USER);
      await page.goto(`/initiatives/${initiativeId}/sandbox/calls`);
      await expect(page.getByRole("heading", { level: 1, name: "Anrop till testmiljön" })).toBeVisible();
      await expect(page.getByText("Testmiljön har inte tagit emot några anrop ännu.")).toBeVisible();
      await expectNoAxeViolations(page, { javaScript: javaScriptEnabled });
      await page.getByLabel("Utfall").selectOption("fault");
      await page.getByRole("button", { name: "Visa" }).click();
      await expect(page).toHaveURL(/\?outcome=fault$/);
      await expect(page.getByText("Inga anrop med det utfallet.")).toBeVisible();

      await page.goto(`/initiatives/${initiativeId}/sandbox/load-tests`);
      await expect(page.getByRole("heading", { level: 1, name: "Lasttester" })).toBeVisible();
      await expectNoAxeViolations(page, { javaScript: javaScriptEnabled });

      await page.getByLabel("Måltakt (leveranser per sekund)").fill("");
      await page.getByLabel("Längd (sekunder)").fill("5");
      await page.getByRole("button", { name: "Starta lasttest" }).click();
      await expect(page.locator("#error-summary")).toBeVisible();
      await expectNoAxeViolations(page, { javaScript: javaScriptEnabled });

      await page.getByLabel("Måltakt (leveranser per sekund)").fill("2,5");
      await page.getByLabel("Längd (sekunder)").fill("120");
      await page.getByRole("button", { name: "Starta lasttest" }).click();
      await expect(page).toHaveURL(new RegExp(`/initiatives/${initiativeId}/sandbox/load-tests/[0-9a-f-]{36}$`));
      await expect(page.getByRole("heading", { level: 1, name: /^Lasttest / })).toBeVisible();
      await expect(page.getByText("Pågår", { exact: true })).toBeVisible();
      await expect(page.getByText("2,5 per sekund")).toBeVisible();
      await expect(page.getByRole("link", { name: "Uppdatera siffrorna" })).toBeVisible();
      await expectNoAxeViolations(page, { javaScript: javaScriptEnabled });

      await page.getByRole("button", { name: "Stoppa lasttestet" }).click();
      await expect(page.getByText("Lasttestet har stoppats.")).toBeVisible();
      await expect(page.getByText("Stoppat", { exact: true })).toBeVisible();
      await expect(page.getByRole("button", { name: "Stoppa lasttestet" })).toHaveCount(0);
      await expectNoAxeViolations(page, { javaScript: javaScriptEnabled });

      await page.getByRole("link", { name: /^Tillbaka till Lasttester/ }).click();
      await expect(page.getByRole("link", { name: /^Visa lasttestet från / }).first()).toBeVisible();
    });
  });
}
