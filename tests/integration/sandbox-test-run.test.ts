import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxEnvironments, sandboxEvents, sandboxMessages } from "../../src/db/schema.ts";
import type { Check } from "../../src/sandbox/checks/check.ts";
import { apiAs, browser, seedWorld, startTestApp, type TestApp, type World } from "../support/test-app.ts";

type Api = Awaited<ReturnType<typeof apiAs>>;
type CallLine = { id: string; at: string; outcome: string; failedChecks: number; warnedChecks: number; requestBytes: number };
type Calls = { environment: { id: string } | null; calls: CallLine[]; nextBefore: string | null };
type Detail = {
  call: CallLine & {
    clientOrgNr: string | null;
    reason: string | null;
    checks: Check[];
    messages: { position: number; subject: string; attachments: { index: number; filename: string; isPdf: boolean }[] }[];
  };
};

const T0 = new Date("2026-11-27T10:00:00Z");
const b64 = (text: string | Buffer) => Buffer.from(text).toString("base64");
const PDF = Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const CHECKS: Check[] = [
  { id: "envelope.soap11", status: "pass", message: "a SOAP 1.1 envelope" },
  { id: "delivery.message.language", status: "warn", message: "Language missing" },
  { id: "signature.sender", status: "fail", message: "the sender's signature does not verify" },
];

describe("the test-run view: an environment's calls, each in full, and what it delivered", () => {
  let t: TestApp;
  let w: World;
  let pl: Api;
  let initiativeId: string;
  let environmentId: string;
  let deliveryId: string;
  let base: string;

  /** One recorded call of the environment, `seconds` after T0. */
  const call = async (seconds: number, values: Partial<typeof sandboxEvents.$inferInsert> = {}) => {
    const id = randomUUID();
    await t.db.insert(sandboxEvents).values({
      id,
      at: new Date(T0.getTime() + seconds * 1000),
      organisationId: w.orgA.id,
      environmentId,
      endpoint: "recipient",
      operation: "isReachable",
      senderOrgNr: `16${w.orgA.number}`,
      recipientIds: ["180001019806"],
      clientOrgNr: `16${w.orgA.number}`,
      outcome: "answered",
      httpStatus: 200,
      durationMs: 3.5,
      checks: [],
      requestBytes: 900,
      ...values,
    });
    return id;
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await seedWorld(t.db);
    pl = await apiAs(t.app, w.emails.plA);
    initiativeId = (
      (await pl.post("/api/v1/initiatives", { organisationId: w.orgA.id, name: "E-faktura till medborgare" })).json() as { id: string }
    ).id;
    base = `/api/v1/initiatives/${initiativeId}/sandbox/calls`;
    const [env] = await t.db
      .insert(sandboxEnvironments)
      .values({ initiativeId, organisationId: w.orgA.id, slug: "abcde12345" })
      .returning();
    environmentId = env?.id ?? "";
    for (let i = 0; i < 60; i++) await call(i);
    deliveryId = await call(100, {
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
    await t.db.insert(sandboxMessages).values([
      {
        eventId: deliveryId,
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
        eventId: deliveryId,
        position: 1,
        messageId: "msg-2",
        subject: "Påminnelse",
        bodyContentType: "text/plain; charset=utf-8",
        bodyBase64: b64("Hej <b>Anna</b> & välkommen"),
        attachments: [],
      },
    ]);
  });
  afterAll(async () => t.close());

  it("lists the calls newest first, 50 a page, with the counts of failed and warned checks", async () => {
    const first = (await pl.get(base)).json() as Calls;
    expect(first.environment?.id).toBe(environmentId);
    expect(first.calls).toHaveLength(50);
    expect(first.calls[0]).toMatchObject({ id: deliveryId, outcome: "fault", failedChecks: 1, warnedChecks: 1, requestBytes: 104_000 });
    expect(first.calls[1]?.at).toBe(new Date(T0.getTime() + 59_000).toISOString());
    expect(first.nextBefore).toBe(first.calls[49]?.id);

    const second = (await pl.get(`${base}?before=${first.nextBefore}`)).json() as Calls;
    expect(second.calls).toHaveLength(11);
    expect(second.calls.at(-1)?.at).toBe(T0.toISOString());
    expect(second.nextBefore).toBeNull();
    expect(new Set([...first.calls, ...second.calls].map((c) => c.id)).size).toBe(61);
  });

  it("filters by outcome, and refuses an unknown one", async () => {
    const faults = (await pl.get(`${base}?outcome=fault`)).json() as Calls;
    expect(faults.calls.map((c) => c.id)).toEqual([deliveryId]);
    expect((await pl.get(`${base}?outcome=exploded`)).statusCode).toBe(400);
  });

  it("shows one call in full, with its checks and the metadata of its messages but not their content", async () => {
    const res = await pl.get(`${base}/${deliveryId}`);
    expect(res.statusCode, res.body).toBe(200);
    const { call: detail } = res.json() as Detail;
    expect(detail).toMatchObject({ clientOrgNr: `16${w.orgA.number}`, reason: "the sender's signature does not verify" });
    expect(detail.checks.map((c) => c.status)).toEqual(["pass", "warn", "fail"]);
    expect(detail.messages.map((m) => m.subject)).toEqual(["Ditt beslut om bygglov", "Påminnelse"]);
    expect(detail.messages[0]?.attachments).toEqual([
      expect.objectContaining({ index: 0, filename: "beslut.pdf", isPdf: true }),
      expect.objectContaining({ index: 1, filename: "passwd.pdf", isPdf: false }),
    ]);
    expect(res.body).not.toContain(b64(PDF));
  });

  it("answers 404 for a call of another environment, and to an outsider; 403 to a member without the sandbox role", async () => {
    const otherInitiative = (
      (await pl.post("/api/v1/initiatives", { organisationId: w.orgA.id, name: "Annat initiativ" })).json() as { id: string }
    ).id;
    expect((await pl.get(`/api/v1/initiatives/${otherInitiative}/sandbox/calls/${deliveryId}`)).statusCode).toBe(404);
    expect(((await pl.get(`/api/v1/initiatives/${otherInitiative}/sandbox/calls`)).json() as Calls).environment).toBeNull();
    const outsider = await apiAs(t.app, w.emails.plB);
    expect((await outsider.get(base)).statusCode).toBe(404);
    expect((await outsider.get(`${base}/${deliveryId}`)).statusCode).toBe(404);
    const reader = await apiAs(t.app, w.emails.readerA);
    expect((await reader.get(base)).statusCode).toBe(403);
  });

  describe("as pages", () => {
    const pages = () => `/initiatives/${initiativeId}/sandbox/calls`;
    let session: ReturnType<typeof browser>;
    beforeAll(async () => {
      session = browser(t.app);
      await session.login(w.emails.plA);
    });

    it("is linked from the initiative's test-environment page, as load tests are", async () => {
      const res = await session.get(`/initiatives/${initiativeId}/sandbox`);
      expect(res.body).toContain(`href="${pages()}"`);
      expect(res.body).toContain(`href="/initiatives/${initiativeId}/sandbox/load-tests"`);
    });

    it("lists the calls with links to each and to the older ones", async () => {
      const res = await session.get(pages());
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`href="${pages()}/${deliveryId}"`);
      expect(res.body).toMatch(/href="[^"]*\?before=[0-9a-f-]{36}"/);
      expect(res.body).toContain("SOAP-fel");
    });

    it("shows each delivered message in a frame with scripts off, and its attachments as downloads", async () => {
      const res = await session.get(`${pages()}/${deliveryId}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(
        `<iframe sandbox="" src="${pages()}/${deliveryId}/messages/0/body" title="Innehållet i meddelande 1: Ditt beslut om bygglov"`,
      );
      expect(res.body).toContain(`href="${pages()}/${deliveryId}/messages/0/attachments/1"`);
      expect(res.body).toContain("signature.sender");
      expect(res.body).not.toContain("<script>parent");
    });

    it("gives the reason in Swedish and the emulator's English words as a labelled technical detail, times to the second", async () => {
      const res = await session.get(`${pages()}/${deliveryId}`);
      expect(res.body).toContain("<dt>Orsak</dt><dd>Signaturen på försändelsen kunde inte verifieras.</dd>");
      expect(res.body).toContain(
        '<dt>Teknisk detalj (emulatorns text, på engelska)</dt><dd><span lang="en">the sender&#x27;s signature does not verify</span></dd>',
      );
      expect(res.body).not.toContain("Orsak (på engelska)");
      // Calls a second apart must be told apart: the list shows seconds.
      const list = await session.get(pages());
      expect(list.body).toMatch(/>\d{1,2} [a-z]{3}\.? \d{4} \d{2}:\d{2}:\d{2}</);
    });

    it("serves an HTML body as sent, under a CSP that sandboxes it and may be framed by our pages only", async () => {
      const res = await session.get(`${pages()}/${deliveryId}/messages/0/body`);
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
      const res = await session.get(`${pages()}/${deliveryId}/messages/1/body`);
      expect(res.headers["content-security-policy"]).toMatch(/^sandbox; default-src 'none'/);
      expect(res.body).toContain("Hej &lt;b&gt;Anna&lt;/b&gt; &amp; välkommen");
      expect(res.body).not.toContain("<b>Anna");
    });

    it("downloads an attachment as PDF only when its content is one, under a safe name", async () => {
      const pdf = await session.get(`${pages()}/${deliveryId}/messages/0/attachments/0`);
      expect(pdf.headers["content-type"]).toBe("application/pdf");
      expect(pdf.headers["content-disposition"]).toBe(`attachment; filename="beslut.pdf"; filename*=UTF-8''beslut.pdf`);
      expect(pdf.rawPayload.equals(PDF)).toBe(true);
      const fake = await session.get(`${pages()}/${deliveryId}/messages/0/attachments/1`);
      expect(fake.headers["content-type"]).toBe("application/octet-stream");
      expect(fake.headers["content-disposition"]).toBe(`attachment; filename="passwd.pdf"; filename*=UTF-8''passwd.pdf`);
      expect(fake.headers["x-content-type-options"]).toBe("nosniff");
    });

    it("answers 404 for a message or attachment that does not exist, or a malformed number", async () => {
      for (const path of ["messages/2/body", "messages/0/attachments/2", "messages/x/body", "messages/-1/body"]) {
        expect((await session.get(`${pages()}/${deliveryId}/${path}`)).statusCode, path).toBe(404);
      }
    });

    it("refuses an outsider's pages with 404", async () => {
      const outsider = browser(t.app);
      await outsider.login(w.emails.plB);
      for (const path of ["", `/${deliveryId}`, `/${deliveryId}/messages/0/body`, `/${deliveryId}/messages/0/attachments/0`]) {
        expect((await outsider.get(`${pages()}${path}`)).statusCode, path).toBe(404);
      }
    });
  });
});
