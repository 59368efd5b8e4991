import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../src/domain/access/actor.ts";
import { runReminders } from "../../src/domain/follow-up/run-reminders.ts";
import { listOutbox } from "../../src/domain/mail/list-outbox.ts";
import { AuditEntries } from "../../src/http/routes/audit/audit.schema.ts";
import { CommunicationRead } from "../../src/http/routes/communications/communications.schema.ts";
import { DecisionWithCommunications } from "../../src/http/routes/milestones/milestones.schema.ts";
import { ConditionList, ConditionView, MilestonePlan, MyTasks } from "../../src/http/routes/tasks/tasks.schema.ts";
import { decisionBody } from "../support/initiative-fixtures.ts";
import { type Api, getJson, parseBody, useTestWorld } from "../support/test-world.ts";

const tasksOf = async (api: Api) => {
  const { tasks } = await getJson(api, "/api/v1/me/tasks", MyTasks);
  for (const t of tasks) expect(Object.keys(t).sort()).toEqual(["dueDate", "href", "initiativeId", "kind", "title"]);
  return tasks;
};

/**
 * My tasks across the decision path: the projektledare prepares, the verksamhetsägare decides I
 * with a condition owned by the deltagare, who marks it met; planned days and reminders.
 */
describe("my tasks, conditions and reminders", () => {
  const world = useTestWorld();

  const plan = async (initiativeId: string, numeral: string, plannedOn: string) =>
    parseBody(
      await (await world.loginAs("plA")).put(`/api/v1/initiatives/${initiativeId}/milestones/${numeral}/plan`, { plannedOn }),
      MilestonePlan,
    );

  /** An initiative whose milestone I the verksamhetsägare decided with two conditions: the first owned by the deltagare, the second by no member. */
  async function decidedWithConditions(name: string) {
    const { id } = await world.seedInitiative({ name, ready: true });
    const va = await world.loginAs("vaA");
    const decision = parseBody(
      await va.post(
        `/api/v1/initiatives/${id}/milestones/I/decision`,
        decisionBody("I", {
          outcome: "go_with_conditions",
          conditions: [
            {
              text: "Säkerställ att e-tjänsten har en personuppgiftsbiträdesavtal.",
              ownerUserId: world.users.consultant,
              dueDate: "2026-01-10",
            },
            { text: "Informera nämnden.", owner: "Nämndsekreteraren", dueDate: "2026-02-01" },
          ],
        }),
      ),
      DecisionWithCommunications,
      201,
    );
    return { initiativeId: id, decision };
  }

  /** The deltagare marks the first condition met. */
  const ownerMarksFirstMet = async (decisionId: string) =>
    parseBody(
      await (await world.loginAs("consultant")).post(`/api/v1/decisions/${decisionId}/conditions/0/met`, {
        note: "Avtalet är undertecknat, dnr 2026/12.",
      }),
      ConditionView,
    );

  it("asks the projektledare to prepare milestone I's decision points, due on the planned day", async () => {
    const { id: initiativeId } = await world.seedInitiative({ name: "Planerad beredning" });
    await plan(initiativeId, "I", "2026-12-20");
    const [pl, owner, va] = [await world.loginAs("plA"), await world.loginAs("consultant"), await world.loginAs("vaA")];
    const tasks = (await tasksOf(pl)).filter((x) => x.initiativeId === initiativeId);
    const prepare = tasks.filter((x) => x.kind === "prepare_decision_point");
    expect(prepare.length).toBeGreaterThan(0);
    expect(prepare.every((x) => x.dueDate === "2026-12-20" && x.href.startsWith(`/initiatives/${initiativeId}/milestones/I#dp-`))).toBe(
      true,
    );
    // Nobody else prepares, and nothing is ready for the verksamhetsägare yet.
    expect((await tasksOf(owner)).filter((x) => x.kind === "prepare_decision_point")).toEqual([]);
    expect((await tasksOf(va)).filter((x) => x.kind === "decide_milestone" && x.initiativeId === initiativeId)).toEqual([]);
  });

  it("offers the decision to the verksamhetsägare once milestone I is ready", async () => {
    const { id: initiativeId } = await world.seedInitiative({ name: "Redo för beslut", ready: true });
    await plan(initiativeId, "I", "2026-12-20");
    const decide = (await tasksOf(await world.loginAs("vaA"))).filter(
      (x) => x.kind === "decide_milestone" && x.initiativeId === initiativeId,
    );
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
    const [pl, va, owner] = [await world.loginAs("plA"), await world.loginAs("vaA"), await world.loginAs("consultant")];
    const { initiativeId, decision } = await decidedWithConditions("Villkor till en medlem");
    const decisionId = decision.id;
    // The member's name is written into the frozen record beside the id.
    expect(decision.conditions[0]).toMatchObject({ owner: "consultant", ownerUserId: world.users.consultant });

    const mine = (await tasksOf(owner)).filter((x) => x.kind === "condition_due" && x.initiativeId === initiativeId);
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
    expect((await tasksOf(pl)).filter((x) => x.kind === "condition_due" && x.initiativeId === initiativeId).map((x) => x.href)).toEqual([
      `/decisions/${decisionId}/conditions/1`,
    ]);

    // Someone else may not mark the owner's condition; the owner may, once.
    expect((await va.post(`/api/v1/decisions/${decisionId}/conditions/0/met`, { note: "Klart." })).statusCode).toBe(403);
    expect(await ownerMarksFirstMet(decisionId)).toMatchObject({
      current: true,
      overdue: false,
      met: { byName: "consultant", note: "Avtalet är undertecknat, dnr 2026/12." },
    });
    expect((await owner.post(`/api/v1/decisions/${decisionId}/conditions/0/met`, { note: "Igen." })).json()).toMatchObject({
      code: "CONDITION_ALREADY_MET",
    });
    expect((await tasksOf(owner)).filter((x) => x.kind === "condition_due" && x.initiativeId === initiativeId)).toEqual([]);
    const audit = await getJson(await world.loginAs("admin"), "/api/v1/audit?limit=200", AuditEntries);
    expect(audit.entries.filter((e) => e.entityId === `${decisionId}/0`).map((e) => e.action)).toContain("condition.met");
  });

  it("lists the initiative's conditions with overdue and met", async () => {
    const { initiativeId, decision } = await decidedWithConditions("Villkor i en lista");
    await ownerMarksFirstMet(decision.id);
    const res = await getJson(await world.loginAs("plA"), `/api/v1/initiatives/${initiativeId}/conditions`, ConditionList);
    expect(res.conditions.map((c) => [c.index, c.overdue, c.met !== null])).toEqual([
      [0, false, true],
      [1, true, false],
    ]);
  });

  it("asks each recipient to read its own copy of the decision's messages, at that copy in the inbox", async () => {
    const { id: initiativeId } = await world.seedInitiative({ name: "Meddelanden att läsa", phase: 2 });
    const [fg, pl] = [await world.loginAs("fg"), await world.loginAs("plA")];
    const reads = async (api: Api) =>
      (await tasksOf(api)).filter((x) => x.kind === "read_communication" && x.initiativeId === initiativeId);
    const forFg = await reads(fg);
    const forOrg = await reads(pl);
    expect(forFg.length).toBeGreaterThan(0);
    expect(forOrg.length).toBeGreaterThan(0);
    // One message may reach the reader for more than one recipient: the link names whose copy it is.
    expect(forFg.every((x) => /^\/inbox#communication-[0-9a-f-]+-forvaltningsgrupp$/.test(x.href))).toBe(true);
    expect(forOrg.every((x) => x.href.endsWith(`-${world.orgA.id}`))).toBe(true);
    const session = await world.browserAs("plA");
    const inboxPage = (await session.get("/inbox")).body;
    for (const x of forOrg) expect(inboxPage).toContain(`id="${x.href.slice("/inbox#".length)}"`);

    // The förvaltningsgrupp reading its copy settles its task, not the organisation's.
    const [first] = forFg;
    const communicationId = first?.href.slice("/inbox#communication-".length, -"-forvaltningsgrupp".length);
    parseBody(await fg.post(`/api/v1/communications/${communicationId}/read`), CommunicationRead);
    expect((await reads(fg)).map((x) => x.href)).not.toContain(first?.href);
    expect((await reads(pl)).length).toBe(forOrg.length);
  });

  it("shows the tasks on the start page, each a link, and the condition's page marks it met without JavaScript", async () => {
    const { initiativeId, decision } = await decidedWithConditions("Villkor på startsidan");
    const decisionId = decision.id;
    await ownerMarksFirstMet(decisionId);
    const session = await world.browserAs("plA");
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
    const empty = await world.browserAs("plB");
    expect((await empty.get("/")).body).toContain("Inget väntar på dig just nu.");
  });

  /** The reminders about this initiative queued in the outbox (every round reminds of every initiative). */
  const remindersAbout = async (initiativeId: string) =>
    (await listOutbox({ db: world.db, actor: SYSTEM_ACTOR, limit: 1000 })).filter((m) =>
      m.text.includes(`/initiatives/${initiativeId}/milestones/II`),
    );

  it("mails each reminder once: ahead, then overdue, never again", async () => {
    // Milestone I decided without conditions, II planned on a day seven days after "today" in the run below.
    const { id: initiativeId } = await world.seedInitiative({ name: "Påminnelser", phase: 2 });
    await plan(initiativeId, "II", "2027-03-08");
    const count = async () => (await remindersAbout(initiativeId)).filter((m) => m.subject.includes("milstolpe II")).length;
    const run = (iso: string) => runReminders({ db: world.db, now: new Date(iso), daysAhead: 7, baseUrl: "http://ansluta.test" });
    expect(await run("2027-02-20T08:00:00Z")).toMatchObject({ ran: true });
    expect(await count()).toBe(0);
    expect(await run("2027-03-01T08:00:00Z")).toMatchObject({ ran: true });
    const sent = await count();
    // One reminder, to the projektledare and the styrgrupp member who decides II.
    expect(sent).toBe(2);
    await run("2027-03-02T08:00:00Z");
    expect(await count()).toBe(sent);
    expect(await run("2027-03-09T08:00:00Z")).toMatchObject({ ran: true });
    expect(await count()).toBe(sent * 2);
    await run("2027-03-10T08:00:00Z");
    expect(await count()).toBe(sent * 2);
    const mail = (await remindersAbout(initiativeId)).find((m) => m.subject.startsWith("Försenat beslut"));
    expect(mail?.text).toContain(`http://ansluta.test/initiatives/${initiativeId}/milestones/II`);
  });

  it("concurrent rounds (two app servers) queue exactly one mail per reminder", async () => {
    const { id: initiativeId } = await world.seedInitiative({ name: "Samtidiga påminnelser", phase: 2 });
    await plan(initiativeId, "II", "2027-06-01");
    const before = (await listOutbox({ db: world.db, actor: SYSTEM_ACTOR, limit: 1000 })).length;
    const rounds = await Promise.all(
      Array.from({ length: 6 }, () => runReminders({ db: world.db, now: new Date("2027-05-30T08:00:00Z"), daysAhead: 7, baseUrl: "" })),
    );
    const after = (await listOutbox({ db: world.db, actor: SYSTEM_ACTOR, limit: 1000 })).length;
    const mails = rounds.reduce((n, r) => n + (r.ran ? r.mails : 0), 0);
    expect(after - before).toBe(mails);
    expect(await remindersAbout(initiativeId)).toHaveLength(2);
  });
});
