import { trustedCasOf } from "../../db/repositories/sandbox-setup-repository.ts";
import { authorize } from "../access/policy.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { trustedCaView } from "./trusted-ca-view.ts";

/** The test CAs the organisation uploaded, oldest first. */
export async function listTrustedCas({ db, actor, organisationId }: Omit<UseCaseContext, "now"> & { organisationId: string }) {
  authorize(actor, { action: "sandbox:use", organisationId });
  return (await trustedCasOf(db, organisationId)).map(trustedCaView);
}
