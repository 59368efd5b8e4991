import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../src/domain/access/actor.ts";
import { verifyAuditLog } from "../../src/domain/audit/verify-audit-log.ts";
import { TEST_AUDIT_KEY } from "../support/test-secrets.ts";
import { useTestWorld } from "../support/test-world.ts";

type Entry = { seq: number; action: string; actorUserId: string | null; before: unknown; after: unknown; organisationId: string | null };

describe("audit log", () => {
  const world = useTestWorld();

  it("records who changed what, with before and after, and no secrets", async () => {
    const pl = await world.loginAs("plA");
    await pl.put(`/api/v1/organisations/${world.orgA.id}/members/${world.users.consultant}`, { roles: ["deltagare", "lasare"] });
    const admin = await world.loginAs("admin");
    const res = await admin.get("/api/v1/audit?limit=5");
    expect(res.statusCode).toBe(200);
    const { entries } = res.json() as { entries: Entry[] };
    const update = entries.find((e) => e.action === "membership.update");
    expect(update).toMatchObject({
      actorUserId: world.users.plA,
      organisationId: world.orgA.id,
      before: expect.objectContaining({ roles: ["deltagare"] }),
      after: expect.objectContaining({ roles: ["deltagare", "lasare"] }),
    });
    const all = JSON.stringify((await admin.get("/api/v1/audit?limit=500")).json());
    expect(all).not.toMatch(/argon2|passwordHash|tokenHash/);
  });

  it("is readable only by an admin", async () => {
    const pl = await world.loginAs("plA");
    expect((await pl.get("/api/v1/audit")).statusCode).toBe(403);
    expect((await pl.get("/api/v1/audit/verify")).statusCode).toBe(403);
  });

  it("verifies an intact chain", async () => {
    const admin = await world.loginAs("admin");
    const res = (await admin.get("/api/v1/audit/verify")).json() as { ok: boolean; entries: number };
    expect(res.ok).toBe(true);
    expect(res.entries).toBeGreaterThan(10);
  });

  it("refuses UPDATE and DELETE in the database itself", async () => {
    await expect(world.db.execute(sql`update audit_log set action = 'forged' where seq = 1`)).rejects.toThrow();
    await expect(world.db.execute(sql`delete from audit_log where seq = 1`)).rejects.toThrow();
  });

  it("keeps one chain when many changes commit at once", async () => {
    const pl = await world.loginAs("plA");
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        pl.post(`/api/v1/organisations/${world.orgA.id}/members`, {
          email: `parallel-${i}@test.example`,
          name: `P ${i}`,
          roles: ["lasare"],
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    expect(await verifyAuditLog({ db: world.db, actor: SYSTEM_ACTOR, key: TEST_AUDIT_KEY })).toMatchObject({ ok: true });
  });

  it("detects an entry changed behind its back", async () => {
    // Only someone with the database owner's rights can do this; the chain still tells.
    await world.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await world.db.execute(sql`update audit_log set after = '{"name":"Forged"}'::jsonb where seq = 2`);
    await world.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
    const verdict = await verifyAuditLog({ db: world.db, actor: SYSTEM_ACTOR, key: TEST_AUDIT_KEY });
    expect(verdict).toMatchObject({ ok: false, brokenAtSeq: 2, reason: "hash_mismatch" });
  });
});
