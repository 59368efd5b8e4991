import { describe, expect, it } from "vitest";
import { Organisation } from "../../src/http/routes/organisations/organisations.schema.ts";
import { getJson, parseBody, useTestWorld } from "../support/test-world.ts";

/** An organisation's county (län), which the förvaltningsgrupp's portfolio groups and filters by (issue 14). */
describe("an organisation's county", () => {
  const world = useTestWorld();

  it("is set by the verksamhetsägare over the API, audited, and left as it is by a PATCH that does not name it", async () => {
    const va = await world.loginAs("vaA");
    const url = `/api/v1/organisations/${world.orgA.id}`;
    expect((await getJson(va, url, Organisation)).county).toBeNull();
    const set = parseBody(await va.patch(url, { county: "Y" }), Organisation);
    expect(set.county).toBe("Y");
    const other = parseBody(await va.patch(url, { requiresSecondApprover: true }), Organisation);
    expect(other.county).toBe("Y");
    const refused = await va.patch(url, { county: "XX" });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields).toEqual([expect.objectContaining({ path: "county", code: "invalid_choice" })]);
    const audit = await (await world.loginAs("admin")).get(`/api/v1/audit?entityId=${world.orgA.id}`);
    expect(audit.body).toContain('"county":"Y"');
    // A deltagare may not; the förvaltningsgrupp reads it.
    expect((await (await world.loginAs("consultant")).patch(url, { county: "AB" })).statusCode).toBe(403);
    expect((await getJson(await world.loginAs("fg"), url, Organisation)).county).toBe("Y");
  });

  it("is chosen among the 21 counties on the organisation's page, and cleared again", async () => {
    const b = await world.browserAs("vaA");
    const page = await b.get(`/organisations/${world.orgA.id}`);
    expect(page.body).toContain('<option value="BD">Norrbottens län</option>');
    const saved = await b.post(`/organisations/${world.orgA.id}/settings`, { requiresSecondApprover: "yes", county: "AC" });
    expect(saved.statusCode).toBe(303);
    expect((await b.get(`/organisations/${world.orgA.id}`)).body).toContain("Västerbottens län");
    const refused = await b.post(`/organisations/${world.orgA.id}/settings`, { requiresSecondApprover: "yes", county: "Lappland" });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toMatch(/id="f-county"[^>]*aria-invalid="true"/);
    const cleared = await b.post(`/organisations/${world.orgA.id}/settings`, { requiresSecondApprover: "yes", county: "" });
    expect(cleared.statusCode).toBe(303);
    expect((await getJson(await world.loginAs("vaA"), `/api/v1/organisations/${world.orgA.id}`, Organisation)).county).toBeNull();
  });
});
