import { asc, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, memberships } from "../../src/db/schema.ts";
import { SYSTEM_ACTOR } from "../../src/domain/access/actor.ts";
import { createUser } from "../../src/domain/users/create-user.ts";
import { Initiative } from "../../src/http/routes/initiatives/initiatives.schema.ts";
import { Organisation } from "../../src/http/routes/organisations/organisations.schema.ts";
import { decisionBody, prepareMilestone } from "../support/initiative-fixtures.ts";
import { apiAs, PASSWORD } from "../support/test-app.ts";
import { getJson, postJson, useTestWorld } from "../support/test-world.ts";

/** The probe's self-appointed deciders: nobody grants herself a role, and only a named holder of the deciding role decides. */
describe("granting roles and deciding", () => {
  const world = useTestWorld();
  // An administratör of organisation A, beside the world's people, who changes nothing in any test.
  beforeAll(async () => {
    await createUser({
      db: world.db,
      actor: SYSTEM_ACTOR,
      now: new Date(),
      input: {
        email: "admin-a@test.example",
        name: "Administratör A",
        password: PASSWORD,
        systemRoles: [],
        membership: { organisationNumber: world.orgA.number, roles: ["administrator"] },
      },
    });
  });

  const member = (url: string) => `/api/v1/organisations/${world.orgA.id}/members/${url}`;
  const adminOfA = () => apiAs(world.app, "admin-a@test.example");
  /** The newest audit entry's number, so a test reads only the entries it wrote. */
  const lastSeq = async () =>
    (await world.db.select({ seq: auditLog.seq }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1))[0]?.seq ?? 0;
  const membershipUpdatesSince = async (seq: number, userId: string) =>
    (await world.db.select().from(auditLog).where(eq(auditLog.action, "membership.update")).orderBy(asc(auditLog.seq))).filter(
      (e) => e.seq > seq && e.entityId === `${world.orgA.id}:${userId}`,
    );

  it("refuses a projektledare who gives herself the verksamhetsägare role, and anyone changing their own roles", async () => {
    const { users } = world;
    const pl = await world.loginAs("plA");
    const self = await pl.put(member(users.plA), { roles: ["projektledare", "verksamhetsagare"] });
    expect(self.statusCode).toBe(403);
    expect(self.json()).toMatchObject({ code: "SELF_ROLE_CHANGE" });
    const va = await world.loginAs("vaA");
    expect((await va.put(member(users.vaA), { roles: ["verksamhetsagare", "styrgrupp"] })).json()).toMatchObject({
      code: "SELF_ROLE_CHANGE",
    });
    expect((await va.delete(member(users.vaA))).statusCode).toBe(403);
    const [row] = await world.db.select().from(memberships).where(eq(memberships.userId, users.plA));
    expect(row?.roles).toEqual(["projektledare"]);
  });

  it("lets a projektledare grant only deltagare and läsare; the administratör and the verksamhetsägare grant deciding roles, audited", async () => {
    const { users } = world;
    const since = await lastSeq();
    const pl = await world.loginAs("plA");
    const deciding = await pl.put(member(users.readerA), { roles: ["lasare", "styrgrupp"] });
    expect(deciding.statusCode).toBe(403);
    expect(deciding.json()).toMatchObject({ code: "ROLE_NOT_GRANTABLE", fields: [{ path: "roles", code: "role_not_grantable" }] });
    expect((await pl.put(member(users.readerA), { roles: ["lasare", "deltagare"] })).statusCode).toBe(200);

    const admin = await adminOfA();
    expect((await admin.put(member(users.readerA), { roles: ["lasare", "styrgrupp"] })).statusCode).toBe(200);
    const [entry] = (await membershipUpdatesSince(since, users.readerA)).filter((e) => JSON.stringify(e.after).includes("styrgrupp"));
    expect(entry?.before).toMatchObject({ roles: ["lasare", "deltagare"] });
    expect(entry?.actorUserId).not.toBeNull();
    // The administratör's role decides nothing.
    const perms = await getJson(admin, `/api/v1/organisations/${world.orgA.id}`, Organisation);
    expect(perms.permissions.grantableRoles).toContain("verksamhetsagare");
  });

  it("decides milestone I only as a verksamhetsägare named for the initiative, and II only as a named styrgrupp member", async () => {
    const { users, emails } = world;
    const admin = await adminOfA();
    // A reader who holds the styrgrupp role when the initiative is started is named to its styrgrupp.
    expect((await admin.put(member(users.readerA), { roles: ["lasare", "styrgrupp"] })).statusCode).toBe(200);
    const pl = await world.loginAs("plA");
    const created = await postJson(pl, "/api/v1/initiatives", { organisationId: world.orgA.id, name: "Beslutsväg" }, Initiative);
    expect(created.steeringGroup).toContain(users.vaA);
    expect(created.steeringGroup).not.toContain(users.plA);
    await prepareMilestone(pl, created.id, "I", await world.loginAs("vaA"));
    const decide = async (email: string, numeral: "I" | "II") =>
      (await apiAs(world.app, email)).post(`/api/v1/initiatives/${created.id}/milestones/${numeral}/decision`, decisionBody(numeral));

    expect((await decide(emails.plA, "I")).json()).toMatchObject({ code: "NOT_DECIDER" });
    expect((await decide(emails.sgA, "I")).json()).toMatchObject({ code: "NOT_DECIDER" });
    expect((await decide(emails.vaA, "I")).statusCode).toBe(201);
    await prepareMilestone(pl, created.id, "II", await world.loginAs("vaA"));
    // The verksamhetsägare holds no styrgrupp role; the reader named while she held it no longer does.
    expect(created.steeringGroup).toContain(users.readerA);
    expect((await admin.put(member(users.readerA), { roles: ["lasare"] })).statusCode).toBe(200);
    expect((await decide(emails.vaA, "II")).json()).toMatchObject({ code: "NOT_DECIDER" });
    expect((await decide(emails.readerA, "II")).json()).toMatchObject({ code: "NOT_DECIDER" });
    expect((await decide(emails.sgA, "II")).statusCode).toBe(201);
  });

  it("refuses a läsare's empty proposal for a decision point instead of answering as if it were saved", async () => {
    const created = await world.seedInitiative({ name: "Beredning" });
    const reader = await world.browserAs("readerA");
    const res = await reader.post(`/initiatives/${created.id}/milestones/I/preparations`, { "proposal-I-1": "" });
    expect(res.statusCode).toBe(403);
  });

  it("applies concurrent role changes of one member one after the other, each audited with what it replaced", async () => {
    const { users } = world;
    const since = await lastSeq();
    const admin = await adminOfA();
    const sets = [["deltagare"], ["lasare"], ["deltagare", "lasare"], ["styrgrupp"], ["lasare", "styrgrupp"], ["deltagare", "styrgrupp"]];
    const answers = await Promise.all(sets.map((roles) => admin.put(member(users.consultant), { roles })));
    expect(answers.every((r) => r.statusCode === 200)).toBe(true);
    const entries = await membershipUpdatesSince(since, users.consultant);
    expect(entries).toHaveLength(sets.length);
    // A chain: each entry's before is the previous entry's after, and the last after is what is stored.
    for (let i = 1; i < entries.length; i++) {
      const roles = (e: (typeof entries)[number] | undefined, side: "before" | "after") =>
        (e?.[side] as { roles?: string[] } | null)?.roles;
      expect(roles(entries[i], "before")).toEqual(roles(entries[i - 1], "after"));
    }
    const stored = (await world.db.select().from(memberships)).find(
      (m) => m.userId === users.consultant && m.organisationId === world.orgA.id,
    );
    expect(stored?.roles).toEqual((entries.at(-1)?.after as { roles?: string[] } | null)?.roles);
  });
});
