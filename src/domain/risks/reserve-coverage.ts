import { RESERVE_DURATIONS, RESERVE_OUTAGES, type ReserveDuration, type ReserveOutage } from "./reserve-plan-input.ts";

/** The four situations a flow's reserve operation answers, in the order the page shows them. */
export const RESERVE_SITUATIONS: readonly { outage: ReserveOutage; duration: ReserveDuration }[] = RESERVE_OUTAGES.flatMap((outage) =>
  RESERVE_DURATIONS.map((duration) => ({ outage, duration })),
);

type Plan = { id: string; flowId: string | null; outage: ReserveOutage; duration: ReserveDuration };

/**
 * The plans per flow and situation: the initiative-wide plans (flow null, "alla flöden") first,
 * then each flow with its own. A flow is without a plan when neither it nor all flows have any:
 * a plan for all flows covers every flow that has none of its own.
 */
export function reserveCoverage<P extends Plan>(flows: readonly { id: string; name: string }[], plans: readonly P[]) {
  const situations = (flowId: string | null) =>
    RESERVE_SITUATIONS.map((s) => ({
      ...s,
      plans: plans.filter((p) => p.flowId === flowId && p.outage === s.outage && p.duration === s.duration),
    }));
  const shared = plans.some((p) => p.flowId === null);
  const perFlow = flows.map((f) => {
    const own = plans.some((p) => p.flowId === f.id);
    return { flow: f, situations: situations(f.id), hasOwnPlan: own, missing: !own && !shared };
  });
  return { allFlows: situations(null), flows: perFlow, missing: perFlow.filter((f) => f.missing).map((f) => f.flow) };
}
