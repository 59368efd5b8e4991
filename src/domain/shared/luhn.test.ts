import { describe, expect, it } from "vitest";
import { luhnCheckDigit } from "./luhn.ts";

describe("luhnCheckDigit", () => {
  it("computes the check digit over nine digits", () => {
    expect(luhnCheckDigit("202100544")).toBe(8);
    expect(luhnCheckDigit("556036079")).toBe(3);
  });

  it("gives 0 when the weighted sum is already a multiple of ten", () => {
    // 2·1=2, 0, 0, 0, 0, 0, 0, 0, 2·4=8: sum 10.
    expect(luhnCheckDigit("100000004")).toBe(0);
  });
});
