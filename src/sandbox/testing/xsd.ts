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
  files.push({
    fileName: "ansluta/SOAP-1.1-envelope.xsd",
    contents: readFileSync(join(CONTRACT, "ansluta", "SOAP-1.1-envelope.xsd"), "utf8"),
  });
  files.push({
    fileName: "authority-wsdl.xsd",
    contents: inlineSchemaOf(readFileSync(join(CONTRACT, "ansluta", "Authority.wsdl"), "utf8")),
  });
  return files;
}

/**
 * The one schema inside a WSDL's types, as a document of its own. getSenders is judged by the
 * schema of the Authority WSDL the emulator serves, so an answer and the served WSDL cannot drift
 * apart; its imports say schema/…, which resolves beside the driver as it does on the emulator.
 */
export function inlineSchemaOf(wsdl: string): string {
  const schema = /<xsd:schema\b[\s\S]*?<\/xsd:schema>/.exec(wsdl)?.[0];
  if (!schema) throw new Error("no xsd:schema in the WSDL's types");
  return `<?xml version="1.0" encoding="UTF-8"?>\n${schema.replace("<xsd:schema", '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"')}`;
}

/** One schema that imports every namespace whose elements the sender-facing services exchange. */
const DRIVER = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="${NS.service3}" schemaLocation="schema/v3/Service.xsd"/>
  <xs:import namespace="${NS.recipient3}" schemaLocation="schema/v3/Recipient.xsd"/>
  <xs:import namespace="${NS.common3}" schemaLocation="schema/v3/Common.xsd"/>
  <xs:import namespace="${NS.authorityWsdl}" schemaLocation="authority-wsdl.xsd"/>
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

/** Every schemaLocation a WSDL or schema names, resolved against where it was fetched from. */
const schemaLocationsIn = (xml: string, base: string) =>
  [...xml.matchAll(/schemaLocation="([^"]+)"/g)].map((m) => new URL(m[1] ?? "", base).href);

export type ServedSchemas = { schemaUrls: string[]; results: XsdResult[] };

/**
 * What a stub generator does with a served WSDL: fetch every schema it imports, and those the
 * schemas import in turn, each from the address written in the document that names it, then
 * compile the WSDL's inline schema with them (a type that does not resolve makes libxml2 throw)
 * and validate documents against it. `fetchText` answers for any URL, or throws.
 */
export async function validateAgainstServedWsdl(options: {
  wsdl: string;
  wsdlUrl: string;
  fetchText: (url: string) => Promise<string>;
  documents: { name: string; xml: string }[];
}): Promise<ServedSchemas> {
  const fetched = new Map<string, string>();
  const queue = schemaLocationsIn(options.wsdl, options.wsdlUrl);
  for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
    if (fetched.has(url)) continue;
    const text = await options.fetchText(url);
    fetched.set(url, text);
    queue.push(...schemaLocationsIn(text, url));
  }
  // Files named by their URL's path, so the schemas' relative imports resolve among them as they did over HTTP.
  const localName = (url: string) => new URL(url).pathname.slice(1);
  const types = inlineSchemaOf(options.wsdl).replace(/schemaLocation="([^"]+)"/g, (_, location: string) => {
    return `schemaLocation="${localName(new URL(location, options.wsdlUrl).href)}"`;
  });
  const result = await validateXML({
    xml: options.documents.map((d, i) => ({ fileName: `doc-${i}.xml`, contents: d.xml })),
    schema: [{ fileName: "wsdl-types.xsd", contents: types }],
    preload: [...fetched].map(([url, contents]) => ({ fileName: localName(url), contents })),
  });
  return {
    schemaUrls: [...fetched.keys()],
    results: options.documents.map((d, i) => {
      const errors = result.errors.filter((e) => e.loc?.fileName === `doc-${i}.xml`).map((e) => e.message);
      return { name: d.name, valid: errors.length === 0, errors };
    }),
  };
}
