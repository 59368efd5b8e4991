import { format } from "../../../i18n/index.ts";
import type { SenderDecision } from "../../../sandbox/recipients/scenarios.ts";
import { Link } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";

/**
 * The sandbox setup forms' own error codes (an uploaded CA's or a recipient number's problems)
 * are explained from the sandboxSetup catalogue; the form components look codes up in
 * fieldErrors, so these pages hand them a context where both are there.
 */
export const setupFormContext = (ctx: PageContext): PageContext => ({
  ...ctx,
  m: { ...ctx.m, fieldErrors: { ...ctx.m.fieldErrors, ...ctx.m.sandboxSetup.fieldErrors } },
});

export const ownRecipientsHref = (organisationId: string) => `/organisations/${organisationId}/sandbox/recipients`;
export const trustedCasHref = (organisationId: string) => `/organisations/${organisationId}/sandbox/trusted-cas`;

/** What a conformant sender does for a recipient, in words; null for a recipient that can no longer be used. */
export function expectedText(ctx: PageContext, expected: SenderDecision | null): string {
  const t = ctx.m.sandboxSetup;
  if (!expected) return t.notUsable;
  return expected.deliver ? t.deliver : format(t.notDeliver, { reason: t.reasons[expected.reason] });
}

/**
 * What the emulator answers a delivery to this recipient. Without a mailbox the chosen behaviour never
 * comes into play: the emulator answers every delivery with a SOAP fault (recipient not found).
 */
export function operatorAnswerText(ctx: PageContext, hasMailbox: boolean, behaviour: keyof PageContext["m"]["sandboxSetup"]["behaviours"]) {
  const t = ctx.m.sandboxSetup;
  return hasMailbox ? t.behaviours[behaviour] : t.noMailboxAnswer;
}

export function BackToOrganisation({ ctx, organisation }: { ctx: PageContext; organisation: { id: string; name: string } }) {
  return (
    <p className="back-link">
      <Link href={`/organisations/${organisation.id}`}>{format(ctx.m.sandboxSetup.backToOrganisation, { name: organisation.name })}</Link>
    </p>
  );
}
