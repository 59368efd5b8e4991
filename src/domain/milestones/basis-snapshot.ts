import type { MilestoneNumeral } from "../../method/types.ts";
import { contentHash } from "../shared/content-hash.ts";
import type { DeliverableState } from "./milestone-rules.ts";

/**
 * Exactly what a decision was taken on: for each basis deliverable the version decided on (its
 * latest fastställd version, else its latest), the prepared proposals, and the reported figures.
 * It is stored with the decision together with its SHA-256.
 */
export type BasisSnapshot = {
  methodVersion: string;
  numeral: MilestoneNumeral;
  deliverables: { deliverableId: string; typeId: string; title: string; version: number; status: string; contentHash: string }[];
  preparations: { decisionPointId: string; proposal: string }[];
  reported: Reported;
};

/**
 * What the decider added for the förvaltningsgrupp. The timeline and volumes are computed from the
 * flows since issue 11; typed ones are still taken (and older decisions carry them), and `note` is
 * the decider's comment appended to the communication (absent on decisions made before it existed).
 */
export type Reported = { timeline: string | null; messageVolumePerYear: number | null; volumeNote: string | null; note?: string | null };

export function buildBasisSnapshot(input: {
  methodVersion: string;
  numeral: MilestoneNumeral;
  basisTypeIds: readonly string[];
  deliverables: readonly DeliverableState[];
  preparations: readonly { decisionPointId: string; proposal: string }[];
  reported: Reported;
}): { snapshot: BasisSnapshot; hash: string } {
  const deliverables = input.deliverables
    .filter((d) => input.basisTypeIds.includes(d.typeId))
    .map((d) => {
      const decidedOn = d.approved ?? d.latest;
      return {
        deliverableId: d.id,
        typeId: d.typeId,
        title: d.title,
        version: decidedOn.version,
        status: d.approved ? "faststalld" : d.latest.status,
        contentHash: decidedOn.contentHash,
      };
    })
    .sort((a, b) => a.typeId.localeCompare(b.typeId) || a.deliverableId.localeCompare(b.deliverableId));
  const preparations = [...input.preparations].sort((a, b) => a.decisionPointId.localeCompare(b.decisionPointId));
  const snapshot: BasisSnapshot = {
    methodVersion: input.methodVersion,
    numeral: input.numeral,
    deliverables,
    preparations,
    reported: input.reported,
  };
  return { snapshot, hash: contentHash(snapshot) };
}

/**
 * True when the basis a decision was taken on has changed since: a document's version that would be
 * decided on now (its latest fastställd version, else its latest) differs from the one in the
 * snapshot. An utkast after a fastställd version is work in progress, not a changed basis — whether
 * it was written before or after the decision — until it is fastställd itself.
 */
export function basisChangedSince(snapshot: BasisSnapshot, now: readonly DeliverableState[]): boolean {
  return snapshot.deliverables.some((s) => {
    const current = now.find((d) => d.id === s.deliverableId);
    if (!current) return true;
    const decidedOnNow = current.approved ?? current.latest;
    return decidedOnNow.version !== s.version || decidedOnNow.contentHash !== s.contentHash;
  });
}
