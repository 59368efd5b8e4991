import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../../src/cli/demo-seed.ts";

export type { Page };
/**
 * Shared steps for the browser tests. Every test starts from the demo seed of a fresh server
 * (playwright.config.ts), logs in itself, and makes up its own e-mail addresses, so the tests do
 * not depend on each other's order.
 */
export { DEMO_PASSWORD, expect, test };

/** The WCAG 2.1 A and AA rules; Ansluta promises 2.1 AA (lagen 2018:1937). */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * axe on our pages, leaving out frames sandboxed without scripts: axe cannot run inside them and
 * waits for it until the test times out. Such a frame shows a sender's own message as sent (the
 * test-run view), which is not Ansluta's to fix; its title is pinned by the integration tests.
 */
const axeOn = (page: Page) => new AxeBuilder({ page }).withTags(WCAG_TAGS).exclude("iframe[sandbox]");

let counter = 0;
/** An e-mail address no other test (or earlier run against the same database) has used. */
export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now()}-${counter}@e2e.example`;
}

/** Logs in through the login form, as a person would, and waits until the start page (or `next`) shows. */
export async function loginAs(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("E-postadress", { exact: true }).fill(email);
  await page.getByLabel("Lösenord", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  // On a narrow screen the button sits in the folded menu: signed in is the button being there, shown or not.
  await expect(page.getByRole("button", { name: /^(Logga ut|Log out)$/, includeHidden: true })).toBeAttached();
}

type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

function describeViolations(url: string, violations: Violation[]): string {
  const lines = [`${violations.length} accessibility violation(s) on ${url}:`];
  for (const v of violations) {
    lines.push("", `• [${v.impact ?? "?"}] ${v.id}: ${v.help}`, `  ${v.helpUrl}`);
    for (const node of v.nodes) {
      lines.push(`  - ${node.target.join(" ")}`, `    ${node.html.slice(0, 300)}`);
      if (node.failureSummary) lines.push(...node.failureSummary.split("\n").map((l) => `    ${l}`));
    }
  }
  return lines.join("\n");
}

/**
 * axe runs inside the page, so it cannot be injected where JavaScript is disabled
 * (dequelabs/axe-core-npm#529). For such a page the DOM the no-JS browser rendered is copied into a
 * scratch page at the same URL (so the same stylesheets load) where no script of the page may run,
 * and axe scans that copy. Forms posted without JavaScript are scanned as their result looked.
 */
async function scanWithoutJavaScript(page: Page) {
  const url = page.url();
  const html = await page.content();
  const browser = page.context().browser();
  if (!browser) throw new Error("no browser behind this page");
  // Explicitly on: Playwright Test hands the test's `use` options (javaScriptEnabled: false) to new contexts too.
  const scratch = await browser.newContext({ javaScriptEnabled: true });
  try {
    await scratch.route("**/*", (route) => {
      const request = route.request();
      if (request.resourceType() === "script") return route.abort();
      if (request.isNavigationRequest() && request.url() === url) {
        // The CSP keeps inline scripts from running too; axe itself is injected by the browser driver.
        return route.fulfill({
          status: 200,
          contentType: "text/html; charset=utf-8",
          headers: { "content-security-policy": "script-src 'none'" },
          body: html,
        });
      }
      return route.continue();
    });
    const copy = await scratch.newPage();
    await copy.goto(url);
    return await axeOn(copy).analyze();
  } finally {
    await scratch.close();
  }
}

/**
 * Runs axe (WCAG 2.1 A + AA) on the page as it is now and fails with a readable list of every
 * violation. `soft` records the failure and lets the test go on, to report every page in one run;
 * `javaScript: false` is for pages in a context with `javaScriptEnabled: false`.
 */
export async function expectNoAxeViolations(
  page: Page,
  { soft = false, javaScript = true }: { soft?: boolean; javaScript?: boolean } = {},
): Promise<void> {
  const results = javaScript ? await axeOn(page).analyze() : await scanWithoutJavaScript(page);
  const label = `${page.url()}${javaScript ? "" : " (JavaScript disabled)"}`;
  const message = describeViolations(label, results.violations);
  if (results.violations.length) {
    await test.info().attach(`axe ${new URL(page.url()).pathname}`, { body: message, contentType: "text/plain" });
  }
  const check = soft ? expect.soft : expect;
  check(results.violations.length, message).toBe(0);
}

/** Opens an organisation from the organisation list and returns its id (from the URL). */
export async function openOrganisation(page: Page, name: string): Promise<string> {
  await page.goto("/organisations");
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const id = /\/organisations\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)?.[1];
  if (!id) throw new Error(`no organisation id in ${page.url()}`);
  return id;
}

/**
 * The one-time link mailed to an address, as its owner would find it: an invitation's link is never
 * shown to the one who invites, and the test server sends no mail, so the admin's outbox has it.
 */
export async function mailedInvitationUrl(browser: Browser, email: string): Promise<string> {
  const context = await browser.newContext();
  try {
    const admin = await context.newPage();
    await loginAs(admin, "admin@ansluta.example");
    await admin.goto("/admin/outbox");
    const text = (await admin.getByRole("row").filter({ hasText: email }).first().textContent()) ?? "";
    const url = /https?:\/\/[^\s"<]+\/invitation\/[A-Za-z0-9_-]+/.exec(text)?.[0];
    if (!url) throw new Error(`no invitation mailed to ${email}`);
    return url;
  } finally {
    await context.close();
  }
}

/** The widths the pages are checked at: a desktop and a small phone. */
const WIDTHS = [1280, 375] as const;

/**
 * axe at both widths, and at 375 px nothing but a scrolling region wider than the screen (a page
 * that scrolls sideways fails WCAG 1.4.10). The width check needs a script in the page, so it runs
 * with JavaScript on.
 */
export async function checkAtBothWidths(page: Page, javaScript: boolean) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page, { javaScript });
    if (javaScript && width === 375) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `the page scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
