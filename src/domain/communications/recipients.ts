import type { InformAudience } from "../../method/types.ts";

export type Recipient =
  | { kind: "forvaltningsgrupp"; organisationId: null; name: string; email: null }
  | { kind: "organisation"; organisationId: string; name: string; email: null }
  | { kind: "external"; organisationId: null; name: string; email: string };

export type Partner = { kind: "organisation"; organisationId: string; name: string } | { kind: "external"; name: string; email: string };

export const FORVALTNINGSGRUPP_NAME = "Förvaltningsgruppen för Mina meddelanden";

/**
 * Who receives the message to one audience. The förvaltningsgrupp's goes to the förvaltningsgrupp;
 * the partners' to each samverkanspart (none named: nobody, and the decision says so); the own
 * organisation's to the deciding organisation, which also receives those for stakeholders that
 * Ansluta does not know, to pass them on. The sender is not a recipient of what it sends others:
 * its record of them is the decision, with each recipient's read status.
 */
export function recipientsFor(
  audience: InformAudience,
  sender: { organisationId: string; name: string },
  partners: readonly Partner[],
): Recipient[] {
  switch (audience) {
    case "forvaltningsgrupp":
      return [{ kind: "forvaltningsgrupp", organisationId: null, name: FORVALTNINGSGRUPP_NAME, email: null }];
    case "partners":
      return partners.map((p) =>
        p.kind === "organisation"
          ? { kind: "organisation", organisationId: p.organisationId, name: p.name, email: null }
          : { kind: "external", organisationId: null, name: p.name, email: p.email },
      );
    case "own_organisation":
    case "other_stakeholders":
    case "affected_stakeholders":
      return [{ kind: "organisation", organisationId: sender.organisationId, name: sender.name, email: null }];
  }
}
