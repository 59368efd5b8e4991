import type { Element } from "@xmldom/xmldom";
import type { DeliveryView } from "../soap/delivery.ts";
import { elementChildren } from "../soap/dom.ts";
import { ALGORITHMS, inspectSignature, readCertificate, type SignatureVerification, verifyEnvelopedSignature } from "../soap/signature.ts";
import { type Check, type CheckId, type CheckStatus, combine, fail, pass, warn } from "./check.ts";
import { isXsDate, xsBoolean } from "./values.ts";

/**
 * The avsändare's signature on SignedDelivery and the förmedlare's on SealedDelivery, each verified
 * as standard W3C XML-DSig over the element as sent and the reference code's way; either one
 * decides (signature.*), and how the standard way fared is information (signature.*.strict). Then
 * their algorithms and certificates, and the Seal between them.
 */

type Which = { signed: Element | null; signature: Element | null; role: "sender" | "intermediary" };

const IDS = {
  sender: {
    main: "signature.sender",
    algorithms: "signature.sender.algorithms",
    certificate: "signature.sender.certificate",
    strict: "signature.sender.strict",
  },
  intermediary: {
    main: "signature.intermediary",
    algorithms: "signature.intermediary.algorithms",
    certificate: "signature.intermediary.certificate",
    strict: "signature.intermediary.strict",
  },
} as const satisfies Record<string, Record<string, CheckId>>;

const WHAT = {
  sender: { element: "SignedDelivery", who: "the avsändare (sender)" },
  intermediary: { element: "SealedDelivery", who: "the förmedlare (intermediary)" },
} as const;

function algorithms(id: CheckId, signature: Element): Check {
  const s = inspectSignature(signature);
  const findings: { status: CheckStatus; message: string }[] = [];
  const bad = (message: string) => findings.push({ status: "fail", message });
  const odd = (message: string) => findings.push({ status: "warn", message });
  if (s.canonicalization === ALGORITHMS.c14n) odd("CanonicalizationMethod is inclusive c14n; the contract uses exclusive c14n");
  else if (s.canonicalization !== ALGORITHMS.excC14n) bad(`CanonicalizationMethod ${s.canonicalization ?? "(none)"} is not exclusive c14n`);
  if (s.signatureMethod === ALGORITHMS.rsaSha1) odd("SignatureMethod is RSA-SHA1 (v1 era); v3 uses RSA-SHA256");
  else if (s.signatureMethod !== ALGORITHMS.rsaSha256) bad(`SignatureMethod ${s.signatureMethod ?? "(none)"} is not RSA-SHA256`);
  if (s.references.length !== 1) bad(`${s.references.length} ds:Reference elements; expected one, covering the whole element`);
  for (const r of s.references) {
    if (!r.transforms.includes(ALGORITHMS.enveloped)) bad("the Reference has no enveloped-signature transform");
    const others = r.transforms.filter((t) => t !== ALGORITHMS.enveloped && t !== ALGORITHMS.excC14n && t !== ALGORITHMS.c14n);
    if (others.length) odd(`unusual transforms: ${others.join(", ")}`);
    if (r.digestMethod === ALGORITHMS.sha1) odd("DigestMethod is SHA-1; v3 uses SHA-256");
    else if (r.digestMethod !== ALGORITHMS.sha256) bad(`DigestMethod ${r.digestMethod ?? "(none)"} is not SHA-256`);
  }
  if (!s.certificateBase64) bad("KeyInfo/X509Data has no X509Certificate");
  if (s.subjectName === undefined) odd("KeyInfo/X509Data has no X509SubjectName (the reference code sends both)");
  return combine(id, findings, "RSA-SHA256, exclusive c14n, one enveloped Reference with SHA-256, X509SubjectName and X509Certificate");
}

function certificate(id: CheckId, signature: Element, d: DeliveryView, role: Which["role"], now: Date): Check {
  const base64 = inspectSignature(signature).certificateBase64;
  if (!base64) return fail(id, "no certificate to inspect");
  const read = readCertificate(base64);
  if (!read.ok) return fail(id, read.reason);
  const c = read.info;
  if (now < c.validFrom) return fail(id, `the certificate (${c.subject}) is not valid until ${c.validFrom.toISOString()}`);
  if (now > c.validTo) return fail(id, `the certificate (${c.subject}) expired ${c.validTo.toISOString()}`);
  if (c.serialNumber === undefined)
    return warn(id, `the subject (${c.subject}) has no serialNumber; organisation certificates carry 16 + organisationsnummer`);
  if (!/^16\d{10}$/.test(c.serialNumber)) return warn(id, `subject serialNumber ${c.serialNumber} is not 16 + organisationsnummer`);
  if (role === "sender" && d.sender.id && c.serialNumber !== d.sender.id) {
    return warn(
      id,
      `signed by ${c.serialNumber}, not by the sender ${d.sender.id}: acceptable only if ${c.serialNumber} is a registered förmedlare for the sender (the emulator checks this)`,
    );
  }
  return pass(id, `${c.subject}, valid until ${c.validTo.toISOString().slice(0, 10)}`);
}

const STANDARD = "as standard W3C XML-DSig over the element as sent";
const referenceWay = (role: Which["role"]) =>
  `the reference way (a prefix-free standalone document${role === "intermediary" ? ", svc3:deliverSecure read as msg3:SealedDelivery" : ""}, as the Mina meddelanden reference code signs and the operators verify)`;

/** The decisive check: either way will do. */
function verdict(id: CheckId, v: SignatureVerification, role: Which["role"]): Check {
  const what = WHAT[role];
  const whose = `${what.who}'s signature on ${what.element}`;
  const because = v.causes.length ? `: ${v.causes.join("; ")}` : "";
  if (v.standard.valid && v.reference.valid) return pass(id, `${whose} verifies ${STANDARD}, and ${referenceWay(role)}`);
  if (v.standard.valid)
    return pass(id, `${whose} verifies ${STANDARD}, with the transforms it declares; not ${referenceWay(role)}${because}`);
  if (v.reference.valid) return pass(id, `${whose} verifies ${referenceWay(role)}; not ${STANDARD} (see ${IDS[role].strict})`);
  if (v.standard.reason === v.reference.reason) return fail(id, `${whose} does not verify: ${v.reference.reason}`);
  return fail(id, `${whose} does not verify, neither ${STANDARD} (${v.standard.reason}) nor ${referenceWay(role)} (${v.reference.reason})`);
}

/** Information only: how the signature fares as plain W3C XML-DSig, and why that differs from the reference way if it does. */
function strictInformation(id: CheckId, v: SignatureVerification): Check {
  const because = v.causes.length ? ` The two ways read different bytes: ${v.causes.join("; ")}.` : "";
  if (v.standard.valid && v.reference.valid) return pass(id, "also verifies as strict W3C XML-DSig over the element as sent");
  if (v.standard.valid)
    return pass(
      id,
      `verifies as strict W3C XML-DSig over the element as sent, which is enough here; the reference way does not verify.${because} An operator whose verifier copies the reference code may refuse it`,
    );
  if (v.reference.valid)
    return warn(
      id,
      `information: strict W3C XML-DSig over the element as sent does not verify (${v.standard.reason}).${because} Expected for a delivery signed the reference way; the reference way verifies and decides`,
    );
  return warn(id, `information: strict W3C XML-DSig over the element as sent does not verify either (${v.standard.reason})`);
}

function signatureChecks({ signed, signature, role }: Which, d: DeliveryView, now: Date): Check[] {
  const ids = IDS[role];
  const what = WHAT[role];
  if (!signed) return [fail(ids.main, `no ${what.element} to verify`)];
  if (!signature) return [fail(ids.main, `no ds:Signature by ${what.who} in ${what.element}`)];
  if (elementChildren(signed).at(-1) !== signature) return [fail(ids.main, `the ds:Signature must be the last child of ${what.element}`)];
  const verification = verifyEnvelopedSignature(signed);
  return [
    verdict(ids.main, verification, role),
    algorithms(ids.algorithms, signature),
    certificate(ids.certificate, signature, d, role, now),
    strictInformation(ids.strict, verification),
  ];
}

export function signatureChecksFor(d: DeliveryView, now: Date): Check[] {
  return [
    ...signatureChecks({ signed: d.signedDelivery, signature: d.senderSignature, role: "sender" }, d, now),
    ...signatureChecks({ signed: d.sealedDelivery, signature: d.sealSignature, role: "intermediary" }, d, now),
  ];
}

const DAY = 86_400_000;

export function sealChecks(d: DeliveryView, now: Date): Check[] {
  const seal = d.seal;
  if (!seal) return [fail("seal.present", "no msg3:Seal between SignedDelivery and the förmedlare's signature")];
  if (seal.receivedTime === undefined || seal.signaturesOk === undefined) {
    return [fail("seal.present", `the Seal lacks ${seal.receivedTime === undefined ? "ReceivedTime" : "SignaturesOK"}`)];
  }
  const ok = xsBoolean(seal.signaturesOk);
  const checks: Check[] = [
    pass("seal.present", "Seal with ReceivedTime and SignaturesOK"),
    ok === true
      ? pass("seal.signatures-ok", "SignaturesOK is true")
      : fail(
          "seal.signatures-ok",
          ok === false
            ? "SignaturesOK is false: a förmedlare must not seal a delivery whose signatures failed"
            : "SignaturesOK is not an xs:boolean",
        ),
  ];
  if (!isXsDate(seal.receivedTime)) {
    checks.push(fail("seal.received-time", `ReceivedTime ${JSON.stringify(seal.receivedTime)} is not an xs:date`));
  } else {
    const day = Date.parse(`${seal.receivedTime.trim().slice(0, 10)}T12:00:00Z`);
    const off = Math.abs(day - now.getTime());
    checks.push(
      off <= 1.5 * DAY
        ? pass("seal.received-time", `ReceivedTime ${seal.receivedTime.trim()} is today`)
        : warn(
            "seal.received-time",
            `ReceivedTime ${seal.receivedTime.trim()} is more than a day from today; the förmedlare seals on the day it receives`,
          ),
    );
  }
  return checks;
}
