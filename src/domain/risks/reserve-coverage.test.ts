import { describe, expect, it } from "vitest";
import { RESERVE_SITUATIONS, reserveCoverage } from "./reserve-coverage.ts";

const flows = [
  { id: "f1", name: "Beslut om bygglov" },
  { id: "f2", name: "Fakturor" },
];

describe("the reserve operation's coverage", () => {
  it("answers four situations: Mina meddelanden and the own integration, each short and long", () => {
    expect(RESERVE_SITUATIONS).toEqual([
      { outage: "mina_meddelanden", duration: "kort" },
      { outage: "mina_meddelanden", duration: "lang" },
      { outage: "egen_integration", duration: "kort" },
      { outage: "egen_integration", duration: "lang" },
    ]);
  });

  it("calls out every flow without a plan while nothing covers all flows", () => {
    const c = reserveCoverage(flows, [{ id: "p1", flowId: "f1", outage: "mina_meddelanden" as const, duration: "lang" as const }]);
    expect(c.missing.map((f) => f.id)).toEqual(["f2"]);
    const f1 = c.flows.find((f) => f.flow.id === "f1");
    expect(f1?.situations.find((s) => s.outage === "mina_meddelanden" && s.duration === "lang")?.plans.map((p) => p.id)).toEqual(["p1"]);
    expect(f1?.situations.filter((s) => s.plans.length === 0)).toHaveLength(3);
  });

  it("counts a plan for all flows as covering every flow without its own", () => {
    const c = reserveCoverage(flows, [{ id: "p0", flowId: null, outage: "egen_integration" as const, duration: "kort" as const }]);
    expect(c.missing).toEqual([]);
    expect(c.allFlows.find((s) => s.outage === "egen_integration" && s.duration === "kort")?.plans.map((p) => p.id)).toEqual(["p0"]);
    expect(c.flows.every((f) => !f.hasOwnPlan)).toBe(true);
  });
});
