import { z } from "zod";
import { CHECK_IDS } from "../../../sandbox/checks/check.ts";

export const CheckResult = z
  .object({
    id: z.enum(CHECK_IDS).meta({ description: "Stable id of the conformance check, e.g. delivery.single-recipient" }),
    status: z.enum(["pass", "fail", "warn"]),
    message: z.string().meta({ description: "Why, in English" }),
  })
  .meta({ description: "One conformance check's outcome" });

export const ValidationReport = z
  .object({ checks: z.array(CheckResult) })
  .meta({ description: "Every check that can be made from the submitted XML alone, in a fixed order" });
