import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, memberships } from "../../src/db/schema.ts";
import { SYSTEM_ACTOR } from "../../src/domain/access/actor.ts";
import { createUser } from "../../src/domain/users/create-user.ts";
import { decisionBody, prepareMilestone } from "../support/initiative-fixtures.ts";
import { apiAs, browser, PASSWORD, seedWorld, startTestApp, type TestApp, type World } from "../support/test-app.ts";

/** The probe's self-appointed deciders: nobody grants herself a role, and only a named holder of the deciding role decides. */
describe("granting roles and deciding", () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await seedWorld(t.db);
    await createUser({
      db: t.db,
      actor: SYSTEM_ACTOR,
      now: new Date(),
      input: {
        email: "admin-a@test.example",
        name: "Administratör A",
        password: PASSWORD,
        systemRoles: [],
        membership: { organisationNumber: w.orgA.number, roles: ["administrator"] },
      },
    });
  });
  afterAll(async () => t.close());

  const member = (url: string) => `/api/v1/organisations/${w.orgA.id}/members/${url}`;

  it("refuses a projektledare who gives herself the verksamhetsägare role, and anyone changing their own roles", async () => {
    const pl = await apiAs(t.app, w.emails.plA);
    const self = await pl.put(member(w.users.plA), { roles: ["projektledare", "verksamhetsagare"] });
    expect(self.statusCode).toBe(403);
    expect(self.json()).toMatchObject({ code: "SELF_ROLE_CHANGE" });
    const va = await apiAs(t.app, w.emails.vaA);
    expect((await va.put(member(w.users.vaA), { roles: ["verksamhetsagare", "styrgrupp"] })).json()).toMatchObject({
      code: "SELF_ROLE_CHANGE",
    });
    expect((await va.delete(member(w.users.vaA))).statusCode).toBe(403);
    const [row] = await t.db.select().from(memberships).where(eq(memberships.userId, w.users.plA));
    expect(row?.roles).toEqual(["projektledare"]);
  });

  it("lets a projektledare grant only deltagare and läsare; the administratör and the verksamhetsägare grant deciding roles, audited", async () => {
    const pl = await apiAs(t.app, w.emails.plA);
    const deciding = await pl.put(member(w.users.readerA), { roles: ["lasare", "styrgrupp"] });
    expect(deciding.statusCode).toBe(403);
    expect(deciding.json()).toMatchObject({ code: "ROLE_NOT_GRANTABLE", fields: [{ path: "roles", code: "role_not_grantable" }] });
    expect((await pl.put(member(w.users.readerA), { roles: ["lasare", "deltagare"] })).statusCode).toBe(200);

    const admin = await apiAs(t.app, "admin-a@test.example");
    expect((await admin.put(member(w.users.readerA), { roles: ["lasare", "styrgrupp"] })).statusCode).toBe(200);
    const [entry] = (await t.db.select().from(auditLog).where(eq(auditLog.action, "membership.update"))).filter(
      (e) => e.entityId === `${w.orgA.id}:${w.users.readerA}` && JSON.stringify(e.after).includes("styrgrupp"),
    );
    expect(entry?.before).toMatchObject({ roles: ["lasare", "deltagare"] });
    expect(entry?.actorUserId).not.toBeNull();
    // The administratör's role decides nothing.
    const perms = (await admin.get(`/api/v1/organisations/${w.orgA.id}`)).json() as { permissions: { grantableRoles: string[] } };
    expect(perms.permissions.grantableRoles).toContain("verksamhetsagare");
  });

  it("decides milestone I only as a verksamhetsägare named for the initiative, and II only as a named styrgrupp member", async () => {
    const pl = await apiAs(t.app, w.emails.plA);
    const created = (await pl.post("/api/v1/initiatives", { organisationId: w.orgA.id, name: "Beslutsväg" })).json() as {
      id: string;
      steeringGroup: string[];
    };
    expect(created.steeringGroup).toContain(w.users.vaA);
    expect(created.steeringGroup).not.toContain(w.users.plA);
    await prepareMilestone(pl, created.id, "I", await apiAs(t.app, w.emails.vaA));
    const decide = async (email: string, numeral: "I" | "II") =>
      (await apiAs(t.app, email)).post(`/api/v1/initiatives/${created.id}/milestones/${numeral}/decision`, decisionBody(numeral));

    expect((await decide(w.emails.plA, "I")).json()).toMatchObject({ code: "NOT_DECIDER" });
    expect((await decide(w.emails.sgA, "I")).json()).toMatchObject({ code: "NOT_DECIDER" });
    expect((await decide(w.emails.vaA, "I")).statusCode).toBe(201);
    await prepareMilestone(pl, created.id, "II", await apiAs(t.app, w.emails.vaA));
    // The verksamhetsägare holds no styrgrupp role; the reader named while she held it no longer does.
    expect(created.steeringGroup).toContain(w.users.readerA);
    const admin = await apiAs(t.app, "admin-a@test.example");
    expect((await admin.put(member(w.users.readerA), { roles: ["lasare"] })).statusCode).toBe(200);
    expect((await decide(w.emails.vaA, "II")).json()).toMatchObject({ code: "NOT_DECIDER" });
    expect((await decide(w.emails.readerA, "II")).json()).toMatchObject({ code: "NOT_DECIDER" });
    expect((await decide(w.emails.sgA, "II")).statusCode).toBe(201);
  });

  it("refuses a läsare's empty proposal for a decision point instead of answering as if it were saved", async () => {
    const pl = await apiAs(t.app, w.emails.plA);
    const created = (await pl.post("/api/v1/initiatives", { organisationId: w.orgA.id, name: "Beredning" })).json() as { id: string };
    const reader = browser(t.app);
    await reader.login(w.emails.readerA);
    const res = await reader.post(`/initiatives/${created.id}/milestones/I/preparations`, { "proposal-I-1": "" });
    expect(res.statusCode).toBe(403);
  });

  it("applies concurrent role changes of one member one after the other, each audited with what it replaced", async () => {
    const admin = await apiAs(t.app, "admin-a@test.example");
    const sets = [["deltagare"], ["lasare"], ["deltagare", "lasare"], ["styrgrupp"], ["lasare", "styrgrupp"], ["deltagare", "styrgrupp"]];
    const answers = await Promise.all(sets.map((roles) => admin.put(member(w.users.consultant), { roles })));
    expect(answers.every((r) => r.statusCode === 200)).toBe(true);
    const entries = (await t.db.select().from(auditLog).where(eq(auditLog.action, "membership.update")))
      .filter((e) => e.entityId === `${w.orgA.id}:${w.users.consultant}`)
      .sort((a, b) => a.seq - b.seq);
    expect(entries).toHaveLength(sets.length);
    // A chain: each entry's before is the previous entry's after, and the last after is what is stored.
    for (let i = 1; i < entries.length; i++) {
      const roles = (e: (typeof entries)[number] | undefined, side: "before" | "after") =>
        (e?.[side] as { roles?: string[] } | null)?.roles;
      expect(roles(entries[i], "before")).toEqual(roles(entries[i - 1], "after"));
    }
    const stored = (await t.db.select().from(memberships)).find((m) => m.userId === w.users.consultant && m.organisationId === w.orgA.id);
    expect(stored?.roles).toEqual((entries.at(-1)?.after as { roles?: string[] } | null)?.roles);
  });
});
