import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, users } from "../../src/db/schema.ts";
import { decisionBody, prepareMilestone } from "../support/initiative-fixtures.ts";
import { mailedInvitationToken } from "../support/mailbox.ts";
import { apiAs } from "../support/test-app.ts";
import { useTestWorld } from "../support/test-world.ts";

/**
 * The probe's account takeover: organisation A invites person@x; before she accepts, organisation
 * B invites the same address. B must get nothing that lets it set her password or act as her in A,
 * and must learn nothing about whether the address has an account anywhere.
 */
describe("invitations across organisations", () => {
  const world = useTestWorld();

  const accept = (token: string, payload: object, bearer?: string) =>
    world.app.inject({
      method: "POST",
      url: `/api/v1/invitations/${token}/accept`,
      payload,
      ...(bearer ? { headers: { authorization: `Bearer ${bearer}` } } : {}),
    });

  it("gives B no link, no account and no hint, and keeps A's initiative and milestone I out of B's reach", async () => {
    const vaA = await world.loginAs("vaA");
    const plB = await world.loginAs("plB");
    const plA = await world.loginAs("plA");
    const initiative = (await plA.post("/api/v1/initiatives", { organisationId: world.orgA.id, name: "Bygglov" })).json() as { id: string };

    const inA = await vaA.post(`/api/v1/organisations/${world.orgA.id}/members`, {
      email: "person@x.example",
      name: "Person",
      roles: ["verksamhetsagare"],
    });
    expect(inA.statusCode).toBe(201);
    const realToken = await mailedInvitationToken(world.db, "person@x.example");

    // B invites the same address, a fresh one and an existing account of A: three answers of one shape.
    const pending = await plB.post(`/api/v1/organisations/${world.orgB.id}/members`, {
      email: "person@x.example",
      name: "P",
      roles: ["deltagare"],
    });
    const fresh = await plB.post(`/api/v1/organisations/${world.orgB.id}/members`, {
      email: "ny@x.example",
      name: "N",
      roles: ["deltagare"],
    });
    const existing = await plB.post(`/api/v1/organisations/${world.orgB.id}/members`, {
      email: world.emails.readerA,
      name: "R",
      roles: ["deltagare"],
    });
    for (const r of [pending, fresh, existing]) {
      expect(r.statusCode).toBe(201);
      expect(Object.keys(r.json() as object).sort()).toEqual(["email", "expiresAt", "invitationId", "name", "roles"]);
      expect(r.body).not.toContain("/invitation/");
    }
    expect(pending.body).not.toContain(realToken);
    // No account was made for the address by being invited twice.
    expect(await world.db.select().from(users).where(eq(users.email, "person@x.example"))).toHaveLength(0);

    // The real person accepts A's link (she alone has it) and chooses her password.
    const bToken = await mailedInvitationToken(world.db, "person@x.example");
    expect(bToken).not.toBe(realToken);
    expect((await accept(realToken, { password: "Hennes-eget-losenord" })).statusCode).toBe(200);

    // B's link can no longer set a password: it needs her signed in.
    const takeover = await accept(bToken, { password: "B-valt-losenord-123" });
    expect(takeover.statusCode).toBe(401);
    expect(takeover.json()).toMatchObject({ code: "INVITATION_SIGN_IN_REQUIRED" });
    const asB = await world.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "person@x.example", password: "B-valt-losenord-123" },
    });
    expect(asB.statusCode).toBe(401);
    // B's projektledare signed in cannot accept it for her either.
    expect((await accept(bToken, {}, plB.token)).json()).toMatchObject({ code: "INVITATION_WRONG_ACCOUNT" });

    // B still reads nothing of A and cannot decide A's milestone I.
    expect((await plB.get(`/api/v1/initiatives/${initiative.id}`)).statusCode).toBe(404);
    expect((await plB.post(`/api/v1/initiatives/${initiative.id}/milestones/I/decision`, decisionBody("I"))).statusCode).toBe(404);

    // She joins B herself, signed in, and is then in both.
    const person = await apiAs(world.app, "person@x.example", "Hennes-eget-losenord");
    expect((await accept(bToken, {}, person.token)).json()).toMatchObject({ organisationId: world.orgB.id, joined: true });
    const me = (await person.get("/api/v1/me")).json() as { memberships: { organisationId: string }[] };
    expect(me.memberships.map((m) => m.organisationId).sort()).toEqual([world.orgA.id, world.orgB.id].sort());
  });

  it("does not let an invitation to one organisation make a decider of anyone in another", async () => {
    const plA = await world.loginAs("plA");
    const initiative = (await plA.post("/api/v1/initiatives", { organisationId: world.orgA.id, name: "Kallelser" })).json() as {
      id: string;
    };
    await prepareMilestone(plA, initiative.id, "I", await world.loginAs("vaA"));
    const plB = await world.loginAs("plB");
    // B's projektledare can only offer team roles, and only in B.
    const grant = await plB.post(`/api/v1/organisations/${world.orgB.id}/members`, {
      email: "z@x.example",
      name: "Z",
      roles: ["verksamhetsagare"],
    });
    expect(grant.statusCode).toBe(403);
    expect(grant.json()).toMatchObject({ code: "ROLE_NOT_GRANTABLE" });
    expect(
      (await plB.post(`/api/v1/organisations/${world.orgA.id}/members`, { email: "z@x.example", name: "Z", roles: ["lasare"] })).statusCode,
    ).toBe(404);
  });

  it("lets one of several acceptances of a link win, and one account be made when two links race", async () => {
    const vaA = await world.loginAs("vaA");
    const plB = await world.loginAs("plB");
    await vaA.post(`/api/v1/organisations/${world.orgA.id}/members`, { email: "race@x.example", name: "Race", roles: ["lasare"] });
    const aToken = await mailedInvitationToken(world.db, "race@x.example");
    await plB.post(`/api/v1/organisations/${world.orgB.id}/members`, { email: "race@x.example", name: "Race", roles: ["lasare"] });
    const bToken = await mailedInvitationToken(world.db, "race@x.example");

    const answers = await Promise.all([
      ...Array.from({ length: 4 }, (_, i) => accept(aToken, { password: `Forsta-losenord-${i}` })),
      ...Array.from({ length: 4 }, (_, i) => accept(bToken, { password: `Andra-losenordet-${i}` })),
    ]);
    const ok = answers.filter((r) => r.statusCode === 200);
    expect(ok).toHaveLength(1);
    for (const r of answers.filter((x) => x.statusCode !== 200)) expect([401, 410]).toContain(r.statusCode);
    expect(await world.db.select().from(users).where(eq(users.email, "race@x.example"))).toHaveLength(1);
    const [account] = await world.db.select().from(users).where(eq(users.email, "race@x.example"));
    const acceptances = (await world.db.select().from(auditLog).where(eq(auditLog.action, "invitation.accept"))).filter(
      (e) => (e.after as { userId?: string } | null)?.userId === account?.id,
    );
    expect(acceptances).toHaveLength(1);
    const created = (await world.db.select().from(auditLog).where(eq(auditLog.action, "user.create"))).filter(
      (e) => (e.after as { email?: string } | null)?.email === "race@x.example",
    );
    expect(created).toHaveLength(1);
  });

  it("lets the organisation withdraw a pending invitation, after which its link is dead", async () => {
    const vaA = await world.loginAs("vaA");
    const invited = (
      await vaA.post(`/api/v1/organisations/${world.orgA.id}/members`, { email: "withdrawn@x.example", name: "W", roles: ["lasare"] })
    ).json() as { invitationId: string };
    const token = await mailedInvitationToken(world.db, "withdrawn@x.example");
    const plB = await world.loginAs("plB");
    expect((await plB.delete(`/api/v1/organisations/${world.orgA.id}/invitations/${invited.invitationId}`)).statusCode).toBe(404);
    expect((await vaA.delete(`/api/v1/organisations/${world.orgA.id}/invitations/${invited.invitationId}`)).statusCode).toBe(204);
    expect((await accept(token, { password: "Ett-bra-losenord" })).statusCode).toBe(410);
    expect((await vaA.delete(`/api/v1/organisations/${world.orgA.id}/invitations/${invited.invitationId}`)).statusCode).toBe(404);
  });
});
