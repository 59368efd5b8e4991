import { findOidcProvider, identitiesOfUser } from "../../db/repositories/oidc-repository.ts";
import { lockOrganisation, updateOrganisationSettings } from "../../db/repositories/organisation-repository.ts";
import { authorize } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { DomainError, notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";

const refuse = (code: "provider_unavailable" | "provider_not_linked") =>
  new DomainError("VALIDATION_FAILED", `sign-in provider: ${code}`, {
    fields: [{ path: ["providerId"], code, message: code }],
  });

/**
 * Says which identity provider the organisation's members sign in with (issue 15): while it is set
 * and enabled, their password login is off (authenticatePassword). Set by those who set how the
 * organisation works. Nobody locks herself out: a person who is not a system administrator may
 * choose only a provider she has signed in with herself (an identity at its issuer). Null turns
 * passwords back on. Audited; a choice sent as it already is changes nothing.
 */
export async function setSignInProvider({
  db,
  actor,
  now,
  organisationId,
  providerId,
}: UseCaseContext & { organisationId: string; providerId: string | null }) {
  authorize(actor, { action: "organisation:settings", organisationId });
  return db.transaction(async (tx) => {
    const before = await lockOrganisation(tx, organisationId);
    if (!before) throw notFound("organisation");
    const provider = providerId ? await findOidcProvider(tx, providerId) : null;
    if (providerId) {
      if (!provider?.enabled) throw refuse("provider_unavailable");
      const own = await identitiesOfUser(tx, actor.userId);
      if (!actor.systemRoles.includes("admin") && !own.some((i) => i.issuer === provider.issuer)) throw refuse("provider_not_linked");
    }
    const view = { signInProvider: provider ? { id: provider.id, name: provider.displayName } : null };
    if (before.signInProviderId === providerId) return view;
    await updateOrganisationSettings(tx, organisationId, { signInProviderId: providerId });
    await recordAudit(
      tx,
      actor,
      {
        action: "organisation.sign_in_provider",
        entityType: "organisation",
        entityId: organisationId,
        organisationId,
        before: { signInProviderId: before.signInProviderId },
        after: { signInProviderId: providerId },
      },
      now,
    );
    return view;
  });
}
