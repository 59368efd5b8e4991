/**
 * The risk and vulnerability analysis's arithmetic (issue 12): probability and consequence on 1–5, the
 * score their product (1–25), a level for the heat map, and whether a review is overdue. The bands
 * are the common 5×5 matrix's: 1–4 låg, 5–9 medel, 10–14 hög, 15–25 mycket hög.
 */

export const RISK_CATEGORIES = ["verksamhet", "teknik", "juridik", "informationssakerhet", "leverantor", "tidplan"] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

export const RISK_STATUSES = ["identifierad", "hanteras", "accepterad", "stangd"] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

export type Scale = 1 | 2 | 3 | 4 | 5;
export const SCALE: readonly Scale[] = [1, 2, 3, 4, 5];

export type RiskLevel = "lag" | "medel" | "hog" | "mycket_hog";

export const riskScore = (probability: Scale, consequence: Scale) => probability * consequence;

export function riskLevel(score: number): RiskLevel {
  if (score >= 15) return "mycket_hog";
  if (score >= 10) return "hog";
  if (score >= 5) return "medel";
  return "lag";
}

/** A review is overdue once its day has passed for a risk that is not closed. */
export const reviewOverdue = (risk: { status: RiskStatus; reviewDate: string | null }, today: string) =>
  risk.status !== "stangd" && risk.reviewDate !== null && risk.reviewDate < today;

export type HeatMapCell<R> = { probability: Scale; consequence: Scale; score: number; level: RiskLevel; risks: R[] };

/** A square of the heat map with its risks counted: what a chart draws, on the page and in a document. */
export type MatrixCell = Omit<HeatMapCell<never>, "risks"> & { count: number };

export const countedCells = <R>(cells: readonly HeatMapCell<R>[][]): MatrixCell[][] =>
  cells.map((row) => row.map(({ risks, ...cell }) => ({ ...cell, count: risks.length })));

/**
 * The 5×5 heat map: rows from probability 5 (top) down to 1, columns consequence 1 to 5, each cell with
 * the open risks in it. Closed risks are left out: the map shows what threatens the initiative now.
 */
export function heatMap<R extends { probability: Scale; consequence: Scale; status: RiskStatus }>(risks: readonly R[]): HeatMapCell<R>[][] {
  return [...SCALE].reverse().map((probability) =>
    SCALE.map((consequence) => {
      const score = riskScore(probability, consequence);
      return {
        probability,
        consequence,
        score,
        level: riskLevel(score),
        risks: risks.filter((r) => r.status !== "stangd" && r.probability === probability && r.consequence === consequence),
      };
    }),
  );
}
