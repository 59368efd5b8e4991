import type { Database } from "../../db/database.ts";
import { insertMembershipRow } from "../../db/repositories/membership-repository.ts";
import type { Actor } from "../access/actor.ts";
import { isSystemActor } from "../access/actor.ts";
import type { OrganisationRole } from "../access/roles.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { forbidden } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";

type Membership = { userId: string; organisationId: string; roles: OrganisationRole[] };

/** Inserts a membership and its audit entry in the caller's transaction. */
export async function insertMembership(tx: Database, actor: Actor, now: Date, m: Membership) {
  const row = await insertMembershipRow(tx, { ...m, createdAt: now });
  await recordAudit(
    tx,
    actor,
    {
      action: "membership.create",
      entityType: "membership",
      entityId: `${m.organisationId}:${m.userId}`,
      organisationId: m.organisationId,
      after: row,
    },
    now,
  );
  return row;
}

/**
 * Gives an existing account roles in one more organisation without asking her: only the
 * installation itself (the CLI and the demo seed) may. Through the app a person joins another
 * organisation only by accepting its invitation while signed in.
 */
export async function addMembership({ db, actor, now, ...m }: UseCaseContext & Membership) {
  if (!isSystemActor(actor)) throw forbidden("a person joins another organisation by accepting its invitation");
  return db.transaction((tx) => insertMembership(tx, actor, now, m));
}
