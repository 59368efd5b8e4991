import { describe, expect, it } from "vitest";
import {
  approvalBlockers,
  checkStatusChange,
  editCreatesNewVersion,
  isBlocked,
  missingRequiredSections,
  versionAuthors,
} from "./deliverable-status.ts";

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

describe("fastställa", () => {
  const template = [
    { id: "bakgrund", required: true },
    { id: "ekonomi", required: false },
    { id: "effekter", required: true },
  ];
  const written = { bakgrund: "Vi skickar 4 000 brev.", ekonomi: "", effekter: "Lägre portokostnad." };
  const base = { template, actorId: "granskare", requiresSecondApprover: true };

  it("needs every required section written; blank or white space is not written, optional sections may stay empty", () => {
    expect(missingRequiredSections(template, { bakgrund: "  \n", effekter: "" })).toEqual(["bakgrund", "effekter"]);
    expect(missingRequiredSections(template, { effekter: "Text." })).toEqual(["bakgrund"]);
    expect(missingRequiredSections(template, written)).toEqual([]);
  });

  it("takes the creator and the last writer of the version as its authors", () => {
    expect(versionAuthors({ createdBy: "anna", lastEditedBy: "bo" })).toEqual(["anna", "bo"]);
    expect(versionAuthors({ createdBy: "anna", lastEditedBy: "anna" })).toEqual(["anna"]);
    expect(versionAuthors({ createdBy: null, lastEditedBy: null })).toEqual([]);
  });

  it("keeps an author from fastställa their own version when the organisation requires a second person", () => {
    const version = { sections: written, createdBy: "anna", lastEditedBy: "bo" };
    expect(approvalBlockers({ ...base, version, actorId: "anna" })).toEqual({ missingSections: [], secondPersonRequired: true });
    expect(approvalBlockers({ ...base, version, actorId: "bo" })).toEqual({ missingSections: [], secondPersonRequired: true });
    expect(approvalBlockers({ ...base, version, actorId: "cecilia" })).toEqual({ missingSections: [], secondPersonRequired: false });
    expect(isBlocked(approvalBlockers({ ...base, version, actorId: "cecilia" }))).toBe(false);
  });

  it("lets the author fastställa when the organisation has turned the second person off, but never an empty document", () => {
    const version = { sections: { bakgrund: "", effekter: "" }, createdBy: "anna", lastEditedBy: "anna" };
    const verdict = approvalBlockers({ ...base, version, actorId: "anna", requiresSecondApprover: false });
    expect(verdict).toEqual({ missingSections: ["bakgrund", "effekter"], secondPersonRequired: false });
    expect(isBlocked(verdict)).toBe(true);
  });
});
