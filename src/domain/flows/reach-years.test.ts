import { describe, expect, it } from "vitest";
import { reachShare } from "../forecast/reach-curve.ts";
import { flowSettingsIssues } from "./flow-settings-input.ts";
import { reachYears } from "./reach-years.ts";

describe("reachYears", () => {
  it("gives each recipient type the default's December share beside the initiative's own, year by year", () => {
    const years = reachYears(2027, 3, { foretag: { "2028": 0.4 } });
    expect(years.foretag.map((y) => [y.year, y.override])).toEqual([
      [2027, null],
      [2028, 0.4],
      [2029, null],
    ]);
    expect(years.privatperson[0]?.defaultShare).toBe(reachShare("privatperson", 2027 * 12 + 11));
    // An override never hides the default it replaces.
    expect(years.foretag[1]?.defaultShare).toBe(reachShare("foretag", 2028 * 12 + 11));
    expect(years.blandat).toHaveLength(3);
  });
});

describe("flowSettingsIssues", () => {
  const weights = { volume: 50, processChange: 25, serviceImprovement: 25 };
  it("names each year outside 2000–2100 and weights that are all zero", () => {
    expect(flowSettingsIssues({ reachOverrides: { privatperson: { "2000": 0.1, "2100": 0.9 } }, priorityWeights: weights })).toEqual([]);
    expect(
      flowSettingsIssues({
        reachOverrides: { privatperson: { "1999": 0.1 }, blandat: { "2101": 0.5 } },
        priorityWeights: { volume: 0, processChange: 0, serviceImprovement: 0 },
      }).map((i) => [i.path.join("."), i.code]),
    ).toEqual([
      ["reachOverrides.privatperson.1999", "year_range"],
      ["reachOverrides.blandat.2101", "year_range"],
      ["priorityWeights", "weights_all_zero"],
    ]);
  });
});
