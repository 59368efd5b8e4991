import { membersOfOrganisation } from "../../db/repositories/user-repository.ts";
import { can } from "../access/policy.ts";
import { readableInitiative } from "../initiatives/read-initiatives.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { getRisk, listRisks } from "./risk-register.ts";

type Ctx = Pick<UseCaseContext, "db" | "actor" | "now">;

/** The register's page: the initiative, its risks by score and whether the actor keeps them. */
export async function risksPage(ctx: Ctx & { initiativeId: string }) {
  const initiative = await readableInitiative(ctx, ctx.initiativeId);
  const { risks, canManage } = await listRisks(ctx);
  return { initiative: { id: initiative.id, name: initiative.name }, risks, canManage };
}

/** Whom a risk can be given to: the members of the initiative's organisation, by name. */
const ownerChoices = async (ctx: Ctx, organisationId: string) =>
  (await membersOfOrganisation(ctx.db, organisationId)).map((m) => ({ userId: m.userId, name: m.name }));

/** The form for a new risk: the initiative and the members to choose the owner among. */
export async function newRiskPage(ctx: Ctx & { initiativeId: string }) {
  const initiative = await readableInitiative(ctx, ctx.initiativeId);
  return {
    initiative: { id: initiative.id, name: initiative.name },
    canManage: can(ctx.actor, { action: "initiative:work", organisationId: initiative.organisationId }),
    members: await ownerChoices(ctx, initiative.organisationId),
  };
}

/** One risk's page: the risk, its initiative, whether the actor keeps it, and the members for its owner. */
export async function riskPage(ctx: Ctx & { riskId: string }) {
  const risk = await getRisk(ctx);
  const initiative = await readableInitiative(ctx, risk.initiativeId);
  const canManage = can(ctx.actor, { action: "initiative:work", organisationId: initiative.organisationId });
  return {
    initiative: { id: initiative.id, name: initiative.name },
    risk,
    canManage,
    members: canManage ? await ownerChoices(ctx, initiative.organisationId) : [],
  };
}
