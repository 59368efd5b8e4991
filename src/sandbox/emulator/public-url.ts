import { isIP } from "node:net";

/**
 * The emulator is known by one address, which every address it hands out starts with (soap:address
 * and schemaLocation in the WSDLs, ServiceAdress in isReachable answers) and every address the app
 * lists too; its server certificate carries that address's host. SANDBOX_PUBLIC_URL names it
 * (config.ts); these are the pieces for when nothing does.
 */

/** Names the server certificate always carries, so a sender on the same machine can connect by any of them. */
export const LOOPBACK_NAMES: readonly string[] = ["localhost", "127.0.0.1", "::1"];

/** The host a sender reaches a listener by when nothing names one: its own address, or localhost for a wildcard. */
export function reachableHost(listenHost: string): string {
  return listenHost === "0.0.0.0" || listenHost === "::" ? "localhost" : listenHost;
}

/** https://host:port, with an IPv6 address in brackets. */
export function httpsOrigin(host: string, port: number): string {
  const bare = host.replace(/^\[|\]$/g, "");
  return new URL(`https://${isIP(bare) === 6 ? `[${bare}]` : bare}:${port}`).origin;
}

/** The host of an address as a certificate names it: an IPv6 address without brackets, a DNS name in lower case. */
export const hostOf = (url: string) => new URL(url).hostname.replace(/^\[|\]$/g, "");
