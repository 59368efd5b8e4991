import { environmentPath } from "../../sandbox/emulator/environment.ts";
import type { Operator } from "../../sandbox/recipients/scenarios.ts";

/** The address a sender's system reaches the emulator at (https://host:port, sandboxPublicUrl); null when this installation runs no emulator. */
export type EmulatorLocation = string | null;

export type EnvironmentAddresses = {
  recipient: string;
  authority: string;
  services: { operatorId: string; name: string; url: string }[];
  wsdl: { recipient: string; authority: string; service: string[] };
};

/** An environment's endpoints and their WSDLs: everything under /e/{slug}/ at the emulator's one address. */
export function environmentAddresses(emulatorUrl: string, slug: string, operators: readonly Operator[]): EnvironmentAddresses {
  const base = `${new URL(emulatorUrl).origin}${environmentPath(slug)}`;
  const services = operators.map((o) => ({ operatorId: o.key, name: o.name, url: `${base}/Service/v3/${encodeURIComponent(o.key)}` }));
  return {
    recipient: `${base}/Recipient/v3`,
    authority: `${base}/Authority`,
    services,
    wsdl: {
      recipient: `${base}/Recipient/v3?wsdl`,
      authority: `${base}/Authority?wsdl`,
      service: services.map((s) => `${s.url}?wsdl`),
    },
  };
}
