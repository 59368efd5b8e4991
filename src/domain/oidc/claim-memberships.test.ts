import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ORGANISATION_ROLES, type OrganisationRole } from "../access/roles.ts";
import { type ClaimMapping, claimValues, membershipsFromClaims } from "./claim-memberships.ts";

const A: string = "00000000-0000-4000-8000-00000000000a";
const B: string = "00000000-0000-4000-8000-00000000000b";
const OTHER: string = "00000000-0000-4000-8000-0000000000ff";

const mappings: ClaimMapping[] = [
  { claimValue: "ansluta-pl", organisationId: A, roles: ["projektledare"] },
  { claimValue: "ansluta-sg", organisationId: A, roles: ["styrgrupp", "lasare"] },
  { claimValue: "ansluta-b", organisationId: B, roles: ["deltagare"] },
];

describe("claimValues", () => {
  it("reads a list, a single value and a nested claim by its dotted path", () => {
    expect(claimValues({ groups: ["a", "b", "a"] }, "groups")).toEqual(["a", "b"]);
    expect(claimValues({ roles: "admin" }, "roles")).toEqual(["admin"]);
    expect(claimValues({ realm_access: { roles: ["x"] } }, "realm_access.roles")).toEqual(["x"]);
    expect(claimValues({ "http://schemas.example/role": ["r"] }, "http://schemas.example/role")).toEqual(["r"]);
  });

  it("tells an absent claim (null: nothing said) from an empty one (in no group)", () => {
    expect(claimValues({}, "groups")).toBeNull();
    expect(claimValues({ groups: null }, "groups")).toBeNull();
    expect(claimValues({ groups: [] }, "groups")).toEqual([]);
    expect(claimValues({ a: "not an object" }, "a.b")).toBeNull();
  });

  it("ignores values that are neither strings nor numbers", () => {
    expect(claimValues({ groups: ["a", { x: 1 }, 7, true] }, "groups")).toEqual(["a", "7"]);
  });
});

describe("membershipsFromClaims", () => {
  it("creates, widens and removes memberships in the organisations the provider maps", () => {
    const changes = membershipsFromClaims({
      mappings,
      values: ["ansluta-pl", "ansluta-sg"],
      current: new Map([[B, ["deltagare"] as OrganisationRole[]]]),
    });
    expect(changes).toEqual([
      { kind: "create", organisationId: A, after: ["projektledare", "styrgrupp", "lasare"] },
      { kind: "delete", organisationId: B, before: ["deltagare"] },
    ]);
  });

  it("changes roles, and nothing when they already agree (in any order)", () => {
    expect(
      membershipsFromClaims({ mappings, values: ["ansluta-sg"], current: new Map([[A, ["projektledare"] as OrganisationRole[]]]) }),
    ).toEqual([{ kind: "update", organisationId: A, before: ["projektledare"], after: ["styrgrupp", "lasare"] }]);
    expect(
      membershipsFromClaims({
        mappings,
        values: ["ansluta-sg", "ansluta-b"],
        current: new Map([
          [A, ["lasare", "styrgrupp"] as OrganisationRole[]],
          [B, ["deltagare"] as OrganisationRole[]],
        ]),
      }),
    ).toEqual([]);
  });

  it("never touches an organisation the provider does not map", () => {
    const changes = membershipsFromClaims({ mappings, values: [], current: new Map([[OTHER, ["administrator"] as OrganisationRole[]]]) });
    expect(changes.map((c) => c.organisationId)).not.toContain(OTHER);
  });

  it("leaves the person holding exactly the union of her values' roles in each mapped organisation", () => {
    const role = fc.constantFrom(...ORGANISATION_ROLES);
    const org = fc.constantFrom(A, B, OTHER);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ claimValue: fc.constantFrom("g1", "g2", "g3"), organisationId: org, roles: fc.uniqueArray(role, { minLength: 1 }) }),
        ),
        fc.uniqueArray(fc.constantFrom("g1", "g2", "g3")),
        fc.array(fc.tuple(org, fc.uniqueArray(role, { minLength: 1 }))),
        (maps, values, held) => {
          const current = new Map(held);
          const after = new Map(current);
          for (const c of membershipsFromClaims({ mappings: maps, values, current })) {
            if (c.kind === "delete") after.delete(c.organisationId);
            else after.set(c.organisationId, c.after);
          }
          const mapped = new Set(maps.map((m) => m.organisationId));
          for (const o of [A, B, OTHER]) {
            if (!mapped.has(o)) {
              expect(after.get(o)).toEqual(current.get(o));
              continue;
            }
            const want = new Set(maps.filter((m) => m.organisationId === o && values.includes(m.claimValue)).flatMap((m) => m.roles));
            expect(new Set(after.get(o) ?? [])).toEqual(want);
          }
        },
      ),
    );
  });
});
