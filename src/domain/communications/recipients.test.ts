import { describe, expect, it } from "vitest";
import { INFORM_AUDIENCES } from "../../method/types.ts";
import { recipientsFor } from "./recipients.ts";

const sender = { organisationId: "org-a", name: "Sundsvalls kommun" };

describe("who receives the message to each audience", () => {
  it("sends the partners' message to each samverkanspart and to nobody when there is none", () => {
    expect(recipientsFor("partners", sender, [])).toEqual([]);
    expect(
      recipientsFor("partners", sender, [
        { kind: "organisation", organisationId: "org-b", name: "Region Västernorrland" },
        { kind: "external", name: "Kim Konsult", email: "kim@formedlare.example" },
      ]),
    ).toEqual([
      { kind: "organisation", organisationId: "org-b", name: "Region Västernorrland", email: null },
      { kind: "external", organisationId: null, name: "Kim Konsult", email: "kim@formedlare.example" },
    ]);
  });

  it("never makes the sender a recipient of the förvaltningsgrupp's or the partners' message", () => {
    const partner = [{ kind: "organisation" as const, organisationId: "org-b", name: "B" }];
    for (const audience of ["forvaltningsgrupp", "partners"] as const) {
      expect(recipientsFor(audience, sender, partner).map((r) => r.organisationId)).not.toContain("org-a");
    }
    expect(recipientsFor("forvaltningsgrupp", sender, partner)).toEqual([expect.objectContaining({ kind: "forvaltningsgrupp" })]);
  });

  it("gives every other audience to the deciding organisation", () => {
    for (const audience of INFORM_AUDIENCES.filter((a) => a !== "forvaltningsgrupp" && a !== "partners")) {
      expect(recipientsFor(audience, sender, [])).toEqual([
        { kind: "organisation", organisationId: "org-a", name: "Sundsvalls kommun", email: null },
      ]);
    }
  });
});
