import type { SandboxRecipientRow } from "../../db/repositories/sandbox-setup-repository.ts";
import { type OwnRecipient, ownRecipientScenario } from "../../sandbox/recipients/own-recipient.ts";
import type { OperatorBehaviour, OperatorKey, SenderDecision } from "../../sandbox/recipients/scenarios.ts";

/** A stored row as the emulator's own-recipient type; rows are checked on the way in (add-own-recipient.ts). */
export function ownRecipientOf(row: SandboxRecipientRow): OwnRecipient {
  return {
    id: row.id,
    recipientId: row.recipientId,
    label: row.label,
    account:
      row.accountType === "Secure"
        ? { type: "Secure", pending: row.pending, operator: row.operatorId as OperatorKey, senderAccepted: row.senderAccepted }
        : { type: "Not", pending: false, operator: null, senderAccepted: false },
    operatorBehaviour: row.operatorBehaviour as OperatorBehaviour,
  };
}

/** An own recipient as the API and the pages show it, with the decision a conformant sender makes for it. */
export function ownRecipientView(row: SandboxRecipientRow) {
  const recipient = ownRecipientOf(row);
  let expected: SenderDecision | null = null;
  let recipientKind: "personnummer" | "samordningsnummer" | "organisation" | null = null;
  try {
    const scenario = ownRecipientScenario(recipient);
    expected = scenario.expected;
    recipientKind = scenario.recipientKind;
  } catch {
    // A row that no longer passes (a fixed scenario took its number later) plays no part: shown without a decision.
  }
  return {
    id: row.id,
    recipientId: row.recipientId,
    label: row.label,
    recipientKind,
    accountType: recipient.account.type,
    operatorId: recipient.account.operator,
    pending: recipient.account.pending,
    senderAccepted: recipient.account.senderAccepted,
    operatorBehaviour: recipient.operatorBehaviour,
    expected,
    createdAt: row.createdAt.toISOString(),
  };
}
export type OwnRecipientView = ReturnType<typeof ownRecipientView>;
