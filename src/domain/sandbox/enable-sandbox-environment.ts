import {
  findEnvironmentOfInitiative,
  insertEnvironment,
  slugTaken,
  updateEnvironment,
} from "../../db/repositories/sandbox-setup-repository.ts";
import { authorize } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { readableInitiative } from "../initiatives/read-initiatives.ts";
import type { OrganisationNumber } from "../organisations/organisation-number.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { newEnvironmentSlug } from "./environment-slug.ts";

/**
 * Opens the initiative's test environment in the emulator: the first time with a new slug, later
 * by re-enabling the same one, so addresses already configured in the sender keep working and the
 * history stays together. The förmedlare's organisationsnummer is set (a string), cleared (null)
 * or left as it is (undefined).
 */
export async function enableSandboxEnvironment({
  db,
  actor,
  now,
  initiativeId,
  intermediaryOrgNr,
}: UseCaseContext & { initiativeId: string; intermediaryOrgNr?: OrganisationNumber | null | undefined }) {
  const initiative = await readableInitiative({ db, actor }, initiativeId);
  authorize(actor, { action: "sandbox:use", organisationId: initiative.organisationId });
  return db.transaction(async (tx) => {
    const before = await findEnvironmentOfInitiative(tx, initiative.id);
    const after = before
      ? await updateEnvironment(tx, before.id, {
          enabled: true,
          intermediaryOrgNr: intermediaryOrgNr === undefined ? before.intermediaryOrgNr : intermediaryOrgNr,
          updatedAt: now,
        })
      : await insertEnvironment(tx, {
          initiativeId: initiative.id,
          organisationId: initiative.organisationId,
          slug: await unusedSlug(tx),
          intermediaryOrgNr: intermediaryOrgNr ?? null,
          enabled: true,
          createdAt: now,
          createdBy: actor.userId,
          updatedAt: now,
        });
    await recordAudit(
      tx,
      actor,
      {
        action: "sandbox.environment.enable",
        entityType: "sandbox_environment",
        entityId: after.id,
        organisationId: initiative.organisationId,
        before: before ?? null,
        after,
      },
      now,
    );
    return after;
  });
}

/** 36^10 slugs make a collision all but impossible; the unique index stays the guarantee. */
async function unusedSlug(db: Parameters<typeof slugTaken>[0]) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = newEnvironmentSlug();
    if (!(await slugTaken(db, slug))) return slug;
  }
  throw new Error("no free environment slug after 5 attempts");
}
