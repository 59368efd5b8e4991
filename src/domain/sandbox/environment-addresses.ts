import { environmentPath } from "../../sandbox/emulator/environment.ts";
import type { Operator } from "../../sandbox/recipients/scenarios.ts";

/** Where the emulator listens, as a sender's system reaches it; null when this installation runs no emulator. */
export type EmulatorLocation = { host: string; port: number } | null;

export type EnvironmentAddresses = {
  recipient: string;
  authority: string;
  services: { operatorId: string; name: string; url: string }[];
  wsdl: { recipient: string; service: string[] };
};

/**
 * An environment's endpoints: everything under /e/{slug}/ on the emulator's own mutual-TLS port.
 * The Authority interface has no WSDL of its own in the emulator (only Recipient and Service do).
 */
export function environmentAddresses(
  location: { host: string; port: number },
  slug: string,
  operators: readonly Operator[],
): EnvironmentAddresses {
  const host = location.host.includes(":") ? `[${location.host}]` : location.host;
  const base = `https://${host}:${location.port}${environmentPath(slug)}`;
  const services = operators.map((o) => ({ operatorId: o.key, name: o.name, url: `${base}/Service/v3/${encodeURIComponent(o.key)}` }));
  return {
    recipient: `${base}/Recipient/v3`,
    authority: `${base}/Authority`,
    services,
    wsdl: { recipient: `${base}/Recipient/v3?wsdl`, service: services.map((s) => `${s.url}?wsdl`) },
  };
}
