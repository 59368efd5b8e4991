import type { RecipientRow } from "../../db/repositories/communication-repository.ts";

/**
 * One recipient of a sent message, as its sender sees it: read or not yet in the recipient's
 * inbox, or e-mailed to an external party (whose reading Ansluta cannot know).
 */
export function recipientView(r: RecipientRow) {
  return {
    kind: r.kind,
    organisationId: r.organisationId,
    name: r.name,
    email: r.email,
    status: r.kind === "external" ? ("emailed" as const) : r.readAt ? ("read" as const) : ("sent" as const),
    readAt: r.readAt?.toISOString() ?? null,
  };
}
export type RecipientView = ReturnType<typeof recipientView>;
