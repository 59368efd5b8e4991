import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverSecureRequest, exampleDelivery, sealedDelivery } from "../../src/sandbox/testing/reference-delivery.ts";
import { testSigners } from "../../src/sandbox/testing/signers.ts";
import { apiAs, browser, seedWorld, startTestApp, type TestApp, type World } from "../support/test-app.ts";

type Report = { checks: { id: string; status: "pass" | "fail" | "warn"; message: string }[] };

describe("the delivery validator", () => {
  let t: TestApp;
  let w: World;
  let token: string;
  const valid = deliverSecureRequest(exampleDelivery(), testSigners());

  const post = (payload: string | Buffer, contentType = "text/xml; charset=utf-8", bearer: string | null = token) =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/sandbox/validate",
      headers: { "content-type": contentType, ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      payload,
    });
  const failing = (report: Report) => report.checks.filter((c) => c.status === "fail").map((c) => c.id);

  beforeAll(async () => {
    t = await startTestApp();
    w = await seedWorld(t.db);
    token = (await apiAs(t.app, w.emails.readerA)).token;
  });
  afterAll(async () => t.close());

  it("checks a conformant SOAP request: everything passes but the informational strict signature checks", async () => {
    const res = await post(valid);
    expect(res.statusCode).toBe(200);
    const report = res.json() as Report;
    expect(failing(report)).toEqual([]);
    expect(report.checks.filter((c) => c.status === "warn").map((c) => c.id)).toEqual([
      "signature.sender.strict",
      "signature.intermediary.strict",
    ]);
    expect(report.checks[0]).toEqual({ id: "xml.size-limit", status: "pass", message: expect.stringContaining("bytes") });
  });

  it("takes a bare SealedDelivery and every XML content type", async () => {
    const bare = sealedDelivery(exampleDelivery(), testSigners());
    for (const type of ["application/xml", "text/xml", "application/soap+xml; charset=utf-8"]) {
      const res = await post(bare, type);
      expect(res.statusCode, type).toBe(200);
      expect(failing(res.json() as Report)).toEqual([]);
    }
  });

  it("answers 200 with failing checks for a broken delivery, malformed XML, an XML bomb and a wrong namespace", async () => {
    const twoRecipients = deliverSecureRequest(exampleDelivery({ recipients: ["183701012399", "183503212571"] }), testSigners());
    expect(failing((await post(twoRecipients)).json() as Report)).toContain("delivery.single-recipient");
    expect(failing((await post("<soap:Envelope><soap:Body>")).json() as Report)).toEqual(["xml.well-formed"]);
    const bomb = '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><l>&b;</l>';
    expect(failing((await post(bomb)).json() as Report)).toEqual(["xml.no-dtd"]);
    expect(failing((await post(`${"<a>".repeat(5000)}${"</a>".repeat(5000)}`)).json() as Report)).toEqual(["xml.depth-limit"]);
    const wrongNamespace = valid.replace("http://schemas.xmlsoap.org/soap/envelope/", "urn:not-soap");
    expect(failing((await post(wrongNamespace)).json() as Report)).toEqual(["envelope.soap11"]);
  });

  it("asks for a bearer token (401) without reading the body", async () => {
    const res = await post(valid, "text/xml", null);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await post(Buffer.alloc(6 * 1024 * 1024, 0x20), "text/xml", null)).statusCode).toBe(401);
    expect((await post(valid, "text/xml", "not-a-token")).statusCode).toBe(401);
  });

  it("refuses a body over 5 MB with 413", async () => {
    const res = await post(Buffer.concat([Buffer.from("<a>"), Buffer.alloc(5 * 1024 * 1024, 0x78), Buffer.from("</a>")]));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });

  it("refuses anything but XML with 415", async () => {
    for (const [type, payload] of [
      ["application/json", JSON.stringify({ xml: valid })],
      ["text/plain", valid],
      ["application/octet-stream", valid],
    ] as const) {
      const res = await post(payload, type);
      expect(res.statusCode, type).toBe(415);
      expect(res.json()).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
    }
  });

  it("keeps XML away from every other route", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/organisations",
      headers: { "content-type": "application/xml", authorization: `Bearer ${token}` },
      payload: "<organisation/>",
    });
    expect(res.statusCode).toBe(415);
  });

  it("is described in the OpenAPI document", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, { summary: string; security: unknown[] }>>;
    };
    const operation = doc.paths["/api/v1/sandbox/validate"]?.post;
    expect(operation?.summary).toContain("application/xml");
    expect(operation?.security).toEqual([{ bearerAuth: [] }]);
  });

  it("shows the same checks on a page, as a table with status tags", async () => {
    const b = browser(t.app);
    expect((await b.get("/sandbox/validate")).statusCode).toBe(303);
    const anonymous = await b.post("/sandbox/validate", { xml: valid });
    expect([anonymous.statusCode, anonymous.headers.location]).toEqual([303, "/login?next=%2Fsandbox%2Fvalidate"]);
    await b.login(w.emails.readerA);
    const page = await b.get("/sandbox/validate");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Validera en leverans");
    expect(page.body).toMatch(/<textarea[^>]* id="f-xml" name="xml"/);

    const empty = await b.post("/sandbox/validate", { xml: "  " });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#f-xml"');

    const res = await b.post("/sandbox/validate", { xml: valid.replace("<Language>svSE</Language>", "") });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Resultat");
    expect(res.body).toMatch(/<tr[^>]*data-status="fail"[^>]*><td[^>]*><code>delivery.schema<\/code>/);
    expect(res.body).toContain("Underkänd");
    expect(res.body).toContain("Godkänd");
    expect(res.body).toContain('lang="en"');
    // The submitted XML comes back in the field, escaped.
    expect(res.body).toContain("&lt;soap:Envelope");
  });

  it("links the page from the menu for logged-in users", async () => {
    const b = browser(t.app);
    await b.login(w.emails.plB);
    expect((await b.get("/")).body).toContain('href="/sandbox/validate"');
  });
});
