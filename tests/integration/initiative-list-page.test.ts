import { describe, expect, it } from "vitest";
import { useTestWorld } from "../support/test-world.ts";

/** The rows of the initiative table as text, cell by cell, without markup. */
function rows(html: string): string[][] {
  const body = /<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? "";
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? "").matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) =>
      (cell[1] ?? "")
        .replace(/<[^>]+>/g, " ")
        .replace(/\s+/g, " ")
        .trim(),
    ),
  );
}

describe("the initiative list shows where each initiative stands", () => {
  const world = useTestWorld();

  it("gives each initiative its phase, how ready its next milestone is and what needs attention", async () => {
    const started = await world.seedInitiative({ name: "Kallelser till bygglovsmöten" });
    await world.seedInitiative({ name: "Fakturor för vatten och avlopp", phase: 2 });
    // A decision planned for a day that has passed makes the first one overdue.
    const pl = await world.loginAs("plA");
    const planned = await pl.put(`/api/v1/initiatives/${started.id}/milestones/I/plan`, { plannedOn: "2026-01-15" });
    expect(planned.statusCode).toBe(200);

    const page = await (await world.browserAs("plA")).get("/initiatives");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("<th");
    for (const heading of ["Fas", "Nästa milstolpe", "Att uppmärksamma", "Planerad driftstart"]) {
      expect(page.body).toMatch(new RegExp(`<th[^>]*>${heading}</th>`));
    }
    const byName = new Map(rows(page.body).map((cells) => [cells[0], cells.slice(1)]));
    expect(byName.get("Kallelser till bygglovsmöten")?.slice(0, 3)).toEqual([
      "1. Identifiera behov",
      "I: 0 av 3 dokument fastställda, 0 av 3 beslutspunkter beredda",
      "Beslut försenat",
    ]);
    expect(byName.get("Fakturor för vatten och avlopp")?.slice(0, 3)).toEqual([
      "2. Ta fram lösningsalternativ",
      "II: 0 av 1 dokument fastställda, 0 av 5 beslutspunkter beredda",
      "Inget",
    ]);
  });

  it("reads the same in English", async () => {
    await world.seedInitiative({ name: "Besked om parkeringstillstånd" });
    // The reader's language is changed here, so no other test's pages turn English.
    const b = await world.browserAs("readerA");
    expect((await b.post("/settings/language", { locale: "en" })).statusCode).toBe(303);
    const page = await b.get("/initiatives");
    expect(page.body).toMatch(/<th[^>]*>Needs attention<\/th>/);
    expect(
      rows(page.body)
        .find((cells) => cells[0] === "Besked om parkeringstillstånd")
        ?.slice(1, 4),
    ).toEqual(["1. Identify needs", "I: 0 of 3 documents approved, 0 of 3 decision points prepared", "Nothing"]);
  });
});
