import { ORGANISATION_ROLES, type OrganisationRole } from "../access/roles.ts";

/** One value of a provider's membership claim and the membership it gives. */
export type ClaimMapping = { claimValue: string; organisationId: string; roles: readonly OrganisationRole[] };

/** What happens to one membership at a sign-in, with the roles before and after (for the audit log). */
export type MembershipChange =
  | { kind: "create"; organisationId: string; after: OrganisationRole[] }
  | { kind: "update"; organisationId: string; before: OrganisationRole[]; after: OrganisationRole[] }
  | { kind: "delete"; organisationId: string; before: OrganisationRole[] };

/**
 * The claim's values in the verified token (and userinfo): `groups: ["a", "b"]`, `roles: "a"`, or a
 * nested one named by a dotted path (`realm_access.roles`, as Keycloak sends realm roles).
 * Null when the token does not carry the claim at all: Entra ID leaves `groups` out when a person is
 * in too many, so an absent claim is "not said", not "in no group", and changes nothing.
 */
export function claimValues(claims: Readonly<Record<string, unknown>>, claimName: string): string[] | null {
  const found = claimName in claims ? claims[claimName] : dig(claims, claimName.split("."));
  if (found === undefined || found === null) return null;
  const list = Array.isArray(found) ? found : [found];
  return [...new Set(list.filter((v): v is string | number => typeof v === "string" || typeof v === "number").map(String))];
}

function dig(value: unknown, path: readonly string[]): unknown {
  let here = value;
  for (const key of path) {
    if (typeof here !== "object" || here === null || Array.isArray(here) || !Object.hasOwn(here, key)) return undefined;
    here = (here as Record<string, unknown>)[key];
  }
  return here;
}

const inRoleOrder = (roles: Iterable<OrganisationRole>) => {
  const set = new Set(roles);
  return ORGANISATION_ROLES.filter((r) => set.has(r));
};

/**
 * The memberships a sign-in leaves the person with, as changes. The organisations the provider's
 * mappings name are the provider's to decide: there the person holds exactly the roles her claim
 * values give (the union where several values map to one organisation), and no membership where none
 * does. Every other organisation's membership is Ansluta's to manage and is left alone.
 * `current` holds the person's roles in the mapped organisations (others are ignored).
 */
export function membershipsFromClaims(input: {
  mappings: readonly ClaimMapping[];
  values: readonly string[];
  current: ReadonlyMap<string, readonly OrganisationRole[]>;
}): MembershipChange[] {
  const held = new Set(input.values);
  const desired = new Map<string, Set<OrganisationRole>>();
  for (const m of input.mappings) {
    const roles = desired.get(m.organisationId) ?? new Set<OrganisationRole>();
    desired.set(m.organisationId, roles);
    if (held.has(m.claimValue)) for (const r of m.roles) roles.add(r);
  }
  const changes: MembershipChange[] = [];
  for (const [organisationId, roleSet] of [...desired].sort(([a], [b]) => a.localeCompare(b))) {
    const after = inRoleOrder(roleSet);
    const beforeRoles = input.current.get(organisationId);
    const before = beforeRoles ? inRoleOrder(beforeRoles) : null;
    if (before === null) {
      if (after.length > 0) changes.push({ kind: "create", organisationId, after });
    } else if (after.length === 0) {
      changes.push({ kind: "delete", organisationId, before });
    } else if (before.join() !== after.join()) {
      changes.push({ kind: "update", organisationId, before, after });
    }
  }
  return changes;
}
