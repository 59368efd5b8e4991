import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, milestoneDecisions } from "../../src/db/schema.ts";
import { SYSTEM_ACTOR } from "../../src/domain/access/actor.ts";
import type { OrganisationNumber } from "../../src/domain/organisations/organisation-number.ts";
import { createUser } from "../../src/domain/users/create-user.ts";
import { DecisionHistory, DecisionWithCommunications } from "../../src/http/routes/milestones/milestones.schema.ts";
import { decisionBody } from "../support/initiative-fixtures.ts";
import { apiAs, PASSWORD } from "../support/test-app.ts";
import { getJson, parseBody, postJson, useTestWorld } from "../support/test-world.ts";

/**
 * Two people deciding the same milestone at the same moment: exactly one decision is recorded
 * (201), the other is told someone else decided meanwhile (409 DECISION_CONFLICT), and the
 * decisions and audit entries stored are exactly the ones answered 201. PGlite runs one
 * transaction at a time, so there these pass trivially.
 */
describe("concurrent milestone decisions", () => {
  const world = useTestWorld();
  // A second verksamhetsägare, so two different people decide milestone I.
  beforeAll(async () => {
    await createUser({
      db: world.db,
      actor: SYSTEM_ACTOR,
      now: new Date(),
      input: {
        email: "va2-a@test.example",
        name: "va2-a",
        password: PASSWORD,
        systemRoles: [],
        membership: { organisationNumber: world.orgA.number as OrganisationNumber, roles: ["verksamhetsagare"] },
      },
    });
  });

  const deciders = async () => [await world.loginAs("vaA"), await apiAs(world.app, "va2-a@test.example")] as const;
  const decisionUrl = (initiativeId: string) => `/api/v1/initiatives/${initiativeId}/milestones/I/decision`;
  const stored = async (initiativeId: string) =>
    world.db
      .select()
      .from(milestoneDecisions)
      .where(and(eq(milestoneDecisions.initiativeId, initiativeId), eq(milestoneDecisions.numeral, "I")));
  const audited = async () => (await world.db.select().from(auditLog).where(eq(auditLog.action, "milestone.decide"))).length;
  /** An initiative whose milestone I is ready and already decided once. */
  async function decidedOnce(name: string) {
    const [va] = await deciders();
    const { id } = await world.seedInitiative({ name, ready: true });
    const first = await postJson(va, decisionUrl(id), decisionBody("I"), DecisionWithCommunications);
    return { initiativeId: id, first };
  }

  it("records exactly one of several first decisions made at the same moment", async () => {
    const [va, va2] = await deciders();
    const { id: initiativeId } = await world.seedInitiative({ name: "Samtidiga beslut", ready: true });
    const before = await audited();
    const answers = await Promise.all(
      [va, va2, va, va2, va, va2].map((who, i) => who.post(decisionUrl(initiativeId), decisionBody("I", { minutes: `Beslut ${i}.` }))),
    );
    const created = answers.filter((a) => a.statusCode === 201);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const a of answers.filter((x) => x.statusCode === 409)) expect(a.json()).toMatchObject({ code: "DECISION_CONFLICT" });
    const rows = await stored(initiativeId);
    expect(rows.map((r) => r.id)).toEqual(created.map((a) => parseBody(a, DecisionWithCommunications, 201).id));
    expect(rows[0]?.supersedesId).toBeNull();
    expect(await audited()).toBe(before + 1);
  });

  it("lets exactly one of several decisions that supersede the current one win", async () => {
    const [va, va2] = await deciders();
    const { initiativeId, first: current } = await decidedOnce("Samtidigt ersatta beslut");
    const before = await audited();
    const answers = await Promise.all(
      [va2, va, va2, va].map((who, i) =>
        who.post(decisionUrl(initiativeId), decisionBody("I", { minutes: `Nytt beslut ${i}.`, supersedes: current.id })),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409]);
    const won = answers.find((a) => a.statusCode === 201);
    if (!won) throw new Error("no decision won");
    const winner = parseBody(won, DecisionWithCommunications, 201);
    expect(winner.supersedesId).toBe(current.id);
    const rows = await stored(initiativeId);
    expect(rows).toHaveLength(2);
    expect(await audited()).toBe(before + 1);

    // A decision that expects none, or names one no longer current, is refused too.
    for (const supersedes of [null, current.id]) {
      const late = await va.post(decisionUrl(initiativeId), decisionBody("I", { supersedes }));
      expect(late.statusCode).toBe(409);
      expect(late.json()).toMatchObject({ code: "DECISION_CONFLICT" });
    }
    expect(await stored(initiativeId)).toHaveLength(2);

    // Each decision is hashed as it was stored, and the hash covers what it decided.
    const history = await getJson(va, `/api/v1/initiatives/${initiativeId}/milestones/I/decisions`, DecisionHistory);
    expect(history.decisions.map((d) => [d.id === winner.id, d.current, d.decisionMatchesHash])).toEqual([
      [true, true, true],
      [false, false, true],
    ]);
    expect(history.decisions[0]?.decisionHash).toMatch(/^[0-9a-f]{64}$/);
  });

  describe("on the decision form", () => {
    const form = (extra: Record<string, string> = {}) => ({
      outcome: "go",
      decidedOn: "2026-11-27",
      minutes: "Mitt protokoll §9",
      ...Object.fromEntries(
        decisionBody("I").decisionPoints.flatMap((dp) => [
          [`answer-${dp.id}`, "ja"],
          [`motivation-${dp.id}`, `Min motivering till ${dp.id}.`],
        ]),
      ),
      ...extra,
    });

    it("sends the decision it supersedes, and keeps the person's input when someone else decided meanwhile", async () => {
      const [, va2] = await deciders();
      const { initiativeId, first: current } = await decidedOnce("Beslut medan formuläret är öppet");
      const page = await world.browserAs("vaA");
      const opened = await page.get(`/initiatives/${initiativeId}/milestones/I/decide`);
      expect(opened.statusCode).toBe(200);
      const shown = /name="supersedes" value="([^"]*)"/.exec(opened.body)?.[1] ?? "missing";
      expect(shown).toBe(current.id);

      // Someone else decides while the form is open.
      const other = await postJson(
        va2,
        decisionUrl(initiativeId),
        decisionBody("I", { supersedes: shown, minutes: "Den andras beslut." }),
        DecisionWithCommunications,
      );
      const res = await page.post(`/initiatives/${initiativeId}/milestones/I/decide`, form({ supersedes: shown }));
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain("Någon annan har beslutat om milstolpen medan du fyllde i formuläret");
      expect(res.body).toContain('href="#f-supersedes"');
      expect(res.body).toContain('id="f-supersedes"');
      expect(res.body).toContain("av va2-a. Ditt beslut är inte registrerat");
      expect(res.body).toContain("Mitt protokoll §9");
      expect(res.body).toContain("Min motivering till");
      expect(await stored(initiativeId)).toHaveLength(2);

      // Submitting the re-shown form again is deliberate: it supersedes the other person's decision.
      const again = /name="supersedes" value="([^"]*)"/.exec(res.body)?.[1];
      expect(again).toBe(other.id);
      const decided = await page.post(`/initiatives/${initiativeId}/milestones/I/decide`, form({ supersedes: again as string }));
      expect(decided.statusCode).toBe(303);
      expect(await stored(initiativeId)).toHaveLength(3);
    });
  });
});
