import { describe, expect, it } from "vitest";
import { basisChangedSince, buildBasisSnapshot } from "./basis-snapshot.ts";
import type { DeliverableState } from "./milestone-rules.ts";

const hash = (c: string) => c.repeat(64);
const doc = (latest: DeliverableState["latest"], approved: DeliverableState["approved"]): DeliverableState => ({
  id: "d1",
  typeId: "idebeskrivning",
  title: "Idébeskrivning",
  latest,
  approved,
});
const snapshotOf = (state: DeliverableState) =>
  buildBasisSnapshot({
    methodVersion: "1.2",
    numeral: "I",
    basisTypeIds: ["idebeskrivning"],
    deliverables: [state],
    preparations: [],
    reported: { timeline: null, messageVolumePerYear: null, volumeNote: null },
  }).snapshot;

describe("basisChangedSince", () => {
  const v1 = { version: 1, contentHash: hash("a") };
  const draftV2 = { version: 2, status: "utkast" as const, contentHash: hash("b") };

  it("ignores an utkast after the fastställd version the decision was taken on", () => {
    const atDecision = doc(draftV2, v1);
    expect(snapshotOf(atDecision).deliverables[0]).toMatchObject({ version: 1, status: "faststalld" });
    expect(basisChangedSince(snapshotOf(atDecision), [atDecision])).toBe(false);
    expect(basisChangedSince(snapshotOf(atDecision), [doc({ ...draftV2, version: 3 }, v1)])).toBe(false);
  });

  it("counts a new fastställd version or changed fastställd content", () => {
    const snapshot = snapshotOf(doc(draftV2, v1));
    expect(basisChangedSince(snapshot, [doc({ ...draftV2, status: "faststalld" }, { version: 2, contentHash: hash("b") })])).toBe(true);
    expect(basisChangedSince(snapshot, [doc(draftV2, { version: 1, contentHash: hash("c") })])).toBe(true);
    expect(basisChangedSince(snapshot, [])).toBe(true);
  });

  it("counts an edit to an unfastställd document decided on, but not its fastställande unchanged", () => {
    const snapshot = snapshotOf(doc({ version: 1, status: "utkast", contentHash: hash("a") }, null));
    expect(basisChangedSince(snapshot, [doc({ version: 1, status: "faststalld", contentHash: hash("a") }, v1)])).toBe(false);
    expect(basisChangedSince(snapshot, [doc({ version: 1, status: "utkast", contentHash: hash("d") }, null)])).toBe(true);
  });
});
