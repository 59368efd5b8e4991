import { setSteeringGroup } from "../../db/repositories/initiative-repository.ts";
import { insertInitiativeRow } from "../../db/repositories/initiative-write.ts";
import { membersOfOrganisation } from "../../db/repositories/user-repository.ts";
import { methodV12 } from "../../method/v1.2/index.ts";
import { authorize, DECIDING_ROLES } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { DomainError, type FieldIssue } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import type { CreateInitiativeInput } from "./initiative-input.ts";

/**
 * Starts an anslutningsinitiativ. Its styrgrupp is the people chosen among those holding a deciding
 * role (or, when none are given, the organisation's members with the styrgrupp role), always with
 * its verksamhetsägare — who decide milestone I;
 * the projektledare is the one named, else the creator.
 */
export async function createInitiative({ db, actor, now, input }: UseCaseContext & { input: CreateInitiativeInput }) {
  authorize(actor, { action: "initiative:create", organisationId: input.organisationId });
  return db.transaction(async (tx) => {
    const members = await membersOfOrganisation(tx, input.organisationId);
    const memberIds = new Set(members.map((m) => m.userId));
    const issues: FieldIssue[] = [];
    // Only those the organisation has given a deciding role may sit on an initiative's styrgrupp:
    // naming someone (herself included) cannot make a decider of her.
    const deciders = new Set(
      members.filter((m) => m.roles.some((r) => (DECIDING_ROLES as readonly string[]).includes(r))).map((m) => m.userId),
    );
    (input.steeringGroup ?? []).forEach((id, i) => {
      if (!memberIds.has(id)) issues.push({ path: ["steeringGroup", i], code: "not_member", message: "not a member of the organisation" });
      else if (!deciders.has(id))
        issues.push({
          path: ["steeringGroup", i],
          code: "not_decider",
          message: "holds neither the styrgrupp nor the verksamhetsägare role",
        });
    });
    if (input.projectManagerId && !memberIds.has(input.projectManagerId)) {
      issues.push({ path: ["projectManagerId"], code: "not_member", message: "not a member of the organisation" });
    }
    if (issues.length) throw new DomainError("VALIDATION_FAILED", "the request is not valid", { fields: issues });

    const chosen = input.steeringGroup ?? members.filter((m) => m.roles.includes("styrgrupp")).map((m) => m.userId);
    const owners = members.filter((m) => m.roles.includes("verksamhetsagare")).map((m) => m.userId);
    const steeringGroup = [...new Set([...chosen, ...owners])];

    const row = await insertInitiativeRow(tx, {
      organisationId: input.organisationId,
      name: input.name,
      description: input.description,
      targetGroup: input.targetGroup,
      plannedGoLive: input.plannedGoLive,
      projectManagerId: input.projectManagerId ?? actor.userId,
      methodVersion: methodV12.version,
      createdAt: now,
      createdBy: actor.userId,
    });
    await setSteeringGroup(tx, row.id, steeringGroup);
    await recordAudit(
      tx,
      actor,
      {
        action: "initiative.create",
        entityType: "initiative",
        entityId: row.id,
        organisationId: row.organisationId,
        after: { ...row, steeringGroup },
      },
      now,
    );
    return { ...row, steeringGroup };
  });
}
