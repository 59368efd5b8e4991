import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, oidcProviders } from "../../src/db/schema.ts";
import { CLIENT_SECRET_PURPOSE } from "../../src/domain/oidc/manage-providers.ts";
import { TEST_SECRETS } from "../support/test-secrets.ts";
import { useTestWorld } from "../support/test-world.ts";

/** The administrator's pages for the identity providers people sign in with (issue 15): list, register, turn off, remove. */
describe("identity providers in the administration", () => {
  const world = useTestWorld();
  const form = {
    displayName: "Timrå kommun",
    issuer: "https://login.timra.se/realms/personal",
    clientId: "ansluta",
    clientSecret: "klient-hemlighet-1",
    emailDomains: "timra.se",
    scopes: "",
  };

  const lastAudit = async () => (await world.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1))[0];

  it("shows the redirect URI under the public address, registers a provider with its secret sealed, and audits it", async () => {
    const admin = await world.browserAs("admin");
    const page = await admin.get("/admin/identity-providers");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("http://ansluta.test/login/oidc/callback");
    expect(page.body).toContain('href="/admin/identity-providers"');
    const added = await admin.post("/admin/identity-providers", form);
    expect(added.statusCode).toBe(303);
    const [row] = await world.db.select().from(oidcProviders).where(eq(oidcProviders.issuer, form.issuer));
    expect(row).toMatchObject({ displayName: "Timrå kommun", emailDomains: ["timra.se"], scopes: "openid email profile", enabled: true });
    expect(row?.clientSecret).not.toContain(form.clientSecret);
    expect(TEST_SECRETS.open(row?.clientSecret ?? "", CLIENT_SECRET_PURPOSE)).toBe(form.clientSecret);
    const entry = await lastAudit();
    expect(entry).toMatchObject({ action: "oidc_provider.create", entityId: row?.id, actorUserId: world.users.admin });
    expect(JSON.stringify(entry?.after)).not.toContain(form.clientSecret);
    const list = await admin.get("/admin/identity-providers");
    expect(list.body).toContain("Timrå kommun");
    expect(list.body).toContain(form.issuer);
    expect(list.body).not.toContain(form.clientSecret);
    expect((await world.anonymousBrowser().get("/login")).body).toContain("Logga in med Timrå kommun");
  });

  it("shows the form again with its errors, never with the secret typed", async () => {
    const admin = await world.browserAs("admin");
    const res = await admin.post("/admin/identity-providers", { ...form, issuer: "http://login.timra.se", emailDomains: "timra" });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="error-summary"');
    expect(res.body).toContain("Ange tjänstens adress med https://");
    expect(res.body).toContain("Ange domäner som kommun.se");
    expect(res.body).not.toContain(form.clientSecret);
  });

  it("turns a provider off and on, and removes it, each audited; the login page offers only those turned on", async () => {
    const admin = await world.browserAs("admin");
    await admin.post("/admin/identity-providers", { ...form, displayName: "Avstängningsbar", issuer: "https://idp.off.example" });
    const [row] = await world.db.select().from(oidcProviders).where(eq(oidcProviders.issuer, "https://idp.off.example"));
    const id = row?.id ?? "";
    expect((await admin.post(`/admin/identity-providers/${id}/enabled`, { enabled: "false" })).statusCode).toBe(303);
    expect(await lastAudit()).toMatchObject({ action: "oidc_provider.disable", entityId: id });
    expect((await world.anonymousBrowser().get("/login")).body).not.toContain("Avstängningsbar");
    expect((await world.anonymousBrowser().get(`/login/oidc/${id}`)).statusCode).toBe(404);
    expect((await admin.post(`/admin/identity-providers/${id}/enabled`, { enabled: "true" })).statusCode).toBe(303);
    expect(await lastAudit()).toMatchObject({ action: "oidc_provider.enable", entityId: id });
    expect((await world.anonymousBrowser().get("/login")).body).toContain("Avstängningsbar");
    expect((await admin.post(`/admin/identity-providers/${id}/remove`, {})).statusCode).toBe(303);
    expect(await lastAudit()).toMatchObject({ action: "oidc_provider.remove", entityId: id });
    expect(await world.db.select().from(oidcProviders).where(eq(oidcProviders.id, id))).toEqual([]);
    expect((await admin.post(`/admin/identity-providers/${id}/remove`, {})).statusCode).toBe(404);
  });

  it("is the system administrator's alone", async () => {
    for (const person of ["fg", "plA", "vaA"] as const) {
      const b = await world.browserAs(person);
      expect((await b.get("/admin/identity-providers")).statusCode).toBe(403);
      expect((await b.post("/admin/identity-providers", form)).statusCode).toBe(403);
      expect((await b.get("/")).body).not.toContain('href="/admin/identity-providers"');
    }
    expect((await world.anonymousBrowser().get("/admin/identity-providers")).headers.location).toMatch(/^\/login\?next=/);
  });
});
