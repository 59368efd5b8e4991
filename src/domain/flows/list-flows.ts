import { findFlow, flowsOf } from "../../db/repositories/flow-repository.ts";
import { can } from "../access/policy.ts";
import { readableInitiative } from "../initiatives/read-initiatives.ts";
import { notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { flowView } from "./flow-view.ts";

type Ctx = Pick<UseCaseContext, "db" | "actor">;

/** The initiative's meddelandeflöden, oldest first, for everyone who may read it; `canManage` for its team. */
export async function listFlows({ db, actor, initiativeId }: Ctx & { initiativeId: string }) {
  const initiative = await readableInitiative({ db, actor }, initiativeId);
  const flows = (await flowsOf(db, initiative.id)).map(flowView);
  return { flows, canManage: can(actor, { action: "initiative:work", organisationId: initiative.organisationId }) };
}

/** One flow, for whoever may read its initiative; to an outsider it does not exist. */
export async function getFlow({ db, actor, flowId }: Ctx & { flowId: string }) {
  const flow = await findFlow(db, flowId);
  if (!flow) throw notFound("flow");
  await readableInitiative({ db, actor }, flow.initiativeId);
  return flowView(flow);
}
