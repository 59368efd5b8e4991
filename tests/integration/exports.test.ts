import { describe, expect, it } from "vitest";
import { z } from "zod";
import { NS, pdfinfo, xmpOf } from "../../src/exports/testing/pdf.ts";
import { Deliverable } from "../../src/http/routes/deliverables/deliverables.schema.ts";
import { parseBody, postJson, useTestWorld } from "../support/test-world.ts";

/** The part of the OpenAPI document read here: the media types of the export's answer. */
const ExportOperation = z.object({
  paths: z.object({
    "/api/v1/deliverables/{deliverableId}/export": z.object({
      get: z.object({ responses: z.object({ "200": z.object({ content: z.record(z.string(), z.unknown()) }) }) }),
    }),
  }),
});

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

describe("exporting a deliverable as DOCX and PDF", () => {
  const world = useTestWorld();

  /** A risk analysis with two versions: version 1 fastställd, the edit after it version 2, a draft. */
  async function riskAnalysis() {
    const pl = await world.loginAs("plA");
    const va = await world.loginAs("vaA");
    const initiative = await world.seedInitiative();
    const created = await postJson(
      pl,
      `/api/v1/initiatives/${initiative.id}/deliverables`,
      { deliverableTypeId: "riskanalys", title: "Riskanalys för Åre" },
      Deliverable,
    );
    const deliverableId = created.id;
    const section = created.template[0]?.id as string;
    await pl.put(`/api/v1/deliverables/${deliverableId}/sections`, {
      sections: { [section]: "Risker:\n\n- Leverantören är sen", bedomning: "Hög sannolikhet.", atgarder: "Tidig beställning." },
    });
    expect((await va.post(`/api/v1/deliverables/${deliverableId}/status`, { status: "faststalld" })).statusCode).toBe(200);
    await pl.put(`/api/v1/deliverables/${deliverableId}/sections`, { sections: { [section]: "Ändrad text" } });
    return { pl, deliverableId, url: `/api/v1/deliverables/${deliverableId}/export` };
  }

  it("answers the latest version as a DOCX attachment named in ASCII", async () => {
    const { pl, url } = await riskAnalysis();
    const res = await pl.get(`${url}?format=docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe(DOCX);
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="Riskanalys-for-Are-v2\.docx"/);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });

  it("answers a chosen version as a tagged PDF", async () => {
    const { pl, url } = await riskAnalysis();
    const res = await pl.get(`${url}?format=pdf&version=1`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="Riskanalys-for-Are-v1\.pdf"/);
    const pdf = res.rawPayload.toString("latin1");
    expect(pdf.startsWith("%PDF-")).toBe(true);
    expect(pdf).toContain("/StructTreeRoot");
  });

  it("gives the PDF the archive's properties: title, organisation, language, the export moment, PDF/UA", async () => {
    const { pl, url } = await riskAnalysis();
    const before = Math.floor(Date.now() / 1000) * 1000;
    const res = await pl.get(`${url}?format=pdf`);
    const after = Date.now();
    const { values } = xmpOf(res.rawPayload);
    expect(values(NS.dc, "title")).toEqual(["Riskanalys för Åre"]);
    expect(values(NS.dc, "creator")).toEqual([world.orgA.name]);
    expect(values(NS.dc, "language")).toEqual(["sv-SE"]);
    expect(values(NS.pdfuaid, "part")).toEqual(["1"]);
    const created = Date.parse(values(NS.xmp, "CreateDate")[0] ?? "");
    expect(created).toBeGreaterThanOrEqual(before);
    expect(created).toBeLessThanOrEqual(after);
    const info = pdfinfo(res.rawPayload);
    expect(info.Author).toBe(world.orgA.name);
    expect(Date.parse(info.CreationDate ?? "")).toBe(created);
    expect(info.Tagged).toBe("yes");
  });

  it("hides the deliverable from another organisation and refuses what it cannot give", async () => {
    const { pl, url } = await riskAnalysis();
    const outsider = await world.loginAs("plB");
    expect((await outsider.get(`${url}?format=pdf`)).statusCode).toBe(404);
    expect((await pl.get(`${url}?format=pdf&version=99`)).statusCode).toBe(404);
    const txt = await pl.get(`${url}?format=txt`);
    expect(txt.statusCode).toBe(400);
    expect(txt.json()).toMatchObject({ code: "VALIDATION_FAILED", fields: [{ path: "format" }] });
    expect((await pl.get(url)).statusCode).toBe(400);
    expect((await world.app.inject({ method: "GET", url: `${url}?format=pdf` })).statusCode).toBe(401);
  });

  it("is in the OpenAPI document", async () => {
    const spec = parseBody(await world.app.inject({ method: "GET", url: "/api/openapi.json" }), ExportOperation);
    const download = spec.paths["/api/v1/deliverables/{deliverableId}/export"].get;
    expect(Object.keys(download.responses["200"].content)).toEqual([
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/pdf",
    ]);
  });

  it("offers both formats from the deliverable's page to a logged-in member, and nothing to an outsider", async () => {
    const { deliverableId } = await riskAnalysis();
    const session = await world.browserAs("plA");
    const page = await session.get(`/deliverables/${deliverableId}`);
    expect(page.body).toContain(`/deliverables/${deliverableId}/export.docx?version=2`);
    expect(page.body).toContain(`/deliverables/${deliverableId}/export.pdf?version=2`);

    const pdf = await session.get(`/deliverables/${deliverableId}/export.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers["content-disposition"]).toMatch(/filename="Riskanalys-for-Are-v2\.pdf"/);
    const docx = await session.get(`/deliverables/${deliverableId}/export.docx?version=1`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers["content-type"]).toBe(DOCX);
    expect(docx.headers["content-disposition"]).toMatch(/filename="Riskanalys-for-Are-v1\.docx"/);
    expect((await session.get(`/deliverables/${deliverableId}/export.pdf?version=99`)).statusCode).toBe(404);
    expect((await session.get(`/deliverables/${deliverableId}/export.pdf?version=abc`)).statusCode).toBe(404);

    const outsider = await world.browserAs("plB");
    expect((await outsider.get(`/deliverables/${deliverableId}/export.pdf`)).statusCode).toBe(404);
    const anonymous = await world.anonymousBrowser().get(`/deliverables/${deliverableId}/export.docx`);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/login\?next=/);
  });
});
