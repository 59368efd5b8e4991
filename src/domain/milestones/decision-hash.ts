import { contentHash } from "../shared/content-hash.ts";
import type { Reported } from "./basis-snapshot.ts";

/**
 * Everything a recorded decision says, as hashed: the basis hash covers what the decision was
 * taken on, this covers the decision itself — outcome, the answer and motivation per decision
 * point, conditions, who decided (id and name), the day, minutes, diarienummer, the reason for an
 * incomplete basis, the reported figures, which decision it supersedes, and the basis hash, so
 * one hash pins the whole record. The decision's own id and time bind it to its row.
 */
export type DecisionRecord = {
  id: string;
  initiativeId: string;
  numeral: string;
  outcome: string;
  decisionPoints: readonly { id: string; answer: string; motivation: string }[];
  conditions: readonly { text: string; owner: string; dueDate: string }[];
  deciders: readonly { id: string; name: string }[];
  decidedOn: string;
  minutes: string;
  diarienummer: string | null;
  incompleteBasisReason: string | null;
  reported: Reported;
  basisHash: string;
  supersedesId: string | null;
  createdAt: string;
};

/** The decision hash's format: a later change of what is covered gets a new version, never a silent one. */
const FORMAT = "ansluta-milestone-decision/1";

/** SHA-256 over RFC 8785 canonical JSON of the record: the same record always gives the same hash. */
export function decisionHash(record: DecisionRecord): string {
  return contentHash({ format: FORMAT, ...record });
}

/** A stored decision row's record, read back the way it was hashed. */
export function decisionRecordOf(row: {
  id: string;
  initiativeId: string;
  numeral: string;
  outcome: string;
  decisionPoints: unknown;
  conditions: unknown;
  decidedBy: string;
  decidedByName: string;
  decidedOn: string;
  minutes: string;
  diarienummer: string | null;
  incompleteBasisReason: string | null;
  reported: unknown;
  basisHash: string;
  supersedesId: string | null;
  createdAt: Date;
}): DecisionRecord {
  return {
    id: row.id,
    initiativeId: row.initiativeId,
    numeral: row.numeral,
    outcome: row.outcome,
    decisionPoints: row.decisionPoints as DecisionRecord["decisionPoints"],
    conditions: row.conditions as DecisionRecord["conditions"],
    deciders: [{ id: row.decidedBy, name: row.decidedByName }],
    decidedOn: row.decidedOn,
    minutes: row.minutes,
    diarienummer: row.diarienummer,
    incompleteBasisReason: row.incompleteBasisReason,
    reported: row.reported as Reported,
    basisHash: row.basisHash,
    supersedesId: row.supersedesId,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Whether a stored decision still says what it said when recorded: null for a decision recorded
 * before decisions were hashed (it has no hash to compare with).
 */
export function decisionMatchesHash(row: Parameters<typeof decisionRecordOf>[0] & { decisionHash: string | null }): boolean | null {
  if (row.decisionHash === null) return null;
  return decisionHash(decisionRecordOf(row)) === row.decisionHash;
}
