/**
 * The namespaces of the Mina meddelanden contract. Every schema is `elementFormDefault="qualified"`,
 * so a local element lives in the namespace of the schema that defines its parent TYPE: one v3
 * delivery mixes Message/v3, Message/v2, Message, Sender and xmldsig (technical.md §4).
 */
export const NS = {
  soap11: "http://schemas.xmlsoap.org/soap/envelope/",
  soap12: "http://www.w3.org/2003/05/soap-envelope",
  service3: "http://minameddelanden.gov.se/schema/Service/v3",
  service: "http://minameddelanden.gov.se/schema/Service",
  message3: "http://minameddelanden.gov.se/schema/Message/v3",
  message2: "http://minameddelanden.gov.se/schema/Message/v2",
  message: "http://minameddelanden.gov.se/schema/Message",
  sender: "http://minameddelanden.gov.se/schema/Sender",
  recipient: "http://minameddelanden.gov.se/schema/Recipient",
  recipient3: "http://minameddelanden.gov.se/schema/Recipient/v3",
  common: "http://minameddelanden.gov.se/schema/Common",
  common3: "http://minameddelanden.gov.se/schema/Common/v3",
  officialMatter3: "http://minameddelanden.gov.se/schema/OfficialMatter/v3",
  /** The Authority WSDL's own target namespace (v1): getSenders lives here, not under /schema/. */
  authorityWsdl: "http://minameddelanden.gov.se/Authority",
  ds: "http://www.w3.org/2000/09/xmldsig#",
  xmlns: "http://www.w3.org/2000/xmlns/",
  xml: "http://www.w3.org/XML/1998/namespace",
} as const;

/** Short names for messages, so a report can say "msg2:Sender" instead of a URI. */
export const PREFIX_FOR: Record<string, string> = {
  [NS.soap11]: "soap",
  [NS.soap12]: "soap12",
  [NS.service3]: "svc3",
  [NS.service]: "svc",
  [NS.message3]: "msg3",
  [NS.message2]: "msg2",
  [NS.message]: "msg",
  [NS.sender]: "snd",
  [NS.recipient]: "rcp",
  [NS.recipient3]: "rcp3",
  [NS.common]: "cmn",
  [NS.common3]: "cmn3",
  [NS.officialMatter3]: "ofm3",
  [NS.authorityWsdl]: "auth",
  [NS.ds]: "ds",
};

/** "msg2:Sender" for a known namespace, "{urn:x}Sender" otherwise, "Sender" without one. */
export function qualifiedName(namespace: string | null | undefined, localName: string): string {
  if (!namespace) return localName;
  const prefix = PREFIX_FOR[namespace];
  return prefix ? `${prefix}:${localName}` : `{${namespace}}${localName}`;
}
