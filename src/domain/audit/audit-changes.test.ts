import { describe, expect, it } from "vitest";
import { auditFieldChanges, nextDay, stockholmDayStart } from "./audit-changes.ts";

describe("auditFieldChanges", () => {
  it("lists only the fields whose value differs, before → after", () => {
    expect(auditFieldChanges({ name: "A", roles: ["deltagare"], id: "x" }, { name: "A", roles: ["deltagare", "lasare"], id: "x" })).toEqual(
      [{ field: "roles", before: '["deltagare"]', after: '["deltagare","lasare"]' }],
    );
  });

  it("shows a created entity's fields as new and a removed one's as gone", () => {
    expect(auditFieldChanges(null, { name: "Bygglov", status: "utkast" })).toEqual([
      { field: "name", before: null, after: "Bygglov" },
      { field: "status", before: null, after: "utkast" },
    ]);
    expect(auditFieldChanges({ name: "Bygglov" }, null)).toEqual([{ field: "name", before: "Bygglov", after: null }]);
  });

  it("has nothing to show for an entry without state, and cuts long values", () => {
    expect(auditFieldChanges(null, null)).toEqual([]);
    const [change] = auditFieldChanges({ text: "" }, { text: "x".repeat(500) });
    expect(change?.after).toHaveLength(160);
    expect(change?.after?.endsWith("…")).toBe(true);
  });

  it("treats a state that is not an object as one value", () => {
    expect(auditFieldChanges([1], [1, 2])).toEqual([{ field: "", before: "[1]", after: "[1,2]" }]);
  });
});

describe("Stockholm days", () => {
  it("starts a winter day at 23:00 UTC the evening before, and a summer day at 22:00", () => {
    expect(stockholmDayStart("2026-12-06")).toBe("2026-12-05T23:00:00.000Z");
    expect(stockholmDayStart("2026-07-01")).toBe("2026-06-30T22:00:00.000Z");
  });

  it("moves to the next calendar day across a month's end", () => {
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
  });
});
