import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Flow } from "../../src/http/routes/flows/flows.schema.ts";
import { Initiative } from "../../src/http/routes/initiatives/initiatives.schema.ts";
import { OpenDataBody } from "../../src/http/routes/portfolio/open-data.schema.ts";
import { getJson, parseBody, postJson, useTestWorld } from "../support/test-world.ts";

const Publishable = z.object({ initiativeId: z.string(), publishable: z.boolean() });

/** The public open-data export (issue 14): only initiatives their organisation marked publishable. */
describe("open data", () => {
  const world = useTestWorld();
  const open = async (format: "json" | "csv") => world.app.inject({ method: "GET", url: `/api/v1/open-data/connections.${format}` });

  it("lists an initiative only while it is marked publishable, and never a field of one that is not", async () => {
    const hidden = await world.seedInitiative({ name: "Hemligt initiativ Ödmjuk" });
    const shown = await world.seedInitiative({ name: "Öppet initiativ bygglov", phase: 2 });
    const pl = await world.loginAs("plA");
    await postJson(
      pl,
      `/api/v1/initiatives/${shown.id}/flows`,
      { name: "Beslut", recipientType: "privatperson", annualVolume: 40_000, plannedProductionDate: "2026-05-01", status: "i_produktion" },
      Flow,
    );
    await postJson(
      pl,
      `/api/v1/initiatives/${hidden.id}/flows`,
      { name: "Hemligt flöde", recipientType: "privatperson", annualVolume: 77_777, plannedProductionDate: "2031-11-01" },
      Flow,
    );
    // Off by default: nothing at all, in either format.
    const before = parseBody(await open("json"), OpenDataBody);
    expect(before.connections).toEqual([]);
    expect(before.licence.id).toBe("CC0-1.0");

    const marked = parseBody(await pl.put(`/api/v1/initiatives/${shown.id}/open-data`, { publishable: true }), Publishable);
    expect(marked).toMatchObject({ publishable: true });
    const after = await open("json");
    expect(after.headers.link).toContain("creativecommons.org/publicdomain/zero");
    const body = parseBody(after, OpenDataBody);
    expect(body.connections).toEqual([
      {
        organisationName: "Sundsvalls kommun",
        organisationNumber: "2120002411",
        organisationKind: "kommun",
        county: null,
        initiativeName: "Öppet initiativ bygglov",
        status: "connected",
        phase: 2,
        completed: false,
        plannedProductionQuarter: "2026-Q2",
        volumeBand: "10000-99999",
      },
    ]);
    for (const res of [after, await open("csv")]) {
      expect(res.statusCode).toBe(200);
      for (const secret of ["Ödmjuk", "2031", "Hemligt", hidden.id]) expect(res.body).not.toContain(secret);
    }
    const csv = (await open("csv")).body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(csv[0]).toBe(
      "organisationName;organisationNumber;organisationKind;county;initiativeName;status;phase;completed;plannedProductionQuarter;volumeBand",
    );
    expect(csv.slice(1)).toEqual(["Sundsvalls kommun;2120002411;kommun;;Öppet initiativ bygglov;connected;2;false;2026-Q2;10000-99999"]);

    // Unmarked: gone from the very next answer.
    parseBody(await pl.put(`/api/v1/initiatives/${shown.id}/open-data`, { publishable: false }), Publishable);
    expect(parseBody(await open("json"), OpenDataBody).connections).toEqual([]);
    expect((await open("csv")).body).not.toContain("bygglov");
  });

  it("is marked by the projektledare, verksamhetsägare or administratör only, audited; bad input is refused", async () => {
    const initiative = await world.seedInitiative({ name: "Öppna data: behörighet" });
    const url = `/api/v1/initiatives/${initiative.id}/open-data`;
    for (const person of ["consultant", "readerA", "sgA", "fg", "admin"] as const) {
      const res = await (await world.loginAs(person)).put(url, { publishable: true });
      expect(res.statusCode, person).toBe(403);
    }
    expect((await (await world.loginAs("plB")).put(url, { publishable: true })).statusCode).toBe(404);
    const va = await world.loginAs("vaA");
    const bad = await va.put(url, { publishable: "ja" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual([expect.objectContaining({ path: "publishable" })]);
    expect((await va.put(url, { publishable: true })).statusCode).toBe(200);
    const read = await getJson(va, `/api/v1/initiatives/${initiative.id}`, Initiative);
    expect(read.publishable).toBe(true);
    expect(read.permissions.publish).toBe(true);
    const audit = await (await world.loginAs("admin")).get(`/api/v1/audit?entityId=${initiative.id}`);
    expect(audit.body).toContain("initiative.publishable");
  });

  it("is turned on and off from the initiative's page without JavaScript", async () => {
    const initiative = await world.seedInitiative({ name: "Öppna data: sidan" });
    const b = await world.browserAs("plA");
    const page = await b.get(`/initiatives/${initiative.id}`);
    expect(page.body).toContain("Initiativet visas inte i öppna data.");
    expect(page.body).toContain('name="publishable" value="yes"');
    const on = await b.post(`/initiatives/${initiative.id}/open-data`, { publishable: "yes" });
    expect(on.statusCode).toBe(303);
    expect((await b.get(on.headers.location as string)).body).toContain("Initiativet visas nu i öppna data.");
    expect(parseBody(await open("json"), OpenDataBody).connections.map((c) => c.initiativeName)).toContain("Öppna data: sidan");
    expect((await b.post(`/initiatives/${initiative.id}/open-data`, { publishable: "kanske" })).statusCode).toBe(400);
    await b.post(`/initiatives/${initiative.id}/open-data`, { publishable: "no" });
    expect(parseBody(await open("json"), OpenDataBody).connections.map((c) => c.initiativeName)).not.toContain("Öppna data: sidan");
    // A deltagare sees the state but no button.
    const consultant = await world.browserAs("consultant");
    expect((await consultant.get(`/initiatives/${initiative.id}`)).body).not.toContain('name="publishable"');
  });

  it("documents its stable schema and licence in the OpenAPI document", async () => {
    const doc = (await world.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const operation = doc.paths["/api/v1/open-data/connections.json"].get;
    expect(operation.security ?? []).toEqual([]);
    const text = JSON.stringify(doc);
    expect(text).toContain("CC0");
    for (const field of ["organisationNumber", "plannedProductionQuarter", "volumeBand", "schemaVersion"]) expect(text).toContain(field);
    expect(doc.paths["/api/v1/open-data/connections.csv"].get).toBeDefined();
  });
});
