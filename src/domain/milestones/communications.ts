import { format, messagesFor } from "../../i18n/index.ts";
import type { ForvaltningsgruppItemKey, InformAudience, Milestone } from "../../method/types.ts";
import type { Reported } from "./basis-snapshot.ts";
import { benefitSummaryText, type SummarisedBenefit } from "./benefit-summary.ts";
import type { Condition, DeliverableState, Outcome } from "./milestone-rules.ts";
import { type PlanFigures, timelineText, volumesText } from "./reported-figures.ts";

/**
 * The förvaltningsgrupp items that are plans point at the initiative's own documents. The method
 * names the plan; these are the deliverable types that hold it.
 */
const PLAN_DOCUMENT: Partial<Record<ForvaltningsgruppItemKey, string>> = {
  genomforandeplan: "genomforandedirektiv",
  detaljerad_anslutningsplan: "detaljerad-anslutningsplan",
  inforandeplan: "inforandeplan",
  lanserings_och_kommunikationsplan: "utbildnings-och-kommunikationsplan",
  nyttoutvardering: "nyttoutvarderingsrapport",
};

/** The document that holds an item's plan or report, with its version and whether it is fastställd. */
function documentState(deliverables: readonly DeliverableState[], key: ForvaltningsgruppItemKey): string {
  const typeId = PLAN_DOCUMENT[key];
  const doc = deliverables.find((d) => d.typeId === typeId);
  return doc
    ? format(doc.approved ? t.planApproved : t.planNotApproved, { title: doc.title, version: (doc.approved ?? doc.latest).version })
    : t.noPlan;
}

/** Which figures the decision form must ask for, because this milestone must report them. */
export function requiredReports(milestone: Milestone): { timeline: boolean; messageVolumes: boolean } {
  const keys = milestone.inform.forvaltningsgruppItems.map((i) => i.key);
  return { timeline: keys.includes("tidplan"), messageVolumes: keys.includes("meddelandevolymer") };
}

export type CommunicationItem = { key: ForvaltningsgruppItemKey; label: string; value: string };
export type CommunicationDraft = { audience: InformAudience; subject: string; body: string; items: CommunicationItem[] };

/**
 * The communication is written in Swedish whatever the language of the person deciding: its
 * recipients are Swedish authorities and the förvaltningsgrupp.
 */
const t = messagesFor("sv").decisionMessage;
const r = messagesFor("sv").forecastVersions.reported;
const number = new Intl.NumberFormat("sv-SE");

/** A figure typed on the decision (the API still takes them) is reported beside the computed one, never instead of it. */
const withTyped = (computed: string, typed: string | null) => (typed ? format(r.typed, { computed, typed }) : computed);

function volumesItem(reported: Reported, figures: PlanFigures | null): string {
  const v = reported.messageVolumePerYear;
  const typedVolume = v === null ? null : format(r.typedVolume, { count: number.format(v) });
  const typed = [typedVolume, reported.volumeNote].filter(Boolean).join(", ") || null;
  if (figures) return withTyped(volumesText(figures), typed);
  const volumes = v === null ? t.noVolumes : format(t.volumes, { count: number.format(v) });
  return reported.volumeNote ? format(t.volumesWithNote, { volumes, note: reported.volumeNote }) : volumes;
}

/**
 * The communications the method requires after a decision on this milestone, one per audience,
 * in Swedish, with the förvaltningsgrupp's required items filled in from the initiative: the
 * timeline and message volumes from its flows and their forecast (`figures`, the plan and forecast
 * the decision froze) when given. The decision's note is appended to the förvaltningsgrupp's
 * message, or to every message of a milestone that tells the förvaltningsgrupp nothing.
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
  figures: PlanFigures | null;
  /** The benefits evaluated at the decision, for the nyttoutvärdering item (VIII); null when not read. */
  benefits?: readonly SummarisedBenefit[] | null;
}): CommunicationDraft[] {
  const { milestone } = input;
  const outcome = t.outcome[input.outcome];
  const subject = format(t.subject, {
    organisation: input.organisationName,
    numeral: milestone.numeral,
    initiative: input.initiativeName,
    outcome: outcome.toLowerCase(),
  });
  const lines = [
    format(t.decision, { outcome, numeral: milestone.numeral, milestone: milestone.name.sv }),
    format(t.initiative, { initiative: input.initiativeName, organisation: input.organisationName }),
    format(t.decidedOnBy, { date: input.decidedOn, name: input.decidedByName }),
    ...(input.plannedGoLive ? [format(t.plannedGoLive, { date: input.plannedGoLive })] : []),
    ...(input.conditions.length
      ? [t.conditions, ...input.conditions.map((c) => format(t.condition, { text: c.text, owner: c.owner, dueDate: c.dueDate }))]
      : []),
    ...(input.incompleteBasisReason ? [format(t.incompleteBasis, { reason: input.incompleteBasisReason })] : []),
  ];

  const items = milestone.inform.forvaltningsgruppItems.map((item): CommunicationItem => {
    const label = item.text.sv;
    switch (item.key) {
      case "tidplan":
        return {
          key: item.key,
          label,
          value: input.figures
            ? withTyped(timelineText(input.figures.plan), input.reported.timeline)
            : (input.reported.timeline ?? t.noTimeline),
        };
      case "meddelandevolymer":
        return { key: item.key, label, value: volumesItem(input.reported, input.figures) };
      case "kontaktuppgifter":
        return {
          key: item.key,
          label,
          value: input.contact ? format(t.contact, { name: input.contact.name, email: input.contact.email }) : t.noContact,
        };
      case "nyttoutvardering": {
        const report = format(t.reportDocument, { document: documentState(input.deliverables, item.key) });
        return { key: item.key, label, value: `${report} ${benefitSummaryText(input.benefits ?? [])}` };
      }
      default:
        return { key: item.key, label, value: documentState(input.deliverables, item.key) };
    }
  });

  const note = input.reported.note ? format(r.note, { note: input.reported.note }) : null;
  const noteTo = milestone.inform.audiences.includes("forvaltningsgrupp") ? ["forvaltningsgrupp"] : milestone.inform.audiences;
  return milestone.inform.audiences.map((audience) => {
    const forFg = audience === "forvaltningsgrupp";
    const body = [
      format(t.to, { audience: t.audience[audience] }),
      "",
      ...lines,
      ...(forFg && items.length ? ["", t.items, ...items.map((i) => format(t.item, { label: i.label, value: i.value }))] : []),
      ...(note && noteTo.includes(audience) ? ["", note] : []),
    ].join("\n");
    return { audience, subject, body, items: forFg ? items : [] };
  });
}
