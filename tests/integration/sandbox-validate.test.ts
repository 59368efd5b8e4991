import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ValidationReport } from "../../src/http/routes/sandbox/sandbox.schema.ts";
import { deliverSecureRequest, exampleDelivery, sealedDelivery } from "../../src/sandbox/testing/reference-delivery.ts";
import { testSigners } from "../../src/sandbox/testing/signers.ts";
import { parseBody, useTestWorld } from "../support/test-world.ts";

type Report = z.infer<typeof ValidationReport>;

describe("the delivery validator", () => {
  const world = useTestWorld();
  const valid = deliverSecureRequest(exampleDelivery(), testSigners());
  /** A läsare's token: anyone logged in may use the validator. */
  const readerToken = async () => (await world.loginAs("readerA")).token;

  const post = (bearer: string | null, payload: string | Buffer, contentType = "text/xml; charset=utf-8") =>
    world.app.inject({
      method: "POST",
      url: "/api/v1/sandbox/validate",
      headers: { "content-type": contentType, ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      payload,
    });
  const failing = (report: Report) => report.checks.filter((c) => c.status === "fail").map((c) => c.id);
  /** The failing checks of a validation that was answered 200 with a report. */
  const failingOf = async (answer: ReturnType<typeof post>) => failing(parseBody(await answer, ValidationReport));

  it("checks a conformant SOAP request: everything passes but the informational strict signature checks", async () => {
    const report = parseBody(await post(await readerToken(), valid), ValidationReport);
    expect(failing(report)).toEqual([]);
    expect(report.checks.filter((c) => c.status === "warn").map((c) => c.id)).toEqual([
      "signature.sender.strict",
      "signature.intermediary.strict",
    ]);
    expect(report.checks[0]).toEqual({ id: "xml.size-limit", status: "pass", message: expect.stringContaining("bytes") });
  });

  it("takes a bare SealedDelivery and every XML content type", async () => {
    const token = await readerToken();
    const bare = sealedDelivery(exampleDelivery(), testSigners());
    for (const type of ["application/xml", "text/xml", "application/soap+xml; charset=utf-8"]) {
      expect(await failingOf(post(token, bare, type)), type).toEqual([]);
    }
  });

  it("answers 200 with failing checks for a broken delivery, malformed XML, an XML bomb and a wrong namespace", async () => {
    const token = await readerToken();
    const twoRecipients = deliverSecureRequest(exampleDelivery({ recipients: ["183701012399", "183503212571"] }), testSigners());
    expect(await failingOf(post(token, twoRecipients))).toContain("delivery.single-recipient");
    expect(await failingOf(post(token, "<soap:Envelope><soap:Body>"))).toEqual(["xml.well-formed"]);
    const bomb = '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><l>&b;</l>';
    expect(await failingOf(post(token, bomb))).toEqual(["xml.no-dtd"]);
    expect(await failingOf(post(token, `${"<a>".repeat(5000)}${"</a>".repeat(5000)}`))).toEqual(["xml.depth-limit"]);
    const wrongNamespace = valid.replace("http://schemas.xmlsoap.org/soap/envelope/", "urn:not-soap");
    expect(await failingOf(post(token, wrongNamespace))).toEqual(["envelope.soap11"]);
  });

  it("asks for a bearer token (401) without reading the body", async () => {
    const res = await post(null, valid, "text/xml");
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await post(null, Buffer.alloc(6 * 1024 * 1024, 0x20), "text/xml")).statusCode).toBe(401);
    expect((await post("not-a-token", valid, "text/xml")).statusCode).toBe(401);
  });

  it("refuses a body over 5 MB with 413", async () => {
    const res = await post(
      await readerToken(),
      Buffer.concat([Buffer.from("<a>"), Buffer.alloc(5 * 1024 * 1024, 0x78), Buffer.from("</a>")]),
    );
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });

  it("refuses anything but XML with 415", async () => {
    const token = await readerToken();
    for (const [type, payload] of [
      ["application/json", JSON.stringify({ xml: valid })],
      ["text/plain", valid],
      ["application/octet-stream", valid],
    ] as const) {
      const res = await post(token, payload, type);
      expect(res.statusCode, type).toBe(415);
      expect(res.json()).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
    }
  });

  it("keeps XML away from every other route", async () => {
    const res = await world.app.inject({
      method: "POST",
      url: "/api/v1/organisations",
      headers: { "content-type": "application/xml", authorization: `Bearer ${await readerToken()}` },
      payload: "<organisation/>",
    });
    expect(res.statusCode).toBe(415);
  });

  it("is described in the OpenAPI document", async () => {
    const Operation = z.object({ summary: z.string(), security: z.array(z.unknown()) });
    const doc = parseBody(
      await world.app.inject({ method: "GET", url: "/api/openapi.json" }),
      z.object({ paths: z.object({ "/api/v1/sandbox/validate": z.object({ post: Operation }) }) }),
    );
    const operation = doc.paths["/api/v1/sandbox/validate"].post;
    expect(operation.summary).toContain("application/xml");
    expect(operation.security).toEqual([{ bearerAuth: [] }]);
  });

  it("shows the same checks on a page, as a table with status tags", async () => {
    const b = world.anonymousBrowser();
    expect((await b.get("/sandbox/validate")).statusCode).toBe(303);
    const anonymous = await b.post("/sandbox/validate", { xml: valid });
    expect([anonymous.statusCode, anonymous.headers.location]).toEqual([303, "/login?next=%2Fsandbox%2Fvalidate"]);
    await b.login(world.emails.readerA);
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
    const b = await world.browserAs("plB");
    expect((await b.get("/")).body).toContain('href="/sandbox/validate"');
  });
});
