import type { ForvaltningsgruppItemKey, InformAudience, Milestone } from "../../method/types.ts";
import type { Reported } from "./basis-snapshot.ts";
import type { Condition, DeliverableState, Outcome } from "./milestone-rules.ts";

/**
 * The förvaltningsgrupp items that are plans point at the initiative's own documents. The method
 * names the plan; these are the deliverable types that hold it.
 */
const PLAN_DOCUMENT: Partial<Record<ForvaltningsgruppItemKey, string>> = {
  genomforandeplan: "genomforandedirektiv",
  detaljerad_anslutningsplan: "detaljerad-anslutningsplan",
  inforandeplan: "inforandeplan",
  lanserings_och_kommunikationsplan: "utbildnings-och-kommunikationsplan",
};

/** Which figures the decision form must ask for, because this milestone must report them. */
export function requiredReports(milestone: Milestone): { timeline: boolean; messageVolumes: boolean } {
  const keys = milestone.inform.forvaltningsgruppItems.map((i) => i.key);
  return { timeline: keys.includes("tidplan"), messageVolumes: keys.includes("meddelandevolymer") };
}

export type CommunicationItem = { key: ForvaltningsgruppItemKey; label: string; value: string };
export type CommunicationDraft = { audience: InformAudience; subject: string; body: string; items: CommunicationItem[] };

const OUTCOME_SV: Record<Outcome, string> = {
  go: "Beslut att gå vidare",
  go_with_conditions: "Beslut att gå vidare med villkor",
  rework: "Beslut om komplettering (omarbetning)",
  stop: "Beslut att avbryta",
};

const AUDIENCE_SV: Record<InformAudience, string> = {
  own_organisation: "berörda inom den egna verksamheten",
  partners: "samverkansparter",
  forvaltningsgrupp: "förvaltningsgruppen för Mina meddelanden",
  other_stakeholders: "andra viktiga intressenter",
  affected_stakeholders: "berörda intressenter",
};

const number = new Intl.NumberFormat("sv-SE");

/**
 * The communications the method requires after a decision on this milestone, one per audience,
 * in Swedish, with the förvaltningsgrupp's required items filled in from the initiative.
 */
export function composeCommunications(input: {
  milestone: Milestone;
  organisationName: string;
  initiativeName: string;
  plannedGoLive: string | null;
  outcome: Outcome;
  conditions: readonly Condition[];
  decidedOn: string;
  decidedByName: string;
  incompleteBasisReason: string | null;
  reported: Reported;
  deliverables: readonly DeliverableState[];
  contact: { name: string; email: string } | null;
}): CommunicationDraft[] {
  const { milestone } = input;
  const subject = `${input.organisationName}: milstolpe ${milestone.numeral} för ${input.initiativeName} – ${OUTCOME_SV[input.outcome].toLowerCase()}`;
  const lines = [
    `${OUTCOME_SV[input.outcome]} vid milstolpe ${milestone.numeral} (${milestone.name.sv}).`,
    `Initiativ: ${input.initiativeName}, ${input.organisationName}.`,
    `Beslutat ${input.decidedOn} av ${input.decidedByName}.`,
    ...(input.plannedGoLive ? [`Planerad driftstart: ${input.plannedGoLive}.`] : []),
    ...(input.conditions.length
      ? ["Villkor:", ...input.conditions.map((c) => `– ${c.text} (ansvarig ${c.owner}, senast ${c.dueDate})`)]
      : []),
    ...(input.incompleteBasisReason ? [`Beslutet fattades på ofullständigt underlag. Motivering: ${input.incompleteBasisReason}`] : []),
  ];

  const items = milestone.inform.forvaltningsgruppItems.map((item): CommunicationItem => {
    const label = item.text.sv;
    switch (item.key) {
      case "tidplan":
        return { key: item.key, label, value: input.reported.timeline ?? "Ej angiven" };
      case "meddelandevolymer": {
        const v = input.reported.messageVolumePerYear;
        const volume = v === null ? "Ej angivna" : `${number.format(v)} meddelanden per år`;
        return { key: item.key, label, value: input.reported.volumeNote ? `${volume} (${input.reported.volumeNote})` : volume };
      }
      case "kontaktuppgifter":
        return {
          key: item.key,
          label,
          value: input.contact ? `${input.contact.name}, ${input.contact.email}` : "Ingen projektledare angiven",
        };
      default: {
        const typeId = PLAN_DOCUMENT[item.key];
        const doc = input.deliverables.find((d) => d.typeId === typeId);
        const value = doc
          ? `${doc.title}, version ${(doc.approved ?? doc.latest).version}${doc.approved ? " (fastställd)" : " (ej fastställd)"}`
          : "Dokumentet är inte upprättat i Ansluta";
        return { key: item.key, label, value };
      }
    }
  });

  return milestone.inform.audiences.map((audience) => {
    const forFg = audience === "forvaltningsgrupp";
    const body = [
      `Till ${AUDIENCE_SV[audience]}.`,
      "",
      ...lines,
      ...(forFg && items.length ? ["", "Uppgifter till förvaltningsgruppen:", ...items.map((i) => `– ${i.label}: ${i.value}`)] : []),
    ].join("\n");
    return { audience, subject, body, items: forFg ? items : [] };
  });
}
