import { describe, expect, it } from "vitest";
import { useTestWorld } from "../support/test-world.ts";

describe("the CSRF token belongs to the session", () => {
  const world = useTestWorld();

  const newOrganisation = { name: "Testbolaget", number: "5566778899", kind: "privat" };

  it("gives a new token at login, and the one from before no longer works", async () => {
    const b = world.anonymousBrowser();
    await b.get("/login");
    const before = b.jar.get("ansluta_csrf") as string;
    const login = await b.post("/login", { email: world.emails.admin, password: "Test-password-1", next: "/" });
    expect(login.statusCode).toBe(303);
    const after = login.cookies.find((c) => c.name === "ansluta_csrf");
    expect(after).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(after?.value).not.toBe(before);
    const form = await b.get("/settings");
    expect(form.body).toContain(`value="${after?.value}"`);
    const stale = await b.post("/settings/language", { locale: "en" }, { csrf: before });
    expect(stale.statusCode).toBe(403);
    expect((await b.post("/settings/language", { locale: "sv" })).statusCode).toBe(303);
  });

  it("refuses a token planted in the browser (double submit alone no longer passes when signed in)", async () => {
    const b = await world.browserAs("admin");
    const planted = "A".repeat(40);
    b.jar.set("ansluta_csrf", planted);
    const res = await b.post("/organisations", newOrganisation, { csrf: planted });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain("Formuläret har gått ut");
  });

  it("refuses the token of another session of the same person", async () => {
    const first = await world.browserAs("admin");
    const second = await world.browserAs("admin");
    const tokenOfFirst = first.jar.get("ansluta_csrf") as string;
    expect(tokenOfFirst).not.toBe(second.jar.get("ansluta_csrf"));
    second.jar.set("ansluta_csrf", tokenOfFirst);
    expect((await second.post("/settings/language", { locale: "en" }, { csrf: tokenOfFirst })).statusCode).toBe(403);
  });

  it("gives a new token at logout, and the session's token is worth nothing afterwards", async () => {
    const b = await world.browserAs("plA");
    const sessionToken = b.jar.get("ansluta_csrf") as string;
    const logout = await b.post("/logout", {});
    expect(logout.statusCode).toBe(303);
    const fresh = b.jar.get("ansluta_csrf") as string;
    expect(fresh).not.toBe(sessionToken);
    // Signed out, forms go on working with the new token: the login form, and the language switch.
    expect((await b.post("/language", { locale: "en", returnTo: "/login" }, { csrf: sessionToken })).statusCode).toBe(403);
    expect((await b.post("/language", { locale: "en", returnTo: "/login" })).statusCode).toBe(303);
    expect((await b.post("/login", { email: world.emails.plA, password: "Test-password-1", next: "/" })).statusCode).toBe(303);
  });
});
