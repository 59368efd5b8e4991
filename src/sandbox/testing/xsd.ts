import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { validateXML } from "xmllint-wasm";
import { elementChildren } from "../soap/dom.ts";
import { openEnvelope } from "../soap/envelope.ts";
import { NS } from "../soap/namespaces.ts";
import { parseXmlSafely } from "../soap/safe-xml.ts";
import { serializeStandalone } from "../soap/xml-serialize.ts";

/**
 * Validation against the official XSDs with libxml2 (xmllint compiled to WebAssembly, no network,
 * no native build). The contract has no schema for the SOAP envelope, so a document is either the
 * Body's payload (for a fault, the declared fault element inside detail: payloadOf), which is what
 * the WSDLs describe, or a whole envelope, which our transcription of the SOAP 1.1 envelope
 * (contract/ansluta/SOAP-1.1-envelope.xsd) validates, with the contract's schemas judging what its
 * Body and a fault's detail carry. Faults that carry no detail (VersionMismatch, MustUnderstand)
 * can only be validated whole.
 */

const CONTRACT = join(import.meta.dirname, "..", "contract");

function schemaFiles() {
  const files: { fileName: string; contents: string }[] = [];
  for (const entry of readdirSync(join(CONTRACT, "schema"), { recursive: true, encoding: "utf8" })) {
    if (entry.endsWith(".xsd"))
      files.push({ fileName: `schema/${entry}`, contents: readFileSync(join(CONTRACT, "schema", entry), "utf8") });
  }
  for (const own of ["Authority-getSenders.xsd", "SOAP-1.1-envelope.xsd"]) {
    files.push({ fileName: `ansluta/${own}`, contents: readFileSync(join(CONTRACT, "ansluta", own), "utf8") });
  }
  return files;
}

/** One schema that imports every namespace whose elements the sender-facing services exchange. */
const DRIVER = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="${NS.service3}" schemaLocation="schema/v3/Service.xsd"/>
  <xs:import namespace="${NS.recipient3}" schemaLocation="schema/v3/Recipient.xsd"/>
  <xs:import namespace="${NS.common3}" schemaLocation="schema/v3/Common.xsd"/>
  <xs:import namespace="${NS.authorityWsdl}" schemaLocation="ansluta/Authority-getSenders.xsd"/>
  <xs:import namespace="${NS.soap11}" schemaLocation="ansluta/SOAP-1.1-envelope.xsd"/>
</xs:schema>`;

/** The element the XSDs describe: the Body's child, or the fault element inside a soap:Fault's detail. */
export function payloadOf(envelopeXml: string): string {
  const parsed = parseXmlSafely(envelopeXml);
  if (!parsed.ok) throw new Error(parsed.refusal.message);
  const opened = openEnvelope(parsed.document);
  let payload = opened.payload;
  if (!payload) throw new Error("no payload");
  if (payload.localName === "Fault" && payload.namespaceURI === NS.soap11) {
    const detail = elementChildren(payload).find((c) => c.localName === "detail");
    payload = detail ? (elementChildren(detail)[0] ?? null) : null;
    if (!payload) throw new Error("fault without detail");
  }
  return serializeStandalone(payload, { style: "as-sent" });
}

export type XsdResult = { name: string; valid: boolean; errors: string[] };

/** Validates several documents, payloads or whole envelopes, in one xmllint run (starting the WebAssembly module is the slow part). */
export async function validateAgainstContract(documents: { name: string; xml: string }[]): Promise<XsdResult[]> {
  const files = documents.map((d, i) => ({ fileName: `doc-${i}.xml`, contents: d.xml }));
  const result = await validateXML({
    xml: files,
    schema: [{ fileName: "driver.xsd", contents: DRIVER }],
    preload: schemaFiles(),
  });
  return documents.map((d, i) => {
    const errors = result.errors.filter((e) => e.loc?.fileName === `doc-${i}.xml`).map((e) => e.message);
    return { name: d.name, valid: errors.length === 0, errors };
  });
}
