import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mailedInvitationToken } from "../support/mailbox.ts";
import { useTestWorld } from "../support/test-world.ts";

describe("server-rendered pages", () => {
  const world = useTestWorld();

  it("sends anonymous visitors to the login page and back afterwards", async () => {
    const b = world.anonymousBrowser();
    const res = await b.get("/organisations");
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/login?next=%2Forganisations");
    await b.get("/login");
    const login = await b.post("/login", { email: world.emails.plA, password: "Test-password-1", next: "/organisations" });
    expect(login.statusCode).toBe(303);
    expect(login.headers.location).toBe("/organisations");
    const cookie = login.cookies.find((c) => c.name === "ansluta_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect((await b.get("/organisations")).body).toContain("Sundsvalls kommun");
  });

  it("never redirects to another host after login", async () => {
    const b = world.anonymousBrowser();
    const res = await b.post("/login", { email: world.emails.plA, password: "Test-password-1", next: "//evil.example/" });
    expect(res.headers.location).toBe("/");
  });

  it("shows a Swedish error on a failed login and keeps the e-mail", async () => {
    const b = world.anonymousBrowser();
    const res = await b.post("/login", { email: world.emails.sgA, password: "fel-losenord" });
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain("Fel e-postadress eller lösenord.");
    expect(res.body).toContain(`value="${world.emails.sgA}"`);
  });

  it("refuses a form without the CSRF token, or from another origin", async () => {
    const b = await world.browserAs("admin");
    const noToken = await b.post("/organisations", { name: "X", number: "5566778899", kind: "privat" }, { csrf: null });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.body).toContain("Formuläret har gått ut");
    const wrongOrigin = await b.post(
      "/organisations",
      { name: "X", number: "5566778899", kind: "privat" },
      { origin: "https://evil.example" },
    );
    expect(wrongOrigin.statusCode).toBe(403);
  });

  it("returns a form with errors as an error summary linked to the fields, keeping the input", async () => {
    const b = await world.browserAs("admin");
    const res = await b.post("/organisations", { name: "Testbolaget", number: "556677-8890", kind: "privat" });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#f-number"');
    expect(res.body).toContain("kontrollsiffran stämmer inte");
    expect(res.body).toMatch(/id="f-number"[^>]*aria-describedby="[^"]*f-number-error/);
    expect(res.body).toContain('value="Testbolaget"');
    expect(res.body).toContain('value="556677-8890"');
  });

  it("creates an organisation through the form and shows it with a notice", async () => {
    const b = await world.browserAs("admin");
    const res = await b.post("/organisations", { name: "Exempel Förmedlare AB", number: "556677-8899", kind: "privat" });
    expect(res.statusCode).toBe(303);
    const page = await b.get(res.headers.location as string);
    expect(page.body).toContain("Exempel Förmedlare AB");
    expect(page.body).toContain("Organisationen Exempel Förmedlare AB har skapats.");
  });

  it("invites a member through the form, mails her the link and never shows it to the one who invites", async () => {
    const b = await world.browserAs("plA");
    const form = await b.get(`/organisations/${world.orgA.id}/members/invite`);
    // A projektledare is offered only the roles she may grant.
    expect(form.body).toContain('value="deltagare"');
    expect(form.body).not.toContain('value="styrgrupp"');
    const refused = await b.post(`/organisations/${world.orgA.id}/members/invite`, {
      name: "Anna Ny",
      email: "anna.ny@test.example",
      roles: ["styrgrupp"],
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain("Din roll ger inte rätt att dela ut");
    const res = await b.post(`/organisations/${world.orgA.id}/members/invite`, {
      name: "Anna Ny",
      email: "anna.ny@test.example",
      roles: ["deltagare"],
    });
    expect(res.statusCode).toBe(201);
    expect(res.body).not.toContain("/invitation/");
    expect(res.body).toContain("En engångslänk har skickats till anna.ny@test.example");
    const listed = await b.get(`/organisations/${world.orgA.id}`);
    expect(listed.body).toContain("Väntande inbjudningar");
    expect(listed.body).toContain("anna.ny@test.example");

    const path = `/invitation/${await mailedInvitationToken(world.db, "anna.ny@test.example")}`;
    const invitee = world.anonymousBrowser();
    expect((await invitee.get(path)).body).toContain("anna.ny@test.example");
    const mismatch = await invitee.post(path, { password: "Ett-langt-losenord", confirm: "Annat-losenord" });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain("Lösenorden är inte lika.");
    const ok = await invitee.post(path, { password: "Ett-langt-losenord", confirm: "Ett-langt-losenord" });
    expect(ok.statusCode).toBe(303);
    expect((await invitee.get("/")).body).toContain("Välkommen, Anna Ny");
    expect((await invitee.get(path)).statusCode).toBe(410);
  });

  it("lets a person with an account join another organisation only signed in as herself", async () => {
    const admin = await world.browserAs("admin");
    expect(
      (await admin.post(`/organisations/${world.orgB.id}/members/invite`, { name: "SG", email: world.emails.sgA, roles: ["lasare"] }))
        .statusCode,
    ).toBe(201);
    const path = `/invitation/${await mailedInvitationToken(world.db, world.emails.sgA)}`;
    const anonymous = world.anonymousBrowser();
    const page = await anonymous.get(path);
    expect(page.body).toContain("Det finns redan ett konto");
    expect(page.body).not.toContain('name="password"');
    const other = await world.browserAs("readerA");
    expect((await other.get(path)).statusCode).toBe(403);
    const owner = await world.browserAs("sgA");
    expect((await owner.get(path)).body).toContain("Gå med i Region Västernorrland");
    const joined = await owner.post(path, {});
    expect(joined.statusCode).toBe(303);
    expect(joined.headers.location).toBe(`/organisations/${world.orgB.id}`);
  });

  it("gives the förvaltningsgrupp and the administrator a start page of their own, not 'you are not a member'", async () => {
    const fg = await world.browserAs("fg");
    const fgHome = (await fg.get("/")).body;
    expect(fgHome).not.toContain("Du är inte medlem i någon organisation");
    expect(fgHome).toContain("Som förvaltningsgruppen läser du");
    expect(fgHome).toContain('href="/inbox"');
    const admin = await world.browserAs("admin");
    const adminHome = (await admin.get("/")).body;
    expect(adminHome).not.toContain("Du är inte medlem i någon organisation");
    expect(adminHome).toContain('href="/admin/audit"');
  });

  it("switches language per user and remembers it", async () => {
    const b = await world.browserAs("sgA");
    expect((await b.get("/")).body).toContain('<html lang="sv"');
    await b.post("/language", { locale: "en", returnTo: "/" });
    const english = await b.get("/");
    expect(english.body).toContain('<html lang="en"');
    expect(english.body).toContain("Log out");
    const again = await world.browserAs("sgA");
    expect((await again.get("/")).body).toContain('<html lang="en"');
    await again.post("/language", { locale: "sv", returnTo: "/" });
  });

  it("switches the active organisation for someone in several", async () => {
    const b = await world.browserAs("consultant");
    const before = await b.get("/");
    expect(before.body).toContain("org-switcher");
    await b.post("/session/organisation", { organisationId: world.orgB.id, returnTo: "/" });
    expect((await b.get("/")).body).toContain("Du arbetar just nu i Region Västernorrland.");
    await b.post("/session/organisation", { organisationId: world.orgA.id, returnTo: "/" });
    expect((await b.get("/")).body).toContain("Du arbetar just nu i Sundsvalls kommun.");
  });

  it("returns from the organisation switch to the page it was made on, never to another host", async () => {
    const b = await world.browserAs("consultant");
    const page = await b.get("/initiatives?sort=name");
    const returnTo = /name="returnTo" value="([^"]*)"/.exec(page.body)?.[1]?.replaceAll("&amp;", "&");
    expect(returnTo).toBe("/initiatives?sort=name");
    const switched = await b.post("/session/organisation", { organisationId: world.orgB.id, returnTo: returnTo ?? "" });
    expect(switched.statusCode).toBe(303);
    expect(switched.headers.location).toBe("/initiatives?sort=name");
    const away = await b.post("/session/organisation", { organisationId: world.orgA.id, returnTo: "//evil.example/initiatives" });
    expect(away.headers.location).toBe("/");
  });

  it("creates and revokes a personal API token in settings", async () => {
    const b = await world.browserAs("plA");
    const created = await b.post("/settings/tokens", { name: "CI-nyckel", expiresInDays: "" });
    expect(created.statusCode).toBe(201);
    const token = /data-testid="new-token">([A-Za-z0-9_-]+)</.exec(created.body)?.[1];
    expect(token).toBeDefined();
    const me = await world.app.inject({ method: "GET", url: "/api/v1/me", headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    const id = /\/settings\/tokens\/([0-9a-f-]{36})\/revoke/.exec(created.body)?.[1];
    expect((await b.post(`/settings/tokens/${id}/revoke`, {})).statusCode).toBe(303);
    const after = await world.app.inject({ method: "GET", url: "/api/v1/me", headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
  });

  it("logs out and ends the session on the server", async () => {
    const b = await world.browserAs("plA");
    const session = b.jar.get("ansluta_session") as string;
    await b.post("/logout", {});
    const reused = await world.app.inject({ method: "GET", url: "/", headers: { cookie: `ansluta_session=${session}` } });
    expect(reused.statusCode).toBe(303);
  });

  it("shows the audit log and its verification to an admin only", async () => {
    const admin = await world.browserAs("admin");
    const page = await admin.get("/admin/audit?verify=1");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Kedjan är hel");
    const pl = await world.browserAs("plA");
    expect((await pl.get("/admin/audit")).statusCode).toBe(403);
  });

  it("answers a server fault with a 500 page carrying a reference id and nothing else", async () => {
    const b = await world.browserAs("admin");
    // A fault of the code's, not an outage (a database that does not answer is a 503 page: health.test.ts).
    await world.db.execute(sql`alter table organisations rename to organisations_gone`);
    const res = await b.get("/organisations");
    expect(res.statusCode).toBe(500);
    expect(res.body).toMatch(/Referens: <code>[0-9a-f-]{36}<\/code>/);
    expect(res.body).not.toMatch(/at .*\.ts|stack|select |ECONN|PGlite/i);
  });
});
