import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../src/domain/access/actor.ts";
import { recordAudit } from "../../src/domain/audit/record-audit.ts";
import { verifyAuditLog } from "../../src/domain/audit/verify-audit-log.ts";
import { stockholmDay } from "../../src/domain/follow-up/follow-up-rules.ts";
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

  it("filters the log by who, what and when through the API, and pages both ways", async () => {
    // Its own change to find, so the test leans on no other test's writes.
    const pl = await world.loginAs("plA");
    await pl.put(`/api/v1/organisations/${world.orgA.id}/members/${world.users.consultant}`, { roles: ["deltagare", "lasare"] });
    const admin = await world.loginAs("admin");
    const list = async (q: string) => ((await admin.get(`/api/v1/audit?${q}`)).json() as { entries: Entry[] }).entries;
    const byPl = await list(`actorUserId=${world.users.plA}&limit=500`);
    expect(byPl.length).toBeGreaterThan(0);
    expect(byPl.every((e) => e.actorUserId === world.users.plA)).toBe(true);
    const updates = await list("action=membership.update");
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.every((e) => e.action === "membership.update")).toBe(true);
    // The filter's days are Stockholm's: between midnight there and in UTC, UTC's date is yesterday there.
    const today = stockholmDay(new Date());
    expect((await list(`from=${today}&to=${today}&limit=500`)).length).toBe((await list("limit=500")).length);
    expect(await list("from=2000-01-01&to=2000-01-31")).toEqual([]);
    const [newest, second, third] = await list("limit=3");
    expect((await list(`limit=1&beforeSeq=${newest?.seq}`)).map((e) => e.seq)).toEqual([second?.seq]);
    // Newer than the third: the page just above it, still newest first.
    expect((await list(`limit=2&afterSeq=${third?.seq}`)).map((e) => e.seq)).toEqual([newest?.seq, second?.seq]);
    expect((await admin.get("/api/v1/audit?from=igår")).statusCode).toBe(400);
  });

  it("shows the log as a filtered, paged table with each change field by field", async () => {
    await world.db.transaction(async (tx) => {
      for (let i = 0; i < 55; i++) {
        await recordAudit(
          tx,
          null,
          { action: "test.paging", entityType: "test", entityId: `e-${i}`, before: { n: i, same: "x" }, after: { n: i + 1, same: "x" } },
          new Date(),
        );
      }
    });
    const b = await world.browserAs("admin");
    const first = await b.get("/admin/audit?action=test.paging&actor=&entityType=&from=&to=");
    expect(first.statusCode).toBe(200);
    expect(first.body).toMatch(/<select[^>]*name="action"/);
    expect(first.body).toMatch(/<input[^>]*name="from"[^>]*type="date"|<input[^>]*type="date"[^>]*name="from"/);
    const rows = (html: string) => [...html.matchAll(/<code>e-(\d+)<\/code>|<code>(e-\d+)/g)].length;
    expect(rows(first.body)).toBe(30);
    // The change reads field by field, before → after, and leaves out what did not change.
    expect(first.body).toContain('<th scope="row"><code>n</code></th><td>54</td><td>55</td>');
    expect(first.body).not.toContain("<code>same</code>");
    expect(first.body).not.toContain("&quot;before&quot;");
    const older = /href="(\/admin\/audit\?[^"]*before=\d+[^"]*)"/.exec(first.body)?.[1]?.replaceAll("&amp;", "&");
    expect(older).toContain("action=test.paging");
    expect(first.body).not.toContain("Nyare poster");
    const second = await b.get(older as string);
    expect(rows(second.body)).toBe(25);
    expect(second.body).not.toContain("Äldre poster");
    const newer = /href="(\/admin\/audit\?[^"]*after=\d+[^"]*)"/.exec(second.body)?.[1]?.replaceAll("&amp;", "&");
    const back = await b.get(newer as string);
    expect(rows(back.body)).toBe(30);
    expect(back.body).toContain('<th scope="row"><code>n</code></th><td>54</td><td>55</td>');
    const none = await b.get("/admin/audit?from=2000-01-01&to=2000-01-02");
    expect(none.body).toContain("Inga poster i loggen passar filtret.");
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
