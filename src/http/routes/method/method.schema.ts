import { z } from "zod";
import { FORVALTNINGSGRUPP_ITEMS, INFORM_AUDIENCES, MILESTONE_NUMERALS, PHASE_NUMBERS } from "../../../method/types.ts";

/**
 * The response of `GET /api/v1/method`, written out so /api/openapi.json describes it. It mirrors
 * `MethodJson` in src/method/to-json.ts; tests/integration/method.test.ts fails to compile if the
 * two drift apart.
 */

const LocalisedText = z
  .object({ sv: z.string(), en: z.string() })
  .meta({ description: "A text in Swedish (the method's own wording) and English" });

const PhaseNumber = z.literal(PHASE_NUMBERS);

const Activity = z.object({
  id: z.string().meta({ description: "Stable id; progress on the activity is stored against it" }),
  name: LocalisedText,
  description: LocalisedText.nullable(),
});

const Phase = z.object({
  number: PhaseNumber,
  id: z.string(),
  section: z.string().meta({ description: "Chapter of the method document" }),
  name: LocalisedText,
  purpose: LocalisedText,
  activities: z.array(Activity).meta({ description: "Huvudaktiviteter" }),
  results: z.array(z.string()).meta({ description: "Resultat: ids of deliverable types the phase produces" }),
});

const BasisEntry = z.object({
  deliverableTypeId: z.string(),
  required: z.boolean().meta({ description: "Required documents block the decision; the others support it" }),
  note: LocalisedText.nullable().meta({ description: "The method's own qualification of the document, if any" }),
});

const Milestone = z.object({
  numeral: z.enum(MILESTONE_NUMERALS),
  afterPhase: PhaseNumber,
  section: z.string().meta({ description: "Section of the method document" }),
  name: LocalisedText,
  summary: LocalisedText,
  purpose: LocalisedText,
  decisionPoints: z.array(z.object({ id: z.string(), text: LocalisedText })).meta({ description: "Beslutet omfattar" }),
  basis: z.array(BasisEntry).meta({ description: "Underlag för beslut" }),
  preparedBy: LocalisedText.meta({ description: "Bereds av" }),
  decidedBy: z
    .object({ role: z.enum(["verksamhetsagare", "styrgrupp"]), text: LocalisedText })
    .meta({ description: "Beslutas av: verksamhetsägare at milestone I, the styrgrupp at II–VIII" }),
  inform: z
    .object({
      audiences: z.array(z.enum(INFORM_AUDIENCES)),
      text: LocalisedText,
      forvaltningsgruppItems: z.array(z.object({ key: z.enum(FORVALTNINGSGRUPP_ITEMS), text: LocalisedText })),
    })
    .meta({ description: "Information: who is told of the decision, and what förvaltningsgruppen must receive" }),
});

const DeliverableType = z.object({
  id: z.string(),
  name: LocalisedText,
  purpose: LocalisedText,
  producedInPhase: PhaseNumber.nullable().meta({ description: "Null where the method ties the document to no phase" }),
  inAppendix1: z.boolean().meta({ description: "Among the recommended descriptions of Bilaga 1" }),
  template: z.array(z.object({ id: z.string(), heading: LocalisedText, guidance: LocalisedText, required: z.boolean() })),
});

export const MethodJsonSchema = z.object({
  id: z.string(),
  version: z.string(),
  name: LocalisedText,
  phases: z.array(Phase).meta({ description: "The eight phases in method order" }),
  milestones: z.array(Milestone).meta({ description: "The eight milestones, I–VIII; milestone N follows phase N" }),
  deliverableTypes: z.array(DeliverableType),
});
