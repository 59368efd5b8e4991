import { sandboxRecipientsOf } from "../../db/repositories/sandbox-repository.ts";
import { authorize } from "../access/policy.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { ownRecipientView } from "./own-recipient-row.ts";

/** The organisation's own synthetic recipients, each with the decision a conformant sender makes. */
export async function listOwnRecipients({ db, actor, organisationId }: Omit<UseCaseContext, "now"> & { organisationId: string }) {
  authorize(actor, { action: "sandbox:use", organisationId });
  return (await sandboxRecipientsOf(db, organisationId)).map(ownRecipientView);
}
