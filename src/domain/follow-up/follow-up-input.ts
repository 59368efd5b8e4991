import { z } from "zod";
import { isoDate } from "../initiatives/initiative-input.ts";
import { requiredText } from "../shared/field-rules.ts";

/** How the condition was met: what was done, or where the evidence is (a diarienummer, a link). */
export const MarkConditionMetInput = z.object({ note: requiredText(5000) });
export type MarkConditionMetInput = z.infer<typeof MarkConditionMetInput>;

/** The day the decision is planned for; null takes the plan away. */
export const MilestonePlanInput = z.object({ plannedOn: isoDate.nullable() });
export type MilestonePlanInput = z.infer<typeof MilestonePlanInput>;
