import { describe, expect, it } from "vitest";
import { type DeliverableVersion, deliverableDocument } from "./deliverable-document.ts";

const version = (overrides: Partial<DeliverableVersion> = {}): DeliverableVersion => ({
  version: 2,
  status: "faststalld",
  sections: {
    risker: "Två risker är kända.\n\n- Leverantören är sen\n- Certifikatet går ut",
    atgarder: "",
  },
  contentHash: "hash",
  createdAt: "2026-11-02T09:00:00.000Z",
  updatedAt: "2026-11-03T10:30:00.000Z",
  approvedAt: "2026-11-04T13:15:00.000Z",
  createdBy: { id: "00000000-0000-4000-8000-000000000002", name: "Petra Projektledare" },
  lastEditedBy: { id: "00000000-0000-4000-8000-000000000002", name: "Petra Projektledare" },
  approvedBy: { id: "00000000-0000-4000-8000-000000000001", name: "Viktor Verksamhetsägare" },
  secondApprover: null,
  generated: null,
  ...overrides,
});

const deliverable = {
  title: "Riskanalys för Mina meddelanden",
  typeId: "riskanalys",
  template: [
    {
      id: "risker",
      heading: { sv: "Identifierade risker", en: "Identified risks" },
      guidance: { sv: "Vilka risker finns?", en: "Which risks are there?" },
      required: true,
    },
    { id: "atgarder", heading: { sv: "Åtgärder", en: "Actions" }, guidance: { sv: "Vad görs?", en: "What is done?" }, required: false },
  ],
  versions: [version()],
};

describe("a deliverable as a document", () => {
  const doc = deliverableDocument({
    deliverable,
    version: version(),
    locale: "sv",
    exportedAt: new Date("2026-11-27T11:00:00Z"),
    initiativeName: "Digitala bygglovsbeslut",
    organisationName: "Sundsvalls kommun",
  });

  it("opens with the title and a table of facts whose status is in Swedish", () => {
    expect(doc.title).toBe("Riskanalys för Mina meddelanden");
    expect(doc.language).toBe("sv-SE");
    expect(doc.author).toBe("Sundsvalls kommun");
    expect(doc.createdAt).toEqual(new Date("2026-11-27T11:00:00Z"));
    expect(doc.metadata).toEqual([expect.stringContaining("Exporterad ur Ansluta")]);
    const [facts] = doc.blocks;
    expect(facts).toMatchObject({ kind: "table", header: ["Uppgift", "Värde"] });
    const rows = facts?.kind === "table" ? Object.fromEntries(facts.rows.map(([k, v]) => [k, v])) : {};
    expect(rows).toMatchObject({
      Organisation: "Sundsvalls kommun",
      Initiativ: "Digitala bygglovsbeslut",
      Version: "2",
      Status: "Fastställd",
    });
    expect(rows["Datum för fastställande"]).toMatch(/2026/);
    expect(rows["Fastställd av"]).toBe("Viktor Verksamhetsägare");
  });

  it("gives every template section a level-2 heading and its text, and says when a section is empty", () => {
    expect(doc.blocks.slice(1)).toEqual([
      { kind: "heading", level: 2, text: "Identifierade risker" },
      { kind: "paragraph", text: "Två risker är kända." },
      { kind: "list", items: ["Leverantören är sen", "Certifikatet går ut"] },
      { kind: "heading", level: 2, text: "Åtgärder" },
      { kind: "paragraph", text: "Inget innehåll ännu." },
    ]);
  });

  it("names the status in the chosen language and leaves out what it does not know", () => {
    const draft = deliverableDocument({
      deliverable,
      version: version({ status: "for_granskning", approvedAt: null, approvedBy: null }),
      locale: "en",
      exportedAt: new Date(),
    });
    expect(draft.language).toBe("en-GB");
    const facts = draft.blocks[0];
    const labels = facts?.kind === "table" ? facts.rows.map(([k]) => k) : [];
    expect(labels).not.toContain("Organisation");
    expect(labels).not.toContain("Approved on");
    expect(labels).not.toContain("Approved by");
    expect(facts?.kind === "table" && facts.rows.find(([k]) => k === "Status")?.[1]).toBe("For review");
  });
});
