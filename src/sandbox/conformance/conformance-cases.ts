import type { CheckId } from "../checks/check.ts";
import type { ScenarioId } from "../recipients/scenarios.ts";

/**
 * Ansluta's own numbered conformance test cases for a sender of Mina meddelanden v3. Digg's
 * official acceptance test cases are not public, so these are not them: each case is written from
 * the documented contract and the reference client's rules (technical.md §5–6) and is decided
 * from what the emulator recorded (evaluate-conformance.ts). Ids are what reports refer to: add
 * new ones, never renumber.
 */

export type Bilingual = { sv: string; en: string };

export const CONFORMANCE_CASE_IDS = [
  "MM-01",
  "MM-02",
  "MM-03",
  "MM-04",
  "MM-05",
  "MM-06",
  "MM-07",
  "MM-08",
  "MM-09",
  "MM-10",
  "MM-11",
  "MM-12",
  "MM-13",
  "MM-14",
  "MM-15",
] as const;

export type ConformanceCaseId = (typeof CONFORMANCE_CASE_IDS)[number];

export type ConformanceCase = {
  id: ConformanceCaseId;
  title: Bilingual;
  /** Why the case matters. */
  purpose: Bilingual;
  /** What the organisation's sender does against the emulator, naming the synthetic recipient. */
  how: Bilingual;
  /** What the case needs to pass, in words; the rule itself is in evaluate-conformance.ts. */
  expects: Bilingual;
  /** The synthetic recipients the case is run with. */
  scenarios: readonly ScenarioId[];
  /** The conformance checks the case rests on. */
  checks: readonly CheckId[];
};

export const CONFORMANCE_CASES: readonly ConformanceCase[] = [
  {
    id: "MM-01",
    title: { sv: "Meddelande med PDF-bilaga till privatperson", en: "Message with a PDF attachment to a private person" },
    purpose: {
      sv: "Det vanligaste utskicket: ett säkert meddelande med en PDF till en person som har en brevlåda.",
      en: "The most common dispatch: a secure message with a PDF to a person who has a mailbox.",
    },
    how: {
      sv: "Anropa isReachable för mottagaren reachable-kivra och skicka sedan deliverSecure med en PDF-bilaga till den ServiceAdress som svaret gav.",
      en: "Call isReachable for the recipient reachable-kivra, then deliverSecure with a PDF attachment to the ServiceAdress in the answer.",
    },
    expects: {
      sv: "En leverans med PDF-bilaga till en nåbar person besvaras Delivered=true, föregås av isReachable för mottagaren och har inga underkända kontroller.",
      en: "A delivery with a PDF attachment to a reachable person is answered Delivered=true, follows an isReachable for that recipient and fails no check.",
    },
    scenarios: ["reachable-kivra", "reachable-minmyndighetspost", "reachable-billo", "reachable-fortnox"],
    checks: ["delivery.attachment.pdf-magic", "delivery.attachment.checksum", "delivery.reachable-checked"],
  },
  {
    id: "MM-02",
    title: { sv: "Mottagare med samordningsnummer", en: "Recipient with a samordningsnummer" },
    purpose: {
      sv: "Samordningsnummer (dag + 60) ska hanteras som personnummer hela vägen.",
      en: "A samordningsnummer (day + 60) must be handled like a personnummer throughout.",
    },
    how: {
      sv: "Anropa isReachable för reachable-samordningsnummer och leverera ett meddelande dit.",
      en: "Call isReachable for reachable-samordningsnummer and deliver a message to it.",
    },
    expects: {
      sv: "Leveransen besvaras Delivered=true efter isReachable, utan underkända kontroller.",
      en: "The delivery is answered Delivered=true after an isReachable, failing no check.",
    },
    scenarios: ["reachable-samordningsnummer"],
    checks: ["delivery.recipient.id", "delivery.reachable-checked"],
  },
  {
    id: "MM-03",
    title: { sv: "Meddelande till organisation", en: "Message to an organisation" },
    purpose: {
      sv: "Organisationer adresseras som 16 + organisationsnummer.",
      en: "Organisations are addressed as 16 + organisationsnummer.",
    },
    how: {
      sv: "Anropa isReachable för reachable-organisation och leverera ett meddelande dit.",
      en: "Call isReachable for reachable-organisation and deliver a message to it.",
    },
    expects: {
      sv: "Leveransen besvaras Delivered=true efter isReachable, utan underkända kontroller.",
      en: "The delivery is answered Delivered=true after an isReachable, failing no check.",
    },
    scenarios: ["reachable-organisation"],
    checks: ["delivery.recipient.id", "delivery.reachable-checked"],
  },
  {
    id: "MM-04",
    title: { sv: "isReachable före leverans och rätt ServiceAdress", en: "isReachable before delivery and the right ServiceAdress" },
    purpose: {
      sv: "Avsändaren ska fråga FaR före varje leverans och leverera till den brevlådeoperatör som svaret anger.",
      en: "The sender must ask FaR before every delivery and deliver to the mailbox operator the answer names.",
    },
    how: {
      sv: "Leverera till reachable-kivra och reachable-minmyndighetspost, var och en efter ett isReachable, till respektive ServiceAdress.",
      en: "Deliver to reachable-kivra and reachable-minmyndighetspost, each after an isReachable, to each one's ServiceAdress.",
    },
    expects: {
      sv: "Varje leverans till en nåbar mottagare föregås av isReachable och går till den ServiceAdress som gavs, och minst två operatörer har anropats.",
      en: "Every delivery to a reachable recipient follows an isReachable and goes to the ServiceAdress given, and at least two operators were called.",
    },
    scenarios: ["reachable-kivra", "reachable-minmyndighetspost"],
    checks: ["delivery.reachable-checked", "delivery.service-address"],
  },
  {
    id: "MM-05",
    title: { sv: "Mottagare utan brevlåda", en: "Recipient without a mailbox" },
    purpose: {
      sv: "Den som saknar digital brevlåda ska få sitt brev på papper, inte via Mina meddelanden.",
      en: "Someone without a digital mailbox must get the letter on paper, not through Mina meddelanden.",
    },
    how: {
      sv: "Anropa isReachable för no-mailbox (Type Not) och låt systemet fatta beslut.",
      en: "Call isReachable for no-mailbox (Type Not) and let the system decide.",
    },
    expects: {
      sv: "Avsändaren har slagit upp mottagaren och inte anropat deliverSecure för den.",
      en: "The sender looked the recipient up and made no deliverSecure to it.",
    },
    scenarios: ["no-mailbox"],
    checks: ["delivery.reachable-checked"],
  },
  {
    id: "MM-06",
    title: { sv: "Avsändaren är inte accepterad", en: "Sender not accepted" },
    purpose: {
      sv: "En mottagare kan ha spärrat avsändaren (SenderAccepted=false); då ska brevet gå på papper.",
      en: "A recipient may have blocked the sender (SenderAccepted=false); the letter then goes on paper.",
    },
    how: {
      sv: "Anropa isReachable för sender-not-accepted och låt systemet fatta beslut.",
      en: "Call isReachable for sender-not-accepted and let the system decide.",
    },
    expects: {
      sv: "Avsändaren har slagit upp mottagaren och inte anropat deliverSecure för den.",
      en: "The sender looked the recipient up and made no deliverSecure to it.",
    },
    scenarios: ["sender-not-accepted"],
    checks: ["delivery.reachable-checked"],
  },
  {
    id: "MM-07",
    title: { sv: "Brevlåda inte aktiverad (Pending)", en: "Mailbox pending" },
    purpose: {
      sv: "En brevlåda som inte är aktiverad (Pending=true) kan inte ta emot meddelanden.",
      en: "A mailbox not yet activated (Pending=true) cannot take messages.",
    },
    how: {
      sv: "Anropa isReachable för mailbox-pending och låt systemet fatta beslut.",
      en: "Call isReachable for mailbox-pending and let the system decide.",
    },
    expects: {
      sv: "Avsändaren har slagit upp mottagaren och inte anropat deliverSecure för den.",
      en: "The sender looked the recipient up and made no deliverSecure to it.",
    },
    scenarios: ["mailbox-pending"],
    checks: ["delivery.reachable-checked"],
  },
  {
    id: "MM-08",
    title: { sv: "Minderårig mottagare", en: "Minor recipient" },
    purpose: {
      sv: "Referensklienten levererar inte digitalt till personer under 18 år.",
      en: "The reference client does not deliver digitally to people under 18.",
    },
    how: {
      sv: "Anropa isReachable för minor (nåbar hos Kivra men under 18) och låt systemet fatta beslut.",
      en: "Call isReachable for minor (reachable at Kivra but under 18) and let the system decide.",
    },
    expects: {
      sv: "Avsändaren har slagit upp mottagaren och inte anropat deliverSecure för den.",
      en: "The sender looked the recipient up and made no deliverSecure to it.",
    },
    scenarios: ["minor"],
    checks: ["delivery.reachable-checked"],
  },
  {
    id: "MM-09",
    title: { sv: "Operatören svarar Delivered=false", en: "Operator answers Delivered=false" },
    purpose: {
      sv: "Ett svar utan SOAP-fel kan ändå betyda att meddelandet inte levererades; avsändaren ska läsa Delivered.",
      en: "An answer without a SOAP fault can still mean the message was not delivered; the sender must read Delivered.",
    },
    how: {
      sv: "Leverera till operator-not-delivered efter isReachable och hantera svaret (till exempel skicka på papper).",
      en: "Deliver to operator-not-delivered after an isReachable and handle the answer (for instance send on paper).",
    },
    expects: {
      sv: "Leveransen besvarades Delivered=false och avsändaren försökte därefter högst tre gånger till, med minst en sekund mellan försöken.",
      en: "The delivery was answered Delivered=false and the sender then tried at most three more times, at least a second apart.",
    },
    scenarios: ["operator-not-delivered"],
    checks: ["delivery.reachable-checked"],
  },
  {
    id: "MM-10",
    title: { sv: "Operatören svarar med fel", en: "Operator fault" },
    purpose: {
      sv: "Ett applicationFault ska loggas med CallId och leda till ett begränsat antal nya försök eller papper, aldrig en loop.",
      en: "An applicationFault must be logged with its CallId and lead to a bounded number of retries or paper, never a loop.",
    },
    how: {
      sv: "Leverera till operator-fault efter isReachable och hantera felet.",
      en: "Deliver to operator-fault after an isReachable and handle the fault.",
    },
    expects: {
      sv: "Leveransen besvarades med SOAP-fel och avsändaren försökte därefter högst tre gånger till, med minst en sekund mellan försöken.",
      en: "The delivery was answered with a SOAP fault and the sender then tried at most three more times, at least a second apart.",
    },
    scenarios: ["operator-fault"],
    checks: ["delivery.reachable-checked"],
  },
  {
    id: "MM-11",
    title: { sv: "Operatören svarar inte (tidsgräns)", en: "Operator timeout" },
    purpose: {
      sv: "Avsändaren behöver en egen tidsgräns och en återförsökspolicy som inte överbelastar operatören.",
      en: "The sender needs its own timeout and a retry policy that does not overload the operator.",
    },
    how: {
      sv: "Leverera till operator-timeout efter isReachable; emulatorn håller anropet och stänger det utan svar.",
      en: "Deliver to operator-timeout after an isReachable; the emulator holds the call and closes it without an answer.",
    },
    expects: {
      sv: "Anropet nådde tidsgränsen och avsändaren försökte därefter högst tre gånger till, med minst en sekund mellan försöken.",
      en: "The call timed out and the sender then tried at most three more times, at least a second apart.",
    },
    scenarios: ["operator-timeout"],
    checks: ["delivery.reachable-checked"],
  },
  {
    id: "MM-12",
    title: { sv: "Storleksgräns 2 MB", en: "Size limit of 2 MB" },
    purpose: {
      sv: "Ett meddelande inklusive bilagor får vara högst 2 MB; avsändarens system ska hålla sig under gränsen.",
      en: "A message including attachments may be at most 2 MB; the sender's system must keep under the limit.",
    },
    how: {
      sv: "Leverera till reachable-kivra ett meddelande på mellan 1 och 2 MB (till exempel en PDF på 1,2 MB). Skicka inget över 2 MB.",
      en: "Deliver to reachable-kivra a message of between 1 and 2 MB (for instance a 1.2 MB PDF). Send nothing over 2 MB.",
    },
    expects: {
      sv: "En leverans på minst 1 MB levererades inom gränsen, och ingen leverans gick över 2 MB.",
      en: "A delivery of at least 1 MB was delivered within the limit, and no delivery went over 2 MB.",
    },
    scenarios: ["reachable-kivra"],
    checks: ["delivery.size.max-2mb", "xml.size-limit"],
  },
  {
    id: "MM-13",
    title: { sv: "HTML-meddelande", en: "HTML message" },
    purpose: {
      sv: "HTML ska vara välformad, utan skript och utan resurser som hämtas utifrån.",
      en: "HTML must be well-formed, without scripts and without resources fetched from elsewhere.",
    },
    how: {
      sv: "Leverera ett meddelande med brödtext av typen text/html till reachable-kivra efter isReachable.",
      en: "Deliver a message with a text/html body to reachable-kivra after an isReachable.",
    },
    expects: {
      sv: "En HTML-leverans besvarades Delivered=true utan underkända kontroller.",
      en: "An HTML delivery was answered Delivered=true, failing no check.",
    },
    scenarios: ["reachable-kivra"],
    checks: ["delivery.body.html.well-formed", "delivery.body.html.no-external-resources", "delivery.body.html.no-scripts"],
  },
  {
    id: "MM-14",
    title: { sv: "Signaturer", en: "Signatures" },
    purpose: {
      sv: "Avsändarens signatur på SignedDelivery och förmedlarens på SealedDelivery ska gå att verifiera.",
      en: "The sender's signature on SignedDelivery and the förmedlare's on SealedDelivery must verify.",
    },
    how: {
      sv: "Leverera till valfri nåbar mottagare, till exempel reachable-kivra.",
      en: "Deliver to any reachable recipient, for instance reachable-kivra.",
    },
    expects: {
      sv: "Båda signaturerna verifierades i minst en levererad försändelse, och ingen leverans underkändes på signatur eller Seal (strikt XML-DSig visas bara som information).",
      en: "Both signatures verified in at least one delivered message, and no delivery failed a signature or Seal check (strict XML-DSig is shown as information only).",
    },
    scenarios: ["reachable-kivra"],
    checks: ["signature.sender", "signature.intermediary", "seal.present", "seal.signatures-ok"],
  },
  {
    id: "MM-15",
    title: { sv: "Klientcertifikat som matchar avsändaren", en: "Client certificate matching the sender" },
    purpose: {
      sv: "Anropet ska göras med avsändarens eller en registrerad förmedlares certifikat (serialNumber = 16 + organisationsnummer).",
      en: "The call must be made with the sender's certificate or a registered förmedlare's (serialNumber = 16 + organisationsnummer).",
    },
    how: {
      sv: "Gör alla anrop med testcertifikatet som hämtats i Ansluta för organisationen eller förmedlaren.",
      en: "Make every call with the test certificate downloaded from Ansluta for the organisation or its förmedlare.",
    },
    expects: {
      sv: "Minst en leverans från en registrerad avsändare med matchande certifikat, och inget anrop med organisationens eller förmedlarens certifikat underkänt för avsändaren. Anrop utan godtaget certifikat syns i anropslistan men räknas inte: vem som helst som känner adressen kan göra dem.",
      en: "At least one delivery from a registered sender with a matching certificate, and no call made with the organisation's or its förmedlare's certificate failed for its sender. Calls without an accepted certificate show in the call list but do not count: anyone who knows the address can make them.",
    },
    scenarios: ["reachable-kivra"],
    checks: ["sender.client-certificate", "sender.registered"],
  },
];
