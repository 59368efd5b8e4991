import { describe, expect, it } from "vitest";
import { methodToJson } from "./to-json.ts";
import { methodV12 } from "./v1.2/index.ts";

describe("methodToJson", () => {
  const json = methodToJson(methodV12);

  it("survives a JSON round trip unchanged", () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it("keeps localised texts as { sv, en }", () => {
    expect(json.name).toEqual({
      sv: "Metod för anslutning till Mina meddelanden",
      en: "Method for connecting to Mina meddelanden",
    });
    expect(json.phases[0]?.name).toEqual({ sv: "Identifiera behov", en: "Identify needs" });
  });

  it("exposes the public fields of each phase, milestone and deliverable type", () => {
    expect(Object.keys(json)).toEqual(["id", "version", "name", "phases", "milestones", "deliverableTypes"]);
    expect(Object.keys(json.phases[0] ?? {})).toEqual(["number", "id", "section", "name", "purpose", "activities", "results"]);
    expect(Object.keys(json.milestones[0] ?? {})).toEqual([
      "numeral",
      "afterPhase",
      "section",
      "name",
      "summary",
      "purpose",
      "decisionPoints",
      "basis",
      "preparedBy",
      "decidedBy",
      "inform",
    ]);
    expect(Object.keys(json.deliverableTypes[0] ?? {})).toEqual(["id", "name", "purpose", "producedInPhase", "inAppendix1", "template"]);
  });

  it("turns absent optional texts into null so every item has the same keys", () => {
    const activity = json.phases[0]?.activities.find((candidate) => candidate.id === "gor-initial-ekonomisk-bedomning");
    expect(activity?.description).toBeNull();
    const basis = json.milestones.find((milestone) => milestone.numeral === "I")?.basis[0];
    expect(basis).toEqual({ deliverableTypeId: "idebeskrivning", required: true, note: null });
  });

  it("returns a copy, so changing the response cannot change the method", () => {
    const copy = methodToJson(methodV12);
    const phase = copy.phases[0];
    if (phase === undefined) throw new Error("no phase");
    (phase.name as { sv: string }).sv = "changed";
    phase.results.push("changed");
    expect(methodV12.phases[0]?.name.sv).toBe("Identifiera behov");
    expect(methodV12.phases[0]?.results).not.toContain("changed");
  });
});
