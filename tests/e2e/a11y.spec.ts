import { expect, expectNoAxeViolations, loginAs, mailedInvitationUrl, openOrganisation, type Page, test, uniqueEmail } from "./fixtures.ts";

/**
 * axe on every page of the app: a named list (with the states a form can be in), once with
 * JavaScript off (the pages are server-rendered and must work without it; Designsystemet wires
 * some accessibility in the browser, reference/stack.md §5) and once with it on; a crawl of every
 * page linked for three roles, with JavaScript off; and reflow at 320 CSS px, which axe cannot
 * judge. Failures are soft so one run reports every page.
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
      // Some twenty pages, each loaded and checked by axe: on a busy 2-core machine that is more than 90 s.
      test.slow();
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

      const inviteeEmail = uniqueEmail("axe");
      await test.step("invite form with errors, then sent", async () => {
        await page.goto(`/organisations/${organisationId}/members/invite`);
        await page.getByRole("button", { name: "Skicka inbjudan" }).click();
        await expect(page.locator("#error-summary")).toBeVisible();
        await expectNoAxeViolations(page, { soft: true, javaScript: javaScriptEnabled });

        await page.getByLabel("Namn", { exact: true }).fill("Axel Axe");
        await page.getByLabel("E-postadress", { exact: true }).fill(inviteeEmail);
        await page.getByLabel("Läsare", { exact: true }).check();
        await page.getByRole("button", { name: "Skicka inbjudan" }).click();
        await expect(page.getByText(`En engångslänk har skickats till ${inviteeEmail}.`)).toBeVisible();
        await expectNoAxeViolations(page, { soft: true, javaScript: javaScriptEnabled });
      });
      const invitationUrl = await mailedInvitationUrl(browser, inviteeEmail);

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

const COLLECTIONS = new Set(["organisations", "members", "initiatives", "activities", "deliverables", "phases", "milestones"]);
const ACTIONS = new Set(["new", "invite"]);

/**
 * One page per route shape ("/initiatives/:x/milestones/:x"), so a crawl covers every kind of
 * page without visiting each of hundreds of rows; query strings count by their keys only.
 */
function routeShape(pathAndQuery: string): string {
  const url = new URL(pathAndQuery, "http://x");
  const segments = url.pathname.split("/");
  const path = segments.map((s, i) => (i > 0 && COLLECTIONS.has(segments[i - 1] ?? "") && !ACTIONS.has(s) ? ":x" : s)).join("/");
  const keys = [...url.searchParams.keys()].sort().join("&");
  return keys ? `${path}?${keys}` : path;
}

test.describe("crawl, JavaScript off", () => {
  // New pages appear with every feature; following the app's own links finds them without a list.
  test.use({ javaScriptEnabled: false });
  for (const email of ["admin@ansluta.example", "projektledare@sundsvall.example", "verksamhetsagare@sundsvall.example"]) {
    test(`every page linked for ${email} passes axe`, async ({ page, baseURL }) => {
      test.setTimeout(240_000);
      await loginAs(page, email);
      const origin = new URL(baseURL ?? page.url()).origin;
      const queue = ["/"];
      const seen = new Set<string>();
      let visited = 0;
      while (queue.length && visited < 80) {
        const path = queue.shift() ?? "/";
        if (seen.has(routeShape(path))) continue;
        seen.add(routeShape(path));
        const response = await page.goto(path);
        if (!response?.headers()["content-type"]?.startsWith("text/html")) continue;
        visited += 1;
        await test.step(path, async () => {
          expect.soft(response.status(), `HTTP status of ${path}`).toBeLessThan(400);
          await expect.soft(page.getByRole("heading", { level: 1 }), `one h1 on ${path}`).toHaveCount(1);
          await expectNoAxeViolations(page, { soft: true, javaScript: false });
        });
        // No script runs in this page, so the links are read from its markup.
        for (const [, href] of (await page.content()).matchAll(/<a\b[^>]*?\bhref="([^"]*)"/g)) {
          const url = new URL((href ?? "").replaceAll("&amp;", "&"), page.url());
          // Files (exports, JSON) are not pages; /logout is a form, but never follow it.
          if (url.origin !== origin || /^\/(api|assets)\//.test(url.pathname) || /\.[a-z0-9]{2,5}$/i.test(url.pathname)) continue;
          if (url.pathname === "/logout") continue;
          queue.push(url.pathname + url.search);
        }
      }
      test.info().annotations.push({ type: "pages", description: [...seen].join(", ") });
    });
  }
});
