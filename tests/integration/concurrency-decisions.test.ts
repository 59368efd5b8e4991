import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, milestoneDecisions } from "../../src/db/schema.ts";
import { SYSTEM_ACTOR } from "../../src/domain/access/actor.ts";
import type { OrganisationNumber } from "../../src/domain/organisations/organisation-number.ts";
import { createUser } from "../../src/domain/users/create-user.ts";
import { decisionBody, prepareMilestone } from "../support/initiative-fixtures.ts";
import { apiAs, browser, PASSWORD, seedWorld, startTestApp, type TestApp, type World } from "../support/test-app.ts";

type Api = Awaited<ReturnType<typeof apiAs>>;
type Decision = { id: string; supersedesId: string | null; decidedBy: { id: string } };

/**
 * Two people deciding the same milestone at the same moment: exactly one decision is recorded
 * (201), the other is told someone else decided meanwhile (409 DECISION_CONFLICT), and the
 * decisions and audit entries stored are exactly the ones answered 201. PGlite runs one
 * transaction at a time, so there these pass trivially.
 */
describe("concurrent milestone decisions", () => {
  let t: TestApp;
  let w: World;
  let pl: Api;
  let va: Api;
  let va2: Api;
  let initiativeId: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await seedWorld(t.db);
    // A second verksamhetsägare, so two different people decide milestone I.
    await createUser({
      db: t.db,
      actor: SYSTEM_ACTOR,
      now: new Date(),
      input: {
        email: "va2-a@test.example",
        name: "va2-a",
        password: PASSWORD,
        systemRoles: [],
        membership: { organisationNumber: w.orgA.number as OrganisationNumber, roles: ["verksamhetsagare"] },
      },
    });
    pl = await apiAs(t.app, w.emails.plA);
    va = await apiAs(t.app, w.emails.vaA);
    va2 = await apiAs(t.app, "va2-a@test.example");
    const res = await pl.post("/api/v1/initiatives", { organisationId: w.orgA.id, name: "Samtidiga beslut" });
    expect(res.statusCode).toBe(201);
    initiativeId = (res.json() as { id: string }).id;
    await prepareMilestone(pl, initiativeId, "I", va);
  });
  afterAll(async () => t.close());

  const decisionUrl = () => `/api/v1/initiatives/${initiativeId}/milestones/I/decision`;
  const stored = async () =>
    t.db
      .select()
      .from(milestoneDecisions)
      .where(and(eq(milestoneDecisions.initiativeId, initiativeId), eq(milestoneDecisions.numeral, "I")));
  const audited = async () => (await t.db.select().from(auditLog).where(eq(auditLog.action, "milestone.decide"))).length;

  it("records exactly one of several first decisions made at the same moment", async () => {
    const answers = await Promise.all(
      [va, va2, va, va2, va, va2].map((who, i) => who.post(decisionUrl(), decisionBody("I", { minutes: `Beslut ${i}.` }))),
    );
    const created = answers.filter((a) => a.statusCode === 201);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const a of answers.filter((x) => x.statusCode === 409)) expect(a.json()).toMatchObject({ code: "DECISION_CONFLICT" });
    const rows = await stored();
    expect(rows.map((r) => r.id)).toEqual(created.map((a) => (a.json() as Decision).id));
    expect(rows[0]?.supersedesId).toBeNull();
    expect(await audited()).toBe(1);
  });

  it("lets exactly one of several decisions that supersede the current one win", async () => {
    const [current] = await stored();
    if (!current) throw new Error("no decision");
    const before = await audited();
    const answers = await Promise.all(
      [va2, va, va2, va].map((who, i) =>
        who.post(decisionUrl(), decisionBody("I", { minutes: `Nytt beslut ${i}.`, supersedes: current.id })),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409]);
    const winner = answers.find((a) => a.statusCode === 201)?.json() as Decision;
    expect(winner.supersedesId).toBe(current.id);
    const rows = await stored();
    expect(rows).toHaveLength(2);
    expect(await audited()).toBe(before + 1);

    // A decision that expects none, or names one no longer current, is refused too.
    for (const supersedes of [null, current.id]) {
      const late = await va.post(decisionUrl(), decisionBody("I", { supersedes }));
      expect(late.statusCode).toBe(409);
      expect(late.json()).toMatchObject({ code: "DECISION_CONFLICT" });
    }
    expect(await stored()).toHaveLength(2);

    // Each decision is hashed as it was stored, and the hash covers what it decided.
    const history = (await va.get(`/api/v1/initiatives/${initiativeId}/milestones/I/decisions`)).json() as {
      decisions: { id: string; current: boolean; decisionHash: string; decisionMatchesHash: boolean | null }[];
    };
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
        (decisionBody("I").decisionPoints as { id: string }[]).flatMap((dp) => [
          [`answer-${dp.id}`, "ja"],
          [`motivation-${dp.id}`, `Min motivering till ${dp.id}.`],
        ]),
      ),
      ...extra,
    });

    it("sends the decision it supersedes, and keeps the person's input when someone else decided meanwhile", async () => {
      const page = browser(t.app);
      await page.login(w.emails.vaA);
      const opened = await page.get(`/initiatives/${initiativeId}/milestones/I/decide`);
      expect(opened.statusCode).toBe(200);
      const shown = /name="supersedes" value="([^"]*)"/.exec(opened.body)?.[1] ?? "missing";
      const [, current] = (await stored()).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      expect(shown).toBe(current?.id);

      // Someone else decides while the form is open.
      const other = await va2.post(decisionUrl(), decisionBody("I", { supersedes: shown, minutes: "Den andras beslut." }));
      expect(other.statusCode).toBe(201);
      const res = await page.post(`/initiatives/${initiativeId}/milestones/I/decide`, form({ supersedes: shown }));
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain("Någon annan har beslutat om milstolpen medan du fyllde i formuläret");
      expect(res.body).toContain('href="#f-supersedes"');
      expect(res.body).toContain('id="f-supersedes"');
      expect(res.body).toContain("av va2-a. Ditt beslut är inte registrerat");
      expect(res.body).toContain("Mitt protokoll §9");
      expect(res.body).toContain("Min motivering till");
      expect(await stored()).toHaveLength(3);

      // Submitting the re-shown form again is deliberate: it supersedes the other person's decision.
      const again = /name="supersedes" value="([^"]*)"/.exec(res.body)?.[1];
      expect(again).toBe((other.json() as Decision).id);
      const decided = await page.post(`/initiatives/${initiativeId}/milestones/I/decide`, form({ supersedes: again as string }));
      expect(decided.statusCode).toBe(303);
      expect(await stored()).toHaveLength(4);
    });
  });
});
