import { describe, expect, it } from "vitest";
import { Deliverable } from "../../src/http/routes/deliverables/deliverables.schema.ts";
import { Initiative } from "../../src/http/routes/initiatives/initiatives.schema.ts";
import { PASSWORD } from "../support/test-app.ts";
import { postJson, useTestWorld } from "../support/test-world.ts";

/** Input PostgreSQL cannot store, or that breaks a header, is a 400 naming the field: never a 500. */
describe("bad input at the edge", () => {
  const world = useTestWorld();

  it.each([
    ["a NUL", "Bygg\u0000lov"],
    ["a lone high surrogate", "Bygg\ud800lov"],
    ["a lone low surrogate", "\udfffBygglov"],
    ["surrogates in the wrong order", "\udc00\ud800"],
  ])("answers %s in a JSON string with 400 VALIDATION_FAILED naming the field", async (_, name) => {
    const pl = await world.loginAs("plA");
    const res = await pl.post("/api/v1/initiatives", { organisationId: world.orgA.id, name });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: [{ path: "name", code: "invalid_characters", message: expect.stringContaining("cannot be stored") }],
    });
  });

  it("keeps text that is only unusual: a properly paired emoji, newlines and tabs", async () => {
    const pl = await world.loginAs("plA");
    const created = await postJson(
      pl,
      "/api/v1/initiatives",
      { organisationId: world.orgA.id, name: "Bygglov 💌", description: "Rad 1\nRad 2\tflik" },
      Initiative,
    );
    expect(created).toMatchObject({ name: "Bygglov 💌", description: "Rad 1\nRad 2\tflik" });
  });

  it("checks nested values and object keys too, and names the path", async () => {
    const pl = await world.loginAs("plA");
    const initiative = await world.seedInitiative({ name: "X" });
    const doc = await postJson(pl, `/api/v1/initiatives/${initiative.id}/deliverables`, { deliverableTypeId: "riskanalys" }, Deliverable);
    const section = doc.template[0]?.id ?? "x";
    const inValue = await pl.put(`/api/v1/deliverables/${doc.id}/sections`, { sections: { [section]: "a\u0000b" } });
    expect(inValue.statusCode).toBe(400);
    expect(inValue.json()).toMatchObject({ fields: [{ path: `sections.${section}`, code: "invalid_characters" }] });
    const inKey = await pl.put(`/api/v1/deliverables/${doc.id}/sections`, { sections: { "a\u0000": "text" } });
    expect(inKey.statusCode).toBe(400);
    expect(inKey.json()).toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("refuses nesting deeper than any request takes, without recursing into it", async () => {
    const pl = await world.loginAs("plA");
    for (const depth of [40, 5_000, 100_000]) {
      const deep = `${"[".repeat(depth)}"x"${"]".repeat(depth)}`;
      const res = await world.app.inject({
        method: "POST",
        url: "/api/v1/initiatives",
        headers: { authorization: `Bearer ${pl.token}`, "content-type": "application/json" },
        payload: `{"organisationId":"${world.orgA.id}","name":"X","description":${deep}}`,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: expect.stringMatching(/^(VALIDATION_FAILED|BAD_REQUEST)$/) });
    }
    const res = await pl.post("/api/v1/initiatives", {
      organisationId: world.orgA.id,
      name: "X",
      description: JSON.parse(`${"[".repeat(40)}1${"]".repeat(40)}`),
    });
    expect(res.json()).toMatchObject({ code: "VALIDATION_FAILED", fields: [{ code: "too_deep" }] });
  });

  it("answers the login with a NUL in the e-mail 400, not 500", async () => {
    const res = await world.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "pl-a@test.example\u0000", password: "x" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "VALIDATION_FAILED", fields: [{ path: "email", code: "invalid_characters" }] });
  });

  it.each([
    ["a newline in next", "/login?next=/%0a/x"],
    ["a header injection in next", "/login?next=/x%0d%0aSet-Cookie:%20a=b"],
    ["a NUL in a query", "/api/v1/audit?organisationId=%00"],
    ["a tab in a query", "/api/v1/audit?organisationId=%09"],
    ["a control character in a page's path", "/initiatives/%01"],
  ])("answers %s with 400", async (_, url) => {
    const pl = await world.loginAs("plA");
    const res = await world.app.inject({ method: "GET", url, headers: { authorization: `Bearer ${pl.token}` } });
    expect(res.statusCode).toBe(400);
    expect(res.headers["set-cookie"] ?? "").not.toContain("a=b");
  });

  it("answers a form with a NUL with a 400 page that says what is wrong", async () => {
    const b = await world.browserAs("plA");
    const res = await b.post("/initiatives/new", { organisationId: world.orgA.id, name: "Bygg\u0000lov" });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.body).toContain("Begäran kunde inte hanteras");
  });

  it("answers a login form with a NUL 400, and a form's return path with a newline falls back to the start page", async () => {
    const b = world.anonymousBrowser();
    expect((await b.post("/login", { email: "a\u0000@x.se", password: "x", next: "/" })).statusCode).toBe(400);
    const res = await b.post("/login", { email: world.emails.plA, password: PASSWORD, next: "/\n/evil.example" });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/");
  });
});
