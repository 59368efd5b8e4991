import { describe, expect, it } from "vitest";
import { readConfig } from "./config.ts";

describe("SANDBOX_OPERATORS", () => {
  it("names every operator as usual when unset", () => {
    expect(readConfig({}).SANDBOX_OPERATORS).toEqual([
      { id: "kivra", name: "Kivra" },
      { id: "minmyndighetspost", name: "Min myndighetspost" },
      { id: "billo", name: "Billo" },
      { id: "fortnox", name: "Fortnox" },
    ]);
  });

  it("renames the operators it lists, keeping the others' usual names", () => {
    const { SANDBOX_OPERATORS } = readConfig({ SANDBOX_OPERATORS: "kivra=Brevlådan Test, fortnox = Fortnox Mail" });
    expect(SANDBOX_OPERATORS).toEqual([
      { id: "kivra", name: "Brevlådan Test" },
      { id: "minmyndighetspost", name: "Min myndighetspost" },
      { id: "billo", name: "Billo" },
      { id: "fortnox", name: "Fortnox Mail" },
    ]);
  });

  it.each([
    ["an unknown operator", "eboks=e-Boks"],
    ["a pair without a name", "kivra="],
    ["a pair without =", "kivra"],
    ["an operator named twice", "kivra=A,kivra=B"],
  ])("refuses %s as an invalid environment", (_, value) => {
    expect(() => readConfig({ SANDBOX_OPERATORS: value })).toThrow(/Invalid environment:\n {2}SANDBOX_OPERATORS: /);
  });
});
