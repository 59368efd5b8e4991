import { z } from "zod";
import { email, organisationNumber, requiredText } from "../shared/field-rules.ts";

/**
 * A samverkanspart to name: an organisation in Ansluta, by its organisationsnummer (the public
 * identifier the team knows), or a named external party reached by e-mail.
 */
export const PartnerInput = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("organisation"), organisationNumber }),
    z.object({ kind: z.literal("external"), name: requiredText(200), email }),
  ],
  { error: "invalid_choice" },
);
export type PartnerInput = z.infer<typeof PartnerInput>;
