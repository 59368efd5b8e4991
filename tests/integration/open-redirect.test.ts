import { describe, expect, it } from "vitest";
import { useTestWorld } from "../support/test-world.ts";

/** Return paths a browser would follow to another host, sent the ways a person can be tricked into sending them. */
const ELSEWHERE = [
  "//evil.example/x",
  "/\\evil.example/x",
  "/\t/evil.example/x",
  "https://evil.example/x",
  "javascript:alert(1)",
  "/%2F/evil.example",
  "/%5Cevil.example",
  "/%09/evil.example/x",
];

describe("return paths never lead to another host", () => {
  const world = useTestWorld();

  it("refuses /login?next=/%09/host/x (which sent the probe's Chromium away) and its encoded variants", async () => {
    const b = await world.browserAs("plA");
    // A control character in a query is refused at the edge.
    const tab = await b.get("/login?next=/%09/evil.example/x");
    expect(tab.statusCode).toBe(400);
    expect(tab.headers.location).toBeUndefined();
    for (const next of ["/%2509/evil.example/x", "%2F%2Fevil.example", "/%255Cevil.example", "https:%2F%2Fevil.example"]) {
      const res = await b.get(`/login?next=${next}`);
      expect(res.statusCode, next).toBe(303);
      expect(res.headers.location, next).toBe("/");
    }
  });

  it.each(ELSEWHERE)("answers a login with next=%j by going to the start page", async (next) => {
    const b = world.anonymousBrowser();
    const res = await b.post("/login", { email: world.emails.plA, password: "Test-password-1", next });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/");
  });

  it("keeps a path on Ansluta itself, query and all", async () => {
    const b = world.anonymousBrowser();
    const res = await b.post("/login", { email: world.emails.plA, password: "Test-password-1", next: "/initiatives?organisationId=x#top" });
    expect(res.headers.location).toBe("/initiatives?organisationId=x#top");
  });

  it("does not put a foreign next into the login form either", async () => {
    const res = await world.app.inject({ method: "GET", url: "/login?next=%2F%5Cevil.example" });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain("evil.example");
  });

  it.each(ELSEWHERE)("answers the language switch with returnTo=%j by going to the start page", async (returnTo) => {
    const b = world.anonymousBrowser();
    const res = await b.post("/language", { locale: "en", returnTo });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/");
  });
});
