import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../src/domain/access/actor.ts";
import { verifyAuditLog } from "../../src/domain/audit/verify-audit-log.ts";
import { apiAs, seedWorld, startTestApp, type TestApp, type World } from "../support/test-app.ts";
import { TEST_AUDIT_KEY } from "../support/test-secrets.ts";

type Entry = { seq: number; action: string; actorUserId: string | null; before: unknown; after: unknown; organisationId: string | null };

describe("audit log", () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await seedWorld(t.db);
  });
  afterAll(async () => t.close());

  it("records who changed what, with before and after, and no secrets", async () => {
    const pl = await apiAs(t.app, w.emails.plA);
    await pl.put(`/api/v1/organisations/${w.orgA.id}/members/${w.users.consultant}`, { roles: ["deltagare", "lasare"] });
    const admin = await apiAs(t.app, w.emails.admin);
    const res = await admin.get("/api/v1/audit?limit=5");
    expect(res.statusCode).toBe(200);
    const { entries } = res.json() as { entries: Entry[] };
    const update = entries.find((e) => e.action === "membership.update");
    expect(update).toMatchObject({
      actorUserId: w.users.plA,
      organisationId: w.orgA.id,
      before: expect.objectContaining({ roles: ["deltagare"] }),
      after: expect.objectContaining({ roles: ["deltagare", "lasare"] }),
    });
    const all = JSON.stringify((await admin.get("/api/v1/audit?limit=500")).json());
    expect(all).not.toMatch(/argon2|passwordHash|tokenHash/);
  });

  it("is readable only by an admin", async () => {
    const pl = await apiAs(t.app, w.emails.plA);
    expect((await pl.get("/api/v1/audit")).statusCode).toBe(403);
    expect((await pl.get("/api/v1/audit/verify")).statusCode).toBe(403);
  });

  it("verifies an intact chain", async () => {
    const admin = await apiAs(t.app, w.emails.admin);
    const res = (await admin.get("/api/v1/audit/verify")).json() as { ok: boolean; entries: number };
    expect(res.ok).toBe(true);
    expect(res.entries).toBeGreaterThan(10);
  });

  it("refuses UPDATE and DELETE in the database itself", async () => {
    await expect(t.db.execute(sql`update audit_log set action = 'forged' where seq = 1`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from audit_log where seq = 1`)).rejects.toThrow();
  });

  it("keeps one chain when many changes commit at once", async () => {
    const pl = await apiAs(t.app, w.emails.plA);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        pl.post(`/api/v1/organisations/${w.orgA.id}/members`, { email: `parallel-${i}@test.example`, name: `P ${i}`, roles: ["lasare"] }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    expect(await verifyAuditLog({ db: t.db, actor: SYSTEM_ACTOR, key: TEST_AUDIT_KEY })).toMatchObject({ ok: true });
  });

  it("detects an entry changed behind its back", async () => {
    // Only someone with the database owner's rights can do this; the chain still tells.
    await t.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await t.db.execute(sql`update audit_log set after = '{"name":"Forged"}'::jsonb where seq = 2`);
    await t.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
    const verdict = await verifyAuditLog({ db: t.db, actor: SYSTEM_ACTOR, key: TEST_AUDIT_KEY });
    expect(verdict).toMatchObject({ ok: false, brokenAtSeq: 2, reason: "hash_mismatch" });
  });
});
