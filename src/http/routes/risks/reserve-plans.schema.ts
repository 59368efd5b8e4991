import { z } from "zod";
import { RESERVE_DURATIONS, RESERVE_OUTAGES } from "../../../domain/risks/reserve-plan-input.ts";

export const ReservePlanParams = z.object({ planId: z.uuid({ error: "invalid_id" }) });

export const ReservePlan = z
  .object({
    id: z.string(),
    initiativeId: z.string(),
    flowId: z.string().nullable().meta({ description: "The flow the plan is for; null for all the initiative's flows" }),
    outage: z.enum(RESERVE_OUTAGES).meta({ description: "What is out: Mina meddelanden or the organisation's own integration" }),
    duration: z.enum(RESERVE_DURATIONS).meta({ description: "kort (short) or lang (long) outage" }),
    fallbackAfterHours: z.int().nullable().meta({ description: "Hours of outage after which the fallback starts (0–8760)" }),
    fallback: z.string().meta({ description: "What is done instead, e.g. fall back to paper" }),
    decidedBy: z.string().meta({ description: "Who decides to start the fallback" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ description: "A reserve-operation plan (reservdrift) of the risk and vulnerability analysis" });

export const ReservePlanList = z.object({
  plans: z.array(ReservePlan).meta({ description: "Oldest first" }),
  flows: z.array(z.object({ id: z.string(), name: z.string() })).meta({ description: "The initiative's flows" }),
  missingFlowIds: z.array(z.string()).meta({ description: "Flows with no plan of their own and no plan for all flows" }),
  canManage: z.boolean(),
});

export const ReservePlanItem = ReservePlan.extend({ canManage: z.boolean() });
