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

describe("TRUST_PROXY", () => {
  it.each([
    [undefined, 0],
    ["false", 0],
    ["0", 0],
    ["true", 1],
    ["1", 1],
    ["2", 2],
  ])("reads %j as %i trusted proxy hops", (value, hops) => {
    expect(readConfig(value === undefined ? {} : { TRUST_PROXY: value }).TRUST_PROXY).toBe(hops);
  });

  it.each(["yes", "-1", "1.5", "all", "100"])("refuses %j as an invalid environment", (value) => {
    expect(() => readConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY: /);
  });
});
