import { z } from "zod";
import { OPERATOR_BEHAVIOURS, OPERATOR_KEYS } from "../../sandbox/recipients/own-recipient.ts";
import type { OperatorBehaviour, OperatorKey } from "../../sandbox/recipients/scenarios.ts";

/**
 * An own synthetic recipient's fields as the API and the form send them: the shape only. Whether
 * the number is synthetic and whether the account and operator fit together are the use case's
 * rules (add-own-recipient.ts), so both edges explain them the same way.
 */
export const OwnRecipientInput = z.object({
  recipientId: z
    .string({ error: "required" })
    .transform((s) => s.replace(/[\s-]/g, ""))
    .pipe(z.string().min(1, { error: "required" }).max(20, { error: "too_long" }))
    .meta({
      description:
        "12 digits: a synthetic personnummer or samordningsnummer (born 1800–1839 or 2090–2099), or 16 + a synthetic organisationsnummer (group digit 4)",
    }),
  label: z
    .string()
    .trim()
    .max(200, { error: "too_long" })
    .default("")
    .meta({ description: "What the recipient is for, in your own words" }),
  accountType: z.enum(["Secure", "Not"], { error: "invalid_choice" }).meta({ description: "Secure: has a digital mailbox; Not: has none" }),
  operatorId: z
    .enum(OPERATOR_KEYS as [OperatorKey, ...OperatorKey[]], { error: "invalid_choice" })
    .nullable()
    .default(null)
    .meta({ description: "The mailbox operator: required for Secure, not allowed for Not" }),
  pending: z.boolean({ error: "invalid" }).default(false).meta({ description: "The mailbox is not yet activated (Secure only)" }),
  senderAccepted: z
    .boolean({ error: "invalid" })
    .default(true)
    .meta({ description: "The recipient accepts messages from this sender (Secure only)" }),
  operatorBehaviour: z
    .enum(OPERATOR_BEHAVIOURS as [OperatorBehaviour, ...OperatorBehaviour[]], { error: "invalid_choice" })
    .default("delivered")
    .meta({ description: "What the operator's deliverSecure does: delivered, not-delivered, fault or timeout" }),
});
export type OwnRecipientInput = z.infer<typeof OwnRecipientInput>;
