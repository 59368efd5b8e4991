import { findOwnRecipientByNumber, insertOwnRecipient } from "../../db/repositories/sandbox-setup-repository.ts";
import { checkOwnRecipientId, type OwnRecipientProblem } from "../../sandbox/recipients/own-recipient.ts";
import { authorize } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { DomainError, type FieldIssue } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import type { OwnRecipientInput } from "./own-recipient-input.ts";
import { ownRecipientView } from "./own-recipient-row.ts";

const ID_PROBLEMS: Record<OwnRecipientProblem, { code: string; message: string }> = {
  format: {
    code: "recipient_format",
    message: "write 12 digits: YYYYMMDDNNNC for a person, or 16 + the organisationsnummer for an organisation",
  },
  date: { code: "recipient_date", message: "the number's birth date does not exist" },
  checksum: { code: "recipient_checksum", message: "the check digit does not match" },
  "not-synthetic": {
    code: "recipient_not_synthetic",
    message:
      "only synthetic numbers are accepted, never one that could belong to a real person or organisation: people born 1800–1839 (adults) or 2090–2099 (minors), organisations with group digit 4 (16 + 4…)",
  },
  "fixed-scenario": { code: "recipient_fixed_scenario", message: "this number is one of the fixed synthetic recipients already" },
};

/** The rules beyond the fields' shape: a synthetic number, and an account and operator that fit together. */
function problemsOf(input: OwnRecipientInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const checked = checkOwnRecipientId(input.recipientId);
  if (!checked.ok) issues.push({ path: ["recipientId"], ...ID_PROBLEMS[checked.problem] });
  if (input.accountType === "Secure" && !input.operatorId) {
    issues.push({ path: ["operatorId"], code: "operator_required", message: "a recipient with a mailbox (Secure) has an operator" });
  }
  if (input.accountType === "Not" && input.operatorId) {
    issues.push({ path: ["operatorId"], code: "operator_not_allowed", message: "a recipient without a mailbox (Not) has no operator" });
  }
  return issues;
}

/** Adds a synthetic recipient the organisation's environments answer for, beside the fixed ones. */
export async function addOwnRecipient({
  db,
  actor,
  now,
  organisationId,
  input,
}: UseCaseContext & { organisationId: string; input: OwnRecipientInput }) {
  authorize(actor, { action: "sandbox:use", organisationId });
  const issues = problemsOf(input);
  if (issues.length) throw new DomainError("VALIDATION_FAILED", "the recipient cannot be used", { fields: issues });
  const secure = input.accountType === "Secure";
  const row = await db.transaction(async (tx) => {
    if (await findOwnRecipientByNumber(tx, organisationId, input.recipientId)) {
      throw new DomainError("ALREADY_EXISTS", "the organisation already has this recipient", {
        fields: [
          { path: ["recipientId"], code: "recipient_duplicate", message: "the organisation already has a recipient with this number" },
        ],
      });
    }
    const created = await insertOwnRecipient(tx, {
      organisationId,
      recipientId: input.recipientId,
      label: input.label,
      accountType: input.accountType,
      // A recipient without a mailbox is never pending and accepts no sender: the contract's answer for Type=Not.
      pending: secure ? input.pending : false,
      operatorId: secure ? input.operatorId : null,
      senderAccepted: secure ? input.senderAccepted : false,
      operatorBehaviour: input.operatorBehaviour,
      createdAt: now,
      createdBy: actor.userId,
    });
    await recordAudit(
      tx,
      actor,
      { action: "sandbox.recipient.add", entityType: "sandbox_recipient", entityId: created.id, organisationId, after: created },
      now,
    );
    return created;
  });
  return ownRecipientView(row);
}
