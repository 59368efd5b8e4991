import type { Block, ChartBlock } from "../../exports/document-model.ts";
import { format, type Locale, messagesFor } from "../../i18n/index.ts";
import { numberFormatFor } from "../../i18n/number-format.ts";
import type { ConnectionTactic, FlowStatus, RecipientType } from "../flows/flow-input.ts";
import type { TacticKind } from "../tactics/tactic-input.ts";
import {
  benefitEvaluationBlocks,
  benefitPlanBlocks,
  businessCaseBlocks,
  type GeneratedBenefit,
  type GeneratedBusinessCase,
  type GeneratedReservePlan,
  type GeneratedRisk,
  riskBlocks,
} from "./value-tables.ts";

/**
 * Tables Ansluta writes into a document from the initiative's data (issue 11): the förstudierapport
 * shows the flows and the tactic comparison, the anslutningsplaner the flows in priority order, their
 * plan and the volumes. While a version is a draft they are computed afresh each time it is shown;
 * when it is fastställd they are frozen into that version (deliverable_versions.generated) and shown
 * as they were. Plain data in, document blocks out: the page and the DOCX/PDF show the same tables.
 */

export type GeneratedPart = "flows" | "tactics" | "plan" | "volumes" | "businessCase" | "benefitPlan" | "risks" | "benefitEvaluation";

export const GENERATED_PARTS: Readonly<Record<string, readonly GeneratedPart[]>> = {
  forstudierapport: ["flows", "tactics"],
  "overgripande-anslutningsplan": ["flows", "plan", "volumes"],
  "detaljerad-anslutningsplan": ["flows", "plan", "volumes"],
  // Issue 12: the value and risk documents.
  "business-case": ["businessCase"],
  nyttorealiseringsplan: ["benefitPlan"],
  riskanalys: ["risks"],
  nyttoutvarderingsrapport: ["benefitEvaluation"],
};

export const generatedPartsOf = (typeId: string): readonly GeneratedPart[] => GENERATED_PARTS[typeId] ?? [];

export type GeneratedFlow = {
  rank: number;
  name: string;
  recipientType: RecipientType;
  annualVolume: number;
  costPerLetterSek: number;
  tactic: ConnectionTactic | null;
  status: FlowStatus;
  priorityScore: number;
  plannedTestDate: string | null;
  plannedProductionDate: string | null;
};

export type GeneratedTactic = {
  name: string;
  tactic: TacticKind;
  fiveYearCostSek: number;
  leadTimeMonths: number | null;
  flowNames: string[];
  digitalMessages: number;
  costPerDigitalMessageSek: number | null;
  recommended: boolean;
  recommendationReason: string;
};

export type GeneratedYear = { year: number; volume: number; digital: number; paper: number };

export type GeneratedTables = {
  /** When the figures were computed: now for a draft, the moment of fastställande for a frozen version. */
  computedAt: string;
  parts: GeneratedPart[];
  flows: GeneratedFlow[];
  tactics: GeneratedTactic[];
  volumes: GeneratedYear[];
  /** Issue 12's parts; absent in versions frozen before them (and in documents that have none). */
  businessCase?: GeneratedBusinessCase;
  benefits?: GeneratedBenefit[];
  risks?: GeneratedRisk[];
  reservePlans?: GeneratedReservePlan[];
};

const countFormat = numberFormatFor({ maximumFractionDigits: 0 });
const sekFormat = numberFormatFor({ style: "currency", currency: "SEK", minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** The generated tables as document blocks, in the reader's language, under one level-2 heading. */
export function generatedBlocks(tables: GeneratedTables, locale: Locale): (Block | ChartBlock)[] {
  const m = messagesFor(locale);
  const t = m.exports.generated;
  const count = (n: number) => countFormat(locale).format(n);
  const sek = (n: number) => sekFormat(locale).format(n);
  const day = (d: string | null) => d ?? m.flows.notPlanned;
  const blocks: (Block | ChartBlock)[] = [{ kind: "heading", level: 2, text: t.heading }];
  blocks.push({ kind: "paragraph", text: format(t.computedAt, { date: tables.computedAt.slice(0, 10) }) });
  for (const part of tables.parts) {
    switch (part) {
      case "flows":
        blocks.push({ kind: "heading", level: 3, text: t.flowsHeading });
        blocks.push(
          tables.flows.length
            ? {
                kind: "table",
                header: [t.rank, m.flows.name, m.flows.recipientType, t.annualVolume, t.costPerLetter, m.flows.tactic, m.flows.status],
                rows: tables.flows.map((f) => [
                  String(f.rank),
                  f.name,
                  m.flows.recipientTypes[f.recipientType],
                  count(f.annualVolume),
                  sek(f.costPerLetterSek),
                  f.tactic ? m.flows.tactics[f.tactic] : m.flows.noTactic,
                  m.flows.statuses[f.status],
                ]),
              }
            : { kind: "paragraph", text: t.noFlows },
        );
        break;
      case "tactics":
        blocks.push({ kind: "heading", level: 3, text: t.tacticsHeading });
        blocks.push(
          tables.tactics.length
            ? {
                kind: "table",
                header: [t.alternative, t.fiveYearCost, t.leadTime, t.servedFlows, t.digitalMessages, t.costPerDigital, t.recommended],
                rows: tables.tactics.map((a) => [
                  `${a.name} (${m.tactics.kinds[a.tactic]})`,
                  sek(a.fiveYearCostSek),
                  a.leadTimeMonths === null ? "–" : format(t.months, { count: a.leadTimeMonths }),
                  a.flowNames.join(", ") || "–",
                  count(a.digitalMessages),
                  a.costPerDigitalMessageSek === null ? "–" : sek(a.costPerDigitalMessageSek),
                  a.recommended ? format(t.recommendedBecause, { reason: a.recommendationReason }) : "–",
                ]),
              }
            : { kind: "paragraph", text: t.noTactics },
        );
        break;
      case "plan":
        blocks.push({ kind: "heading", level: 3, text: t.planHeading });
        blocks.push(
          tables.flows.length
            ? {
                kind: "table",
                header: [t.rank, m.flows.name, m.flows.plannedTestDate, m.flows.plannedProductionDate, m.flows.status],
                rows: tables.flows.map((f) => [
                  String(f.rank),
                  f.name,
                  day(f.plannedTestDate),
                  day(f.plannedProductionDate),
                  m.flows.statuses[f.status],
                ]),
              }
            : { kind: "paragraph", text: t.noFlows },
        );
        break;
      case "volumes":
        blocks.push({ kind: "heading", level: 3, text: t.volumesHeading });
        blocks.push({
          kind: "table",
          header: [t.year, t.volume, t.digital, t.paper],
          rows: tables.volumes.map((y) => [String(y.year), count(y.volume), count(y.digital), count(y.paper)]),
        });
        break;
      case "businessCase":
        if (tables.businessCase) blocks.push(...businessCaseBlocks(tables.businessCase, locale));
        break;
      case "benefitPlan":
        blocks.push(...benefitPlanBlocks(tables.benefits ?? [], locale));
        break;
      case "benefitEvaluation":
        blocks.push(...benefitEvaluationBlocks(tables.benefits ?? [], locale));
        break;
      case "risks":
        blocks.push(...riskBlocks(tables.risks ?? [], tables.reservePlans ?? [], locale));
        break;
    }
  }
  return blocks;
}
