import { format, type Locale, type Messages } from "../../../i18n/index.ts";
import { deliverableType } from "../../../method/lookup.ts";
import type { Milestone } from "../../../method/types.ts";
import { methodV12 } from "../../../method/v1.2/index.ts";

export type MissingItem =
  | { kind: "previous_milestone_not_passed"; numeral: string }
  | { kind: "deliverable_missing"; deliverableTypeId: string }
  | { kind: "deliverable_not_approved"; deliverableTypeId: string; deliverableId: string; status: string }
  | { kind: "decision_point_unprepared"; decisionPointId: string };

export const typeName = (locale: Locale, id: string) => deliverableType(methodV12, id)?.name[locale] ?? id;

/** One sentence per missing item, in the user's language. */
export function missingText(m: Messages, locale: Locale, milestone: Milestone, item: MissingItem): string {
  switch (item.kind) {
    case "previous_milestone_not_passed":
      return format(m.milestones.missing.previous_milestone_not_passed, { numeral: item.numeral });
    case "deliverable_missing":
      return format(m.milestones.missing.deliverable_missing, { type: typeName(locale, item.deliverableTypeId) });
    case "deliverable_not_approved":
      return format(m.milestones.missing.deliverable_not_approved, { type: typeName(locale, item.deliverableTypeId) });
    case "decision_point_unprepared": {
      const point = milestone.decisionPoints.find((d) => d.id === item.decisionPointId);
      return format(m.milestones.missing.decision_point_unprepared, { point: point?.text[locale] ?? item.decisionPointId });
    }
  }
}

export const outcomeColor = (status: string) =>
  status === "go" ? "success" : status === "go_with_conditions" ? "warning" : status === "not_decided" ? "neutral" : "danger";
