import { and, asc, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, messageFlows } from "../../src/db/schema.ts";
import { Flow } from "../../src/http/routes/flows/flows.schema.ts";
import { postJson, useTestWorld } from "../support/test-world.ts";

/**
 * The team writes an initiative's flows at the same moment: what is stored and what is audited are
 * exactly what the 2xx answers said, and each replacement is audited against what it replaced.
 * PGlite runs one transaction at a time, so there these pass trivially; PostgreSQL is the real test.
 */
describe("concurrent writes to message flows", () => {
  const world = useTestWorld();
  const flow = (name: string) => ({ name, recipientType: "privatperson", annualVolume: 1_000 });
  const auditOf = (action: string, entityIds: string[]) =>
    world.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), inArray(auditLog.entityId, entityIds)))
      .orderBy(asc(auditLog.seq));

  it("stores and audits every flow registered at once by two people", async () => {
    const [pl, consultant] = [await world.loginAs("plA"), await world.loginAs("consultant")];
    const { id } = await world.seedInitiative({ name: "Samtidiga flöden" });
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? consultant : pl).post(`/api/v1/initiatives/${id}/flows`, flow(`Flöde ${i}`))),
    );
    const created = answers.filter((a) => a.statusCode === 201).map((a) => Flow.parse(a.json()));
    expect(created).toHaveLength(8);
    const stored = await world.db.select().from(messageFlows).where(eq(messageFlows.initiativeId, id));
    expect(stored.map((f) => f.id).sort()).toEqual(created.map((f) => f.id).sort());
    expect(
      await auditOf(
        "message_flow.create",
        created.map((f) => f.id),
      ),
    ).toHaveLength(8);
  });

  it("keeps the last of several replacements at once, each audited against the one before it", async () => {
    const [pl, consultant] = [await world.loginAs("plA"), await world.loginAs("consultant")];
    const { id } = await world.seedInitiative({ name: "Samtidiga ändringar" });
    const original = await postJson(pl, `/api/v1/initiatives/${id}/flows`, flow("Original"), Flow);
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? consultant : pl).put(`/api/v1/flows/${original.id}`, flow(`Ändring ${i}`))),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    const entries = await auditOf("message_flow.update", [original.id]);
    expect(entries).toHaveLength(6);
    // A chain: each replacement's "before" is the one committed just before it, the first's the original.
    const names = entries.map((e) => ({ before: (e.before as { name: string }).name, after: (e.after as { name: string }).name }));
    expect(names[0]?.before).toBe("Original");
    for (let k = 1; k < names.length; k++) expect(names[k]?.before).toBe(names[k - 1]?.after);
    const [stored] = await world.db.select().from(messageFlows).where(eq(messageFlows.id, original.id));
    expect(stored?.name).toBe(names.at(-1)?.after);
  });

  it("answers a change that lost to a removal with 404 and audits only what happened", async () => {
    const [pl, consultant] = [await world.loginAs("plA"), await world.loginAs("consultant")];
    const { id } = await world.seedInitiative({ name: "Ändring mot borttagning" });
    const original = await postJson(pl, `/api/v1/initiatives/${id}/flows`, flow("Snart borta"), Flow);
    const answers = await Promise.all([
      consultant.put(`/api/v1/flows/${original.id}`, flow("Ändrad 1")),
      pl.delete(`/api/v1/flows/${original.id}`),
      consultant.put(`/api/v1/flows/${original.id}`, flow("Ändrad 2")),
      pl.delete(`/api/v1/flows/${original.id}`),
    ]);
    const codes = answers.map((a) => a.statusCode);
    const updated = [codes[0], codes[2]].filter((c) => c === 200).length;
    const deleted = [codes[1], codes[3]].filter((c) => c === 204).length;
    expect(deleted).toBe(1);
    for (const c of codes) expect([200, 204, 404]).toContain(c);
    expect(await world.db.select().from(messageFlows).where(eq(messageFlows.id, original.id))).toHaveLength(0);
    expect(await auditOf("message_flow.update", [original.id])).toHaveLength(updated);
    expect(await auditOf("message_flow.delete", [original.id])).toHaveLength(1);
  });
});
