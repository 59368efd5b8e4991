import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { flowActuals } from "../../src/db/schema.ts";
import { Flow } from "../../src/http/routes/flows/flows.schema.ts";
import { type Browser, postJson, useTestWorld } from "../support/test-world.ts";

/** The actuals import page of issue 11: upload, preview with errors in Swedish, "Spara" carrying the file back. */
describe("actuals import pages", () => {
  const world = useTestWorld();

  const upload = (b: Browser, url: string, file: { name: string; bytes: Buffer }) => {
    const boundary = "----ansluta-test-boundary";
    const parts: Buffer[] = [
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${b.jar.get("ansluta_csrf") ?? ""}\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ];
    return world.app.inject({
      method: "POST",
      url,
      headers: {
        cookie: [...b.jar].map(([k, v]) => `${k}=${v}`).join("; "),
        "content-type": `multipart/form-data; boundary=${boundary}`,
      },
      payload: Buffer.concat(parts),
    });
  };
  const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? "";

  async function withFlow(name: string) {
    const initiative = await world.seedInitiative({ name });
    const pl = await world.loginAs("plA");
    const flow = await postJson(
      pl,
      `/api/v1/initiatives/${initiative.id}/flows`,
      { name: "Faktura", recipientType: "foretag", annualVolume: 1200 },
      Flow,
    );
    return { initiativeId: initiative.id, flowId: flow.id };
  }
  const stored = (flowId: string) =>
    world.db
      .select({ month: flowActuals.month, digital: flowActuals.digital })
      .from(flowActuals)
      .where(inArray(flowActuals.flowId, [flowId]));

  it("is linked for the team from the versions page and the flow's actuals page, and explains the format", async () => {
    const { initiativeId, flowId } = await withFlow("Utfallsimport länkar");
    const b = await world.browserAs("plA");
    const href = `href="/initiatives/${initiativeId}/actuals/import"`;
    expect((await b.get(`/initiatives/${initiativeId}/forecast/versions`)).body).toContain(href);
    expect((await b.get(`/flows/${flowId}/actuals`)).body).toContain(href);
    const reader = await world.browserAs("readerA");
    expect((await reader.get(`/initiatives/${initiativeId}/forecast/versions`)).body).not.toContain(href);
    expect((await reader.get(`/initiatives/${initiativeId}/actuals/import`)).statusCode).toBe(403);
    const page = await b.get(`/initiatives/${initiativeId}/actuals/import`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Importera utfall");
    expect(page.body).toContain('href="/api/v1/actuals/import-template.csv"');
    expect(page.body).toMatch(/enctype="multipart\/form-data"/i);
  });

  it("previews without saving, saves from the preview's form and goes to the versions page with a notice", async () => {
    const { initiativeId, flowId } = await withFlow("Utfallsimport spara");
    const b = await world.browserAs("plA");
    const csv = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from("Flöde;Månad;Digitala;Papper\r\nfaktura;2026-01;1 200;30\r\n"),
    ]);
    const preview = await upload(b, `/initiatives/${initiativeId}/actuals/import`, { name: "utfall.csv", bytes: csv });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain(">Spara<");
    expect(await stored(flowId)).toEqual([]);
    const saved = await b.post(`/initiatives/${initiativeId}/actuals/import/commit`, {
      content: hidden(preview.body, "content"),
      fileName: hidden(preview.body, "fileName"),
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/initiatives/${initiativeId}/forecast/versions`);
    expect(await stored(flowId)).toEqual([{ month: "2026-01", digital: 1200 }]);
    expect((await b.get(`/initiatives/${initiativeId}/forecast/versions`)).body).toContain("Utfall för 1 månad har importerats.");
  });

  it("lists errors by row and column in Swedish, offers no save, and a save of a wrong file saves nothing", async () => {
    const { initiativeId, flowId } = await withFlow("Utfallsimport fel");
    const b = await world.browserAs("plA");
    const wrong = Buffer.from("Flöde;Månad;Digitala;Papper\nOkänt;2026-01;1;1\n");
    const preview = await upload(b, `/initiatives/${initiativeId}/actuals/import`, { name: "fel.csv", bytes: wrong });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain("Filen har fel");
    expect(preview.body).toMatch(/<td[^>]*>2<\/td><td[^>]*>Flöde<\/td><td[^>]*>Initiativet har inget flöde med det namnet\./);
    expect(preview.body).not.toContain("/actuals/import/commit");
    const refused = await b.post(`/initiatives/${initiativeId}/actuals/import/commit`, {
      content: wrong.toString("base64"),
      fileName: "fel.csv",
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("Filen har fel");
    expect(await world.db.select().from(flowActuals).where(eq(flowActuals.flowId, flowId))).toEqual([]);
  });
});
