import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { PDFDocument, PDFName, PDFString } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { PNG, samplePdf } from "../../src/attachments/testing/sample-files.ts";
import { insertAttachment } from "../../src/db/repositories/attachment-repository.ts";
import { deliverables } from "../../src/db/schema.ts";
import { contentHash } from "../../src/domain/shared/content-hash.ts";
import { NS, outlineTitles, pdfinfo, pdfText, structureTypes, xmpOf } from "../../src/exports/testing/pdf.ts";
import { unzip } from "../../src/exports/testing/unzip.ts";
import { Deliverable } from "../../src/http/routes/deliverables/deliverables.schema.ts";
import { DecisionHistory } from "../../src/http/routes/milestones/milestones.schema.ts";
import { milestoneByNumeral } from "../../src/method/lookup.ts";
import { methodV12 } from "../../src/method/v1.2/index.ts";
import { writeRequiredSections } from "../support/deliverable-fixtures.ts";
import { decisionBody, prepareMilestone } from "../support/initiative-fixtures.ts";
import { multipart } from "../support/multipart.ts";
import { type Api, getJson, parseBody, useTestWorld } from "../support/test-world.ts";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const milestone = milestoneByNumeral(methodV12, "I");
const flat = (text: string) => text.replace(/\s+/g, " ");

/** Issue 13: a milestone's decision package for the diarium, before and after the decision. */
describe("decision packages", () => {
  const world = useTestWorld();

  /** An initiative whose milestone I is prepared and waits for its decision. */
  async function preparedInitiative(name: string) {
    const initiative = await world.seedInitiative({ name, ready: true });
    const url = `/api/v1/initiatives/${initiative.id}/milestones/I`;
    return { initiative, url, pl: await world.loginAs("plA"), va: await world.loginAs("vaA") };
  }

  const decide = async (va: Api, url: string, overrides: Record<string, unknown> = {}) => {
    const res = await va.post(`${url}/decision`, decisionBody("I", overrides));
    expect(res.statusCode).toBe(201);
  };
  const history = (api: Api, url: string) => getJson(api, `${url}/decisions`, DecisionHistory);

  it("before the decision is a beslutsunderlag: tagged PDF with bookmarks, the beredning and each basis document", async () => {
    const { pl, url } = await preparedInitiative("Paket före beslut");
    const res = await pl.get(`${url}/package.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="Beslutsunderlag-milstolpe-I-Paket-fore-beslut\.pdf"/);

    const text = flat(pdfText(res.rawPayload));
    expect(text).toContain(`Beslutsunderlag, milstolpe I: ${milestone.name.sv}`);
    // pdftotext joins a word broken at a hyphen at the end of a line, so hyphens are left out of the comparison.
    for (const dp of milestone.decisionPoints) expect(text.replace(/-/g, "")).toContain(`Förslag: ja, för ${dp.id.replace(/-/g, "")}.`);
    expect(text).toContain("Underlaget är komplett och alla beslutspunkter är beredda.");
    expect(text).toContain("Version 1: Fastställd version.");
    expect(text).toContain("Innehåll för idebeskrivning");

    const pdf = await PDFDocument.load(res.rawPayload, { updateMetadata: false });
    expect(structureTypes(pdf)).toEqual(expect.arrayContaining(["Document", "H1", "H2", "Table", "TH", "TD", "P"]));
    expect(pdf.catalog.lookup(PDFName.of("Lang"), PDFString).decodeText()).toBe("sv-SE");
    const outline = outlineTitles(pdf);
    expect(outline[0]).toBe(`Beslutsunderlag, milstolpe I: ${milestone.name.sv}`);
    expect(outline).toContain("  Beslutspunkter");
    // One top-level entry per basis document after the cover.
    expect(outline.filter((line) => !line.startsWith(" "))).toHaveLength(1 + milestone.basis.filter((b) => b.required).length);

    const info = pdfinfo(res.rawPayload);
    expect(info).toMatchObject({ Title: `Beslutsunderlag, milstolpe I: ${milestone.name.sv}`, Author: world.orgA.name, Tagged: "yes" });
    const { values } = xmpOf(res.rawPayload);
    expect(values(NS.dc, "language")).toEqual(["sv-SE"]);
    expect(values(NS.xmp, "CreatorTool")[0]).toMatch(/^Ansluta \d/);
    expect(values(NS.pdfuaid, "part")).toEqual(["1"]);
  });

  it("before the decision, as DOCX: headings, tables and the decision points' text", async () => {
    const { pl, url } = await preparedInitiative("Paket som Word");
    const res = await pl.get(`${url}/package.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe(DOCX);
    expect(res.headers["content-disposition"]).toMatch(/filename="Beslutsunderlag-milstolpe-I-Paket-som-Word\.docx"/);
    const xml = unzip(res.rawPayload, "word/document.xml") ?? "";
    expect(xml).toMatch(/w:pStyle w:val="Heading1"/);
    expect(xml).toMatch(/w:pStyle w:val="Heading2"/);
    expect(xml).toMatch(/<w:tblHeader/);
    for (const dp of milestone.decisionPoints) expect(xml).toContain(dp.text.sv.replace(/&/g, "&amp;"));
    expect(xml).toContain("Förslag: ja, för");
  });

  it("after the decision is the beslutsprotokoll; ?decision= gives a superseded one; the basis hash checks as it says", async () => {
    const { pl, va, url, initiative } = await preparedInitiative("Paket efter beslut");
    await decide(va, url, { diarienummer: "KS 2026/77", outcome: "rework", minutes: "Första beslutet." });
    const first = (await history(pl, url)).decisions[0];
    await decide(va, url, { diarienummer: "KS 2026/78", supersedes: first?.id });
    const decisions = (await history(pl, url)).decisions;
    const current = decisions.find((d) => d.current);
    const superseded = decisions.find((d) => !d.current);

    const now = await pl.get(`${url}/package.pdf`);
    expect(now.statusCode).toBe(200);
    expect(now.headers["content-disposition"]).toMatch(/filename="Beslutsprotokoll-milstolpe-I-Paket-efter-beslut-2026-11-27\.pdf"/);
    const text = flat(pdfText(now.rawPayload));
    expect(text).toContain(`Beslutsprotokoll, milstolpe I: ${milestone.name.sv}`);
    expect(text).toContain("KS 2026/78");
    expect(text).toContain("Gällande beslut");
    expect(text).toContain("Underlaget visar att det är motiverat.");
    expect(text).toContain(current?.decidedBy.name);
    // A URL wraps at its slashes and hyphens.
    expect(text.replace(/[\s-]/g, "")).toContain(`/api/v1/initiatives/${initiative.id}/milestones/I/decisions`.replace(/-/g, ""));
    expect(text.replace(/\s/g, "")).toContain(current?.basisHash);
    expect(text).toContain("som den var vid beslutet");
    // "How to check it", done: SHA-256 over the snapshot's RFC 8785 JSON is the hash in the protokoll.
    expect(contentHash(current?.basisSnapshot)).toBe(current?.basisHash);

    const old = await pl.get(`${url}/package.pdf?decision=${superseded?.id}`);
    expect(old.statusCode).toBe(200);
    const oldText = flat(pdfText(old.rawPayload));
    expect(oldText).toContain("KS 2026/77");
    expect(oldText).toContain("Ersatt av ett senare beslut");
    expect(oldText).toContain("Omarbeta");

    const docx = await pl.get(`${url}/package.docx?decision=${superseded?.id}`);
    expect(docx.statusCode).toBe(200);
    const xml = unzip(docx.rawPayload, "word/document.xml") ?? "";
    expect(xml).toContain("KS 2026/77");
    expect(xml).toContain(superseded?.basisHash);
  });

  it("is 404 for another initiative's decision, an unknown decision, another organisation and an unknown milestone", async () => {
    const { pl, va, url, initiative } = await preparedInitiative("Paketets gränser");
    const other = await preparedInitiative("Ett annat initiativ");
    await decide(other.va, other.url);
    const foreign = (await history(other.pl, other.url)).decisions[0]?.id;
    expect((await pl.get(`${url}/package.pdf?decision=${foreign}`)).statusCode).toBe(404);
    expect((await pl.get(`${url}/package.pdf?decision=00000000-0000-4000-8000-000000000009`)).statusCode).toBe(404);
    expect((await pl.get(`${url}/package.pdf?decision=nope`)).statusCode).toBe(400);
    await decide(va, url);
    expect((await pl.get(`/api/v1/initiatives/${initiative.id}/milestones/II/package.pdf?decision=${foreign}`)).statusCode).toBe(404);
    expect((await pl.get(`/api/v1/initiatives/${initiative.id}/milestones/IX/package.pdf`)).statusCode).toBe(404);
    const outsider = await world.loginAs("plB");
    expect((await outsider.get(`${url}/package.pdf`)).statusCode).toBe(404);
    expect((await outsider.get(`${url}/package.docx`)).statusCode).toBe(404);
    expect((await world.app.inject({ method: "GET", url: `${url}/package.pdf` })).statusCode).toBe(401);
  });

  it("is offered on the milestone's page: beslutsunderlag before, beslutsprotokoll after, and one per superseded decision", async () => {
    const { initiative, va, url, pl } = await preparedInitiative("Paket på sidan");
    const page = `/initiatives/${initiative.id}/milestones/I`;
    const session = await world.browserAs("plA");
    const before = (await session.get(page)).body;
    expect(before).toContain("Ladda ner beslutsunderlag (PDF)");
    expect(before).toContain("Ladda ner beslutsunderlag (Word)");
    expect(before).toContain(`href="${page}/package.pdf"`);

    await decide(va, url);
    const first = (await history(pl, url)).decisions[0]?.id;
    await decide(va, url, { supersedes: first });
    const after = (await session.get(page)).body;
    expect(after).toContain("Ladda ner beslutsprotokoll (PDF)");
    expect(after).toContain("Ladda ner beslutsprotokoll (Word)");
    expect(after).toContain(`href="${page}/package.docx?decision=${first}"`);

    const file = await session.get(`${page}/package.pdf?decision=${first}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(file.headers["content-disposition"]).toMatch(
      /^attachment; filename="Beslutsprotokoll-milstolpe-I-Paket-pa-sidan-2026-11-27\.pdf"/,
    );
    expect((await session.get(`${page}/package.docx?decision=nope`)).statusCode).toBe(404);
    const outsider = await world.browserAs("plB");
    expect((await outsider.get(`${page}/package.pdf`)).statusCode).toBe(404);
  });

  it("lists the attachments of the basis documents and of the decision, and appends those that are PDFs", async () => {
    // Files go on a document before it is fastställd: a fastställd version takes no more.
    const initiative = await world.seedInitiative({ name: "Paket med bilagor" });
    const url = `/api/v1/initiatives/${initiative.id}/milestones/I`;
    const [pl, va] = [await world.loginAs("plA"), await world.loginAs("vaA")];
    const basisType = milestone.basis.find((b) => b.required)?.deliverableTypeId;
    const created = parseBody(
      await pl.post(`/api/v1/initiatives/${initiative.id}/deliverables`, { deliverableTypeId: basisType }),
      Deliverable,
      201,
    );
    await writeRequiredSections(pl, created);
    const upload = async (api: Api, to: string, name: string, bytes: Uint8Array) => {
      const body = multipart({}, { name, bytes });
      const res = await world.app.inject({
        method: "POST",
        url: to,
        headers: { authorization: `Bearer ${api.token}`, "content-type": body.contentType },
        payload: body.payload,
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    const [document] = await world.db.select().from(deliverables).where(eq(deliverables.initiativeId, initiative.id));
    const pdf = await samplePdf();
    const pages = (await PDFDocument.load(pdf)).getPageCount();
    await upload(pl, `/api/v1/deliverables/${document?.id}/attachments`, "Avtal signerat.pdf", pdf);
    await upload(pl, `/api/v1/deliverables/${document?.id}/attachments`, "Skiss.png", PNG);
    await prepareMilestone(pl, initiative.id, "I", va);

    const before = await pl.get(`${url}/package.pdf`);
    const alone = await PDFDocument.load(before.rawPayload, { updateMetadata: false });
    const text = flat(pdfText(before.rawPayload));
    expect(text).toContain("Avtal signerat.pdf");
    expect(text).toContain("Skiss.png");
    expect(outlineTitles(alone)).toContain("Bilaga: Avtal signerat.pdf");
    expect(outlineTitles(alone)).not.toContain("Bilaga: Skiss.png");

    await decide(va, url);
    const [decision] = (await history(pl, url)).decisions;
    await upload(va, `/api/v1/decisions/${decision?.id}/attachments`, "Protokoll.pdf", pdf);
    // The fastställd version takes no upload; a file on it from after the decision (stored before that
    // rule, say) is not part of the basis the decision was taken on.
    expect((await pl.get(`/api/v1/deliverables/${document?.id}`)).json().versions[0].status).toBe("faststalld");
    const refused = multipart({}, { name: "Efteråt.pdf", bytes: pdf });
    const late = await world.app.inject({
      method: "POST",
      url: `/api/v1/deliverables/${document?.id}/attachments`,
      headers: { authorization: `Bearer ${pl.token}`, "content-type": refused.contentType },
      payload: refused.payload,
    });
    expect(late.statusCode).toBe(409);
    await insertAttachment(world.db, {
      filename: "Efteråt.pdf",
      contentType: "application/pdf",
      size: pdf.length,
      sha256: createHash("sha256").update(pdf).digest("hex"),
      bytes: pdf,
      scanned: false,
      initiativeId: initiative.id,
      deliverableId: document?.id ?? null,
      version: 1,
      uploadedBy: world.users.plA,
      createdAt: new Date(Date.now() + 60_000),
    });
    const after = await pl.get(`${url}/package.pdf`);
    const protokoll = await PDFDocument.load(after.rawPayload, { updateMetadata: false });
    const withoutAttachments = protokoll.getPageCount() - 2 * pages;
    expect(withoutAttachments).toBeGreaterThan(0);
    expect(outlineTitles(protokoll).filter((t) => t.startsWith("Bilaga: "))).toEqual([
      "Bilaga: Avtal signerat.pdf",
      "Bilaga: Protokoll.pdf",
    ]);
    const xml = unzip((await pl.get(`${url}/package.docx`)).rawPayload, "word/document.xml") ?? "";
    expect(xml).toContain("Protokoll.pdf");
    expect(xml).toContain("Beslutet vid milstolpe I");
    expect(xml).toContain("Skiss.png");
    expect(xml).not.toContain("Efteråt.pdf");
  });
});
