import { describe, expect, it } from "vitest";
import { heatMap, reviewOverdue, riskLevel, riskScore } from "./risk-score.ts";

describe("risk scores", () => {
  it("multiplies probability and consequence and bands the product", () => {
    expect(riskScore(3, 4)).toBe(12);
    expect([1, 4, 5, 9, 10, 14, 15, 25].map(riskLevel)).toEqual(["lag", "lag", "medel", "medel", "hog", "hog", "mycket_hog", "mycket_hog"]);
  });

  it("places open risks in their cell, probability 5 in the top row, and leaves closed ones out", () => {
    const risks = [
      { id: "a", probability: 5 as const, consequence: 1 as const, status: "identifierad" as const },
      { id: "b", probability: 1 as const, consequence: 5 as const, status: "hanteras" as const },
      { id: "c", probability: 1 as const, consequence: 5 as const, status: "stangd" as const },
    ];
    const map = heatMap(risks);
    expect(map).toHaveLength(5);
    expect(map[0]?.[0]).toMatchObject({ probability: 5, consequence: 1, score: 5, level: "medel" });
    expect(map[0]?.[0]?.risks.map((r) => r.id)).toEqual(["a"]);
    expect(map[4]?.[4]?.risks.map((r) => r.id)).toEqual(["b"]);
    expect(map.flat().reduce((n, cell) => n + cell.risks.length, 0)).toBe(2);
  });

  it("calls a review overdue once its day has passed, unless the risk is closed", () => {
    expect(reviewOverdue({ status: "hanteras", reviewDate: "2027-01-01" }, "2027-01-02")).toBe(true);
    expect(reviewOverdue({ status: "hanteras", reviewDate: "2027-01-02" }, "2027-01-02")).toBe(false);
    expect(reviewOverdue({ status: "stangd", reviewDate: "2026-01-01" }, "2027-01-02")).toBe(false);
    expect(reviewOverdue({ status: "identifierad", reviewDate: null }, "2027-01-02")).toBe(false);
  });
});
