import { describe, expect, it } from "vitest";
import { checkStatusChange, editCreatesNewVersion } from "./deliverable-status.ts";

describe("deliverable status", () => {
  it("moves utkast → för granskning → fastställd", () => {
    expect(checkStatusChange("utkast", "for_granskning", ["deltagare"])).toEqual({ ok: true });
    expect(checkStatusChange("for_granskning", "faststalld", ["projektledare"])).toEqual({ ok: true });
    expect(checkStatusChange("for_granskning", "utkast", ["deltagare"])).toEqual({ ok: true });
  });

  it("lets only projektledare or verksamhetsägare fastställa", () => {
    expect(checkStatusChange("for_granskning", "faststalld", ["deltagare", "styrgrupp"])).toEqual({
      ok: false,
      reason: "role_may_not_approve",
    });
    expect(checkStatusChange("utkast", "faststalld", ["verksamhetsagare"])).toEqual({ ok: true });
  });

  it("never changes a fastställd version; editing it makes a new version", () => {
    expect(checkStatusChange("faststalld", "utkast", ["projektledare"])).toEqual({ ok: false, reason: "not_allowed_transition" });
    expect(editCreatesNewVersion("faststalld")).toBe(true);
    expect(editCreatesNewVersion("utkast")).toBe(false);
  });
});
