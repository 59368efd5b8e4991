import { type ParsedIdentity, parseIdentityNumber } from "./identity-numbers.ts";
import type { OperatorBehaviour, OperatorKey, Scenario } from "./scenarios.ts";
import { DEFAULT_OPERATORS, SCENARIOS } from "./scenarios.ts";

/**
 * A synthetic recipient an organisation adds beside the fixed scenarios: its own personnummer,
 * samordningsnummer or organisation, and the situation it plays. Only numbers that cannot belong
 * to a real person or organisation are accepted (identity-numbers.ts explains the scheme), so no
 * test in Ansluta ever names a living person.
 */

export type OwnRecipient = {
  /** The stored row's id: the scenario is `own:{id}`. */
  id: string;
  recipientId: string;
  label: string;
  account:
    | { type: "Secure"; pending: boolean; operator: OperatorKey; senderAccepted: boolean }
    | { type: "Not"; pending: false; operator: null; senderAccepted: false };
  operatorBehaviour: OperatorBehaviour;
};

export type OwnRecipientProblem =
  /** not 12 digits, or an organisation without 16 + a valid organisationsnummer */
  | "format"
  | "date"
  | "checksum"
  /** a valid number that could belong to a real person or organisation */
  | "not-synthetic"
  /** one of the fixed scenarios' numbers */
  | "fixed-scenario";

export const OPERATOR_BEHAVIOURS: readonly OperatorBehaviour[] = ["delivered", "not-delivered", "fault", "timeout"];
export const OPERATOR_KEYS: readonly OperatorKey[] = DEFAULT_OPERATORS.map((o) => o.key);

/** Whether a number may be used as an own synthetic recipient, and what kind it is. */
export function checkOwnRecipientId(
  recipientId: string,
): { ok: true; identity: ParsedIdentity & { ok: true } } | { ok: false; problem: OwnRecipientProblem } {
  const identity = parseIdentityNumber(recipientId);
  if (!identity.ok) return { ok: false, problem: identity.problem };
  if (!identity.synthetic) return { ok: false, problem: "not-synthetic" };
  if (SCENARIOS.some((s) => s.recipientId === recipientId)) return { ok: false, problem: "fixed-scenario" };
  return { ok: true, identity };
}

/** The emulator's scenario for an own recipient; its expected decision is the one a conformant sender makes. */
export function ownRecipientScenario(recipient: OwnRecipient): Scenario {
  const checked = checkOwnRecipientId(recipient.recipientId);
  // Rows are checked on the way in; one that no longer passes (a fixed scenario added later) plays no part.
  if (!checked.ok) throw new Error(`own recipient ${recipient.id} is not usable: ${checked.problem}`);
  const { identity } = checked;
  return {
    id: `own:${recipient.id}`,
    recipientId: recipient.recipientId,
    recipientKind: identity.kind,
    account: recipient.account,
    operatorBehaviour: recipient.operatorBehaviour,
    expected: expectedDecision(recipient, identity),
    description: recipient.label || "Own synthetic recipient",
  };
}

function expectedDecision(recipient: OwnRecipient, identity: ParsedIdentity & { ok: true }): Scenario["expected"] {
  const { account } = recipient;
  if (account.type === "Not") return { deliver: false, reason: "no-mailbox" };
  if (!account.senderAccepted) return { deliver: false, reason: "sender-not-accepted" };
  if (account.pending) return { deliver: false, reason: "mailbox-pending" };
  // Synthetic minors are born 2090–2099, so "a minor" is simply a birth year in the future.
  if (identity.kind !== "organisation" && Number(identity.birthDate.slice(0, 4)) >= 2090) return { deliver: false, reason: "minor" };
  return { deliver: true };
}
