import { z } from "zod";
import type { FieldIssue } from "../../../domain/shared/domain-error.ts";
import { en } from "../../../i18n/en.ts";
import type { FormErrors } from "../../../ui/page-context.ts";
import { firstPerField } from "../../form.ts";

export const InitiativeParams = z.object({ initiativeId: z.uuid() });

const AREA_CODES = new Set(Object.keys(en.businessCase.fieldErrors));

/**
 * Field issues onto the form's cells: costs.2.low is the third cost row's "low" field. A code only this
 * area names (low_above_expected …) reaches here as "invalid" with the code as its message.
 */
export const areaFormErrors = (issues: FieldIssue[]): FormErrors =>
  firstPerField(
    issues.map((i) => ({
      field: i.path.length ? i.path.join(".") : "form",
      code: i.code === "invalid" && AREA_CODES.has(i.message) ? i.message : i.code,
    })),
  );
