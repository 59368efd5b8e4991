import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { deliverableVersions } from "../../src/db/schema.ts";
import { unzip } from "../../src/exports/testing/unzip.ts";
import { Deliverable } from "../../src/http/routes/deliverables/deliverables.schema.ts";
import { Flow } from "../../src/http/routes/flows/flows.schema.ts";
import { getJson, parseBody, postJson, useTestWorld } from "../support/test-world.ts";

/**
 * The förstudierapport and the anslutningsplaner carry tables Ansluta writes from the flows, the
 * tactic comparison and the forecast (issue 11): computed while a version is a draft, frozen when it
 * is fastställd.
 */
describe("generated tables in documents", () => {
  const world = useTestWorld();

  async function initiativeWithFlows() {
    const pl = await world.loginAs("plA");
    const { id } = await world.seedInitiative({ name: "Tabeller i dokument" });
    const url = `/api/v1/initiatives/${id}/flows`;
    const bygglov = await postJson(
      pl,
      url,
      {
        name: "Beslut om bygglov",
        recipientType: "privatperson",
        annualVolume: 12_000,
        plannedTestDate: "2027-03-01",
        plannedProductionDate: "2027-06-01",
      },
      Flow,
    );
    await postJson(pl, url, { name: "Kallelser", recipientType: "blandat", annualVolume: 200 }, Flow);
    await pl.post(`/api/v1/initiatives/${id}/tactics`, { tactic: "inget", name: "Som i dag" });
    await pl.post(`/api/v1/initiatives/${id}/tactics`, {
      tactic: "formedlare",
      name: "Via förmedlare",
      oneOffCostSek: 50_000,
      annualCostSek: 10_000,
      flowIds: [bygglov.id],
      recommended: true,
      recommendationReason: "Lägst kostnad per meddelande",
    });
    return { pl, id, bygglov };
  }

  it("shows the flows and the tactic comparison in a draft förstudierapport, on the page and in the files", async () => {
    const { pl, id } = await initiativeWithFlows();
    const created = await pl.post(`/api/v1/initiatives/${id}/deliverables`, { deliverableTypeId: "forstudierapport" });
    const doc = parseBody(created, Deliverable, 201);
    expect(doc.currentGenerated?.parts).toEqual(["flows", "tactics"]);
    expect(doc.currentGenerated?.flows.map((f) => [f.rank, f.name])).toEqual([
      [1, "Beslut om bygglov"],
      [2, "Kallelser"],
    ]);
    expect(doc.currentGenerated?.tactics.find((t) => t.recommended)).toMatchObject({
      name: "Via förmedlare",
      fiveYearCostSek: 100_000,
      flowNames: ["Beslut om bygglov"],
    });

    const page = await (await world.browserAs("plA")).get(`/deliverables/${doc.id}`);
    expect(page.body).toContain("Tabeller ur Ansluta");
    expect(page.body).toContain("Jämförelse av anslutningstaktiker");
    expect(page.body).toContain("Ja: Lägst kostnad per meddelande");

    const docx = await pl.get(`/api/v1/deliverables/${doc.id}/export?format=docx`);
    expect(docx.statusCode).toBe(200);
    const text = unzip(docx.rawPayload, "word/document.xml") ?? "";
    expect(text).toContain("Meddelandeflöden i prioritetsordning");
    expect(text).toContain("Beslut om bygglov");
  });

  it("freezes the tables of an anslutningsplan when it is fastställd, and a later change of a flow does not move them", async () => {
    const { pl, id, bygglov } = await initiativeWithFlows();
    const va = await world.loginAs("vaA");
    const doc = parseBody(
      await pl.post(`/api/v1/initiatives/${id}/deliverables`, { deliverableTypeId: "overgripande-anslutningsplan" }),
      Deliverable,
      201,
    );
    const sections = Object.fromEntries(doc.template.filter((s) => s.required).map((s) => [s.id, "Text."]));
    expect((await pl.put(`/api/v1/deliverables/${doc.id}/sections`, { sections })).statusCode).toBe(200);
    expect((await va.post(`/api/v1/deliverables/${doc.id}/status`, { status: "faststalld" })).statusCode).toBe(200);

    await pl.put(`/api/v1/flows/${bygglov.id}`, { name: "Bygglov, omdöpt", recipientType: "privatperson", annualVolume: 1 });
    const after = await getJson(pl, `/api/v1/deliverables/${doc.id}`, Deliverable);
    const frozen = after.versions[0]?.generated;
    expect(frozen?.parts).toEqual(["flows", "plan", "volumes"]);
    expect(frozen?.flows.find((f) => f.name === "Beslut om bygglov")).toMatchObject({
      annualVolume: 12_000,
      plannedProductionDate: "2027-06-01",
    });
    expect(frozen?.volumes).toHaveLength(5);
    // The live tables follow the flow; the fastställd version keeps its own.
    expect(after.currentGenerated?.flows.map((f) => f.name)).toContain("Bygglov, omdöpt");
    const page = await (await world.browserAs("plA")).get(`/deliverables/${doc.id}`);
    expect(page.body).toContain("Beslut om bygglov");
    expect(page.body).not.toContain("Bygglov, omdöpt");
    const [row] = await world.db.select().from(deliverableVersions).where(eq(deliverableVersions.deliverableId, doc.id));
    expect(row?.generated).not.toBeNull();
  });

  it("writes no tables into a type that has none", async () => {
    const { pl, id } = await initiativeWithFlows();
    const doc = parseBody(
      await pl.post(`/api/v1/initiatives/${id}/deliverables`, { deliverableTypeId: "idebeskrivning" }),
      Deliverable,
      201,
    );
    expect(doc.currentGenerated).toBeNull();
    expect((await (await world.browserAs("plA")).get(`/deliverables/${doc.id}`)).body).not.toContain("Tabeller ur Ansluta");
  });
});
