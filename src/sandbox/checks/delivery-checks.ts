import { parseIdentityNumber } from "../recipients/identity-numbers.ts";
import type { DeliveryView, MessageView } from "../soap/delivery.ts";
import { childNamed, elementChildren } from "../soap/dom.ts";
import { NS } from "../soap/namespaces.ts";
import { checkStructure, SEALED_DELIVERY_CONTENT } from "../soap/structure.ts";
import { RECIPIENT_ID_PATTERN } from "../soap/types.ts";
import { type Check, type CheckStatus, combine, fail, listSome, pass } from "./check.ts";
import { isXsDate, isXsLanguage, quote, xsLength } from "./values.ts";

/** Checks of the delivery's structure and header fields, from the message alone (schema/v3 and the types it uses). */

type Finding = { status: CheckStatus; message: string };
const bad = (message: string): Finding => ({ status: "fail", message });
const note = (message: string): Finding => ({ status: "warn", message });

const label = (m: MessageView, d: DeliveryView) => (d.messages.length > 1 ? `Message ${m.index + 1}: ` : "");

export function schemaConformance(d: DeliveryView): Check {
  const root = d.sealedDelivery.localName ?? "SealedDelivery";
  const issues = checkStructure(d.sealedDelivery, SEALED_DELIVERY_CONTENT, root, ["Id"]);
  return issues.length
    ? fail(
        "delivery.schema",
        `${issues.length} difference${issues.length === 1 ? "" : "s"} from schema/v3: ${listSome(issues.map((i) => `${i.path}: ${i.message}`))}`,
      )
    : pass("delivery.schema", "elements, namespaces, order and cardinalities follow msg3:SealedDelivery in schema/v3");
}

export function singleRecipient(d: DeliveryView): Check {
  const n = d.recipients.length;
  if (n === 1) return pass("delivery.single-recipient", "exactly one msg2:Recipient");
  return fail(
    "delivery.single-recipient",
    n === 0
      ? "no msg2:Recipient in the delivery header"
      : `${n} recipients; v2/v3 deliveries carry exactly one (send one delivery per recipient)`,
  );
}

export function senderId(d: DeliveryView): Check {
  const id = d.sender.id;
  if (id === undefined) return fail("delivery.sender.id", "no snd:Id in msg2:Sender");
  if (!RECIPIENT_ID_PATTERN.test(id)) return fail("delivery.sender.id", `snd:Id ${quote(id)} does not match the RecipientId pattern`);
  if (!id.startsWith("16"))
    return fail("delivery.sender.id", `snd:Id ${quote(id)} is not an organisation: the sender is identified as 16 + organisationsnummer`);
  const parsed = parseIdentityNumber(id);
  if (!parsed.ok) return fail("delivery.sender.id", `snd:Id ${quote(id)} is not a valid organisationsnummer (${parsed.problem})`);
  return pass("delivery.sender.id", `sender ${id}`);
}

export function senderName(d: DeliveryView): Check {
  const name = d.sender.name;
  if (name === undefined) return fail("delivery.sender.name", "no snd:Name in msg2:Sender");
  const n = xsLength(name);
  return n >= 2 && n <= 256
    ? pass("delivery.sender.name", `sender name ${quote(name)}`)
    : fail("delivery.sender.name", `snd:Name must be 2–256 characters; it is ${n}`);
}

export function recipientIds(d: DeliveryView): Check {
  if (d.recipients.length === 0) return fail("delivery.recipient.id", "no recipient to check");
  const findings = d.recipients.map((r): Finding => {
    if (!RECIPIENT_ID_PATTERN.test(r))
      return bad(`Recipient ${quote(r)} does not match the RecipientId pattern (16 + orgnr, or a 12-digit personnummer/samordningsnummer)`);
    const parsed = parseIdentityNumber(r);
    if (!parsed.ok) {
      return bad(
        parsed.problem === "checksum"
          ? `Recipient ${r}: the check digit is wrong`
          : parsed.problem === "date"
            ? `Recipient ${r}: not a real date of birth`
            : `Recipient ${r}: not a valid identity number`,
      );
    }
    if (!parsed.synthetic)
      return note(`Recipient ${r} is not one of the emulator's synthetic numbers: never use real people's numbers in tests`);
    return { status: "pass", message: "" };
  });
  return combine("delivery.recipient.id", findings, `recipient ${d.recipients.join(", ")}: valid, synthetic`);
}

export function messageIds(d: DeliveryView): Check {
  const findings = d.messages.map((m): Finding => {
    if (m.id === undefined) return bad(`${label(m, d)}no msg3:Id`);
    if (m.id.trim() === "") return note(`${label(m, d)}msg3:Id is empty; use a unique id per message, such as a UUID`);
    return { status: "pass", message: "" };
  });
  return combine("delivery.message.id", findings, "every message has an Id");
}

export function subjects(d: DeliveryView): Check {
  const findings = d.messages.map((m): Finding => {
    if (m.subject === undefined) return bad(`${label(m, d)}no msg3:Subject`);
    const n = xsLength(m.subject);
    if (n > 255) return bad(`${label(m, d)}Subject is ${n} characters; at most 255`);
    if (m.subject.trim() === "") return note(`${label(m, d)}Subject is empty; the recipient sees it in the mailbox list`);
    return { status: "pass", message: "" };
  });
  return combine("delivery.message.subject", findings, "subjects present, at most 255 characters");
}

export function supportInfo(d: DeliveryView): Check {
  const findings = d.messages.flatMap((m): Finding[] => {
    const s = m.supportInfo;
    const at = label(m, d);
    if (!s) return [bad(`${at}no msg3:Supportinfo (sic, lower-case i): it is required`)];
    const out: Finding[] = [];
    if (s.text === undefined) out.push(bad(`${at}no Supportinfo/Text`));
    else if (xsLength(s.text) > 1024) out.push(bad(`${at}Supportinfo/Text is ${xsLength(s.text)} characters; at most 1024`));
    else if (s.text.trim() === "") out.push(note(`${at}Supportinfo/Text is empty; tell the recipient whom to contact`));
    if (s.url !== undefined) {
      if (xsLength(s.url) > 255) out.push(bad(`${at}Supportinfo/URL is longer than 255 characters`));
      else if (!/^https?:\/\/[^\s]+$/.test(s.url.trim()))
        out.push(note(`${at}Supportinfo/URL ${quote(s.url)} is not an absolute http(s) address`));
    }
    if (s.phoneNumber !== undefined && xsLength(s.phoneNumber) > 255)
      out.push(bad(`${at}Supportinfo/PhoneNumber is longer than 255 characters`));
    if (s.emailAdress !== undefined) {
      const n = xsLength(s.emailAdress);
      if (n < 5 || n > 256 || !/^.+@.+\..+$/.test(s.emailAdress)) {
        out.push(bad(`${at}Supportinfo/EmailAdress (sic) ${quote(s.emailAdress)} must be 5–256 characters matching .+@.+\\..+`));
      }
    }
    return out;
  });
  return combine(
    "delivery.message.supportinfo",
    findings,
    "Supportinfo present with Text, URL, PhoneNumber and EmailAdress within their limits",
  );
}

export function languages(d: DeliveryView): Check {
  const findings = d.messages.map((m): Finding => {
    if (m.language === undefined) return bad(`${label(m, d)}no msg3:Language`);
    if (!isXsLanguage(m.language)) return bad(`${label(m, d)}Language ${quote(m.language)} is not an xs:language`);
    if (m.language.trim() !== "svSE")
      return note(`${label(m, d)}Language is ${quote(m.language)}; every known implementation sends "svSE"`);
    return { status: "pass", message: "" };
  });
  return combine("delivery.message.language", findings, 'Language "svSE"');
}

const REPLY = ["REQUESTED", "ACCEPTED", "NOT_ALLOWED"];
const RECEIPT = ["NOT", "SIMPLE", "SIGNED"];

export function messageOptions(d: DeliveryView): Check {
  const findings = d.messages.flatMap((m): Finding[] => [
    ...(m.reply !== undefined && !REPLY.includes(m.reply)
      ? [bad(`${label(m, d)}Reply ${quote(m.reply)} is not one of ${REPLY.join(", ")}`)]
      : []),
    ...(m.receiptRequest !== undefined && !RECEIPT.includes(m.receiptRequest)
      ? [bad(`${label(m, d)}ReceiptRequest ${quote(m.receiptRequest)} is not one of ${RECEIPT.join(", ")}`)]
      : []),
  ]);
  return combine("delivery.message.options", findings, "Reply and ReceiptRequest absent or within their enumerations");
}

const MATTER_STATUS = ["senderinitiative", "recipientinitiative", "closed"];

export function officialMatter(d: DeliveryView): Check {
  const present = d.messages.filter((m) => m.officialMatter);
  if (present.length === 0) return pass("delivery.message.official-matter", "no OfficialMatter (optional)");
  const findings = present.flatMap((m): Finding[] => {
    const at = label(m, d);
    const extension = childNamed(m.officialMatter, "OfficialMatterExtension");
    if (!extension) {
      const others = m.officialMatter ? elementChildren(m.officialMatter).filter((c) => c.namespaceURI === NS.message3) : [];
      return others.length ? [bad(`${at}OfficialMatter holds Message v3 elements other than OfficialMatterExtension`)] : [];
    }
    const out: Finding[] = [];
    const value = (name: string) => childNamed(extension, name)?.textContent ?? undefined;
    const timestamp = value("Timestamp");
    if (timestamp === undefined) out.push(bad(`${at}OfficialMatterExtension has no Timestamp`));
    else if (!isXsDate(timestamp)) out.push(bad(`${at}OfficialMatterExtension/Timestamp ${quote(timestamp)} is not an xs:date`));
    const identity = childNamed(extension, "Identity");
    for (const name of ["EventId", "OfficialMatterId", "PrecedingEventId"]) {
      const v = childNamed(identity, name)?.textContent;
      if (v !== undefined && v !== null && xsLength(v) > 255) out.push(bad(`${at}Identity/${name} is longer than 255 characters`));
    }
    for (const name of ["MatterSubject", "EventType"]) {
      const v = value(name);
      if (v !== undefined && xsLength(v) > 2000) out.push(bad(`${at}${name} is longer than 2000 characters`));
    }
    const status = value("MatterStatus");
    if (status !== undefined && !MATTER_STATUS.includes(status))
      out.push(bad(`${at}MatterStatus ${quote(status)} is not one of ${MATTER_STATUS.join(", ")}`));
    return out;
  });
  return combine("delivery.message.official-matter", findings, "OfficialMatterExtension (kundärende) within its limits");
}

export const DELIVERY_CHECKS: readonly ((d: DeliveryView) => Check)[] = [
  schemaConformance,
  singleRecipient,
  senderId,
  senderName,
  recipientIds,
  messageIds,
  subjects,
  supportInfo,
  languages,
  messageOptions,
  officialMatter,
];
