import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../src/domain/access/actor.ts";
import { runReminders } from "../../src/domain/follow-up/run-reminders.ts";
import { listOutbox } from "../../src/domain/mail/list-outbox.ts";
import { decisionBody, prepareMilestone } from "../support/initiative-fixtures.ts";
import { apiAs, browser, seedWorld, startTestApp, type TestApp, type World } from "../support/test-app.ts";

type Task = { kind: string; initiativeId: string | null; title: string; dueDate: string | null; href: string };
type Api = Awaited<ReturnType<typeof apiAs>>;

const tasksOf = async (api: Api) => {
  const res = await api.get("/api/v1/me/tasks");
  expect(res.statusCode).toBe(200);
  const body = res.json() as { tasks: Task[] };
  for (const t of body.tasks) expect(Object.keys(t).sort()).toEqual(["dueDate", "href", "initiativeId", "kind", "title"]);
  return body.tasks;
};

/**
 * My tasks across the decision path: the projektledare prepares, the verksamhetsägare decides I
 * with a condition owned by the deltagare, who marks it met; planned days and reminders.
 */
describe("my tasks, conditions and reminders", () => {
  let t: TestApp;
  let w: World;
  let pl: Api;
  let va: Api;
  let owner: Api;
  let initiativeId: string;
  let decisionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await seedWorld(t.db);
    pl = await apiAs(t.app, w.emails.plA);
    va = await apiAs(t.app, w.emails.vaA);
    owner = await apiAs(t.app, w.emails.consultant);
    const created = await pl.post("/api/v1/initiatives", {
      organisationId: w.orgA.id,
      name: "Digitala bygglov",
      projectManagerId: w.users.plA,
    });
    initiativeId = (created.json() as { id: string }).id;
  });
  afterAll(async () => t.close());

  it("asks the projektledare to prepare milestone I's decision points, due on the planned day", async () => {
    const plan = await pl.put(`/api/v1/initiatives/${initiativeId}/milestones/I/plan`, { plannedOn: "2026-12-20" });
    expect(plan.statusCode).toBe(200);
    const tasks = await tasksOf(pl);
    const prepare = tasks.filter((x) => x.kind === "prepare_decision_point");
    expect(prepare.length).toBeGreaterThan(0);
    expect(prepare.every((x) => x.dueDate === "2026-12-20" && x.href.startsWith(`/initiatives/${initiativeId}/milestones/I#dp-`))).toBe(
      true,
    );
    // Nobody else prepares, and nothing is ready for the verksamhetsägare yet.
    expect((await tasksOf(owner)).filter((x) => x.kind === "prepare_decision_point")).toEqual([]);
    expect((await tasksOf(va)).filter((x) => x.kind === "decide_milestone")).toEqual([]);
  });

  it("offers the decision to the verksamhetsägare once milestone I is ready", async () => {
    await prepareMilestone(pl, initiativeId, "I", va);
    const decide = (await tasksOf(va)).filter((x) => x.kind === "decide_milestone");
    expect(decide).toEqual([
      {
        kind: "decide_milestone",
        initiativeId,
        title: "Fatta beslut vid milstolpe I",
        dueDate: "2026-12-20",
        href: `/initiatives/${initiativeId}/milestones/I/decide`,
      },
    ]);
  });

  it("gives a condition to its member owner, who marks it met with a note (audited); then it is gone", async () => {
    const decided = await va.post(
      `/api/v1/initiatives/${initiativeId}/milestones/I/decision`,
      decisionBody("I", {
        outcome: "go_with_conditions",
        conditions: [
          { text: "Säkerställ att e-tjänsten har en personuppgiftsbiträdesavtal.", ownerUserId: w.users.consultant, dueDate: "2026-01-10" },
          { text: "Informera nämnden.", owner: "Nämndsekreteraren", dueDate: "2026-02-01" },
        ],
      }),
    );
    expect(decided.statusCode, decided.body).toBe(201);
    const decision = decided.json() as { id: string; conditions: { owner: string; ownerUserId: string | null }[] };
    decisionId = decision.id;
    // The member's name is written into the frozen record beside the id.
    expect(decision.conditions[0]).toMatchObject({ owner: "consultant", ownerUserId: w.users.consultant });

    const mine = (await tasksOf(owner)).filter((x) => x.kind === "condition_due");
    expect(mine).toEqual([
      {
        kind: "condition_due",
        initiativeId,
        title: "Villkor vid milstolpe I: Säkerställ att e-tjänsten har en personuppgiftsbiträdesavtal.",
        dueDate: "2026-01-10",
        href: `/decisions/${decisionId}/conditions/0`,
      },
    ]);
    // The condition without a member owner waits for the projektledare.
    expect((await tasksOf(pl)).filter((x) => x.kind === "condition_due").map((x) => x.href)).toEqual([
      `/decisions/${decisionId}/conditions/1`,
    ]);

    // Someone else may not mark the owner's condition; the owner may, once.
    expect((await va.post(`/api/v1/decisions/${decisionId}/conditions/0/met`, { note: "Klart." })).statusCode).toBe(403);
    const met = await owner.post(`/api/v1/decisions/${decisionId}/conditions/0/met`, { note: "Avtalet är undertecknat, dnr 2026/12." });
    expect(met.statusCode, met.body).toBe(200);
    expect(met.json()).toMatchObject({
      current: true,
      overdue: false,
      met: { byName: "consultant", note: "Avtalet är undertecknat, dnr 2026/12." },
    });
    expect((await owner.post(`/api/v1/decisions/${decisionId}/conditions/0/met`, { note: "Igen." })).json()).toMatchObject({
      code: "CONDITION_ALREADY_MET",
    });
    expect((await tasksOf(owner)).filter((x) => x.kind === "condition_due")).toEqual([]);
    const audit = (await (await apiAs(t.app, w.emails.admin)).get("/api/v1/audit?limit=200")).json() as { entries: { action: string }[] };
    expect(audit.entries.map((e) => e.action)).toContain("condition.met");
  });

  it("lists the initiative's conditions with overdue and met", async () => {
    const res = (await pl.get(`/api/v1/initiatives/${initiativeId}/conditions`)).json() as {
      conditions: { index: number; overdue: boolean; met: unknown }[];
    };
    expect(res.conditions.map((c) => [c.index, c.overdue, c.met !== null])).toEqual([
      [0, false, true],
      [1, true, false],
    ]);
  });

  it("asks each recipient to read its own copy of the decision's messages, at that copy in the inbox", async () => {
    const fg = await apiAs(t.app, w.emails.fg);
    const reads = async (api: Api) =>
      (await tasksOf(api)).filter((x) => x.kind === "read_communication" && x.initiativeId === initiativeId);
    const forFg = await reads(fg);
    const forOrg = await reads(pl);
    expect(forFg.length).toBeGreaterThan(0);
    expect(forOrg.length).toBeGreaterThan(0);
    // One message may reach the reader for more than one recipient: the link names whose copy it is.
    expect(forFg.every((x) => /^\/inbox#communication-[0-9a-f-]+-forvaltningsgrupp$/.test(x.href))).toBe(true);
    expect(forOrg.every((x) => x.href.endsWith(`-${w.orgA.id}`))).toBe(true);
    const session = browser(t.app);
    await session.login(w.emails.plA);
    const inboxPage = (await session.get("/inbox")).body;
    for (const x of forOrg) expect(inboxPage).toContain(`id="${x.href.slice("/inbox#".length)}"`);

    // The förvaltningsgrupp reading its copy settles its task, not the organisation's.
    const [first] = forFg;
    const communicationId = first?.href.slice("/inbox#communication-".length, -"-forvaltningsgrupp".length);
    expect((await fg.post(`/api/v1/communications/${communicationId}/read`)).statusCode).toBe(200);
    expect((await reads(fg)).map((x) => x.href)).not.toContain(first?.href);
    expect((await reads(pl)).length).toBe(forOrg.length);
  });

  it("shows the tasks on the start page, each a link, and the condition's page marks it met without JavaScript", async () => {
    const session = browser(t.app);
    await session.login(w.emails.plA);
    const home = await session.get("/");
    expect(home.body).toContain("Mina uppgifter");
    expect(home.body).toContain(`href="/decisions/${decisionId}/conditions/1"`);
    // The overdue condition is flagged on the initiative until it is met.
    expect((await session.get(`/initiatives/${initiativeId}`)).body).toContain("Villkor försenade: 1");
    const page = await session.get(`/decisions/${decisionId}/conditions/1`);
    expect(page.statusCode).toBe(200);
    expect((await session.post(`/decisions/${decisionId}/conditions/1`, { note: "" })).statusCode).toBe(400);
    const done = await session.post(`/decisions/${decisionId}/conditions/1`, { note: "Nämnden informerades 2026-01-28." });
    expect(done.statusCode).toBe(303);
    expect((await session.get(`/decisions/${decisionId}/conditions/1`)).body).toContain("Nämnden informerades 2026-01-28.");
    expect((await session.get(`/initiatives/${initiativeId}`)).body).not.toContain("Villkor försenade");
    // A date that does not parse comes back to the milestone page's plan form, as typed.
    const badPlan = await session.post(`/initiatives/${initiativeId}/milestones/II/plan`, { plannedOn: "första mars" });
    expect(badPlan.statusCode).toBe(400);
    expect(badPlan.body).toContain('id="error-summary"');
    expect(badPlan.body).toContain('value="första mars"');
    const plan = await session.post(`/initiatives/${initiativeId}/milestones/II/plan`, { plannedOn: "2027-02-01" });
    expect(plan.statusCode).toBe(303);
    expect(plan.headers.location).toBe(`/initiatives/${initiativeId}/milestones/II#plan`);
    const empty = browser(t.app);
    await empty.login(w.emails.plB);
    expect((await empty.get("/")).body).toContain("Inget väntar på dig just nu.");
  });

  it("mails each reminder once: ahead, then overdue, never again", async () => {
    // Milestone II planned on a day seven days after "today" in the run below.
    await pl.put(`/api/v1/initiatives/${initiativeId}/milestones/II/plan`, { plannedOn: "2027-03-08" });
    const count = async () =>
      (await listOutbox({ db: t.db, actor: SYSTEM_ACTOR, limit: 1000 })).filter((m) => m.subject.includes("milstolpe II")).length;
    const run = (iso: string) => runReminders({ db: t.db, now: new Date(iso), daysAhead: 7, baseUrl: "http://ansluta.test" });
    expect(await run("2027-02-20T08:00:00Z")).toMatchObject({ ran: true, reminders: 0 });
    const ahead = await run("2027-03-01T08:00:00Z");
    expect(ahead).toMatchObject({ ran: true, reminders: 1 });
    const sent = await count();
    // The projektledare and the styrgrupp member who decides II.
    expect(sent).toBe(2);
    await run("2027-03-02T08:00:00Z");
    expect(await count()).toBe(sent);
    expect(await run("2027-03-09T08:00:00Z")).toMatchObject({ ran: true, reminders: 1 });
    expect(await count()).toBe(sent * 2);
    await run("2027-03-10T08:00:00Z");
    expect(await count()).toBe(sent * 2);
    const mail = (await listOutbox({ db: t.db, actor: SYSTEM_ACTOR, limit: 1000 })).find((m) => m.subject.startsWith("Försenat beslut"));
    expect(mail?.text).toContain(`http://ansluta.test/initiatives/${initiativeId}/milestones/II`);
  });

  it("concurrent rounds (two app servers) queue exactly one mail per reminder", async () => {
    await pl.put(`/api/v1/initiatives/${initiativeId}/milestones/II/plan`, { plannedOn: "2027-06-01" });
    const before = (await listOutbox({ db: t.db, actor: SYSTEM_ACTOR, limit: 1000 })).length;
    const rounds = await Promise.all(
      Array.from({ length: 6 }, () => runReminders({ db: t.db, now: new Date("2027-05-30T08:00:00Z"), daysAhead: 7, baseUrl: "" })),
    );
    const after = (await listOutbox({ db: t.db, actor: SYSTEM_ACTOR, limit: 1000 })).length;
    const mails = rounds.reduce((n, r) => n + (r.ran ? r.mails : 0), 0);
    expect(mails).toBe(2);
    expect(after - before).toBe(2);
  });
});
