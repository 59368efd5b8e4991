import { expect, expectNoAxeViolations, loginAs, openOrganisation, type Page, test, uniqueEmail } from "./fixtures.ts";

/**
 * axe on every page of the app, once with JavaScript off (the pages are server-rendered and must
 * work without it; Designsystemet wires some accessibility in the browser, reference/stack.md §5)
 * and once with it on. Failures are soft so one run reports every page.
 */
async function checkPage(page: Page, javaScript: boolean, path: string, heading: string | RegExp, status = 200) {
  await test.step(`${path} (${status})`, async () => {
    const response = await page.goto(path);
    expect.soft(response?.status(), `HTTP status of ${path}`).toBe(status);
    await expect.soft(page.getByRole("heading", { level: 1, name: heading }), `h1 of ${path}`).toBeVisible();
    await expect.soft(page.locator("html"), `lang of ${path}`).toHaveAttribute("lang", "sv");
    await expect.soft(page, `title of ${path}`).toHaveTitle(/ – Ansluta$/);
    await expectNoAxeViolations(page, { soft: true, javaScript });
  });
}

for (const javaScriptEnabled of [false, true]) {
  test.describe(`every page, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test(`every page passes axe with JavaScript ${javaScriptEnabled ? "enabled" : "disabled"}`, async ({ page, browser }) => {
      await checkPage(page, javaScriptEnabled, "/login", "Logga in");
      await checkPage(page, javaScriptEnabled, "/accessibility", "Tillgänglighetsredogörelse");
      await checkPage(page, javaScriptEnabled, "/invitation/okand-lank-0000000000000000", "Länken fungerar inte", 410);

      await loginAs(page, "admin@ansluta.example");
      const organisationId = await openOrganisation(page, "Sundsvalls kommun");
      const editHref = await page
        .getByRole("row")
        .filter({ hasText: "projektledare@sundsvall.example" })
        .getByRole("link", { name: /Ändra roller/ })
        .getAttribute("href");
      expect(editHref).toMatch(new RegExp(`^/organisations/${organisationId}/members/[0-9a-f-]{36}$`));

      await checkPage(page, javaScriptEnabled, "/", "Välkommen, Alva Admin");
      await checkPage(page, javaScriptEnabled, "/organisations", "Organisationer");
      await checkPage(page, javaScriptEnabled, "/organisations/new", "Skapa organisation");
      await checkPage(page, javaScriptEnabled, `/organisations/${organisationId}`, "Sundsvalls kommun");
      await checkPage(page, javaScriptEnabled, `/organisations/${organisationId}/members/invite`, "Bjud in medlem till Sundsvalls kommun");
      await checkPage(page, javaScriptEnabled, editHref ?? "", "Roller för Petra Projektledare");
      await checkPage(page, javaScriptEnabled, "/settings", "Inställningar");
      await checkPage(page, javaScriptEnabled, "/admin/audit", "Granskningslogg");
      await checkPage(page, javaScriptEnabled, "/admin/audit?verify=1", "Granskningslogg");
      await checkPage(page, javaScriptEnabled, "/admin/outbox", "Utkorg");
      await checkPage(page, javaScriptEnabled, "/accessibility", "Tillgänglighetsredogörelse");
      await checkPage(page, javaScriptEnabled, "/finns-inte", "Sidan hittades inte", 404);
      await checkPage(page, javaScriptEnabled, "/organisations/00000000-0000-4000-8000-000000000000", "Sidan hittades inte", 404);

      await test.step("invite form with errors, then sent", async () => {
        await page.goto(`/organisations/${organisationId}/members/invite`);
        await page.getByRole("button", { name: "Skicka inbjudan" }).click();
        await expect(page.locator("#error-summary")).toBeVisible();
        await expectNoAxeViolations(page, { soft: true, javaScript: javaScriptEnabled });

        await page.getByLabel("Namn", { exact: true }).fill("Axel Axe");
        await page.getByLabel("E-postadress", { exact: true }).fill(uniqueEmail("axe"));
        await page.getByLabel("Läsare", { exact: true }).check();
        await page.getByRole("button", { name: "Skicka inbjudan" }).click();
        await expect(page.getByTestId("invitation-url")).toBeVisible();
        await expectNoAxeViolations(page, { soft: true, javaScript: javaScriptEnabled });
      });
      const invitationUrl = (await page.getByTestId("invitation-url").textContent())?.trim() ?? "";

      await test.step("settings with a new token", async () => {
        await page.goto("/settings");
        await page.getByLabel("Namn på nyckeln", { exact: true }).fill(`axe ${Date.now()}`);
        await page.getByRole("button", { name: "Skapa API-nyckel" }).click();
        await expect(page.getByTestId("new-token")).toBeVisible();
        await expectNoAxeViolations(page, { soft: true, javaScript: javaScriptEnabled });
      });

      await test.step("organisation form with errors", async () => {
        await page.goto("/organisations/new");
        await page.getByRole("button", { name: "Skapa", exact: true }).click();
        await expect(page.locator("#error-summary")).toBeVisible();
        await expectNoAxeViolations(page, { soft: true, javaScript: javaScriptEnabled });
      });

      const invitee = await browser.newContext({ javaScriptEnabled });
      try {
        const inviteePage = await invitee.newPage();
        await checkPage(inviteePage, javaScriptEnabled, invitationUrl, "Välj lösenord");
        await test.step("invitation form with errors", async () => {
          await inviteePage.getByRole("button", { name: "Spara lösenord och logga in" }).click();
          await expect(inviteePage.locator("#error-summary")).toBeVisible();
          await expectNoAxeViolations(inviteePage, { soft: true, javaScript: javaScriptEnabled });
        });
      } finally {
        await invitee.close();
      }

      await test.step("forbidden page", async () => {
        await page.getByRole("button", { name: "Logga ut" }).click();
        await loginAs(page, "deltagare@sundsvall.example");
      });
      await checkPage(page, javaScriptEnabled, "/organisations/new", "Du saknar behörighet", 403);
    });
  });
}

test.describe("reflow", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test("every page fits 320 CSS pixels without scrolling sideways (WCAG 1.4.10)", async ({ page }) => {
    // Known bugs (src/ui/assets/ansluta.css): the footer's flex row does not wrap, so
    // "API-dokumentation (OpenAPI)" sticks out on every page; and `.visually-hidden` text inside a
    // table (e.g. "Ändra roller … Roller för …") is positioned against the page, not the scrolling
    // `.table-wrap`, so the whole organisation page scrolls sideways; and the long word
    // "Tillgänglighetsredogörelse" in the h1 does not break. Remove test.fail() once fixed.
    test.fail();
    // Tables may scroll inside their own `.table-wrap` (WCAG's exception for data tables); the page may not.
    const overflow = () =>
      page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const offenders = Array.from(document.querySelectorAll("body *"))
          .filter(
            (el) =>
              el.getBoundingClientRect().right > width + 1 ||
              (el.children.length === 0 && el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1),
          )
          .filter((el) => !el.parentElement?.closest(".table-wrap") || getComputedStyle(el).position === "absolute")
          .map((el) => `<${el.tagName.toLowerCase()} class="${el.className}"> ${el.textContent?.trim().slice(0, 40)}`);
        return { scrollWidth: document.documentElement.scrollWidth, width, offenders };
      });
    const expectNoSidewaysScroll = async (path: string) => {
      await page.goto(path);
      const { scrollWidth, width, offenders } = await overflow();
      expect.soft(scrollWidth, `${path} is ${scrollWidth}px wide:\n${offenders.join("\n")}`).toBeLessThanOrEqual(width);
    };

    await expectNoSidewaysScroll("/login");
    await loginAs(page, "admin@ansluta.example");
    const organisationId = await openOrganisation(page, "Sundsvalls kommun");
    for (const path of [
      "/",
      "/organisations",
      `/organisations/${organisationId}`,
      `/organisations/${organisationId}/members/invite`,
      "/settings",
      "/admin/audit",
      "/admin/outbox",
      "/accessibility",
    ]) {
      await expectNoSidewaysScroll(path);
    }
  });
});
