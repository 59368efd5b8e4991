import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { sandboxEvents, sandboxMessages } from "../../src/db/schema.ts";
import { TestRunCallDetail, TestRunCalls } from "../../src/http/routes/sandbox/test-run.schema.ts";
import type { Check } from "../../src/sandbox/checks/check.ts";
import { seedTestEnvironment } from "../support/sandbox-fixtures.ts";
import { getJson, parseBody, useTestWorld } from "../support/test-world.ts";

const Detail = z.object({ call: TestRunCallDetail });

const T0 = new Date("2026-11-27T10:00:00Z");
const b64 = (text: string | Buffer) => Buffer.from(text).toString("base64");
const PDF = Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const CHECKS: Check[] = [
  { id: "envelope.soap11", status: "pass", message: "a SOAP 1.1 envelope" },
  { id: "delivery.message.language", status: "warn", message: "Language missing" },
  { id: "signature.sender", status: "fail", message: "the sender's signature does not verify" },
];

describe("the test-run view: an environment's calls, each in full, and what it delivered", () => {
  const world = useTestWorld();

  /**
   * A new initiative whose test environment received 60 lookups a second apart from T0, then a
   * faulted delivery of two messages (an HTML body with a script and two attachments, one of them
   * not the PDF it says it is; a text body).
   */
  async function initiativeWithCalls() {
    const { initiative, environment } = await seedTestEnvironment(world, { name: "E-faktura till medborgare" });
    /** One recorded call of the environment, `seconds` after T0. */
    const call = (seconds: number, values: Partial<typeof sandboxEvents.$inferInsert> = {}) => ({
      id: randomUUID(),
      at: new Date(T0.getTime() + seconds * 1000),
      organisationId: world.orgA.id,
      environmentId: environment.id,
      endpoint: "recipient",
      operation: "isReachable",
      senderOrgNr: `16${world.orgA.number}`,
      recipientIds: ["180001019806"],
      clientOrgNr: `16${world.orgA.number}`,
      outcome: "answered",
      httpStatus: 200,
      durationMs: 3.5,
      checks: [],
      requestBytes: 900,
      ...values,
    });
    const delivery = call(100, {
      endpoint: "service",
      operation: "deliverSecure",
      operatorId: "kivra",
      outcome: "fault",
      httpStatus: 500,
      durationMs: 41.2,
      faultCode: 5001,
      reason: "the sender's signature does not verify",
      checks: CHECKS,
      requestBytes: 104_000,
    });
    await world.db.insert(sandboxEvents).values([...Array.from({ length: 60 }, (_, i) => call(i)), delivery]);
    await world.db.insert(sandboxMessages).values([
      {
        eventId: delivery.id,
        position: 0,
        messageId: "msg-1",
        subject: "Ditt beslut om bygglov",
        bodyContentType: "text/html",
        bodyBase64: b64('<html><body><h1>Beslut</h1><script>parent.document.title="pwned"</script></body></html>'),
        attachments: [
          { filename: "beslut.pdf", contentType: "application/pdf", checksum: "x", base64: b64(PDF) },
          { filename: '../../etc/"pass\u0007wd".pdf', contentType: "application/pdf", checksum: "y", base64: b64("MZ not a pdf") },
        ],
      },
      {
        eventId: delivery.id,
        position: 1,
        messageId: "msg-2",
        subject: "Påminnelse",
        bodyContentType: "text/plain; charset=utf-8",
        bodyBase64: b64("Hej <b>Anna</b> & välkommen"),
        attachments: [],
      },
    ]);
    return {
      initiativeId: initiative.id,
      environmentId: environment.id,
      deliveryId: delivery.id,
      base: `/api/v1/initiatives/${initiative.id}/sandbox/calls`,
    };
  }

  it("lists the calls newest first, 50 a page, with the counts of failed and warned checks", async () => {
    const pl = await world.loginAs("plA");
    const { base, environmentId, deliveryId } = await initiativeWithCalls();
    const first = await getJson(pl, base, TestRunCalls);
    expect(first.environment?.id).toBe(environmentId);
    expect(first.calls).toHaveLength(50);
    expect(first.calls[0]).toMatchObject({ id: deliveryId, outcome: "fault", failedChecks: 1, warnedChecks: 1, requestBytes: 104_000 });
    expect(first.calls[1]?.at).toBe(new Date(T0.getTime() + 59_000).toISOString());
    expect(first.nextBefore).toBe(first.calls[49]?.id);

    const second = await getJson(pl, `${base}?before=${first.nextBefore}`, TestRunCalls);
    expect(second.calls).toHaveLength(11);
    expect(second.calls.at(-1)?.at).toBe(T0.toISOString());
    expect(second.nextBefore).toBeNull();
    expect(new Set([...first.calls, ...second.calls].map((c) => c.id)).size).toBe(61);
  });

  it("filters by outcome, and refuses an unknown one", async () => {
    const pl = await world.loginAs("plA");
    const { base, deliveryId } = await initiativeWithCalls();
    const faults = await getJson(pl, `${base}?outcome=fault`, TestRunCalls);
    expect(faults.calls.map((c) => c.id)).toEqual([deliveryId]);
    expect((await pl.get(`${base}?outcome=exploded`)).statusCode).toBe(400);
  });

  it("shows one call in full, with its checks and the metadata of its messages but not their content", async () => {
    const pl = await world.loginAs("plA");
    const { base, deliveryId } = await initiativeWithCalls();
    const res = await pl.get(`${base}/${deliveryId}`);
    const { call: detail } = parseBody(res, Detail);
    expect(detail).toMatchObject({ clientOrgNr: `16${world.orgA.number}`, reason: "the sender's signature does not verify" });
    expect(detail.checks.map((c) => c.status)).toEqual(["pass", "warn", "fail"]);
    expect(detail.messages.map((m) => m.subject)).toEqual(["Ditt beslut om bygglov", "Påminnelse"]);
    expect(detail.messages[0]?.attachments).toEqual([
      expect.objectContaining({ index: 0, filename: "beslut.pdf", isPdf: true }),
      expect.objectContaining({ index: 1, filename: "passwd.pdf", isPdf: false }),
    ]);
    expect(res.body).not.toContain(b64(PDF));
  });

  it("answers 404 for a call of another environment, and to an outsider; 403 to a member without the sandbox role", async () => {
    const pl = await world.loginAs("plA");
    const { base, deliveryId } = await initiativeWithCalls();
    const { id: otherInitiative } = await world.seedInitiative({ name: "Annat initiativ" });
    expect((await pl.get(`/api/v1/initiatives/${otherInitiative}/sandbox/calls/${deliveryId}`)).statusCode).toBe(404);
    expect((await getJson(pl, `/api/v1/initiatives/${otherInitiative}/sandbox/calls`, TestRunCalls)).environment).toBeNull();
    const outsider = await world.loginAs("plB");
    expect((await outsider.get(base)).statusCode).toBe(404);
    expect((await outsider.get(`${base}/${deliveryId}`)).statusCode).toBe(404);
    const reader = await world.loginAs("readerA");
    expect((await reader.get(base)).statusCode).toBe(403);
  });

  describe("as pages", () => {
    /** The calls, as the projektledare's pages show them, of a new initiative's environment. */
    async function pagesOfCalls() {
      const { initiativeId, deliveryId } = await initiativeWithCalls();
      return { initiativeId, deliveryId, pages: `/initiatives/${initiativeId}/sandbox/calls`, session: await world.browserAs("plA") };
    }

    it("is linked from the initiative's test-environment page, as load tests are", async () => {
      const { pages, session, initiativeId } = await pagesOfCalls();
      const res = await session.get(`/initiatives/${initiativeId}/sandbox`);
      expect(res.body).toContain(`href="${pages}"`);
      expect(res.body).toContain(`href="/initiatives/${initiativeId}/sandbox/load-tests"`);
    });

    it("lists the calls with links to each and to the older ones", async () => {
      const { pages, session, deliveryId } = await pagesOfCalls();
      const res = await session.get(pages);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`href="${pages}/${deliveryId}"`);
      expect(res.body).toMatch(/href="[^"]*\?before=[0-9a-f-]{36}"/);
      expect(res.body).toContain("SOAP-fel");
    });

    it("shows each delivered message in a frame with scripts off, and its attachments as downloads", async () => {
      const { pages, session, deliveryId } = await pagesOfCalls();
      const res = await session.get(`${pages}/${deliveryId}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(
        `<iframe sandbox="" src="${pages}/${deliveryId}/messages/0/body" title="Innehållet i meddelande 1: Ditt beslut om bygglov"`,
      );
      expect(res.body).toContain(`href="${pages}/${deliveryId}/messages/0/attachments/1"`);
      expect(res.body).toContain("signature.sender");
      expect(res.body).not.toContain("<script>parent");
    });

    it("gives the reason in Swedish and the emulator's English words as a labelled technical detail, times to the second", async () => {
      const { pages, session, deliveryId } = await pagesOfCalls();
      const res = await session.get(`${pages}/${deliveryId}`);
      expect(res.body).toContain("<dt>Orsak</dt><dd>Signaturen på försändelsen kunde inte verifieras.</dd>");
      expect(res.body).toContain(
        '<dt>Teknisk detalj (emulatorns text, på engelska)</dt><dd><span lang="en">the sender&#x27;s signature does not verify</span></dd>',
      );
      expect(res.body).not.toContain("Orsak (på engelska)");
      // Calls a second apart must be told apart: the list shows seconds.
      const list = await session.get(pages);
      expect(list.body).toMatch(/>\d{1,2} [a-z]{3}\.? \d{4} \d{2}:\d{2}:\d{2}</);
    });

    it("serves an HTML body as sent, under a CSP that sandboxes it and may be framed by our pages only", async () => {
      const { pages, session, deliveryId } = await pagesOfCalls();
      const res = await session.get(`${pages}/${deliveryId}/messages/0/body`);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(res.headers["content-security-policy"]).toBe(
        "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'",
      );
      expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.body).toContain("<h1>Beslut</h1>");
    });

    it("shows a text body as text: markup escaped", async () => {
      const { pages, session, deliveryId } = await pagesOfCalls();
      const res = await session.get(`${pages}/${deliveryId}/messages/1/body`);
      expect(res.headers["content-security-policy"]).toMatch(/^sandbox; default-src 'none'/);
      expect(res.body).toContain("Hej &lt;b&gt;Anna&lt;/b&gt; &amp; välkommen");
      expect(res.body).not.toContain("<b>Anna");
    });

    it("downloads an attachment as PDF only when its content is one, under a safe name", async () => {
      const { pages, session, deliveryId } = await pagesOfCalls();
      const pdf = await session.get(`${pages}/${deliveryId}/messages/0/attachments/0`);
      expect(pdf.headers["content-type"]).toBe("application/pdf");
      expect(pdf.headers["content-disposition"]).toBe(`attachment; filename="beslut.pdf"; filename*=UTF-8''beslut.pdf`);
      expect(pdf.rawPayload.equals(PDF)).toBe(true);
      const fake = await session.get(`${pages}/${deliveryId}/messages/0/attachments/1`);
      expect(fake.headers["content-type"]).toBe("application/octet-stream");
      expect(fake.headers["content-disposition"]).toBe(`attachment; filename="passwd.pdf"; filename*=UTF-8''passwd.pdf`);
      expect(fake.headers["x-content-type-options"]).toBe("nosniff");
    });

    it("answers 404 for a message or attachment that does not exist, or a malformed number", async () => {
      const { pages, session, deliveryId } = await pagesOfCalls();
      for (const path of ["messages/2/body", "messages/0/attachments/2", "messages/x/body", "messages/-1/body"]) {
        expect((await session.get(`${pages}/${deliveryId}/${path}`)).statusCode, path).toBe(404);
      }
    });

    it("refuses an outsider's pages with 404", async () => {
      const { pages, deliveryId } = await pagesOfCalls();
      const outsider = await world.browserAs("plB");
      for (const path of ["", `/${deliveryId}`, `/${deliveryId}/messages/0/body`, `/${deliveryId}/messages/0/attachments/0`]) {
        expect((await outsider.get(`${pages}${path}`)).statusCode, path).toBe(404);
      }
    });
  });
});
