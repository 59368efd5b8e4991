import { describe, expect, it } from "vitest";
import { formNumber, readSwedishNumber } from "./swedish-number.ts";

describe("a number typed the Swedish way", () => {
  it.each([
    ["12 000", 12_000],
    ["12\u00a0000,50", 12_000.5],
    ["12\u202f000", 12_000],
    ["0,085", 0.085],
    ["1234.5", 1234.5],
    ["\u22123", -3],
    ["+7", 7],
    [",5", 0.5],
  ])("reads %j as %d", (text, value) => {
    expect(readSwedishNumber(text)).toBe(value);
  });

  it.each(["", "tolv", "1,234,567", "12 000 kr", "1e3", "--1", "8,5 %"])("reads no number in %j", (text) => {
    expect(readSwedishNumber(text)).toBeNull();
  });

  it("reads per cents as shares only when asked", () => {
    expect(readSwedishNumber("8,5 %", { percent: true })).toBeCloseTo(0.085, 10);
    expect(readSwedishNumber("8,5", { percent: true })).toBe(8.5);
  });

  it("gives a form's schema the number, nothing for an empty field, or the text to refuse", () => {
    expect(formNumber(" 11,50 ")).toBe(11.5);
    expect(formNumber("  ")).toBeUndefined();
    expect(formNumber("elva")).toBe("elva");
  });
});
