import { milestoneByNumeral } from "../../src/method/lookup.ts";
import type { MilestoneNumeral } from "../../src/method/types.ts";
import { methodV12 } from "../../src/method/v1.2/index.ts";
import { expect, expectNoAxeViolations, loginAs, type Page, test } from "./fixtures.ts";

/**
 * One initiative through milestones I–III in the browser, each step by the role the method gives
 * it: the projektledare writes and prepares, the verksamhetsägare fastställer what she wrote (a
 * second person, as the organisation requires by default) and decides I, the
 * styrgrupp II and III, and the förvaltningsgrupp reads what the decisions sent it. Only this
 * test touches "Fakturor för barnomsorg", which the demo seed leaves in phase 1 with nothing
 * decided and the idébeskrivning as a draft.
 */

const INITIATIVE = "Fakturor för barnomsorg";
const SUBJECT_PREFIX = `Sundsvalls kommun: milstolpe`;

/** The decision points as the forms number and word them (the method's text, quoted word for word). */
const decisionPoints = (numeral: MilestoneNumeral) =>
  milestoneByNumeral(methodV12, numeral).decisionPoints.map((dp, i) => ({
    id: dp.id,
    legend: `${i + 1}. ${dp.text.sv}`,
    text: dp.text.sv,
  }));

async function actAs(page: Page, email: string) {
  const logout = page.getByRole("button", { name: "Logga ut" });
  if (await logout.isVisible()) {
    await logout.click();
    await expect(page).toHaveURL(/\/login$/);
  }
  await loginAs(page, email);
}

/** Opens the initiative from the initiative list and returns its id. */
async function openInitiative(page: Page): Promise<string> {
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Initiativ", exact: true }).click();
  await page.getByRole("link", { name: INITIATIVE, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: INITIATIVE })).toBeVisible();
  const id = /\/initiatives\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)?.[1];
  if (!id) throw new Error(`no initiative id in ${page.url()}`);
  return id;
}

/** The part of the overview about one phase or milestone, found by its heading. */
const overviewSection = (page: Page, heading: string) => page.getByRole("region", { name: heading, exact: true });

/** The headings of the sections a document type requires before it is fastställd, found by the type's Swedish name. */
function requiredSections(title: string): string[] {
  const type = methodV12.deliverableTypes.find((d) => d.name.sv === title);
  if (!type) throw new Error(`no deliverable type named ${title}`);
  return type.template.filter((s) => s.required).map((s) => s.heading.sv);
}

/**
 * On the deliverable page, as the projektledare: writes a text in one section and every section
 * the template requires, saves, and (with `review`) sends it för granskning. She wrote it, so she
 * is not offered to fastställa it; the verksamhetsägare fastställer it on the confirmation page,
 * and the projektledare signs in again.
 */
async function writeAndApprove(page: Page, title: string, section: string, text: string, { review = false, axe = false } = {}) {
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const form = page.getByRole("region", { name: "Ändra innehållet" });
  for (const heading of new Set([section, ...requiredSections(title)])) {
    await form.getByRole("textbox", { name: heading, exact: true }).fill(heading === section ? text : `Skrivet för ${heading}.`);
  }
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Dokumentet har sparats.");
  await expect(page.getByRole("region", { name: section, exact: true })).toContainText(text);
  if (axe) await expectNoAxeViolations(page);
  if (review) {
    await page.getByRole("button", { name: "Skicka för granskning" }).click();
    await expect(page.getByRole("status")).toHaveText("Dokumentet har skickats för granskning.");
    await expect(page.getByText("Versionen är skickad för granskning.", { exact: false })).toBeVisible();
  }
  await expect(page.getByRole("button", { name: "Fastställ", exact: true })).toHaveCount(0);
  const documentPath = new URL(page.url()).pathname;

  await actAs(page, "verksamhetsagare@sundsvall.example");
  await page.goto(documentPath);
  await page.getByRole("button", { name: "Fastställ", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Fastställa version 1?" })).toBeVisible();
  if (axe) await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Fastställ version 1", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Version 1 har fastställts.");
  // Once fastställd there is nothing left to review, and a change would become version 2.
  await expect(page.getByRole("button", { name: "Fastställ", exact: true })).toHaveCount(0);
  await expect(page.getByText("Version 1 är fastställd och ändras inte.", { exact: false })).toBeVisible();
  await actAs(page, "projektledare@sundsvall.example");
}

/** From the overview: "Skapa dokument" for a result of the current phase, then write and fastställ it. */
async function createFromOverview(
  page: Page,
  initiativeId: string,
  title: string,
  section: string,
  text: string,
  options: { review?: boolean; axe?: boolean } = {},
) {
  await page.goto(`/initiatives/${initiativeId}`);
  await page
    .getByRole("listitem")
    .filter({ hasText: title })
    .getByRole("button", { name: /^Skapa dokument/ })
    .click();
  await expect(page.getByRole("status")).toHaveText(`Dokumentet ”${title}” har skapats från mallen.`);
  await writeAndApprove(page, title, section, text, options);
}

/**
 * On the milestone page: a proposal for every decision point, typed into the one form and saved
 * with one click; every proposal comes back as typed, none lost to another's save.
 */
async function prepareAll(page: Page, numeral: MilestoneNumeral) {
  const points = decisionPoints(numeral);
  const proposalOf = (dp: { text: string }) => `Projektet föreslår bifall: ${dp.text.toLowerCase()}.`;
  const field = (n: number) => page.getByLabel(`Förslag till beslut (beredning) för beslutspunkt ${n}`, { exact: true });
  for (const [i, dp] of points.entries()) await field(i + 1).fill(proposalOf(dp));
  await expect(page.getByRole("button", { name: "Spara beredning" })).toHaveCount(1);
  await page.getByRole("button", { name: "Spara beredning" }).click();
  await expect(page.getByRole("status")).toHaveText("Beredningen har sparats.");
  for (const [i, dp] of points.entries()) {
    await expect(field(i + 1)).toHaveValue(proposalOf(dp));
    await expect(page.getByRole("listitem").filter({ hasText: dp.text }).getByText("Beredd", { exact: true })).toBeVisible();
  }
}

/** On the decision form: an answer and (unless left out) a motivation for every decision point. */
async function answerAll(page: Page, numeral: MilestoneNumeral, { skipMotivationOf }: { skipMotivationOf?: string } = {}) {
  for (const dp of decisionPoints(numeral)) {
    const group = page.getByRole("group", { name: dp.legend, exact: true });
    await group.getByRole("group", { name: "Svar", exact: true }).getByLabel("Ja", { exact: true }).check();
    if (dp.id !== skipMotivationOf) await group.getByLabel("Motivering", { exact: true }).fill(`Motiverat vid ${numeral}: ${dp.id}.`);
  }
}

const outcome = (page: Page, label: string) => page.getByRole("group", { name: "Beslut", exact: true }).getByLabel(label, { exact: true });

async function submitDecision(page: Page): Promise<number> {
  const response = page.waitForResponse((r) => r.request().method() === "POST" && /\/decide$/.test(r.url()));
  await page.getByRole("button", { name: "Registrera beslutet" }).click();
  return (await response).status();
}

/** The error summary's links as shown: text and target, each target exactly one element. */
async function errorSummaryLinks(page: Page) {
  const summary = page.locator("#error-summary");
  await expect(summary.getByRole("heading", { name: "Det finns fel i formuläret" })).toBeVisible();
  const links = [];
  for (const link of await summary.getByRole("link").all()) {
    const href = (await link.getAttribute("href")) ?? "";
    await expect(page.locator(href), `target of ${href}`).toHaveCount(1);
    links.push({ text: (await link.textContent())?.trim() ?? "", href });
  }
  return links;
}

test.describe("milestone decisions", () => {
  // With a five-minute test, a control that never shows up should fail the step, not use up the whole budget.
  test.use({ actionTimeout: 20_000 });
  test("an initiative goes from milestone I to III, each step by its role, and the förvaltningsgrupp reads what it was sent", async ({
    page,
  }) => {
    test.setTimeout(300_000);
    let initiativeId = "";
    const milestoneUrl = (numeral: MilestoneNumeral) => `/initiatives/${initiativeId}/milestones/${numeral}`;

    await test.step("I: the projektledare writes the basis, the verksamhetsägare fastställer it, and the projektledare prepares the decision points", async () => {
      await loginAs(page, "projektledare@sundsvall.example");
      initiativeId = await openInitiative(page);
      await expect(overviewSection(page, "Översikt").getByRole("link", { name: "Fas 1: Identifiera behov" })).toBeVisible();
      await expect(
        overviewSection(page, "Milstolpe I – Beslut inför fasen Ta fram lösningsalternativ").getByText("Ej beslutad", { exact: true }),
      ).toBeVisible();
      await expectNoAxeViolations(page);

      // The seed started the idébeskrivning as a draft; the other two are created here.
      const phase1 = overviewSection(page, "Fas 1 – Identifiera behov");
      await expect(phase1.getByRole("button", { name: /^Skapa dokument: Idébeskrivning/ })).toHaveCount(0);
      await phase1.getByRole("link", { name: "Idébeskrivning", exact: true }).click();
      await writeAndApprove(
        page,
        "Idébeskrivning",
        "Bakgrund och nuläge",
        "I dag skickas 8 000 fakturor i månaden på papper till vårdnadshavare.",
        { axe: true },
      );
      await createFromOverview(
        page,
        initiativeId,
        "Behovsanalys inklusive förväntade effekter",
        "Användare och målgrupper",
        "Vårdnadshavare med barn i förskola eller fritidshem.",
      );
      await createFromOverview(
        page,
        initiativeId,
        "Förstudiedirektiv",
        "Bakgrund, syfte och mål",
        "Förstudien ska visa hur fakturorna kan nå Mina meddelanden.",
      );

      await page.goto(`/initiatives/${initiativeId}`);
      await overviewSection(page, "Milstolpe I – Beslut inför fasen Ta fram lösningsalternativ")
        .getByRole("link", { name: "Gå till milstolpe I" })
        .click();
      await expect(
        page.getByRole("heading", { level: 1, name: "Milstolpe I: Beslut inför fasen Ta fram lösningsalternativ" }),
      ).toBeVisible();
      // Every document is fastställd; only the preparation is missing.
      const missing = page.getByTestId("missing");
      await expect(missing.getByRole("listitem")).toHaveText(
        decisionPoints("I").map((dp) => `Beslutspunkten ”${dp.text}” är inte beredd.`),
      );
      // The projektledare prepares but does not decide milestone I.
      await expect(page.getByRole("link", { name: "Fatta beslut" })).toHaveCount(0);
      await expectNoAxeViolations(page);
      await prepareAll(page, "I");
      await expect(page.getByText("Underlaget är komplett och alla beslutspunkter är beredda.")).toBeVisible();
      await expectNoAxeViolations(page);
    });

    await test.step("I: the styrgrupp may not decide milestone I", async () => {
      await actAs(page, "styrgrupp@sundsvall.example");
      await page.goto(milestoneUrl("I"));
      await expect(page.getByRole("link", { name: "Fatta beslut" })).toHaveCount(0);
      const response = await page.goto(`${milestoneUrl("I")}/decide`);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { level: 1, name: "Du saknar behörighet" })).toBeVisible();
      await expectNoAxeViolations(page);
    });

    await test.step("I: the verksamhetsägare decides, first leaving out a motivation", async () => {
      await actAs(page, "verksamhetsagare@sundsvall.example");
      await page.goto(milestoneUrl("I"));
      await page.getByRole("link", { name: "Fatta beslut" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Beslut vid milstolpe I" })).toBeVisible();
      // A complete basis: no list of what is missing, and no reason to give.
      await expect(page.getByText("Underlaget är inte komplett:")).toHaveCount(0);
      await expect(page.getByLabel("Motivering till beslut på ofullständigt underlag")).toHaveCount(0);
      // Milestone I reports no figures to the förvaltningsgrupp.
      await expect(page.getByLabel("Tidplan", { exact: true })).toHaveCount(0);
      // The beredning is on the form: each point's proposal and who prepared it when.
      for (const dp of decisionPoints("I")) {
        const group = page.getByRole("group", { name: dp.legend, exact: true });
        await expect(group.getByText(`Projektet föreslår bifall: ${dp.text.toLowerCase()}.`, { exact: true })).toBeVisible();
        await expect(group.getByText(/^Beredd av .+ \d/)).toBeVisible();
      }
      // Each basis document links to the version the decision is taken on, which opens as that version.
      const basisLink = page.getByTestId("decision-basis").getByRole("link").first();
      await expect(basisLink).toHaveAttribute("href", /^\/deliverables\/[0-9a-f-]{36}\?version=1$/);
      const versionPage = await page.context().newPage();
      await versionPage.goto((await basisLink.getAttribute("href")) ?? "");
      await expect(versionPage.getByText("Innehåll i version 1", { exact: true })).toBeVisible();
      await expectNoAxeViolations(versionPage);
      await versionPage.close();
      await expectNoAxeViolations(page);

      await outcome(page, "Gå vidare").check();
      const [, second] = decisionPoints("I");
      await answerAll(page, "I", { skipMotivationOf: second?.id });
      await page.getByLabel("Diarienummer (valfritt)", { exact: true }).fill("BUN 2026/0142");
      await page.getByLabel("Protokoll eller anteckningar (valfritt)", { exact: true }).fill("Barn- och utbildningsnämnden, § 12.");
      expect(await submitDecision(page)).toBe(400);

      expect(await errorSummaryLinks(page)).toEqual([
        { text: "Motivering för beslutspunkt 2: Fältet måste fyllas i.", href: `#f-motivation-${second?.id}` },
      ]);
      const secondGroup = page.getByRole("group", { name: second?.legend ?? "", exact: true });
      const missingMotivation = secondGroup.getByLabel("Motivering", { exact: true });
      await expect(missingMotivation).toHaveAttribute("aria-invalid", "true");
      await expect(missingMotivation).toHaveAccessibleDescription("Fältet måste fyllas i.");
      // Everything else that was entered is still there.
      await expect(outcome(page, "Gå vidare")).toBeChecked();
      for (const dp of decisionPoints("I")) {
        const group = page.getByRole("group", { name: dp.legend, exact: true });
        await expect(group.getByLabel("Ja", { exact: true })).toBeChecked();
        if (dp.id !== second?.id) await expect(group.getByLabel("Motivering", { exact: true })).toHaveValue(`Motiverat vid I: ${dp.id}.`);
      }
      await expect(page.getByLabel("Diarienummer (valfritt)", { exact: true })).toHaveValue("BUN 2026/0142");
      await expect(page.getByLabel("Protokoll eller anteckningar (valfritt)", { exact: true })).toHaveValue(
        "Barn- och utbildningsnämnden, § 12.",
      );
      await expectNoAxeViolations(page);

      await page.locator("#error-summary").getByRole("link", { name: "Motivering för beslutspunkt 2: Fältet måste fyllas i." }).click();
      await expect(missingMotivation).toBeFocused();
      await missingMotivation.fill("Behovet är prioriterat i nämndens verksamhetsplan.");
      expect(await submitDecision(page)).toBe(303);

      await expect(page.getByRole("status")).toHaveText("Beslutet har registrerats och kommunikationen har skapats.");
      await expect(page.getByRole("heading", { level: 1, name: /^Milstolpe I:/ })).toBeVisible();
      const decision = page.getByRole("region", { name: "Gällande beslut" });
      await expect(decision.getByText("Gå vidare", { exact: true })).toBeVisible();
      await expect(decision).toContainText("av Viktor Verksamhetsägare");
      await expect(decision).toContainText("BUN 2026/0142");
      await expect(decision).toContainText("Behovet är prioriterat i nämndens verksamhetsplan.");
      await expectNoAxeViolations(page);

      await page.getByRole("link", { name: INITIATIVE, exact: true }).click();
      await expect(overviewSection(page, "Översikt").getByRole("link", { name: "Fas 2: Ta fram lösningsalternativ" })).toBeVisible();
      await expect(overviewSection(page, "Fas 2 – Ta fram lösningsalternativ").getByText("Pågående fas", { exact: true })).toBeVisible();
      await expect(overviewSection(page, "Fas 1 – Identifiera behov").getByText("Pågående fas", { exact: true })).toHaveCount(0);
      const milestoneI = overviewSection(page, "Milstolpe I – Beslut inför fasen Ta fram lösningsalternativ");
      await expect(milestoneI.getByText("Gå vidare", { exact: true })).toBeVisible();
      await expect(milestoneI).toContainText("av Viktor Verksamhetsägare");
    });

    await test.step("II: the projektledare writes the förstudierapport, the verksamhetsägare fastställer it, and the projektledare prepares the decision points", async () => {
      await actAs(page, "projektledare@sundsvall.example");
      await createFromOverview(
        page,
        initiativeId,
        "Förstudierapport med rekommenderad lösning",
        "Syfte, motiv och avgränsningar",
        "Rekommendation: fakturorna skickas via kommunens ekonomisystem och en förmedlare.",
        { review: true },
      );
      // The beredning form is a plain form post: prepared here in a browser without JavaScript.
      const browser = page.context().browser();
      if (!browser) throw new Error("no browser behind this page");
      const noJs = await browser.newContext({ javaScriptEnabled: false, baseURL: test.info().project.use.baseURL });
      try {
        const noJsPage = await noJs.newPage();
        await loginAs(noJsPage, "projektledare@sundsvall.example");
        await noJsPage.goto(milestoneUrl("II"));
        await prepareAll(noJsPage, "II");
        await expectNoAxeViolations(noJsPage, { javaScript: false });
      } finally {
        await noJs.close();
      }
      await page.goto(milestoneUrl("II"));
      await expect(page.getByText("Underlaget är komplett och alla beslutspunkter är beredda.")).toBeVisible();
    });

    await test.step("II: the styrgrupp decides to go ahead with a condition, with a note to the förvaltningsgrupp", async () => {
      await actAs(page, "styrgrupp@sundsvall.example");
      await page.goto(milestoneUrl("II"));
      await page.getByRole("link", { name: "Fatta beslut" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Beslut vid milstolpe II" })).toBeVisible();

      await outcome(page, "Gå vidare med villkor").check();
      await answerAll(page, "II");
      const conditions = page.getByRole("group", { name: "Villkor (för ”gå vidare med villkor”)" });
      await conditions.getByLabel("Villkor 1", { exact: true }).fill("Upphandlingen av förmedlare ska vara klar");
      // The owner is chosen among the members; the one named sees it under Mina uppgifter.
      await conditions.getByLabel("Ansvarig för villkor 1", { exact: true }).selectOption({ label: "Petra Projektledare" });
      await conditions.getByLabel("Senast, villkor 1", { exact: true }).fill("2026-12-31");
      // The timeline and volumes come from the flows (none registered here); the form takes only a note.
      const reported = page.getByRole("group", { name: "Uppgifter till förvaltningsgruppen" });
      await expect(reported.getByTestId("reported-preview")).toContainText("Inga meddelandeflöden registrerade");
      await reported
        .getByLabel("Kommentar till förvaltningsgruppen (valfritt)", { exact: true })
        .fill("Driftstart 2028-01-15, månadsfakturor");
      expect(await submitDecision(page)).toBe(303);

      await expect(page.getByRole("status")).toHaveText("Beslutet har registrerats och kommunikationen har skapats.");
      const decision = page.getByRole("region", { name: "Gällande beslut" });
      await expect(decision.getByText("Gå vidare med villkor", { exact: true })).toBeVisible();
      await expect(decision).toContainText("av Sara Styrgrupp");
      await expect(decision).toContainText("Upphandlingen av förmedlare ska vara klar (Ansvarig: Petra Projektledare, Senast: 2026-12-31)");

      await page.getByRole("link", { name: INITIATIVE, exact: true }).click();
      await expect(overviewSection(page, "Översikt").getByRole("link", { name: "Fas 3: Detaljera vald lösning" })).toBeVisible();
      await expect(
        overviewSection(page, "Milstolpe II – Beslut inför fasen Detaljera vald lösning").getByText("Gå vidare med villkor", {
          exact: true,
        }),
      ).toBeVisible();
    });

    await test.step("III: one of the five basis documents is written and fastställd", async () => {
      await actAs(page, "projektledare@sundsvall.example");
      await createFromOverview(
        page,
        initiativeId,
        "Fördjupad förstudierapport",
        "Vald lösning i detalj",
        "Fakturorna skapas i ekonomisystemet och lämnas till förmedlaren som fil.",
      );
    });

    const reason = "Nämnden beslutar före sommaren så att upphandlingen hinner starta; övriga underlag fastställs i augusti.";
    await test.step("III: the styrgrupp decides on an incomplete basis, with a written reason", async () => {
      await actAs(page, "styrgrupp@sundsvall.example");
      await page.goto(milestoneUrl("III"));
      await page.getByRole("link", { name: "Fatta beslut" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Beslut vid milstolpe III" })).toBeVisible();

      // The form says what is missing: four documents and every decision point.
      const missing = page.getByRole("main").getByRole("list").filter({ hasText: "är inte upprättat." });
      await expect(page.getByText("Underlaget är inte komplett:", { exact: true })).toBeVisible();
      await expect(missing.getByRole("listitem")).toHaveText([
        "Dokumentet ”Detaljbeskrivning av integrationsplan” är inte upprättat.",
        "Dokumentet ”Utbildnings- och kommunikationsplan” är inte upprättat.",
        "Dokumentet ”Business Case (kostnadsnyttobeskrivning)” är inte upprättat.",
        "Dokumentet ”Nyttorealiseringsplan” är inte upprättat.",
        ...decisionPoints("III").map((dp) => `Beslutspunkten ”${dp.text}” är inte beredd.`),
      ]);
      const reasonField = page.getByLabel("Motivering till beslut på ofullständigt underlag", { exact: true });
      await expect(reasonField).toBeVisible();
      await expect(reasonField).toHaveAccessibleDescription(/Om beslutet ändå ska fattas måste skälet skrivas ned/);
      await expectNoAxeViolations(page);

      await outcome(page, "Gå vidare").check();
      await answerAll(page, "III");
      const reported = page.getByRole("group", { name: "Uppgifter till förvaltningsgruppen" });
      const note = reported.getByLabel("Kommentar till förvaltningsgruppen (valfritt)", { exact: true });
      await note.fill("Driftstart 2028-01-15, oförändrad");
      expect(await submitDecision(page)).toBe(422);

      expect(await errorSummaryLinks(page)).toEqual([
        {
          text: "Motivering till beslut på ofullständigt underlag: Underlaget är inte komplett: skriv motiveringen till att beslutet ändå fattas.",
          href: "#f-incompleteBasisReason",
        },
      ]);
      await expect(reasonField).toHaveAccessibleDescription(/skriv motiveringen till att beslutet ändå fattas/);
      await expect(outcome(page, "Gå vidare")).toBeChecked();
      await expect(note).toHaveValue("Driftstart 2028-01-15, oförändrad");

      await reasonField.fill(reason);
      expect(await submitDecision(page)).toBe(303);
      await expect(page.getByRole("status")).toHaveText("Beslutet har registrerats och kommunikationen har skapats.");
      const decision = page.getByRole("region", { name: "Gällande beslut" });
      await expect(decision.getByText("Gå vidare", { exact: true })).toBeVisible();
      await expect(decision.getByText(`Beslutet fattades på ofullständigt underlag. Motivering: ${reason}`, { exact: true })).toBeVisible();

      await page.getByRole("link", { name: INITIATIVE, exact: true }).click();
      await expect(overviewSection(page, "Översikt").getByRole("link", { name: "Fas 4: Initiera" })).toBeVisible();
    });

    await test.step("the förvaltningsgrupp reads the communication for milestone II and marks it read", async () => {
      await actAs(page, "forvaltning@digg.example");
      await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Inkorg", exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Inkorg" })).toBeVisible();
      const subject = `${SUBJECT_PREFIX} II för ${INITIATIVE} – beslut att gå vidare med villkor`;
      const message = page
        .getByTestId("communication")
        .filter({ has: page.getByRole("heading", { level: 2, name: subject, exact: true }) });
      await expect(message).toHaveCount(1);
      await expect(message.getByText("Oläst", { exact: true })).toBeVisible();
      await expect(message).toContainText("Tidplan för anslutning till Mina meddelanden");
      await expect(message).toContainText("Beräknade meddelandevolymer som kommer att skickas via Mina meddelanden");
      // Computed from the flows (none registered in this journey), with the decider's note.
      await expect(message).toContainText("Inga meddelandeflöden registrerade");
      await expect(message).toContainText("Kommentar: Driftstart 2028-01-15, månadsfakturor");
      await expect(message).toContainText("Upphandlingen av förmedlare ska vara klar (ansvarig Petra Projektledare, senast 2026-12-31)");
      // Milestones I and III were reported too, III with its reason.
      const third = page
        .getByTestId("communication")
        .filter({ has: page.getByRole("heading", { name: `${SUBJECT_PREFIX} III för ${INITIATIVE} – beslut att gå vidare` }) });
      await expect(third).toContainText(`Beslutet fattades på ofullständigt underlag. Motivering: ${reason}`);
      await expect(
        page
          .getByTestId("communication")
          .filter({ has: page.getByRole("heading", { name: `${SUBJECT_PREFIX} I för ${INITIATIVE} – beslut att gå vidare` }) }),
      ).toHaveCount(1);
      await expectNoAxeViolations(page);

      await message.getByRole("button", { name: /^Markera som läst/ }).click();
      await expect(page.getByRole("status")).toHaveText("Meddelandet är markerat som läst.");
      await expect(message.getByText("Läst", { exact: true })).toBeVisible();
      await expect(message.getByText("Oläst", { exact: true })).toHaveCount(0);
      await expect(message.getByRole("button", { name: /^Markera som läst/ })).toHaveCount(0);
      await expect(third.getByText("Oläst", { exact: true })).toBeVisible();
    });
  });
});
