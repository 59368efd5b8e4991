import type { ReachabilityStatus } from "../soap/types.ts";
import { ageOn, parseIdentityNumber } from "./identity-numbers.ts";
import type { SenderDecision } from "./scenarios.ts";

/**
 * What a conformant sender does with an isReachable answer, in the order the reference client
 * applies its rules (technical.md §5.1): accepted by the recipient, mailbox active, a supplier to
 * deliver to, and (for people) 18 or older. The emulator grades senders against this.
 */
export function decideDelivery(status: ReachabilityStatus, today: Date): SenderDecision {
  if (!status.senderAccepted) {
    return { deliver: false, reason: status.accountStatus.type === "Not" ? "no-mailbox" : "sender-not-accepted" };
  }
  if (status.accountStatus.pending) return { deliver: false, reason: "mailbox-pending" };
  if (status.accountStatus.type === "Not" || !status.accountStatus.serviceSupplier?.serviceAdress.trim()) {
    return { deliver: false, reason: "no-mailbox" };
  }
  const identity = parseIdentityNumber(status.accountStatus.recipientId);
  if (identity.ok && identity.kind !== "organisation" && ageOn(identity.birthDate, today) < 18) return { deliver: false, reason: "minor" };
  return { deliver: true };
}
