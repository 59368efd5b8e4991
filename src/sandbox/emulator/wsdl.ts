import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fromProjectRoot } from "../../project-root.ts";

/**
 * The WSDLs as the emulator serves them: `soap:address` points at the emulator and the imported
 * schemas at its `/schema/` copies, so a client can generate stubs from the URL alone. Recipient
 * and Service are the official v3 WSDLs; for Authority only a v1 WSDL was ever published, and the
 * emulator serves our transcription of its getSenders operation (contract/ansluta/Authority.wsdl,
 * the contract's names throughout), the one Authority operation it answers.
 */

const CONTRACT = fromProjectRoot("src", "sandbox", "contract");

export type WsdlName = "Recipient" | "Service" | "Authority";

const wsdlSource: Record<WsdlName, string> = {
  Recipient: readFileSync(join(CONTRACT, "Recipient.wsdl"), "utf8"),
  Service: readFileSync(join(CONTRACT, "Service.wsdl"), "utf8"),
  Authority: readFileSync(join(CONTRACT, "ansluta", "Authority.wsdl"), "utf8"),
};

export function wsdlFor(name: WsdlName, endpointUrl: string, baseUrl: string): string {
  return wsdlSource[name]
    .replace(/(<soap:address\s+location=")[^"]*(")/g, `$1${endpointUrl}$2`)
    .replace(/schemaLocation="schema\//g, `schemaLocation="${baseUrl}/schema/`);
}

/** The XSDs under contract/schema, by their path relative to it ("v3/Service.xsd"): the only files /schema/ serves. */
export const SCHEMA_FILES: ReadonlyMap<string, string> = new Map(
  readdirSync(join(CONTRACT, "schema"), { recursive: true, encoding: "utf8" })
    .filter((entry) => entry.endsWith(".xsd"))
    .map((entry) => [entry.split("\\").join("/"), readFileSync(join(CONTRACT, "schema", entry), "utf8")]),
);
