import { expect, expectNoAxeViolations, loginAs, type Page, test } from "./fixtures.ts";

/**
 * A document of "Digitala beslut om bygglov" (Sundsvall, milestones I–II passed in the demo seed)
 * taken through review: its projektledare writes it and asks the styrgrupp member to review it;
 * she finds it in her tasks, comments on a quoted passage and approves; the projektledare answers
 * and resolves the thread, fastställer with the reviewer as the second person, starts version 2,
 * compares the versions side by side and downloads the milestone's beslutsunderlag. Only this test
 * writes the Utbildnings- och kommunikationsplan of that initiative.
 */

const INITIATIVE = "Digitala beslut om bygglov";
const DOCUMENT = "Utbildnings- och kommunikationsplan";
const PL = "projektledare@sundsvall.example";
const SG = "styrgrupp@sundsvall.example";
const MALGRUPPER = "Handläggare på bygglovsenheten och sökande som får beslut digitalt.";

async function openInitiative(page: Page): Promise<string> {
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Initiativ", exact: true }).click();
  await page.getByRole("link", { name: INITIATIVE, exact: true }).click();
  const id = /\/initiatives\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)?.[1];
  if (!id) throw new Error(`no initiative id in ${page.url()}`);
  return id;
}

test.describe("review, comments, versions and the decision package", () => {
  test("a document is reviewed by a named colleague, commented, fastställd with her approval, compared and packaged", async ({
    browser,
    page,
  }) => {
    test.slow();
    await loginAs(page, PL);
    const initiativeId = await openInitiative(page);
    const milestoneUrl = `/initiatives/${initiativeId}/milestones/III`;

    let documentUrl = "";
    await test.step("the projektledare writes the plan, with the preview live as she types", async () => {
      await page.goto(milestoneUrl);
      const entry = page.getByRole("region", { name: "Beslutsunderlag" }).getByRole("listitem").filter({ hasText: DOCUMENT });
      await entry.getByRole("button", { name: /^Skapa dokument/ }).click();
      await expect(page.getByRole("heading", { level: 1, name: DOCUMENT })).toBeVisible();
      documentUrl = new URL(page.url()).pathname;
      const edit = page.getByRole("region", { name: "Ändra innehållet" });
      for (const [heading, text] of [
        ["Målgrupper", MALGRUPPER],
        ["Utbildningsinsatser", "Två utbildningstillfällen för handläggarna före driftstart."],
        ["Budskap", "Beslut om bygglov kommer nu till din digitala brevlåda."],
        ["Ansvar och tidplan", "Kommunikationsavdelningen ansvarar; klart före driftstart."],
      ] as const) {
        await edit.getByRole("textbox", { name: heading, exact: true }).fill(text);
      }
      // With JavaScript the preview follows the typing, without pressing "Förhandsgranska".
      await expect(page.getByRole("region", { name: "Förhandsgranskning" }).getByText(MALGRUPPER)).toBeVisible();
      await page.getByRole("button", { name: "Spara", exact: true }).click();
      await expect(page.getByRole("status")).toHaveText("Dokumentet har sparats.");
    });

    await test.step("she asks the styrgrupp member to review it", async () => {
      const reviewers = page.getByRole("region", { name: "Granskare" });
      await reviewers.getByRole("group", { name: "Granskare" }).getByLabel("Sara Styrgrupp").check();
      await reviewers.getByRole("button", { name: "Be om granskning" }).click();
      await expect(page.getByRole("status")).toHaveText("Granskning begärd av en person.");
      await expect(
        page.getByRole("table", { name: "Begärda granskningar" }).getByRole("row").filter({ hasText: "Sara Styrgrupp" }),
      ).toContainText("Väntar på svar");
      await expectNoAxeViolations(page);
    });

    await test.step("the reviewer finds it in her tasks, comments on a passage and approves", async () => {
      const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
      const sg = await context.newPage();
      await loginAs(sg, SG);
      await sg.goto("/");
      await sg.getByRole("link", { name: `Granska ${DOCUMENT}` }).click();
      await expect(sg.getByRole("heading", { level: 1, name: DOCUMENT })).toBeVisible();
      const målgrupper = sg.getByRole("region", { name: "Målgrupper" });
      await målgrupper.getByText("Kommentera avsnittet Målgrupper").click();
      await målgrupper.getByLabel("Citat ur avsnittet (valfritt)").fill("sökande som får beslut digitalt");
      await målgrupper.getByLabel("Kommentar", { exact: true }).fill("Hur når vi sökande som inte har en digital brevlåda?");
      await målgrupper.getByRole("button", { name: "Kommentera", exact: true }).click();
      await expect(sg.getByRole("status")).toHaveText("Kommentaren är sparad.");
      await expect(sg.getByRole("region", { name: "Målgrupper" }).getByRole("article")).toContainText("sökande som får beslut digitalt");
      const answer = sg.getByRole("region", { name: "Ditt svar på granskningen" });
      await answer.getByLabel("Godkänn", { exact: true }).check();
      await answer.getByRole("button", { name: "Skicka svar" }).click();
      await expect(sg.getByRole("status")).toHaveText("Ditt svar är sparat.");
      await expectNoAxeViolations(sg);
      await context.close();
    });

    await test.step("without JavaScript the projektledare answers and resolves the thread", async () => {
      const noJs = await browser.newContext({ javaScriptEnabled: false, baseURL: test.info().project.use.baseURL });
      const plain = await noJs.newPage();
      await loginAs(plain, PL);
      await plain.goto(documentUrl);
      const thread = plain.getByRole("region", { name: "Målgrupper" }).getByRole("article");
      await expect(thread).toContainText("Hur når vi sökande");
      await expectNoAxeViolations(plain, { javaScript: false });
      await thread.getByLabel("Svara").fill("Papperspost som i dag; reservrutinen beskrivs i planen.");
      await thread.getByRole("button", { name: "Skicka svar" }).click();
      await expect(plain.getByRole("status")).toHaveText("Kommentaren är sparad.");
      await plain
        .getByRole("region", { name: "Målgrupper" })
        .getByRole("article")
        .getByRole("button", { name: "Markera som löst" })
        .click();
      await expect(plain.getByRole("status")).toHaveText("Kommentaren är markerad som löst.");
      await expect(plain.getByRole("region", { name: "Målgrupper" }).getByText("1 lösta kommentarer")).toBeVisible();
      await expectNoAxeViolations(plain, { javaScript: false });
      await noJs.close();
    });

    await test.step("the reviewer's approval is the second person: she fastställer, starts version 2 and compares side by side", async () => {
      await page.goto(documentUrl);
      await page.getByRole("button", { name: "Fastställ", exact: true }).click();
      await page.getByRole("button", { name: "Fastställ version 1", exact: true }).click();
      await expect(page.getByRole("status")).toHaveText("Version 1 har fastställts.");
      await expect(page.getByRole("table", { name: "Versioner" }).getByRole("row").filter({ hasText: "Sara Styrgrupp" })).toBeVisible();
      await page
        .getByRole("region", { name: "Ändra innehållet" })
        .getByRole("textbox", { name: "Målgrupper", exact: true })
        .fill(`${MALGRUPPER} Även företag som söker bygglov.`);
      await page.getByRole("button", { name: "Spara", exact: true }).click();
      await page.getByRole("link", { name: "Jämför versioner" }).click();
      await page.getByLabel("Visa").selectOption({ label: "Versionerna bredvid varandra" });
      await page.getByRole("button", { name: "Jämför" }).click();
      const målgrupper = page.getByRole("region", { name: "Målgrupper" });
      await expect(målgrupper.getByRole("heading", { name: "Version 1" })).toBeVisible();
      await expect(målgrupper.locator("ins")).toContainText("Även företag som söker bygglov.");
      await expectNoAxeViolations(page);
    });

    await test.step("the milestone's beslutsunderlag downloads as a PDF", async () => {
      await page.goto(milestoneUrl);
      const download = page.waitForEvent("download");
      await page.getByRole("link", { name: "Ladda ner beslutsunderlag (PDF)" }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^Beslutsunderlag.*\.pdf$/);
      const stream = await file.createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe("%PDF-");
    });
  });
});
