import { describe, expect, it } from "vitest";
import type { Actor } from "./actor.ts";
import { authorizeRoleChange, grantableRoles, mayDecide } from "./policy.ts";
import type { OrganisationRole, SystemRole } from "./roles.ts";

const ORG = "org-a";
const actor = (userId: string, roles: OrganisationRole[], systemRoles: SystemRole[] = []): Actor => ({
  userId,
  email: `${userId}@test.example`,
  name: userId,
  locale: "sv",
  systemRoles,
  memberships: roles.length ? new Map([[ORG, roles]]) : new Map(),
  organisations: [],
});

const codeOf = (f: () => void) => {
  try {
    f();
    return "ok";
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe("who grants roles", () => {
  it("gives the administratör and the verksamhetsägare every role, a projektledare her team's, others none", () => {
    expect(grantableRoles(actor("adm", ["administrator"]), ORG)).toContain("verksamhetsagare");
    expect(grantableRoles(actor("va", ["verksamhetsagare"]), ORG)).toContain("styrgrupp");
    expect(grantableRoles(actor("pl", ["projektledare"]), ORG)).toEqual(["deltagare", "lasare"]);
    expect(grantableRoles(actor("sg", ["styrgrupp"]), ORG)).toEqual([]);
    expect(grantableRoles(actor("x", [], ["forvaltningsgrupp"]), ORG)).toEqual([]);
    expect(grantableRoles(actor("root", [], ["admin"]), ORG)).toContain("administrator");
  });

  it("refuses anyone changing her own roles, even one who may grant them", () => {
    const va = actor("va", ["verksamhetsagare"]);
    expect(
      codeOf(() =>
        authorizeRoleChange(va, {
          organisationId: ORG,
          userId: "va",
          before: ["verksamhetsagare"],
          after: ["verksamhetsagare", "styrgrupp"],
        }),
      ),
    ).toBe("SELF_ROLE_CHANGE");
    const pl = actor("pl", ["projektledare"]);
    expect(
      codeOf(() =>
        authorizeRoleChange(pl, {
          organisationId: ORG,
          userId: "pl",
          before: ["projektledare"],
          after: ["projektledare", "verksamhetsagare"],
        }),
      ),
    ).toBe("SELF_ROLE_CHANGE");
  });

  it("judges only the roles that change: a projektledare may add deltagare to a styrgrupp member but not take styrgrupp away", () => {
    const pl = actor("pl", ["projektledare"]);
    expect(
      codeOf(() =>
        authorizeRoleChange(pl, { organisationId: ORG, userId: "sg", before: ["styrgrupp"], after: ["styrgrupp", "deltagare"] }),
      ),
    ).toBe("ok");
    expect(codeOf(() => authorizeRoleChange(pl, { organisationId: ORG, userId: "sg", before: ["styrgrupp"], after: ["deltagare"] }))).toBe(
      "ROLE_NOT_GRANTABLE",
    );
    expect(codeOf(() => authorizeRoleChange(pl, { organisationId: ORG, userId: null, before: [], after: ["projektledare"] }))).toBe(
      "ROLE_NOT_GRANTABLE",
    );
    expect(
      codeOf(() => authorizeRoleChange(actor("r", ["lasare"]), { organisationId: ORG, userId: "x", before: [], after: ["lasare"] })),
    ).toBe("FORBIDDEN");
    expect(codeOf(() => authorizeRoleChange(actor("out", []), { organisationId: ORG, userId: "x", before: [], after: ["lasare"] }))).toBe(
      "NOT_FOUND",
    );
  });
});

describe("who decides a milestone", () => {
  const initiative = { organisationId: ORG, steeringGroup: ["va", "sg", "reader", "pl"] };
  it("needs the deciding role in the organisation and a place among the initiative's deciders", () => {
    expect(mayDecide(actor("va", ["verksamhetsagare"]), "verksamhetsagare", initiative)).toBe(true);
    expect(mayDecide(actor("sg", ["styrgrupp"]), "styrgrupp", initiative)).toBe(true);
    // Named but without the role: a läsare, a projektledare who named herself.
    expect(mayDecide(actor("reader", ["lasare"]), "styrgrupp", initiative)).toBe(false);
    expect(mayDecide(actor("pl", ["projektledare"]), "styrgrupp", initiative)).toBe(false);
    expect(mayDecide(actor("pl", ["projektledare"]), "verksamhetsagare", initiative)).toBe(false);
    // The role but not named for this initiative.
    expect(mayDecide(actor("other", ["verksamhetsagare", "styrgrupp"]), "verksamhetsagare", initiative)).toBe(false);
    expect(mayDecide(actor("other", ["styrgrupp"]), "styrgrupp", initiative)).toBe(false);
    // The verksamhetsägare decides I; II–VIII are the styrgrupp's.
    expect(mayDecide(actor("va", ["verksamhetsagare"]), "styrgrupp", initiative)).toBe(false);
    // The role in another organisation counts for nothing.
    expect(mayDecide({ ...actor("sg", []), memberships: new Map([["org-b", ["styrgrupp"]]]) }, "styrgrupp", initiative)).toBe(false);
  });
});
