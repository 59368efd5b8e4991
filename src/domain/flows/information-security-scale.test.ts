import { describe, expect, it } from "vitest";
import { DEFAULT_INFORMATION_SECURITY_SCALE, parseInformationSecurityScale } from "./information-security-scale.ts";

describe("the information security scale", () => {
  it("is the default four levels when the installation names none", () => {
    expect(parseInformationSecurityScale(undefined)).toEqual({ ok: true, scale: DEFAULT_INFORMATION_SECURITY_SCALE });
    expect(parseInformationSecurityScale("  ")).toEqual({ ok: true, scale: DEFAULT_INFORMATION_SECURITY_SCALE });
  });

  it("reads the installation's classes in their order, trimmed", () => {
    expect(parseInformationSecurityScale(" K1 ;K2; K3")).toEqual({ ok: true, scale: ["K1", "K2", "K3"] });
  });

  it("refuses an empty class, a class named twice and one too long", () => {
    expect(parseInformationSecurityScale("K1;;K2").ok).toBe(false);
    expect(parseInformationSecurityScale("K1;K2;K1").ok).toBe(false);
    expect(parseInformationSecurityScale(`K1;${"x".repeat(101)}`).ok).toBe(false);
  });
});
