/**
 * The method "Metod för anslutning till Mina meddelanden" as typed data. Every text a user may
 * read is localised; code identifiers and keys are English, terms of art stay Swedish.
 */

export type LocalisedText = { readonly sv: string; readonly en: string };

export const PHASE_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export type PhaseNumber = (typeof PHASE_NUMBERS)[number];

/** In method order. The seed heads V–VIII as "IV" by mistake; section 2.2 gives this numbering. */
export const MILESTONE_NUMERALS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"] as const;
export type MilestoneNumeral = (typeof MILESTONE_NUMERALS)[number];

/** "Beslutas av": verksamhetsägare decides milestone I, the initiative's styrgrupp decides II–VIII. */
export type DecisionRole = "verksamhetsagare" | "styrgrupp";

/** Who a milestone decision must be communicated to ("Information" in the method). */
export const INFORM_AUDIENCES = [
  "own_organisation",
  "partners",
  "forvaltningsgrupp",
  "other_stakeholders",
  "affected_stakeholders",
] as const;
export type InformAudience = (typeof INFORM_AUDIENCES)[number];

/** What förvaltningsgruppen för Mina meddelanden must be told after a milestone decision. */
export const FORVALTNINGSGRUPP_ITEMS = [
  "tidplan",
  "meddelandevolymer",
  "genomforandeplan",
  "detaljerad_anslutningsplan",
  "inforandeplan",
  "lanserings_och_kommunikationsplan",
  "kontaktuppgifter",
  "nyttoutvardering",
] as const;
export type ForvaltningsgruppItemKey = (typeof FORVALTNINGSGRUPP_ITEMS)[number];

export type Activity = {
  readonly id: string;
  readonly name: LocalisedText;
  readonly description?: LocalisedText;
};

export type Phase = {
  readonly number: PhaseNumber;
  readonly id: string;
  /** Chapter of the method document, for traceability. */
  readonly section: string;
  readonly name: LocalisedText;
  readonly purpose: LocalisedText;
  readonly activities: readonly Activity[];
  /** Deliverable type ids listed under "Resultat". */
  readonly results: readonly string[];
};

export type DecisionPoint = { readonly id: string; readonly text: LocalisedText };

/**
 * One item of "Underlag för beslut". `required` follows the method's own emphasis: documents it
 * names in italics are required; documentation it mentions as examples ("… som leveransrapport")
 * supports the decision but does not block it.
 */
export type BasisEntry = {
  readonly deliverableTypeId: string;
  readonly required: boolean;
  /** The method's own wording where it qualifies the document (e.g. "med rekommenderat lösningsförslag"). */
  readonly note?: LocalisedText;
};

export type DecisionMaker = { readonly role: DecisionRole; readonly text: LocalisedText };

export type ForvaltningsgruppItem = { readonly key: ForvaltningsgruppItemKey; readonly text: LocalisedText };

export type MilestoneInform = {
  readonly audiences: readonly InformAudience[];
  readonly text: LocalisedText;
  readonly forvaltningsgruppItems: readonly ForvaltningsgruppItem[];
};

export type Milestone = {
  readonly numeral: MilestoneNumeral;
  readonly afterPhase: PhaseNumber;
  /** Section of the method document, for traceability. */
  readonly section: string;
  readonly name: LocalisedText;
  /** The one-line description from section 2.2. */
  readonly summary: LocalisedText;
  readonly purpose: LocalisedText;
  readonly decisionPoints: readonly DecisionPoint[];
  readonly basis: readonly BasisEntry[];
  readonly preparedBy: LocalisedText;
  readonly decidedBy: DecisionMaker;
  readonly inform: MilestoneInform;
};

export type TemplateSection = {
  readonly id: string;
  readonly heading: LocalisedText;
  readonly guidance: LocalisedText;
  /**
   * A section the document cannot do without: a version is fastställd only when every required
   * section is written. The method gives no templates; a section is required where it carries the
   * document's purpose in Bilaga 1 or what the milestone the document is basis for decides on.
   */
  readonly required: boolean;
};

export type DeliverableType = {
  readonly id: string;
  readonly name: LocalisedText;
  readonly purpose: LocalisedText;
  /** The phase whose work produces it; null where the method does not tie it to a phase. */
  readonly producedInPhase: PhaseNumber | null;
  /** Listed among the recommended descriptions of Bilaga 1. */
  readonly inAppendix1: boolean;
  readonly template: readonly TemplateSection[];
};

export type Method = {
  readonly id: string;
  readonly version: string;
  readonly name: LocalisedText;
  readonly phases: readonly Phase[];
  readonly milestones: readonly Milestone[];
  readonly deliverableTypes: readonly DeliverableType[];
};
