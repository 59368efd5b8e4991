import { can } from "../access/policy.ts";
import { readableInitiative } from "../initiatives/read-initiatives.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { getFlow, listFlows } from "./list-flows.ts";

type Ctx = Pick<UseCaseContext, "db" | "actor">;

/** The flow register's page: the initiative it belongs to, its flows and whether the reader may change them. */
export async function initiativeFlows({ db, actor, initiativeId }: Ctx & { initiativeId: string }) {
  const initiative = await readableInitiative({ db, actor }, initiativeId);
  const { flows, canManage } = await listFlows({ db, actor, initiativeId: initiative.id });
  return { initiative: { id: initiative.id, name: initiative.name }, flows, canManage };
}

/** One flow's page: the flow, its initiative, and whether the reader may change it. */
export async function flowWithInitiative({ db, actor, flowId }: Ctx & { flowId: string }) {
  const flow = await getFlow({ db, actor, flowId });
  const initiative = await readableInitiative({ db, actor }, flow.initiativeId);
  return {
    flow,
    initiative: { id: initiative.id, name: initiative.name },
    canManage: can(actor, { action: "initiative:work", organisationId: initiative.organisationId }),
  };
}
