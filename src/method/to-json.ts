import type {
  DecisionRole,
  ForvaltningsgruppItemKey,
  InformAudience,
  LocalisedText,
  Method,
  MilestoneNumeral,
  PhaseNumber,
} from "./types.ts";

/**
 * The public shape of `GET /api/v1/method`. It is spelled out rather than derived from the
 * internal types so that a change to the data model cannot silently change the API; optional
 * texts become explicit nulls so clients see the same keys on every item.
 */
export type MethodJson = {
  id: string;
  version: string;
  name: LocalisedText;
  phases: {
    number: PhaseNumber;
    id: string;
    section: string;
    name: LocalisedText;
    purpose: LocalisedText;
    activities: { id: string; name: LocalisedText; description: LocalisedText | null }[];
    results: string[];
  }[];
  milestones: {
    numeral: MilestoneNumeral;
    afterPhase: PhaseNumber;
    section: string;
    name: LocalisedText;
    summary: LocalisedText;
    purpose: LocalisedText;
    decisionPoints: { id: string; text: LocalisedText }[];
    basis: { deliverableTypeId: string; required: boolean; note: LocalisedText | null }[];
    preparedBy: LocalisedText;
    decidedBy: { role: DecisionRole; text: LocalisedText };
    inform: {
      audiences: InformAudience[];
      text: LocalisedText;
      forvaltningsgruppItems: { key: ForvaltningsgruppItemKey; text: LocalisedText }[];
    };
  }[];
  deliverableTypes: {
    id: string;
    name: LocalisedText;
    purpose: LocalisedText;
    producedInPhase: PhaseNumber | null;
    inAppendix1: boolean;
    template: { id: string; heading: LocalisedText; guidance: LocalisedText; required: boolean }[];
  }[];
};

// Copies every text so a caller that mutates the response cannot reach the shared method data.
const text = ({ sv, en }: LocalisedText): LocalisedText => ({ sv, en });
const optionalText = (value: LocalisedText | undefined): LocalisedText | null => (value === undefined ? null : text(value));

export function methodToJson(method: Method): MethodJson {
  return {
    id: method.id,
    version: method.version,
    name: text(method.name),
    phases: method.phases.map((phase) => ({
      number: phase.number,
      id: phase.id,
      section: phase.section,
      name: text(phase.name),
      purpose: text(phase.purpose),
      activities: phase.activities.map((activity) => ({
        id: activity.id,
        name: text(activity.name),
        description: optionalText(activity.description),
      })),
      results: [...phase.results],
    })),
    milestones: method.milestones.map((milestone) => ({
      numeral: milestone.numeral,
      afterPhase: milestone.afterPhase,
      section: milestone.section,
      name: text(milestone.name),
      summary: text(milestone.summary),
      purpose: text(milestone.purpose),
      decisionPoints: milestone.decisionPoints.map((decisionPoint) => ({
        id: decisionPoint.id,
        text: text(decisionPoint.text),
      })),
      basis: milestone.basis.map((entry) => ({
        deliverableTypeId: entry.deliverableTypeId,
        required: entry.required,
        note: optionalText(entry.note),
      })),
      preparedBy: text(milestone.preparedBy),
      decidedBy: { role: milestone.decidedBy.role, text: text(milestone.decidedBy.text) },
      inform: {
        audiences: [...milestone.inform.audiences],
        text: text(milestone.inform.text),
        forvaltningsgruppItems: milestone.inform.forvaltningsgruppItems.map((item) => ({
          key: item.key,
          text: text(item.text),
        })),
      },
    })),
    deliverableTypes: method.deliverableTypes.map((type) => ({
      id: type.id,
      name: text(type.name),
      purpose: text(type.purpose),
      producedInPhase: type.producedInPhase,
      inAppendix1: type.inAppendix1,
      template: type.template.map((section) => ({
        id: section.id,
        heading: text(section.heading),
        guidance: text(section.guidance),
        required: section.required,
      })),
    })),
  };
}
