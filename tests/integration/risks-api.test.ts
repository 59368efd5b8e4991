import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, risks } from "../../src/db/schema.ts";
import { ErrorBody } from "../../src/http/api/api-route.ts";
import { Risk, RiskList } from "../../src/http/routes/risks/risks.schema.ts";
import { getJson, parseBody, postJson, useTestWorld } from "../support/test-world.ts";

/** The risk register of issue 12: scored, owned, reviewed, kept by the team and read by every member. */
describe("risk register API", () => {
  const world = useTestWorld();
  const leverantor = {
    title: "Förmedlaren levererar sent",
    category: "leverantor",
    probability: 3,
    consequence: 4,
    reviewDate: "2027-03-01",
  };

  it("registers a risk with its score, lists by score, replaces and removes it, auditing each", async () => {
    const pl = await world.loginAs("plA");
    const { id } = await world.seedInitiative({ name: "Risker" });
    const url = `/api/v1/initiatives/${id}/risks`;
    const created = await postJson(pl, url, { ...leverantor, ownerUserId: world.users.plA, mitigation: "Vitesklausul" }, Risk);
    expect(created).toMatchObject({
      score: 12,
      level: "hog",
      status: "identifierad",
      owner: expect.any(String),
      ownerUserId: world.users.plA,
    });
    const small = await postJson(pl, url, { title: "Ny jurist", category: "juridik", probability: 1, consequence: 2 }, Risk);
    expect((await getJson(pl, url, RiskList)).risks.map((r) => r.id)).toEqual([created.id, small.id]);

    const replaced = parseBody(
      await pl.put(`/api/v1/risks/${created.id}`, { ...leverantor, probability: 5, consequence: 5, status: "hanteras" }),
      Risk,
    );
    expect(replaced).toMatchObject({ score: 25, level: "mycket_hog", status: "hanteras", mitigation: "", ownerUserId: null });
    expect((await pl.delete(`/api/v1/risks/${small.id}`)).statusCode).toBe(204);
    expect((await pl.get(`/api/v1/risks/${small.id}`)).statusCode).toBe(404);

    const actions = (await world.db.select().from(auditLog).where(eq(auditLog.organisationId, world.orgA.id)))
      .filter((e) => e.entityType === "risk")
      .map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["risk.create", "risk.create", "risk.update", "risk.delete"]));
  });

  it("marks a review overdue once its day has passed, unless the risk is closed", async () => {
    const pl = await world.loginAs("plA");
    const { id } = await world.seedInitiative({ name: "Granskning av risker" });
    const url = `/api/v1/initiatives/${id}/risks`;
    const late = await postJson(pl, url, { ...leverantor, reviewDate: "2020-01-01" }, Risk);
    expect(late.reviewOverdue).toBe(true);
    const closed = parseBody(await pl.put(`/api/v1/risks/${late.id}`, { ...leverantor, reviewDate: "2020-01-01", status: "stangd" }), Risk);
    expect(closed.reviewOverdue).toBe(false);
  });

  it("refuses bad input with the field path and saves nothing", async () => {
    const pl = await world.loginAs("plA");
    const { id } = await world.seedInitiative({ name: "Felaktiga risker" });
    const url = `/api/v1/initiatives/${id}/risks`;
    const cases: [unknown, string][] = [
      [{ ...leverantor, probability: 0 }, "probability"],
      [{ ...leverantor, consequence: 6 }, "consequence"],
      [{ ...leverantor, probability: 2.5 }, "probability"],
      [{ ...leverantor, category: "vader" }, "category"],
      [{ ...leverantor, title: " " }, "title"],
      [{ ...leverantor, reviewDate: "2027-02-30" }, "reviewDate"],
      [{ ...leverantor, ownerUserId: world.users.plB }, "ownerUserId"],
    ];
    for (const [body, path] of cases) {
      const res = await pl.post(url, body);
      expect(res.statusCode, path).toBe(400);
      expect(parseBody(res, ErrorBody, 400).fields?.map((f) => f.path)).toContain(path);
    }
    expect(await world.db.select().from(risks).where(eq(risks.initiativeId, id))).toEqual([]);
  });

  it("lets the team write, a läsare read, and hides the register from another organisation", async () => {
    const [pl, consultant, reader, plB] = await Promise.all([
      world.loginAs("plA"),
      world.loginAs("consultant"),
      world.loginAs("readerA"),
      world.loginAs("plB"),
    ]);
    const { id } = await world.seedInitiative({ name: "Roller i registret" });
    const url = `/api/v1/initiatives/${id}/risks`;
    const risk = await postJson(consultant, url, leverantor, Risk);
    expect((await getJson(reader, url, RiskList)).canManage).toBe(false);
    expect((await reader.post(url, leverantor)).statusCode).toBe(403);
    expect((await reader.put(`/api/v1/risks/${risk.id}`, leverantor)).statusCode).toBe(403);
    for (const res of [
      await plB.get(url),
      await plB.post(url, leverantor),
      await plB.get(`/api/v1/risks/${risk.id}`),
      await plB.delete(`/api/v1/risks/${risk.id}`),
    ])
      expect(res.statusCode).toBe(404);
    expect((await pl.get(`/api/v1/risks/${risk.id}`)).statusCode).toBe(200);
  });

  it("audits several changes to one risk at once as a chain", async () => {
    const [pl, consultant] = [await world.loginAs("plA"), await world.loginAs("consultant")];
    const { id } = await world.seedInitiative({ name: "Samtidiga risker" });
    const risk = await postJson(pl, `/api/v1/initiatives/${id}/risks`, leverantor, Risk);
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map((p, i) => (i % 2 ? consultant : pl).put(`/api/v1/risks/${risk.id}`, { ...leverantor, probability: p })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const entries = (
      await world.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, risk.id), eq(auditLog.action, "risk.update")))
    ).sort((a, b) => Number(a.seq) - Number(b.seq));
    const probability = (state: unknown) => (state as { probability: number } | null | undefined)?.probability;
    expect(probability(entries[0]?.before)).toBe(3);
    for (let k = 1; k < entries.length; k++) expect(probability(entries[k]?.before)).toBe(probability(entries[k - 1]?.after));
    const [row] = await world.db.select().from(risks).where(eq(risks.id, risk.id));
    expect(row?.probability).toBe(probability(entries.at(-1)?.after));
  });
});
