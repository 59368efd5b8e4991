import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decisionBody, prepareMilestone } from "../support/initiative-fixtures.ts";
import { apiAs, seedWorld, startTestApp, type TestApp, type World } from "../support/test-app.ts";

type Api = Awaited<ReturnType<typeof apiAs>>;
type Initiative = {
  id: string;
  currentPhase: number;
  steeringGroup: string[];
  phases: { number: number; startedAheadOfDecision: boolean; activities: { id: string; status: string }[] }[];
  milestones: { numeral: string; status: string; basisChangedAfterDecision: boolean; decision: { id: string; basisHash: string } | null }[];
};

describe("initiatives, deliverables and milestone decisions", () => {
  let t: TestApp;
  let w: World;
  let pl: Api;
  let va: Api;
  let sg: Api;
  let initiativeId: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await seedWorld(t.db);
    pl = await apiAs(t.app, w.emails.plA);
    va = await apiAs(t.app, w.emails.vaA);
    sg = await apiAs(t.app, w.emails.sgA);
    const res = await pl.post("/api/v1/initiatives", {
      organisationId: w.orgA.id,
      name: "Digitala bygglovsbeslut",
      plannedGoLive: "2027-09-01",
    });
    expect(res.statusCode).toBe(201);
    initiativeId = (res.json() as Initiative).id;
  });
  afterAll(async () => t.close());

  it("creates an initiative whose styrgrupp defaults to the styrgrupp members plus the verksamhetsägare", async () => {
    const i = (await pl.get(`/api/v1/initiatives/${initiativeId}`)).json() as Initiative;
    expect(i.currentPhase).toBe(1);
    expect(i.steeringGroup.sort()).toEqual([w.users.sgA, w.users.vaA].sort());
    expect(i.phases).toHaveLength(8);
    expect(i.milestones.map((m) => m.numeral)).toEqual(["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]);
    expect(i.milestones.every((m) => m.status === "not_decided")).toBe(true);
  });

  it("takes an explicit styrgrupp but only of the organisation's members who hold a deciding role", async () => {
    const ok = await pl.post("/api/v1/initiatives", { organisationId: w.orgA.id, name: "Andra", steeringGroup: [w.users.sgA] });
    expect((ok.json() as Initiative).steeringGroup.sort()).toEqual([w.users.sgA, w.users.vaA].sort());
    const reader = await pl.post("/api/v1/initiatives", { organisationId: w.orgA.id, name: "Läsare", steeringGroup: [w.users.readerA] });
    expect(reader.statusCode).toBe(400);
    expect(reader.json()).toMatchObject({ fields: [{ path: "steeringGroup.0", code: "not_decider" }] });
    const herself = await pl.post("/api/v1/initiatives", { organisationId: w.orgA.id, name: "Själv", steeringGroup: [w.users.plA] });
    expect(herself.json()).toMatchObject({ fields: [{ path: "steeringGroup.0", code: "not_decider" }] });
    const bad = await pl.post("/api/v1/initiatives", { organisationId: w.orgA.id, name: "Tredje", steeringGroup: [w.users.plB] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ fields: [{ path: "steeringGroup.0", code: "not_member" }] });
  });

  it("lets only a projektledare start an initiative, and no one in another organisation", async () => {
    expect((await sg.post("/api/v1/initiatives", { organisationId: w.orgA.id, name: "X" })).statusCode).toBe(403);
    const plB = await apiAs(t.app, w.emails.plB);
    expect((await plB.post("/api/v1/initiatives", { organisationId: w.orgA.id, name: "X" })).statusCode).toBe(404);
    expect((await plB.get(`/api/v1/initiatives/${initiativeId}`)).statusCode).toBe(404);
  });

  it("needs a motivation to mark an activity not applicable", async () => {
    const url = `/api/v1/initiatives/${initiativeId}/activities/`;
    const i = (await pl.get(`/api/v1/initiatives/${initiativeId}`)).json() as Initiative;
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
    const i = (await pl.get(`/api/v1/initiatives/${initiativeId}`)).json() as Initiative;
    const later = i.phases[2]?.activities[0]?.id as string;
    await pl.put(`/api/v1/initiatives/${initiativeId}/activities/${later}`, { status: "in_progress" });
    const after = (await pl.get(`/api/v1/initiatives/${initiativeId}`)).json() as Initiative;
    expect(after.phases[2]?.startedAheadOfDecision).toBe(true);
    expect(after.phases[1]?.startedAheadOfDecision).toBe(false);
  });

  it("keeps the old version when a fastställd document is edited, and lets only the right roles fastställa", async () => {
    const created = await pl.post(`/api/v1/initiatives/${initiativeId}/deliverables`, { deliverableTypeId: "riskanalys" });
    expect(created.statusCode).toBe(201);
    const doc = created.json() as { id: string; template: { id: string }[]; versions: { status: string }[] };
    expect(doc.versions).toEqual([expect.objectContaining({ version: 1, status: "utkast" })]);
    const section = doc.template[0]?.id as string;
    await pl.put(`/api/v1/deliverables/${doc.id}/sections`, {
      sections: { [section]: "Första texten", bedomning: "Två stora risker.", atgarder: "Reservrutin på papper." },
    });
    expect((await pl.put(`/api/v1/deliverables/${doc.id}/sections`, { sections: { "no-such-section": "x" } })).statusCode).toBe(400);
    await pl.post(`/api/v1/deliverables/${doc.id}/status`, { status: "for_granskning" });
    expect((await sg.post(`/api/v1/deliverables/${doc.id}/status`, { status: "faststalld" })).statusCode).toBe(403);
    expect((await va.post(`/api/v1/deliverables/${doc.id}/status`, { status: "faststalld" })).statusCode).toBe(200);
    const edited = (await pl.put(`/api/v1/deliverables/${doc.id}/sections`, { sections: { [section]: "Andra texten" } })).json() as {
      versions: { version: number; status: string; sections: Record<string, string> }[];
    };
    expect(edited.versions.map((v) => [v.version, v.status])).toEqual([
      [1, "faststalld"],
      [2, "utkast"],
    ]);
    expect(edited.versions[0]?.sections[section]).toBe("Första texten");
    expect(edited.versions[1]?.sections[section]).toBe("Andra texten");
  });

  it("reports readiness with what is missing", async () => {
    const r = (await pl.get(`/api/v1/initiatives/${initiativeId}/milestones/I/readiness`)).json() as {
      ready: boolean;
      missing: { kind: string }[];
    };
    expect(r.ready).toBe(false);
    expect(r.missing.map((m) => m.kind)).toEqual(expect.arrayContaining(["deliverable_missing", "decision_point_unprepared"]));
    expect((await pl.get(`/api/v1/initiatives/${initiativeId}/milestones/IX/readiness`)).statusCode).toBe(404);
  });

  it("refuses a decision by the wrong role, out of order, or on an incomplete basis", async () => {
    const wrongRole = await sg.post(`/api/v1/initiatives/${initiativeId}/milestones/I/decision`, decisionBody("I"));
    expect(wrongRole.statusCode).toBe(403);
    expect(wrongRole.json()).toMatchObject({ code: "NOT_DECIDER", message: expect.stringContaining("verksamhetsägare") });
    const outOfOrder = await sg.post(`/api/v1/initiatives/${initiativeId}/milestones/III/decision`, decisionBody("III"));
    expect(outOfOrder.statusCode).toBe(409);
    const incomplete = await va.post(`/api/v1/initiatives/${initiativeId}/milestones/I/decision`, decisionBody("I"));
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json()).toMatchObject({
      code: "BASIS_INCOMPLETE",
      missing: expect.arrayContaining([expect.objectContaining({ kind: "deliverable_missing" })]),
    });
  });

  it("refuses unanswered decision points and conditions without a due date, precisely", async () => {
    const body = decisionBody("I");
    const unanswered = await va.post(`/api/v1/initiatives/${initiativeId}/milestones/I/decision`, {
      ...body,
      decisionPoints: body.decisionPoints.slice(1),
    });
    expect(unanswered.statusCode).toBe(400);
    expect(unanswered.json()).toMatchObject({ fields: [{ path: "decisionPoints.i-behov-foreligger", code: "decision_point_unanswered" }] });
    const noDue = await va.post(`/api/v1/initiatives/${initiativeId}/milestones/I/decision`, {
      ...body,
      outcome: "go_with_conditions",
      conditions: [{ text: "Säkra budget", owner: "Ekonomichef" }],
    });
    expect(noDue.statusCode).toBe(400);
    expect(noDue.json()).toMatchObject({ fields: [{ path: "conditions.0.dueDate" }] });
    const noConditions = await va.post(`/api/v1/initiatives/${initiativeId}/milestones/I/decision`, {
      ...body,
      outcome: "go_with_conditions",
    });
    expect(noConditions.json()).toMatchObject({ fields: [{ path: "conditions", code: "condition_required" }] });
  });

  it("decides on an incomplete basis only with a written reason, which is stored", async () => {
    const res = await va.post(`/api/v1/initiatives/${initiativeId}/milestones/I/decision`, {
      ...decisionBody("I"),
      incompleteBasisReason: "Behovsanalysen fastställs vid nästa möte; beslutet brådskar för budgeten.",
    });
    expect(res.statusCode).toBe(201);
    const decision = res.json() as { incompleteBasisReason: string; id: string };
    expect(decision.incompleteBasisReason).toContain("brådskar");
    // Supersede it with a decision on a complete basis, naming the decision it replaces; both stay visible.
    await prepareMilestone(pl, initiativeId, "I", va);
    const unnamed = await va.post(`/api/v1/initiatives/${initiativeId}/milestones/I/decision`, decisionBody("I"));
    expect(unnamed.statusCode).toBe(409);
    expect(unnamed.json()).toMatchObject({ code: "DECISION_CONFLICT" });
    const second = await va.post(
      `/api/v1/initiatives/${initiativeId}/milestones/I/decision`,
      decisionBody("I", { diarienummer: "KS 2026/123", supersedes: decision.id }),
    );
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ supersedesId: decision.id, incompleteBasisReason: null, diarienummer: "KS 2026/123" });
    const history = (await pl.get(`/api/v1/initiatives/${initiativeId}/milestones/I/decisions`)).json() as {
      decisions: { id: string; current: boolean }[];
    };
    expect(history.decisions.map((d) => d.current)).toEqual([true, false]);
  });

  it("freezes the decision: a hash of its basis, no edits in the database, and a warning when the basis changes", async () => {
    const i = (await pl.get(`/api/v1/initiatives/${initiativeId}`)).json() as Initiative;
    const first = i.milestones[0];
    expect(first).toMatchObject({ status: "go", basisChangedAfterDecision: false });
    expect(first?.decision?.basisHash).toMatch(/^[0-9a-f]{64}$/);
    expect(i.currentPhase).toBe(2);
    await expect(t.db.execute(sql`update milestone_decisions set outcome = 'stop'`)).rejects.toThrow();
    const docs = (await pl.get(`/api/v1/initiatives/${initiativeId}`)).json() as {
      phases: { results: { deliverableTypeId: string; deliverables: { id: string }[] }[] }[];
    };
    const idea = docs.phases[0]?.results.find((r) => r.deliverableTypeId === "idebeskrivning")?.deliverables[0]?.id as string;
    const doc = (await pl.get(`/api/v1/deliverables/${idea}`)).json() as { template: { id: string }[] };
    await pl.put(`/api/v1/deliverables/${idea}/sections`, { sections: { [doc.template[0]?.id as string]: "Ändrad efter beslut" } });
    // A new utkast leaves the fastställda basis as it was; fastställa it, and the basis has changed.
    const drafted = (await pl.get(`/api/v1/initiatives/${initiativeId}`)).json() as Initiative;
    expect(drafted.milestones[0]?.basisChangedAfterDecision).toBe(false);
    expect((await va.post(`/api/v1/deliverables/${idea}/status`, { status: "faststalld" })).statusCode).toBe(200);
    const after = (await pl.get(`/api/v1/initiatives/${initiativeId}`)).json() as Initiative;
    expect(after.milestones[0]?.basisChangedAfterDecision).toBe(true);
  });

  it("does not call the basis changed for an utkast written before the decision", async () => {
    const created = await pl.post("/api/v1/initiatives", { organisationId: w.orgA.id, name: "Utkast före beslut" });
    const id = (created.json() as Initiative).id;
    await prepareMilestone(pl, id, "I", va);
    const docs = (await pl.get(`/api/v1/initiatives/${id}`)).json() as {
      phases: { results: { deliverableTypeId: string; deliverables: { id: string }[] }[] }[];
    };
    const idea = docs.phases[0]?.results.find((r) => r.deliverableTypeId === "idebeskrivning")?.deliverables[0]?.id as string;
    const doc = (await pl.get(`/api/v1/deliverables/${idea}`)).json() as { template: { id: string }[] };
    // v1 fastställd, v2 an utkast, both before the decision: the decision is taken on v1.
    await pl.put(`/api/v1/deliverables/${idea}/sections`, { sections: { [doc.template[0]?.id as string]: "Utkast till v2" } });
    expect((await va.post(`/api/v1/initiatives/${id}/milestones/I/decision`, decisionBody("I"))).statusCode).toBe(201);
    const decided = (await pl.get(`/api/v1/initiatives/${id}`)).json() as Initiative;
    expect(decided.milestones[0]?.basisChangedAfterDecision).toBe(false);
    const history = (await pl.get(`/api/v1/initiatives/${id}/milestones/I/decisions`)).json() as {
      decisions: { basisChangedAfterDecision: boolean }[];
    };
    expect(history.decisions[0]?.basisChangedAfterDecision).toBe(false);
    // v2 fastställd after the decision: now the basis it was taken on has changed.
    expect((await va.post(`/api/v1/deliverables/${idea}/status`, { status: "faststalld" })).statusCode).toBe(200);
    const changed = (await pl.get(`/api/v1/initiatives/${id}/milestones/I/decisions`)).json() as {
      decisions: { basisChangedAfterDecision: boolean }[];
    };
    expect(changed.decisions[0]?.basisChangedAfterDecision).toBe(true);
  });

  it("creates the communications the method requires, and the förvaltningsgrupp reads its own", async () => {
    await prepareMilestone(pl, initiativeId, "II", va);
    const missingVolumes = await sg.post(
      `/api/v1/initiatives/${initiativeId}/milestones/II/decision`,
      decisionBody("II", { reported: { timeline: "Q3 2027" } }),
    );
    expect(missingVolumes.statusCode).toBe(400);
    expect(missingVolumes.json()).toMatchObject({ fields: [{ path: "reported.messageVolumePerYear", code: "volume_required" }] });
    const res = await sg.post(
      `/api/v1/initiatives/${initiativeId}/milestones/II/decision`,
      decisionBody("II", {
        outcome: "go_with_conditions",
        conditions: [{ text: "Säkra budget för 2027", owner: "Ekonomichef", dueDate: "2027-01-31" }],
      }),
    );
    expect(res.statusCode).toBe(201);
    const decision = res.json() as { communications: { audience: string }[] };
    expect(decision.communications.map((c) => c.audience)).toEqual([
      "own_organisation",
      "partners",
      "forvaltningsgrupp",
      "other_stakeholders",
    ]);

    const fg = await apiAs(t.app, w.emails.fg);
    const inbox = (await fg.get("/api/v1/communications")).json() as {
      communications: { id: string; audience: string; status: string; body: string; items: { key: string; value: string }[] }[];
    };
    const mine = inbox.communications.filter((c) => c.audience === "forvaltningsgrupp");
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(inbox.communications.every((c) => c.audience === "forvaltningsgrupp")).toBe(true);
    const latest = mine[0];
    expect(latest?.items.find((i) => i.key === "meddelandevolymer")?.value).toContain("48\u00a0000 meddelanden per år");
    expect(latest?.body).toContain("Säkra budget för 2027");
    expect(latest?.status).toBe("sent");
    expect((await fg.post(`/api/v1/communications/${latest?.id}/read`)).json()).toMatchObject({ status: "read" });

    const plB = await apiAs(t.app, w.emails.plB);
    expect((await plB.get("/api/v1/communications")).json()).toEqual({ communications: [] });
    expect((await plB.post(`/api/v1/communications/${latest?.id}/read`)).statusCode).toBe(404);

    const admin = await apiAs(t.app, w.emails.admin);
    const outbox = (await admin.get("/api/v1/outbox")).json() as { messages: { to: string; subject: string }[] };
    expect(outbox.messages.some((m) => m.to === w.emails.fg && m.subject.includes("milstolpe II"))).toBe(true);

    const i = (await pl.get(`/api/v1/initiatives/${initiativeId}`)).json() as Initiative;
    expect(i.currentPhase).toBe(3);
    expect(i.milestones[1]?.status).toBe("go_with_conditions");
  });
});
