import { describe, expect, it } from "vitest";
import { mailedInvitationToken } from "../support/mailbox.ts";
import { apiAs } from "../support/test-app.ts";
import { useTestWorld } from "../support/test-world.ts";

describe("organisations and members API", () => {
  const world = useTestWorld();

  it("lets an admin create an organisation, normalising the number", async () => {
    const admin = await world.loginAs("admin");
    const res = await admin.post("/api/v1/organisations", { name: "Skatteverket", number: "202100-5448", kind: "statlig" });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: "Skatteverket", number: "2021005448", kind: "statlig" });
  });

  it("refuses a wrong check digit with the field path and code", async () => {
    const admin = await world.loginAs("admin");
    const res = await admin.post("/api/v1/organisations", { name: "Fel AB", number: "202100-5449", kind: "privat" });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "VALIDATION_FAILED", fields: [{ path: "number", code: "orgnr_checksum" }] });
  });

  it("refuses a personnummer and an all-zero number, which no organisation has", async () => {
    const admin = await world.loginAs("admin");
    for (const number of ["800101-1231", "0000000000"]) {
      const res = await admin.post("/api/v1/organisations", { name: "Ingen organisation", number, kind: "privat" });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: "VALIDATION_FAILED", fields: [{ path: "number", code: "orgnr_not_organisation" }] });
    }
  });

  it("refuses an unknown kind and a duplicate number", async () => {
    const admin = await world.loginAs("admin");
    const kind = await admin.post("/api/v1/organisations", { name: "X", number: "5566778899", kind: "bolag" });
    expect(kind.json()).toMatchObject({ fields: [{ path: "kind", code: "invalid_choice" }] });
    const dup = await admin.post("/api/v1/organisations", { name: "Dubblett", number: "2120002411", kind: "kommun" });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: "ORGANISATION_NUMBER_TAKEN" });
  });

  it("does not let anyone but an admin create organisations", async () => {
    for (const email of [world.emails.plA, world.emails.fg]) {
      const api = await apiAs(world.app, email);
      const res = await api.post("/api/v1/organisations", { name: "Ny", number: "5566778899", kind: "privat" });
      expect(res.statusCode).toBe(403);
    }
  });

  it("shows members their own organisations and the förvaltningsgrupp all of them", async () => {
    const pl = await world.loginAs("plA");
    const own = (await pl.get("/api/v1/organisations")).json() as { organisations: { id: string }[] };
    expect(own.organisations.map((o) => o.id)).toEqual([world.orgA.id]);
    const fg = await world.loginAs("fg");
    const all = (await fg.get("/api/v1/organisations")).json() as { organisations: { id: string }[] };
    expect(all.organisations.map((o) => o.id)).toEqual(expect.arrayContaining([world.orgA.id, world.orgB.id]));
    expect((await fg.get(`/api/v1/organisations/${world.orgB.id}/members`)).statusCode).toBe(200);
  });

  it("tells the UI what the caller may do", async () => {
    const pl = await world.loginAs("plA");
    expect((await pl.get(`/api/v1/organisations/${world.orgA.id}`)).json()).toMatchObject({
      permissions: { readMembers: true, manageMembers: true },
    });
    const reader = await world.loginAs("readerA");
    expect((await reader.get(`/api/v1/organisations/${world.orgA.id}`)).json()).toMatchObject({ permissions: { manageMembers: false } });
  });

  it("invites a new member, who joins by choosing a password through the link mailed to her", async () => {
    const vaA = await world.loginAs("vaA");
    const res = await vaA.post(`/api/v1/organisations/${world.orgA.id}/members`, {
      email: "Ny.Person@test.example",
      name: "Ny Person",
      roles: ["deltagare", "styrgrupp"],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      invitationId: expect.any(String),
      email: "ny.person@test.example",
      name: "Ny Person",
      roles: ["deltagare", "styrgrupp"],
      expiresAt: expect.any(String),
    });
    // Not a member until she accepts; the invitation is pending.
    const members = (await vaA.get(`/api/v1/organisations/${world.orgA.id}/members`)).json() as { members: { email: string }[] };
    expect(members.members.map((m) => m.email)).not.toContain("ny.person@test.example");
    const pending = (await vaA.get(`/api/v1/organisations/${world.orgA.id}/invitations`)).json() as { invitations: { email: string }[] };
    expect(pending.invitations.map((i) => i.email)).toContain("ny.person@test.example");

    const token = await mailedInvitationToken(world.db, "ny.person@test.example");
    const preview = await world.app.inject({ method: "GET", url: `/api/v1/invitations/${token}` });
    expect(preview.json()).toMatchObject({ organisationId: world.orgA.id, signInRequired: false, roles: ["deltagare", "styrgrupp"] });
    const short = await world.app.inject({ method: "POST", url: `/api/v1/invitations/${token}/accept`, payload: { password: "short" } });
    expect(short.statusCode).toBe(400);
    const none = await world.app.inject({ method: "POST", url: `/api/v1/invitations/${token}/accept`, payload: {} });
    expect(none.json()).toMatchObject({ code: "VALIDATION_FAILED", fields: [{ path: "password", code: "required" }] });
    const accept = await world.app.inject({
      method: "POST",
      url: `/api/v1/invitations/${token}/accept`,
      payload: { password: "Ett-bra-losenord" },
    });
    expect(accept.statusCode).toBe(200);
    expect(accept.json()).toEqual({ email: "ny.person@test.example", organisationId: world.orgA.id, joined: true });
    const again = await world.app.inject({
      method: "POST",
      url: `/api/v1/invitations/${token}/accept`,
      payload: { password: "Ett-annat-losenord" },
    });
    expect(again.statusCode).toBe(410);

    const member = await apiAs(world.app, "ny.person@test.example", "Ett-bra-losenord");
    const me = (await member.get("/api/v1/me")).json() as { memberships: { organisationId: string; roles: string[] }[] };
    expect(me.memberships).toEqual([expect.objectContaining({ organisationId: world.orgA.id, roles: ["deltagare", "styrgrupp"] })]);
  });

  it("lets an existing person join a second organisation only by accepting it herself, signed in", async () => {
    const plB = await world.loginAs("plB");
    const res = await plB.post(`/api/v1/organisations/${world.orgB.id}/members`, {
      email: world.emails.sgA,
      name: "ignored",
      roles: ["lasare"],
    });
    expect(res.statusCode).toBe(201);
    expect(Object.keys(res.json() as object).sort()).toEqual(["email", "expiresAt", "invitationId", "name", "roles"]);
    const sgA = await world.loginAs("sgA");
    expect((await sgA.get("/api/v1/me")).json()).toMatchObject({ memberships: [{ organisationId: world.orgA.id }] });

    const token = await mailedInvitationToken(world.db, world.emails.sgA);
    const anonymous = await world.app.inject({
      method: "POST",
      url: `/api/v1/invitations/${token}/accept`,
      payload: { password: "Nytt-losenord-1" },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: "INVITATION_SIGN_IN_REQUIRED" });
    const someoneElse = await world.loginAs("readerA");
    expect((await someoneElse.post(`/api/v1/invitations/${token}/accept`, {})).json()).toMatchObject({ code: "INVITATION_WRONG_ACCOUNT" });
    // Her password was not changed by any of that.
    await world.loginAs("sgA");

    const joined = await sgA.post(`/api/v1/invitations/${token}/accept`, {});
    expect(joined.statusCode).toBe(200);
    expect(joined.json()).toMatchObject({ organisationId: world.orgB.id, joined: true });
    const dup = await plB.post(`/api/v1/organisations/${world.orgB.id}/members`, { email: world.emails.sgA, name: "x", roles: ["lasare"] });
    expect(dup.statusCode).toBe(409);
  });

  it("validates invitations field by field", async () => {
    const pl = await world.loginAs("plA");
    const res = await pl.post(`/api/v1/organisations/${world.orgA.id}/members`, { email: "not-an-email", name: "", roles: [] });
    expect(res.statusCode).toBe(400);
    const fields = (res.json() as { fields: { path: string; code: string }[] }).fields;
    expect(fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "email", code: "email" }),
        expect.objectContaining({ path: "name", code: "required" }),
        expect.objectContaining({ path: "roles", code: "roles_required" }),
      ]),
    );
    const badRole = await pl.post(`/api/v1/organisations/${world.orgA.id}/members`, {
      email: "a@test.example",
      name: "A",
      roles: ["admin"],
    });
    expect(badRole.json()).toMatchObject({ fields: [{ path: "roles.0", code: "invalid_choice" }] });
  });

  it("lets a projektledare change roles and remove members, but not a reader", async () => {
    const reader = await world.loginAs("readerA");
    expect((await reader.put(`/api/v1/organisations/${world.orgA.id}/members/${world.users.sgA}`, { roles: ["lasare"] })).statusCode).toBe(
      403,
    );
    const pl = await world.loginAs("plA");
    const res = await pl.put(`/api/v1/organisations/${world.orgA.id}/members/${world.users.sgA}`, { roles: ["styrgrupp", "deltagare"] });
    expect(res.statusCode).toBe(200);
    const members = (await pl.get(`/api/v1/organisations/${world.orgA.id}/members`)).json() as {
      members: { userId: string; roles: string[] }[];
    };
    expect(members.members.find((m) => m.userId === world.users.sgA)?.roles).toEqual(["styrgrupp", "deltagare"]);
    expect((await pl.delete(`/api/v1/organisations/${world.orgA.id}/members/${world.users.readerA}`)).statusCode).toBe(204);
    expect((await reader.get(`/api/v1/organisations/${world.orgA.id}`)).statusCode).toBe(404);
  });
});
