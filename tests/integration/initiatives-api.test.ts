import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Outbox } from "../../src/http/routes/audit/audit.schema.ts";
import { CommunicationList, CommunicationRead } from "../../src/http/routes/communications/communications.schema.ts";
import { Deliverable } from "../../src/http/routes/deliverables/deliverables.schema.ts";
import { Initiative } from "../../src/http/routes/initiatives/initiatives.schema.ts";
import { DecisionHistory, DecisionWithCommunications, Readiness } from "../../src/http/routes/milestones/milestones.schema.ts";
import { decisionBody, prepareMilestone } from "../support/initiative-fixtures.ts";
import { type Api, getJson, type InitiativeJson, parseBody, postJson, useTestWorld } from "../support/test-world.ts";

describe("initiatives, deliverables and milestone decisions", () => {
  const world = useTestWorld();

  /** The fastställd idébeskrivning in milestone I's basis, and the first section of its template. */
  async function ideaOf(pl: Api, initiative: InitiativeJson) {
    const idea = initiative.phases[0]?.results.find((r) => r.deliverableTypeId === "idebeskrivning")?.deliverables[0]?.id as string;
    const doc = await getJson(pl, `/api/v1/deliverables/${idea}`, Deliverable);
    return { idea, section: doc.template[0]?.id as string };
  }

  it("creates an initiative whose styrgrupp defaults to the styrgrupp members plus the verksamhetsägare", async () => {
    const pl = await world.loginAs("plA");
    const created = await postJson(
      pl,
      "/api/v1/initiatives",
      { organisationId: world.orgA.id, name: "Digitala bygglovsbeslut", plannedGoLive: "2027-09-01" },
      Initiative,
    );
    const i = await getJson(pl, `/api/v1/initiatives/${created.id}`, Initiative);
    expect(i.currentPhase).toBe(1);
    expect(i.steeringGroup.sort()).toEqual([world.users.sgA, world.users.vaA].sort());
    expect(i.phases).toHaveLength(8);
    expect(i.milestones.map((m) => m.numeral)).toEqual(["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]);
    expect(i.milestones.every((m) => m.status === "not_decided")).toBe(true);
  });

  it("takes an explicit styrgrupp but only of the organisation's members who hold a deciding role", async () => {
    const pl = await world.loginAs("plA");
    const { orgA, users } = world;
    const ok = await postJson(
      pl,
      "/api/v1/initiatives",
      { organisationId: orgA.id, name: "Andra", steeringGroup: [users.sgA] },
      Initiative,
    );
    expect(ok.steeringGroup.sort()).toEqual([users.sgA, users.vaA].sort());
    const reader = await pl.post("/api/v1/initiatives", { organisationId: orgA.id, name: "Läsare", steeringGroup: [users.readerA] });
    expect(reader.statusCode).toBe(400);
    expect(reader.json()).toMatchObject({ fields: [{ path: "steeringGroup.0", code: "not_decider" }] });
    const herself = await pl.post("/api/v1/initiatives", { organisationId: orgA.id, name: "Själv", steeringGroup: [users.plA] });
    expect(herself.json()).toMatchObject({ fields: [{ path: "steeringGroup.0", code: "not_decider" }] });
    const bad = await pl.post("/api/v1/initiatives", { organisationId: orgA.id, name: "Tredje", steeringGroup: [users.plB] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ fields: [{ path: "steeringGroup.0", code: "not_member" }] });
  });

  it("lets only a projektledare start an initiative, and no one in another organisation", async () => {
    const initiative = await world.seedInitiative();
    const sg = await world.loginAs("sgA");
    expect((await sg.post("/api/v1/initiatives", { organisationId: world.orgA.id, name: "X" })).statusCode).toBe(403);
    const plB = await world.loginAs("plB");
    expect((await plB.post("/api/v1/initiatives", { organisationId: world.orgA.id, name: "X" })).statusCode).toBe(404);
    expect((await plB.get(`/api/v1/initiatives/${initiative.id}`)).statusCode).toBe(404);
  });

  it("needs a motivation to mark an activity not applicable", async () => {
    const pl = await world.loginAs("plA");
    const i = await world.seedInitiative();
    const url = `/api/v1/initiatives/${i.id}/activities/`;
    const activity = i.phases[0]?.activities[0]?.id as string;
    const missing = await pl.put(url + activity, { status: "not_applicable" });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ fields: [{ path: "motivation", code: "motivation_required" }] });
    expect((await pl.put(url + activity, { status: "not_applicable", motivation: "Görs redan i e-tjänsteprojektet" })).statusCode).toBe(
      200,
    );
    expect((await pl.put(`${url}no-such-activity`, { status: "done" })).statusCode).toBe(404);
  });

  it("marks work on a later phase as started ahead of decision", async () => {
    const pl = await world.loginAs("plA");
    const i = await world.seedInitiative();
    const later = i.phases[2]?.activities[0]?.id as string;
    await pl.put(`/api/v1/initiatives/${i.id}/activities/${later}`, { status: "in_progress" });
    const after = await getJson(pl, `/api/v1/initiatives/${i.id}`, Initiative);
    expect(after.phases[2]?.startedAheadOfDecision).toBe(true);
    expect(after.phases[1]?.startedAheadOfDecision).toBe(false);
  });

  it("keeps the old version when a fastställd document is edited, and lets only the right roles fastställa", async () => {
    const [pl, va, sg] = [await world.loginAs("plA"), await world.loginAs("vaA"), await world.loginAs("sgA")];
    const initiative = await world.seedInitiative();
    const doc = await postJson(pl, `/api/v1/initiatives/${initiative.id}/deliverables`, { deliverableTypeId: "riskanalys" }, Deliverable);
    expect(doc.versions).toEqual([expect.objectContaining({ version: 1, status: "utkast" })]);
    const section = doc.template[0]?.id as string;
    await pl.put(`/api/v1/deliverables/${doc.id}/sections`, {
      sections: { [section]: "Första texten", bedomning: "Två stora risker.", atgarder: "Reservrutin på papper." },
    });
    expect((await pl.put(`/api/v1/deliverables/${doc.id}/sections`, { sections: { "no-such-section": "x" } })).statusCode).toBe(400);
    await pl.post(`/api/v1/deliverables/${doc.id}/status`, { status: "for_granskning" });
    expect((await sg.post(`/api/v1/deliverables/${doc.id}/status`, { status: "faststalld" })).statusCode).toBe(403);
    expect((await va.post(`/api/v1/deliverables/${doc.id}/status`, { status: "faststalld" })).statusCode).toBe(200);
    const edited = parseBody(
      await pl.put(`/api/v1/deliverables/${doc.id}/sections`, { sections: { [section]: "Andra texten" } }),
      Deliverable,
    );
    expect(edited.versions.map((v) => [v.version, v.status])).toEqual([
      [1, "faststalld"],
      [2, "utkast"],
    ]);
    expect(edited.versions[0]?.sections[section]).toBe("Första texten");
    expect(edited.versions[1]?.sections[section]).toBe("Andra texten");
  });

  it("reports readiness with what is missing", async () => {
    const pl = await world.loginAs("plA");
    const initiative = await world.seedInitiative();
    const r = await getJson(pl, `/api/v1/initiatives/${initiative.id}/milestones/I/readiness`, Readiness);
    expect(r.ready).toBe(false);
    expect(r.missing.map((m) => m.kind)).toEqual(expect.arrayContaining(["deliverable_missing", "decision_point_unprepared"]));
    expect((await pl.get(`/api/v1/initiatives/${initiative.id}/milestones/IX/readiness`)).statusCode).toBe(404);
  });

  it("refuses a decision by the wrong role, out of order, or on an incomplete basis", async () => {
    const [va, sg] = [await world.loginAs("vaA"), await world.loginAs("sgA")];
    const { id } = await world.seedInitiative();
    const wrongRole = await sg.post(`/api/v1/initiatives/${id}/milestones/I/decision`, decisionBody("I"));
    expect(wrongRole.statusCode).toBe(403);
    expect(wrongRole.json()).toMatchObject({ code: "NOT_DECIDER", message: expect.stringContaining("verksamhetsägare") });
    const outOfOrder = await sg.post(`/api/v1/initiatives/${id}/milestones/III/decision`, decisionBody("III"));
    expect(outOfOrder.statusCode).toBe(409);
    const incomplete = await va.post(`/api/v1/initiatives/${id}/milestones/I/decision`, decisionBody("I"));
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json()).toMatchObject({
      code: "BASIS_INCOMPLETE",
      missing: expect.arrayContaining([expect.objectContaining({ kind: "deliverable_missing" })]),
    });
  });

  it("refuses unanswered decision points and conditions without a due date, precisely", async () => {
    const va = await world.loginAs("vaA");
    const { id } = await world.seedInitiative();
    const body = decisionBody("I");
    const unanswered = await va.post(`/api/v1/initiatives/${id}/milestones/I/decision`, {
      ...body,
      decisionPoints: body.decisionPoints.slice(1),
    });
    expect(unanswered.statusCode).toBe(400);
    expect(unanswered.json()).toMatchObject({ fields: [{ path: "decisionPoints.i-behov-foreligger", code: "decision_point_unanswered" }] });
    const noDue = await va.post(`/api/v1/initiatives/${id}/milestones/I/decision`, {
      ...body,
      outcome: "go_with_conditions",
      conditions: [{ text: "Säkra budget", owner: "Ekonomichef" }],
    });
    expect(noDue.statusCode).toBe(400);
    expect(noDue.json()).toMatchObject({ fields: [{ path: "conditions.0.dueDate" }] });
    const noConditions = await va.post(`/api/v1/initiatives/${id}/milestones/I/decision`, {
      ...body,
      outcome: "go_with_conditions",
    });
    expect(noConditions.json()).toMatchObject({ fields: [{ path: "conditions", code: "condition_required" }] });
  });

  it("decides on an incomplete basis only with a written reason, which is stored", async () => {
    const [pl, va] = [await world.loginAs("plA"), await world.loginAs("vaA")];
    const { id } = await world.seedInitiative();
    const decision = await postJson(
      va,
      `/api/v1/initiatives/${id}/milestones/I/decision`,
      { ...decisionBody("I"), incompleteBasisReason: "Behovsanalysen fastställs vid nästa möte; beslutet brådskar för budgeten." },
      DecisionWithCommunications,
    );
    expect(decision.incompleteBasisReason).toContain("brådskar");
    // Supersede it with a decision on a complete basis, naming the decision it replaces; both stay visible.
    await prepareMilestone(pl, id, "I", va);
    const unnamed = await va.post(`/api/v1/initiatives/${id}/milestones/I/decision`, decisionBody("I"));
    expect(unnamed.statusCode).toBe(409);
    expect(unnamed.json()).toMatchObject({ code: "DECISION_CONFLICT" });
    const second = await postJson(
      va,
      `/api/v1/initiatives/${id}/milestones/I/decision`,
      decisionBody("I", { diarienummer: "KS 2026/123", supersedes: decision.id }),
      DecisionWithCommunications,
    );
    expect(second).toMatchObject({ supersedesId: decision.id, incompleteBasisReason: null, diarienummer: "KS 2026/123" });
    const history = await getJson(pl, `/api/v1/initiatives/${id}/milestones/I/decisions`, DecisionHistory);
    expect(history.decisions.map((d) => d.current)).toEqual([true, false]);
  });

  it("freezes the decision: a hash of its basis, no edits in the database, and a warning when the basis changes", async () => {
    const [pl, va] = [await world.loginAs("plA"), await world.loginAs("vaA")];
    const i = await world.seedInitiative({ phase: 2 });
    const first = i.milestones[0];
    expect(first).toMatchObject({ status: "go", basisChangedAfterDecision: false });
    expect(first?.decision?.basisHash).toMatch(/^[0-9a-f]{64}$/);
    expect(i.currentPhase).toBe(2);
    await expect(world.db.execute(sql`update milestone_decisions set outcome = 'stop'`)).rejects.toThrow();
    const { idea, section } = await ideaOf(pl, i);
    await pl.put(`/api/v1/deliverables/${idea}/sections`, { sections: { [section]: "Ändrad efter beslut" } });
    // A new utkast leaves the fastställda basis as it was; fastställa it, and the basis has changed.
    const drafted = await getJson(pl, `/api/v1/initiatives/${i.id}`, Initiative);
    expect(drafted.milestones[0]?.basisChangedAfterDecision).toBe(false);
    expect((await va.post(`/api/v1/deliverables/${idea}/status`, { status: "faststalld" })).statusCode).toBe(200);
    const after = await getJson(pl, `/api/v1/initiatives/${i.id}`, Initiative);
    expect(after.milestones[0]?.basisChangedAfterDecision).toBe(true);
  });

  it("does not call the basis changed for an utkast written before the decision", async () => {
    const [pl, va] = [await world.loginAs("plA"), await world.loginAs("vaA")];
    const initiative = await world.seedInitiative({ name: "Utkast före beslut", ready: true });
    const { id } = initiative;
    const { idea, section } = await ideaOf(pl, initiative);
    // v1 fastställd, v2 an utkast, both before the decision: the decision is taken on v1.
    await pl.put(`/api/v1/deliverables/${idea}/sections`, { sections: { [section]: "Utkast till v2" } });
    expect((await va.post(`/api/v1/initiatives/${id}/milestones/I/decision`, decisionBody("I"))).statusCode).toBe(201);
    const decided = await getJson(pl, `/api/v1/initiatives/${id}`, Initiative);
    expect(decided.milestones[0]?.basisChangedAfterDecision).toBe(false);
    const history = await getJson(pl, `/api/v1/initiatives/${id}/milestones/I/decisions`, DecisionHistory);
    expect(history.decisions[0]?.basisChangedAfterDecision).toBe(false);
    // v2 fastställd after the decision: now the basis it was taken on has changed.
    expect((await va.post(`/api/v1/deliverables/${idea}/status`, { status: "faststalld" })).statusCode).toBe(200);
    const changed = await getJson(pl, `/api/v1/initiatives/${id}/milestones/I/decisions`, DecisionHistory);
    expect(changed.decisions[0]?.basisChangedAfterDecision).toBe(true);
  });

  it("creates the communications the method requires, and the förvaltningsgrupp reads its own", async () => {
    const sg = await world.loginAs("sgA");
    const { id } = await world.seedInitiative({ name: "Bygglov med villkor", phase: 2, ready: true });
    // No typed timeline or volumes: they come from the flows.
    const decision = await postJson(
      sg,
      `/api/v1/initiatives/${id}/milestones/II/decision`,
      decisionBody("II", {
        outcome: "go_with_conditions",
        conditions: [{ text: "Säkra budget för 2027", owner: "Ekonomichef", dueDate: "2027-01-31" }],
      }),
      DecisionWithCommunications,
    );
    expect(decision.communications.map((c) => c.audience)).toEqual([
      "own_organisation",
      "partners",
      "forvaltningsgrupp",
      "other_stakeholders",
    ]);

    const fg = await world.loginAs("fg");
    const inbox = await getJson(fg, "/api/v1/communications", CommunicationList);
    expect(inbox.communications.every((c) => c.audience === "forvaltningsgrupp")).toBe(true);
    // Milestones I and II of this initiative, the latest first.
    const mine = inbox.communications.filter((c) => c.audience === "forvaltningsgrupp" && c.initiativeId === id);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    const latest = mine[0];
    expect(latest?.items.find((i) => i.key === "meddelandevolymer")?.value).toBe("Inga meddelandeflöden registrerade");
    expect(latest?.body).toContain("Säkra budget för 2027");
    expect(latest?.status).toBe("sent");
    expect(parseBody(await fg.post(`/api/v1/communications/${latest?.id}/read`), CommunicationRead)).toMatchObject({ status: "read" });

    const plB = await world.loginAs("plB");
    expect(await getJson(plB, "/api/v1/communications", CommunicationList)).toEqual({ communications: [], total: 0 });
    expect((await plB.post(`/api/v1/communications/${latest?.id}/read`)).statusCode).toBe(404);

    const admin = await world.loginAs("admin");
    const outbox = await getJson(admin, "/api/v1/outbox", Outbox);
    expect(
      outbox.messages.some(
        (m) => m.to === world.emails.fg && m.subject.includes("milstolpe II") && m.subject.includes("Bygglov med villkor"),
      ),
    ).toBe(true);

    const i = await getJson(await world.loginAs("plA"), `/api/v1/initiatives/${id}`, Initiative);
    expect(i.currentPhase).toBe(3);
    expect(i.milestones[1]?.status).toBe("go_with_conditions");
  });
});
