import { describe, expect, it } from "vitest";
import { decisionHash, decisionMatchesHash, decisionRecordOf } from "./decision-hash.ts";

const row = {
  id: "0b6f3c1e-6f0a-4c55-9a43-0d8a4a3e2b11",
  initiativeId: "5d2b8f9e-1c3a-4e7b-8f6d-2a9c0b1d3e4f",
  numeral: "II",
  outcome: "go_with_conditions",
  decisionPoints: [{ id: "ii-a", answer: "Ja", motivation: "Underlaget räcker." }],
  conditions: [{ text: "Säkra budget", owner: "Ekonomichefen", dueDate: "2027-01-31" }],
  decidedBy: "7a1c2e3d-4b5f-4a6e-9c8d-1e2f3a4b5c6d",
  decidedByName: "Styrgruppens ordförande",
  decidedOn: "2026-11-27",
  minutes: "Protokoll §4",
  diarienummer: "KS 2026/77",
  incompleteBasisReason: null,
  reported: { timeline: "Q3 2027", messageVolumePerYear: 48000, volumeNote: null },
  basisHash: "a".repeat(64),
  supersedesId: null,
  createdAt: new Date("2026-11-27T10:00:00.000Z"),
};
const stored = { ...row, decisionHash: decisionHash(decisionRecordOf(row)) };

describe("decision hash", () => {
  it("is a SHA-256 that a stored decision matches", () => {
    expect(stored.decisionHash).toMatch(/^[0-9a-f]{64}$/);
    expect(decisionMatchesHash(stored)).toBe(true);
  });

  it("does not depend on the order of keys in the stored JSON", () => {
    const reordered = { ...stored, reported: { volumeNote: null, messageVolumePerYear: 48000, timeline: "Q3 2027" } };
    expect(decisionMatchesHash(reordered)).toBe(true);
  });

  it.each([
    ["the outcome", { outcome: "stop" }],
    ["an answer", { decisionPoints: [{ id: "ii-a", answer: "Nej", motivation: "Underlaget räcker." }] }],
    ["a motivation", { decisionPoints: [{ id: "ii-a", answer: "Ja", motivation: "Annan motivering." }] }],
    ["a condition", { conditions: [{ text: "Säkra budget", owner: "Ekonomichefen", dueDate: "2027-06-30" }] }],
    ["the decider's id", { decidedBy: "00000000-0000-4000-8000-000000000000" }],
    ["the decider's name", { decidedByName: "Någon annan" }],
    ["the day", { decidedOn: "2026-11-28" }],
    ["the minutes", { minutes: "Protokoll §5" }],
    ["the reported figures", { reported: { timeline: "Q3 2027", messageVolumePerYear: 1, volumeNote: null } }],
    ["the basis hash", { basisHash: "b".repeat(64) }],
    ["what it supersedes", { supersedesId: "1b6f3c1e-6f0a-4c55-9a43-0d8a4a3e2b11" }],
  ])("no longer matches when %s changed", (_what, change) => {
    expect(decisionMatchesHash({ ...stored, ...change })).toBe(false);
  });

  it("has nothing to compare for a decision recorded before decisions were hashed", () => {
    expect(decisionMatchesHash({ ...row, decisionHash: null })).toBeNull();
  });
});
