import type { Database } from "../db/database.ts";
import { findOrganisationByNumber } from "../db/repositories/organisation-repository.ts";
import { findUserByEmail } from "../db/repositories/user-repository.ts";
import { SYSTEM_ACTOR } from "../domain/access/actor.ts";
import type { OrganisationKind, OrganisationRole, SystemRole } from "../domain/access/roles.ts";
import { addMembership } from "../domain/members/add-membership.ts";
import { createOrganisation } from "../domain/organisations/create-organisation.ts";
import type { OrganisationNumber } from "../domain/organisations/organisation-number.ts";
import { createUser } from "../domain/users/create-user.ts";
import { seedDemoInitiatives } from "./demo-initiatives.ts";

/** The one password every demo account has; documented in the README. Never use the demo in production. */
export const DEMO_PASSWORD = "Ansluta-demo-2026";

export const DEMO_ORGANISATIONS: { name: string; number: OrganisationNumber; kind: OrganisationKind }[] = [
  { name: "Sundsvalls kommun", number: "2120002411" as OrganisationNumber, kind: "kommun" },
  { name: "Region Västernorrland", number: "2321000206" as OrganisationNumber, kind: "region" },
  { name: "Skatteverket", number: "2021005448" as OrganisationNumber, kind: "statlig" },
  { name: "Exempel Förmedlare AB", number: "5566778899" as OrganisationNumber, kind: "privat" },
];

type DemoUser = {
  email: string;
  name: string;
  systemRoles?: SystemRole[];
  memberships?: { organisation: string; roles: OrganisationRole[] }[];
};

export const DEMO_USERS: DemoUser[] = [
  { email: "admin@ansluta.example", name: "Alva Admin", systemRoles: ["admin"] },
  { email: "forvaltning@digg.example", name: "Frida Förvaltning", systemRoles: ["forvaltningsgrupp"] },
  {
    email: "projektledare@sundsvall.example",
    name: "Petra Projektledare",
    memberships: [{ organisation: "2120002411", roles: ["projektledare"] }],
  },
  {
    email: "verksamhetsagare@sundsvall.example",
    name: "Viktor Verksamhetsägare",
    memberships: [{ organisation: "2120002411", roles: ["verksamhetsagare"] }],
  },
  { email: "styrgrupp@sundsvall.example", name: "Sara Styrgrupp", memberships: [{ organisation: "2120002411", roles: ["styrgrupp"] }] },
  { email: "deltagare@sundsvall.example", name: "David Deltagare", memberships: [{ organisation: "2120002411", roles: ["deltagare"] }] },
  { email: "lasare@sundsvall.example", name: "Lisa Läsare", memberships: [{ organisation: "2120002411", roles: ["lasare"] }] },
  {
    email: "projektledare@rvn.example",
    name: "Rasmus Region",
    memberships: [{ organisation: "2321000206", roles: ["projektledare", "verksamhetsagare", "styrgrupp"] }],
  },
  {
    email: "projektledare@skatteverket.example",
    name: "Stina Skatt",
    memberships: [{ organisation: "2021005448", roles: ["projektledare", "verksamhetsagare"] }],
  },
  {
    email: "konsult@formedlare.example",
    name: "Kim Konsult",
    memberships: [
      { organisation: "5566778899", roles: ["projektledare"] },
      { organisation: "2120002411", roles: ["deltagare"] },
      { organisation: "2321000206", roles: ["deltagare"] },
    ],
  },
];

/**
 * Creates the demo: a few organisations, people in every role and initiatives in several phases, all through the same use cases
 * as the UI (so the audit log records them). Running it again adds nothing.
 */
export async function seedDemo(db: Database, now: Date): Promise<string> {
  const ids = new Map<string, string>();
  let created = 0;
  for (const o of DEMO_ORGANISATIONS) {
    const existing = await findOrganisationByNumber(db, o.number);
    if (existing) {
      ids.set(o.number, existing.id);
      continue;
    }
    const org = await createOrganisation({ db, actor: SYSTEM_ACTOR, now, input: o });
    ids.set(o.number, org.id);
    created++;
  }
  for (const u of DEMO_USERS) {
    if (await findUserByEmail(db, u.email)) continue;
    const [first, ...rest] = u.memberships ?? [];
    const user = await createUser({
      db,
      actor: SYSTEM_ACTOR,
      now,
      input: {
        email: u.email,
        name: u.name,
        password: DEMO_PASSWORD,
        systemRoles: u.systemRoles ?? [],
        membership: first ? { organisationNumber: first.organisation, roles: first.roles } : undefined,
      },
    });
    for (const m of rest) {
      const organisationId = ids.get(m.organisation);
      if (organisationId) await addMembership({ db, actor: SYSTEM_ACTOR, now, userId: user.id, organisationId, roles: m.roles });
    }
    created++;
  }
  const initiatives = await seedDemoInitiatives(db, now);
  return created + initiatives
    ? `demo seeded: ${DEMO_ORGANISATIONS.length} organisations, ${DEMO_USERS.length} users, ${initiatives} initiatives; every demo password is ${DEMO_PASSWORD}`
    : "demo already present; nothing added";
}
