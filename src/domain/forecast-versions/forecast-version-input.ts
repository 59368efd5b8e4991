import { z } from "zod";
import { requiredText, uuid } from "../shared/field-rules.ts";

/** Why the team saves a re-forecast: required, so every version after a baseline says what moved it. */
export const ReforecastInput = z.object({ reason: requiredText(2000) });
export type ReforecastInput = z.infer<typeof ReforecastInput>;

/** Which two versions to compare: b may be the live forecast ("current"). */
export const CompareQuery = z.object({
  a: uuid,
  b: z.union([z.literal("current"), uuid], { error: "invalid_id" }).default("current"),
});
export type CompareQuery = z.infer<typeof CompareQuery>;
