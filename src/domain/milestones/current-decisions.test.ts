import { describe, expect, it } from "vitest";
import { currentDecisions, outcomesOf } from "./current-decisions.ts";

const d = (id: string, numeral: string, outcome: string, supersedesId: string | null = null) => ({ id, numeral, outcome, supersedesId });

describe("currentDecisions", () => {
  it("takes the newest decision per milestone that nothing supersedes", () => {
    const newestFirst = [d("c", "I", "go", "a"), d("b", "II", "rework"), d("a", "I", "stop")];
    const current = currentDecisions(newestFirst);
    expect([...current].map(([n, x]) => [n, x.id])).toEqual([
      ["I", "c"],
      ["II", "b"],
    ]);
    expect(outcomesOf(current).get("I")).toBe("go");
  });

  it("skips a superseded decision even when it is the newest", () => {
    // A superseding decision recorded with an older timestamp (clock skew between app servers).
    const current = currentDecisions([d("new", "I", "stop"), d("old", "I", "go", "new")]);
    expect(current.get("I")?.id).toBe("old");
  });
});
