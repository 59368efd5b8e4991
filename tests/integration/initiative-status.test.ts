import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Database } from "../../src/db/database.ts";
import { activityProgressOf } from "../../src/db/repositories/activity-progress-repository.ts";
import { decisionsOf } from "../../src/db/repositories/decision-repository.ts";
import { deliverableStates } from "../../src/db/repositories/deliverable-repository.ts";
import { followUpsOf, plansOf } from "../../src/db/repositories/follow-up-repository.ts";
import { preparationsOf } from "../../src/db/repositories/preparation-repository.ts";
import { decisionOverdue } from "../../src/domain/follow-up/follow-up-rules.ts";
import { initiativeStatuses } from "../../src/domain/initiatives/read-initiatives.ts";
import { type BasisSnapshot, basisChangedSince } from "../../src/domain/milestones/basis-snapshot.ts";
import { currentDecisions, outcomesOf } from "../../src/domain/milestones/current-decisions.ts";
import { assessReadiness, type Condition, currentPhase, passes } from "../../src/domain/milestones/milestone-rules.ts";
import { Deliverable } from "../../src/http/routes/deliverables/deliverables.schema.ts";
import { Initiative, InitiativeList } from "../../src/http/routes/initiatives/initiatives.schema.ts";
import { DecisionWithCommunications } from "../../src/http/routes/milestones/milestones.schema.ts";
import { methodV12 } from "../../src/method/v1.2/index.ts";
import { decisionBody, prepareMilestone } from "../support/initiative-fixtures.ts";
import { getJson, postJson, useTestWorld } from "../support/test-world.ts";

/** The documents a decision was taken on, from its frozen basis. */
const BasisDocuments = z.object({ deliverables: z.array(z.object({ deliverableId: z.string() })) });
const NOW = new Date();
const stockholmToday = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(NOW);

/** The status as the code computed it before the read model: per initiative, from the repositories and the pure rules. */
async function statusTheOldWay(db: Database, initiativeId: string) {
  const [progress, docs, decisions, preparations, followUps, plans] = [
    await activityProgressOf(db, initiativeId),
    await deliverableStates(db, initiativeId),
    await decisionsOf(db, initiativeId),
    await preparationsOf(db, initiativeId),
    await followUpsOf(db, [initiativeId]),
    await plansOf(db, [initiativeId]),
  ];
  const met = (decisionId: string, index: number) => followUps.some((f) => f.decisionId === decisionId && f.conditionIndex === index);
  const current = currentDecisions(decisions);
  const phase = currentPhase(methodV12, outcomesOf(current));
  const phasesStartedAhead = methodV12.phases
    .filter((p) => p.number > phase.phase)
    .filter(
      (p) =>
        p.activities.some((a) => progress.some((r) => r.activityId === a.id && (r.status === "in_progress" || r.status === "done"))) ||
        p.results.some((t) => docs.some((d) => d.typeId === t)),
    )
    .map((p) => p.number);
  const next = phase.completed ? undefined : methodV12.milestones.find((m) => !passes(current.get(m.numeral)?.outcome));
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(NOW);
  const numerals = (pick: (d: (typeof decisions)[number]) => boolean) =>
    methodV12.milestones.map((m) => m.numeral).filter((n) => current.get(n) && pick(current.get(n) as (typeof decisions)[number]));
  return {
    currentPhase: phase.phase,
    completed: phase.completed,
    milestones: methodV12.milestones.map((m) => ({ numeral: m.numeral, status: current.get(m.numeral)?.outcome ?? "not_decided" })),
    nextMilestone: next?.numeral ?? null,
    ready: next
      ? assessReadiness({
          milestone: next,
          deliverables: docs,
          preparedDecisionPointIds: new Set(preparations.map((p) => p.decisionPointId)),
          currentOutcomes: outcomesOf(current),
        }).ready
      : null,
    phasesStartedAhead,
    incompleteBasisMilestones: numerals((d) => d.incompleteBasisReason !== null),
    basisChangedMilestones: numerals((d) => basisChangedSince(d.basisSnapshot as BasisSnapshot, docs)),
    overdueConditionMilestones: numerals(
      (d) => d.outcome === "go_with_conditions" && (d.conditions as Condition[]).some((c, i) => !met(d.id, i) && c.dueDate < today),
    ),
    overdueDecision: decisionOverdue(outcomesOf(current), plans, today),
  };
}

describe("the initiative status read model", () => {
  const world = useTestWorld();
  /** Initiatives of organisation A in varied states, made once and only read by the tests below. */
  const ids: Record<string, string> = {};

  const firstBasisDocument = (decision: { basisSnapshot: unknown }) =>
    BasisDocuments.parse(decision.basisSnapshot).deliverables[0]?.deliverableId as string;

  beforeAll(async () => {
    const pl = await world.loginAs("plA");
    const va = await world.loginAs("vaA");
    const create = async (name: string) => {
      ids[name] = (await postJson(pl, "/api/v1/initiatives", { organisationId: world.orgA.id, name }, Initiative)).id;
      return ids[name] as string;
    };
    const decide = async (id: string, body: Record<string, unknown>) =>
      postJson(va, `/api/v1/initiatives/${id}/milestones/I/decision`, body, DecisionWithCommunications);

    await create("Ny");

    const ahead = await create("Påbörjad i förväg");
    const phase3Activity = methodV12.phases[2]?.activities[0]?.id as string;
    expect((await pl.put(`/api/v1/initiatives/${ahead}/activities/${phase3Activity}`, { status: "in_progress" })).statusCode).toBe(200);

    const conditions = await create("Villkor förfallna");
    await prepareMilestone(pl, conditions, "I", va);
    await decide(conditions, {
      ...decisionBody("I"),
      outcome: "go_with_conditions",
      conditions: [{ text: "Säkra budget", owner: "Ekonomichef", dueDate: "2020-01-31" }],
    });

    // Both conditions overdue, the first followed up as met: still overdue, for the second.
    const halfMet = await create("Ett villkor uppfyllt");
    await prepareMilestone(pl, halfMet, "I", va);
    const halfMetDecision = await decide(halfMet, {
      ...decisionBody("I"),
      outcome: "go_with_conditions",
      conditions: [
        { text: "Säkra budget", owner: "Ekonomichef", dueDate: "2020-01-31" },
        { text: "Utse förvaltare", owner: "IT-chef", dueDate: "2020-02-28" },
      ],
    });
    expect((await pl.post(`/api/v1/decisions/${halfMetDecision.id}/conditions/0/met`, { note: "Budget beslutad." })).statusCode).toBe(200);
    // Every overdue condition met: no longer flagged.
    const allMet = await create("Villkor uppfyllda");
    await prepareMilestone(pl, allMet, "I", va);
    const allMetDecision = await decide(allMet, {
      ...decisionBody("I"),
      outcome: "go_with_conditions",
      conditions: [{ text: "Säkra budget", owner: "Ekonomichef", dueDate: "2020-01-31" }],
    });
    expect((await pl.post(`/api/v1/decisions/${allMetDecision.id}/conditions/0/met`, { note: "Budget beslutad." })).statusCode).toBe(200);

    // Planned decision days: passed for the next milestone (overdue); passed for one already decided,
    // or ahead of the next milestone, not overdue; today is not yet overdue.
    const plan = async (id: string, numeral: string, plannedOn: string) =>
      expect((await pl.put(`/api/v1/initiatives/${id}/milestones/${numeral}/plan`, { plannedOn })).statusCode).toBe(200);
    await plan(await create("Beslut försenat"), "I", "2020-03-01");
    await plan(await create("Beslut planerat"), "I", "2999-01-01");
    await plan(await create("Beslut planerat i dag"), "I", stockholmToday);
    const decidedLate = await create("Beslutat efter planerad dag");
    await prepareMilestone(pl, decidedLate, "I", va);
    await plan(decidedLate, "I", "2020-03-01");
    await decide(decidedLate, decisionBody("I"));
    await plan(decidedLate, "II", "2999-01-01");

    const incomplete = await create("Ofullständigt underlag");
    await decide(incomplete, { ...decisionBody("I"), incompleteBasisReason: "Beslutet brådskar för budgeten." });

    const changed = await create("Ändrat underlag");
    await prepareMilestone(pl, changed, "I", va);
    const decision = await decide(changed, decisionBody("I"));
    const basisDoc = firstBasisDocument(decision);
    // An utkast beside the fastställd version is not a changed basis; fastställa it (a second person, the verksamhetsägare) is.
    const doc = await getJson(pl, `/api/v1/deliverables/${basisDoc}`, Deliverable);
    await pl.put(`/api/v1/deliverables/${basisDoc}/sections`, { sections: { [doc.template[0]?.id as string]: "Ny text." } });

    const draftOnly = await create("Utkast efter beslut");
    await prepareMilestone(pl, draftOnly, "I", va);
    const d2 = await decide(draftOnly, decisionBody("I"));
    const doc2 = firstBasisDocument(d2);
    const tpl2 = await getJson(pl, `/api/v1/deliverables/${doc2}`, Deliverable);
    await pl.put(`/api/v1/deliverables/${doc2}/sections`, { sections: { [tpl2.template[0]?.id as string]: "Utkast." } });
    expect((await va.post(`/api/v1/deliverables/${basisDoc}/status`, { status: "faststalld" })).statusCode).toBe(200);

    const superseded = await create("Ersatt beslut");
    await prepareMilestone(pl, superseded, "I", va);
    const first = await decide(superseded, decisionBody("I"));
    await decide(superseded, { ...decisionBody("I"), outcome: "rework", supersedes: first.id });
  });

  it("agrees with the per-initiative computation for initiatives in varied states", async () => {
    const statuses = await initiativeStatuses(world.db, { organisationIds: [world.orgA.id] }, NOW);
    expect(statuses.size).toBe(Object.keys(ids).length);
    for (const [name, id] of Object.entries(ids)) {
      const s = statuses.get(id);
      const expected = await statusTheOldWay(world.db, id);
      expect(
        {
          currentPhase: s?.currentPhase,
          completed: s?.completed,
          milestones: s?.milestones.map((m) => ({ numeral: m.numeral, status: m.status })),
          nextMilestone: s?.nextMilestone,
          ready: s?.readiness?.ready ?? null,
          phasesStartedAhead: s?.phasesStartedAhead,
          incompleteBasisMilestones: s?.incompleteBasisMilestones,
          basisChangedMilestones: s?.basisChangedMilestones,
          overdueConditionMilestones: s?.overdueConditionMilestones,
          overdueDecision: s?.overdueDecision,
        },
        name,
      ).toEqual(expected);
    }
  });

  it("raises each flag where the state calls for it, and only there", async () => {
    const statuses = await initiativeStatuses(world.db, "all", NOW);
    const flags = (name: string) => statuses.get(ids[name] as string)?.flags;
    expect(flags("Ny")).toEqual({
      startedAheadOfDecision: false,
      decidedOnIncompleteBasis: false,
      basisChangedAfterDecision: false,
      conditionOverdue: false,
      decisionOverdue: false,
    });
    expect(flags("Påbörjad i förväg")?.startedAheadOfDecision).toBe(true);
    expect(flags("Villkor förfallna")?.conditionOverdue).toBe(true);
    expect(flags("Ett villkor uppfyllt")?.conditionOverdue).toBe(true);
    expect(statuses.get(ids["Ett villkor uppfyllt"] as string)?.overdueConditionCounts).toEqual({ I: 1 });
    expect(flags("Villkor uppfyllda")?.conditionOverdue).toBe(false);
    expect(statuses.get(ids["Villkor uppfyllda"] as string)?.overdueConditionMilestones).toEqual([]);
    expect(flags("Beslut försenat")?.decisionOverdue).toBe(true);
    expect(statuses.get(ids["Beslut försenat"] as string)?.overdueDecision).toEqual({ numeral: "I", plannedOn: "2020-03-01" });
    expect(flags("Beslut planerat")?.decisionOverdue).toBe(false);
    expect(flags("Beslut planerat i dag")?.decisionOverdue).toBe(false);
    expect(flags("Beslutat efter planerad dag")?.decisionOverdue).toBe(false);
    for (const name of Object.keys(ids).filter((n) => n !== "Beslut försenat")) expect(flags(name)?.decisionOverdue, name).toBe(false);
    expect(flags("Ofullständigt underlag")?.decidedOnIncompleteBasis).toBe(true);
    expect(flags("Ändrat underlag")?.basisChangedAfterDecision).toBe(true);
    expect(flags("Utkast efter beslut")?.basisChangedAfterDecision).toBe(false);
    const reworked = statuses.get(ids["Ersatt beslut"] as string);
    expect(reworked).toMatchObject({ currentPhase: 1, nextMilestone: "I" });
    expect(statuses.get(ids["Villkor förfallna"] as string)).toMatchObject({ currentPhase: 2, nextMilestone: "II" });
  });

  it("is what the initiative list and the overview show", async () => {
    const pl = await world.loginAs("plA");
    const list = await getJson(pl, `/api/v1/initiatives?organisationId=${world.orgA.id}`, InitiativeList);
    const row = list.initiatives.find((i) => i.id === ids["Villkor förfallna"]);
    expect(row?.status).toMatchObject({ currentPhase: 2, flags: { conditionOverdue: true } });
    const overview = await getJson(pl, `/api/v1/initiatives/${ids["Ändrat underlag"]}`, Initiative);
    expect(overview.milestones.find((m) => m.numeral === "I")?.basisChangedAfterDecision).toBe(true);
    expect(overview.status.flags.basisChangedAfterDecision).toBe(true);
  });
});
