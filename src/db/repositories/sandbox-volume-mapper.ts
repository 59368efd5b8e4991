import type { VolumeObservation } from "../../domain/volumes/volume-observation.ts";
import type { Endpoint, EventOutcome } from "../../sandbox/emulator/events.ts";

/** What the volume follow-up reads of a recorded emulator call (a sandbox_events row has all of it). */
export type RecordedCall = {
  at: Date;
  endpoint: Endpoint;
  operation: string | null;
  outcome: EventOutcome;
  operatorId: string | null;
  httpStatus: number | null;
  loadTestId: string | null;
};

/**
 * A recorded call as a volume observation, or null when it is not message traffic. A lookup is an
 * isReachable that reached the emulator's parser. A delivery is any POST the emulator took at a
 * Service endpoint, since those serve deliverSecure only: one refused before it was read (no
 * client certificate, too large, not XML) has no operation yet but was still an attempt to
 * deliver, and counts as refused. A 404 or 405 there answered a GET or another method, not a SOAP
 * call. WSDL and schema fetches, isRegistered and getSenders are not volumes.
 */
export function volumeObservationOf(call: Omit<RecordedCall, "loadTestId">): VolumeObservation | null {
  if (call.operation === "isReachable") return { at: call.at, kind: "lookup" };
  const atService = call.endpoint === "service" && (call.operation === "deliverSecure" || call.operation === null);
  const notSoap = call.httpStatus === 404 || call.httpStatus === 405;
  if (!atService || notSoap || call.outcome === "answered") return null;
  return { at: call.at, kind: "delivery", outcome: call.outcome, operatorId: call.operatorId };
}

/**
 * The calls as observations for a test series. Calls made during a load test are left out (a
 * synthetic burst at a rate the organisation picked, thousands of calls in minutes) and counted.
 */
export function volumeObservationsOf(calls: readonly RecordedCall[]): { observations: VolumeObservation[]; loadTestCalls: number } {
  const observations: VolumeObservation[] = [];
  let loadTestCalls = 0;
  for (const call of calls) {
    if (call.loadTestId !== null) loadTestCalls += 1;
    else {
      const o = volumeObservationOf(call);
      if (o) observations.push(o);
    }
  }
  return { observations, loadTestCalls };
}
