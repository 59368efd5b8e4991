import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { insertSandboxEvent } from "../../src/db/repositories/sandbox-repository.ts";
import { findEnvironmentOfInitiative } from "../../src/db/repositories/sandbox-setup-repository.ts";
import { sandboxLoadTests } from "../../src/db/schema.ts";
import { Deliverable } from "../../src/http/routes/deliverables/deliverables.schema.ts";
import { Readiness } from "../../src/http/routes/milestones/milestones.schema.ts";
import { ConformanceReportCreated } from "../../src/http/routes/sandbox/sandbox.schema.ts";
import { EventLog } from "../../src/sandbox/conformance/conformance-fixtures.ts";
import type { EmulatorEvent } from "../../src/sandbox/emulator/events.ts";
import { type Api, getJson, parseBody, useTestWorld } from "../support/test-world.ts";

describe("the conformance report as the initiative's testrapporter", () => {
  const world = useTestWorld();

  /** Stores the log's events as organisation A's calls to an environment (none when null), as the emulator's recorder would. */
  const store = async (events: readonly EmulatorEvent[], environment: string | null, certificateAccepted = true) => {
    for (const e of events) {
      const sender = `16${world.orgA.number}`;
      await insertSandboxEvent(world.db, {
        id: randomUUID(),
        at: e.receivedAt,
        organisationId: world.orgA.id,
        environmentId: environment,
        endpoint: e.endpoint,
        operation: e.operation,
        senderOrgNr: sender,
        recipientIds: e.recipientIds,
        operatorId: e.operatorId,
        clientOrgNr: certificateAccepted ? sender : null,
        outcome: e.outcome,
        httpStatus: e.httpStatus,
        durationMs: e.durationMs,
        faultCode: e.fault?.errorCode ?? null,
        reason: e.reason,
        checks: e.checks,
        transId: e.transId,
      });
    }
  };
  const deliverable = async (pl: Api, id: string) => getJson(pl, `/api/v1/deliverables/${id}`, Deliverable);
  /** Runs the conformance report and reads what it wrote. */
  const report = async (pl: Api, url: string, body: object = {}) => parseBody(await pl.post(url, body), ConformanceReportCreated, 201);

  /**
   * A new initiative of organisation A with its test environment enabled, which has received a
   * conformant lookup and delivery to Kivra (with a PDF) and to Min myndighetspost from 09:00 on
   * 27 November 2026.
   */
  async function initiativeWithCalls() {
    const pl = await world.loginAs("plA");
    const { id: initiativeId } = await world.seedInitiative({ name: "Digitala bygglovsbeslut" });
    expect((await pl.put(`/api/v1/initiatives/${initiativeId}/sandbox/environment`, { enabled: true })).statusCode).toBe(200);
    const environmentId = (await findEnvironmentOfInitiative(world.db, initiativeId))?.id ?? "";
    const log = new EventLog();
    log.lookupAndDeliver("reachable-kivra", { pdf: true });
    log.lookupAndDeliver("reachable-minmyndighetspost");
    await store(log.events, environmentId);
    return { pl, initiativeId, environmentId, url: `/api/v1/initiatives/${initiativeId}/sandbox/conformance-report` };
  }

  it("evaluates the organisation's calls and writes the result into a new testrapporter, leaving it a draft", async () => {
    const { pl, url } = await initiativeWithCalls();
    const created = await report(pl, url);
    expect(created).toMatchObject({ version: 1, summary: { total: 15, passed: 4, failed: 0, notRun: 11 } });
    const doc = await deliverable(pl, created.deliverableId);
    expect(doc.typeId).toBe("testrapporter");
    expect(doc.versions.map((v) => v.status)).toEqual(["utkast"]);
    const sections = doc.versions[0]?.sections ?? {};
    expect(sections.kontraktsoverensstammelse).toMatch(
      /- MM-01 Meddelande med PDF-bilaga till privatperson: Godkänt\. Anrop .* levererades efter isReachable/,
    );
    expect(sections.kontraktsoverensstammelse).toContain("- Godkända: 4");
    expect(sections.kontraktsoverensstammelse).toContain("- MM-05 Mottagare utan brevlåda: Ej genomfört.");
    expect(sections.prestandatest).toContain("- Leveranser (deliverSecure): 2");
    expect(sections.omfattning).toBe("");
  });

  it("makes a new version only when the run changed, and keeps the project's own sections", async () => {
    const { pl, url, environmentId } = await initiativeWithCalls();
    const first = await report(pl, url);
    await pl.put(`/api/v1/deliverables/${first.deliverableId}/sections`, {
      sections: { omfattning: "Vår egen text", integrationstest: "Mot testmiljön.", slutsats: "Redo för milstolpe V." },
    });
    const va = await world.loginAs("vaA");
    expect((await va.post(`/api/v1/deliverables/${first.deliverableId}/status`, { status: "faststalld" })).statusCode).toBe(200);

    const unchanged = await report(pl, url);
    expect(unchanged).toMatchObject({ deliverableId: first.deliverableId, version: 1 });

    const log = new EventLog().wait(3600);
    log.lookup("no-mailbox");
    await store(log.events, environmentId);
    const changed = await report(pl, url);
    expect(changed).toMatchObject({ deliverableId: first.deliverableId, version: 2, summary: { passed: 5 } });
    const doc = await deliverable(pl, first.deliverableId);
    expect(doc.versions.map((v) => [v.version, v.status])).toEqual([
      [1, "faststalld"],
      [2, "utkast"],
    ]);
    expect(doc.versions[1]?.sections.omfattning).toBe("Vår egen text");
    expect(doc.versions[1]?.sections.kontraktsoverensstammelse).toContain("- MM-05 Mottagare utan brevlåda: Godkänt.");
  });

  it("counts only the calls to the initiative's own environment: another initiative's, or none at all, are not its evidence", async () => {
    const { pl, url } = await initiativeWithCalls();
    const { id: other } = await world.seedInitiative({ name: "Andra initiativet" });
    const otherUrl = `/api/v1/initiatives/${other}/sandbox/conformance-report`;
    expect((await report(pl, otherUrl)).summary).toMatchObject({ passed: 0, notRun: 15 });

    await pl.put(`/api/v1/initiatives/${other}/sandbox/environment`, { enabled: true });
    const log = new EventLog().wait(7200);
    log.lookupAndDeliver("reachable-billo");
    await store(log.events, (await findEnvironmentOfInitiative(world.db, other))?.id ?? null);
    await store(log.events, null);
    const otherRun = await report(pl, otherUrl);
    expect(otherRun.summary).toMatchObject({ passed: 2 });
    // The same calls stored a second time without an environment are nobody's evidence.
    expect((await deliverable(pl, otherRun.deliverableId)).versions.at(-1)?.sections.prestandatest).toContain(
      "- Leveranser (deliverSecure): 1\n",
    );
    const ownRun = await report(pl, url);
    expect((await deliverable(pl, ownRun.deliverableId)).versions.at(-1)?.sections.prestandatest).toContain(
      "- Leveranser (deliverSecure): 2\n",
    );
  });

  it("evaluates only the calls since the given time", async () => {
    const { pl, url, environmentId } = await initiativeWithCalls();
    // An hour after the others, a lookup of a recipient without a mailbox: the only call since 10:00.
    const later = new EventLog().wait(3600);
    later.lookup("no-mailbox");
    await store(later.events, environmentId);
    expect((await report(pl, url, { since: "2026-11-27T10:00:00Z" })).summary).toMatchObject({ passed: 1, notRun: 14 });
    expect((await pl.post(url, { since: "yesterday" })).statusCode).toBe(400);
  });

  it("lists the testrapporter in milestone V's basis, as optional", async () => {
    const { pl, url, initiativeId } = await initiativeWithCalls();
    await report(pl, url);
    const readiness = await getJson(pl, `/api/v1/initiatives/${initiativeId}/milestones/V/readiness`, Readiness);
    const testReports = readiness.basis.find((b) => b.deliverableTypeId === "testrapporter");
    expect(testReports?.required).toBe(false);
    expect(testReports?.deliverables).toHaveLength(1);
  });

  it("answers the full report as a tagged PDF and as DOCX", async () => {
    const { pl, url } = await initiativeWithCalls();
    const pdf = await pl.get(`${url}?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers["content-disposition"]).toMatch(
      /^attachment; filename="Konformitetsrapport-Mina-meddelanden-testmiljo-i-Ansluta\.pdf"/,
    );
    const text = pdf.rawPayload.toString("latin1");
    expect(text.startsWith("%PDF-")).toBe(true);
    expect(text).toContain("/StructTreeRoot");
    const docx = await pl.get(`${url}?format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });

  it("hides the report from another organisation and refuses a läsare", async () => {
    const { url } = await initiativeWithCalls();
    const outsider = await world.loginAs("plB");
    expect((await outsider.post(url, {})).statusCode).toBe(404);
    expect((await outsider.get(`${url}?format=pdf`)).statusCode).toBe(404);
    const reader = await world.loginAs("readerA");
    expect((await reader.post(url, {})).statusCode).toBe(403);
    expect((await reader.get(`${url}?format=pdf`)).statusCode).toBe(403);
  });

  it("shows the organisation's calls on the initiative's sandbox page, creates the report from it and links the files", async () => {
    const { initiativeId } = await initiativeWithCalls();
    const session = await world.browserAs("plA");
    const overview = await session.get(`/initiatives/${initiativeId}`);
    expect(overview.body).toContain(`href="/initiatives/${initiativeId}/sandbox"`);
    const page = await session.get(`/initiatives/${initiativeId}/sandbox`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Testmiljö för Mina meddelanden");
    expect(page.body).toContain("Skapa konformitetsrapport");
    expect(page.body).toContain("<code>deliverSecure</code>");
    expect(page.body).toContain(`href="/initiatives/${initiativeId}/sandbox/conformance-report.pdf"`);
    const created = await session.post(`/initiatives/${initiativeId}/sandbox/conformance-report`, {});
    expect(created.statusCode).toBe(303);
    const location = String(created.headers.location);
    expect(location).toMatch(/^\/deliverables\/[0-9a-f-]{36}$/);
    const deliverablePage = await session.get(location);
    expect(deliverablePage.body).toContain("Konformitetsrapporten är inskriven i testrapporterna");
    const pdf = await session.get(`/initiatives/${initiativeId}/sandbox/conformance-report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.toString("latin1").startsWith("%PDF-")).toBe(true);

    const reader = await world.browserAs("readerA");
    const readerPage = await reader.get(`/initiatives/${initiativeId}/sandbox`);
    expect(readerPage.statusCode).toBe(200);
    expect(readerPage.body).toContain("Testmiljön används av projektledare och deltagare");
    expect(readerPage.body).not.toContain("deliverSecure");
    expect((await reader.post(`/initiatives/${initiativeId}/sandbox/conformance-report`, {})).statusCode).toBe(403);
    expect((await reader.get(`/initiatives/${initiativeId}/sandbox/conformance-report.pdf`)).statusCode).toBe(403);
  });

  it("does not let calls anyone could make (no accepted certificate) fail the organisation's report", async () => {
    const { pl, url, environmentId } = await initiativeWithCalls();
    const failed = async () => (await report(pl, url)).summary.failed;
    const before = await failed();
    const log = new EventLog().wait(10_800);
    log.lookupAndDeliver("reachable-kivra");
    const refused = log.events.map((e) => ({
      ...e,
      outcome: "refused" as const,
      checks: [{ id: "sender.client-certificate" as const, status: "fail" as const, message: "no client certificate was presented" }],
    }));
    await store(refused, environmentId, false);
    expect(await failed()).toBe(before);
    // Inside a load test's window they are the load test's to sum up, not the report's.
    const [first] = refused;
    if (!first) throw new Error("no calls logged");
    const window = { environmentId, targetRate: 5, startedAt: first.receivedAt, endsAt: new Date(first.receivedAt.getTime() + 60_000) };
    const [loadTest] = await world.db.insert(sandboxLoadTests).values(window).returning();
    await store(refused, environmentId, true);
    expect(await failed()).toBe(before);
    // Outside it, the same calls made with the organisation's accepted certificate fail MM-15.
    await world.db.delete(sandboxLoadTests).where(eq(sandboxLoadTests.id, loadTest?.id ?? ""));
    expect(await failed()).toBe(before + 1);
  });
});
