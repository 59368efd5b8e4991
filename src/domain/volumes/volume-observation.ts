import type { DeliveryOutcome } from "./volume-series.ts";

/**
 * One message-traffic event as the volume follow-up counts it, whatever produced it: a lookup
 * (isReachable) or an attempt to deliver, with what became of it and through which operator.
 * The test series maps the emulator's recorded calls into this (db/repositories/sandbox-volume-mapper.ts);
 * production volumes will come from elsewhere in the same shape, so nothing here knows the emulator.
 */
export type VolumeObservation =
  | { at: Date; kind: "lookup" }
  | { at: Date; kind: "delivery"; outcome: DeliveryOutcome; operatorId: string | null };
