import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { auditLog, messageFlows } from "../../src/db/schema.ts";
import { ImportPreview } from "../../src/http/routes/flows/flow-import.schema.ts";
import { Flow, FlowList } from "../../src/http/routes/flows/flows.schema.ts";
import { type Api, getJson, parseBody, useTestWorld } from "../support/test-world.ts";

/** Importing flows from Excel's CSV and XLSX (issue 11): a preview with row-level errors, and all or nothing on commit. */
describe("flow import API", () => {
  const world = useTestWorld();
  const Committed = z.object({ committed: z.literal(true), flows: z.array(Flow) });

  const importUrl = (initiativeId: string, commit = false) =>
    `/api/v1/initiatives/${initiativeId}/flows/import${commit ? "?commit=true" : ""}`;
  const send = (api: Api, url: string, body: Buffer, type = "text/csv") =>
    world.app.inject({ method: "POST", url, headers: { authorization: `Bearer ${api.token}`, "content-type": type }, payload: body });
  const stored = (initiativeId: string) => world.db.select().from(messageFlows).where(eq(messageFlows.initiativeId, initiativeId));
  const bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);

  const SWEDISH_CSV = bom(
    [
      "Namn;Mottagartyp;Årsvolym;Kostnad per brev;Svar krävs;Planerat testdatum;Planerat produktionsdatum;Status",
      'Beslut om bygglov;privatpersoner;"12 000";12,50;ja;2027-01-15;2027-03-01;Identifierad',
      "Faktura;företag;1\u00a0500;;nej;;;I test",
    ].join("\r\n"),
  );

  it("previews Excel's semicolon CSV with BOM, decimal comma and spaces between thousands without saving it", async () => {
    const pl = await world.loginAs("plA");
    const initiative = await world.seedInitiative({ name: "Import CSV" });
    const preview = parseBody(await send(pl, importUrl(initiative.id), SWEDISH_CSV), ImportPreview);
    expect(preview.errors).toEqual([]);
    expect(preview.format).toBe("csv");
    expect(preview.rows).toMatchObject([
      {
        row: 2,
        flow: { name: "Beslut om bygglov", recipientType: "privatperson", annualVolume: 12000, costPerLetterSek: 12.5, needsReplies: true },
      },
      { row: 3, flow: { name: "Faktura", recipientType: "foretag", annualVolume: 1500, status: "i_test" } },
    ]);
    expect(await stored(initiative.id)).toEqual([]);
  });

  it("commits a clean CSV in one go: 201, the flows listed, one audit entry naming them", async () => {
    const pl = await world.loginAs("plA");
    const initiative = await world.seedInitiative({ name: "Import commit" });
    const committed = parseBody(await send(pl, importUrl(initiative.id, true), SWEDISH_CSV), Committed, 201);
    expect(committed.flows.map((f) => f.name).sort()).toEqual(["Beslut om bygglov", "Faktura"]);
    const list = await getJson(pl, `/api/v1/initiatives/${initiative.id}/flows`, FlowList);
    expect(list.flows.map((f) => f.id).sort()).toEqual(committed.flows.map((f) => f.id).sort());
    expect(list.flows.find((f) => f.name === "Beslut om bygglov")).toMatchObject({
      plannedProductionDate: "2027-03-01",
      costPerLetterSek: 12.5,
    });
    const audit = await world.db.select().from(auditLog).where(eq(auditLog.entityId, initiative.id));
    const entry = audit.find((a) => a.action === "message_flow.import");
    expect(JSON.stringify(entry?.after)).toContain(committed.flows[0]?.id ?? "missing");
  });

  it("imports an XLSX, whatever Content-Type it is sent with", async () => {
    const pl = await world.loginAs("plA");
    const initiative = await world.seedInitiative({ name: "Import XLSX" });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Flöden");
    sheet.addRow(["Namn", "Mottagartyp", "Årsvolym", "Planerat produktionsdatum", "Säsongsvariation"]);
    sheet.addRow([
      "Kallelse till utvecklingssamtal",
      "Blandat",
      4800,
      new Date(Date.UTC(2027, 8, 1)),
      "10%;10%;10%;10%;10%;10%;5%;5%;10%;10%;5%;5%",
    ]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const preview = parseBody(await send(pl, importUrl(initiative.id), xlsx, "application/octet-stream"), ImportPreview);
    expect(preview).toMatchObject({ format: "xlsx", errors: [] });
    const committed = parseBody(
      await send(pl, importUrl(initiative.id, true), xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
      Committed,
      201,
    );
    expect(committed.flows).toMatchObject([
      { name: "Kallelse till utvecklingssamtal", recipientType: "blandat", annualVolume: 4800, plannedProductionDate: "2027-09-01" },
    ]);
    expect(committed.flows[0]?.seasonality[6]).toBeCloseTo(0.05);
  });

  it("names the row and column of every error, and saves nothing on commit while there is one (400, same body)", async () => {
    const pl = await world.loginAs("plA");
    const initiative = await world.seedInitiative({ name: "Import fel" });
    const csv = Buffer.from(
      [
        "Namn;Mottagartyp;Årsvolym;Planerat testdatum;Planerat produktionsdatum",
        "Bra rad;privatperson;100;;",
        "Text som volym;privatperson;många;;",
        "Fel datum;privatperson;100;2027-02-30;",
        "Test efter produktion;privatperson;100;2027-06-01;2027-03-01",
      ].join("\n"),
    );
    const preview = parseBody(await send(pl, importUrl(initiative.id), csv), ImportPreview);
    expect(preview.rows.map((r) => r.row)).toEqual([2]);
    expect(preview.errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 3, column: "Årsvolym", code: "not_a_number" },
      { row: 4, column: "Planerat testdatum", code: "date" },
      { row: 5, column: "Planerat testdatum", code: "test_after_production" },
    ]);
    const refused = await send(pl, importUrl(initiative.id, true), csv);
    expect(refused.statusCode).toBe(400);
    expect(ImportPreview.parse(refused.json())).toEqual(preview);
    expect(await stored(initiative.id)).toEqual([]);
  });

  it("names a missing header on row 1, and refuses Windows-1252 bytes with one error about the encoding", async () => {
    const pl = await world.loginAs("plA");
    const initiative = await world.seedInitiative({ name: "Import rubriker" });
    const missing = parseBody(await send(pl, importUrl(initiative.id), Buffer.from("Namn;Årsvolym\nBygglov;100\n")), ImportPreview);
    expect(missing.errors).toMatchObject([{ row: 1, column: "Mottagartyp", field: "recipientType", code: "missing_header" }]);

    const latin1 = Buffer.from("Namn;Mottagartyp;Årsvolym\nBygglov;företag;100\n", "latin1");
    const refused = await send(pl, importUrl(initiative.id, true), latin1);
    expect(refused.statusCode).toBe(400);
    const body = ImportPreview.parse(refused.json());
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({ code: "encoding" });
    expect(body.errors[0]?.message).toContain("CSV UTF-8");
    expect(await stored(initiative.id)).toEqual([]);
  });

  it("answers 100,000 rows quickly with too_many_rows, saving nothing, while the server answers other requests", async () => {
    const pl = await world.loginAs("plA");
    const initiative = await world.seedInitiative({ name: "Import stor" });
    const csv = Buffer.from(`Namn;Mottagartyp;Årsvolym\n${"Beslut om bygglov;privatperson;12 000\n".repeat(100_000)}`);
    const started = performance.now();
    let answered = false;
    const importing = send(pl, importUrl(initiative.id, true), csv).finally(() => {
      answered = true;
    });
    // While the file is read, other requests keep being answered promptly: the reading is not on the event loop.
    const latencies: number[] = [];
    while (!answered) {
      const asked = performance.now();
      expect((await pl.get(`/api/v1/initiatives/${initiative.id}`)).statusCode).toBe(200);
      latencies.push(performance.now() - asked);
      // A pause between requests, as between users: in-process requests alone never yield to the worker's answer.
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const res = await importing;
    expect(latencies.length).toBeGreaterThan(1);
    expect(Math.max(...latencies)).toBeLessThan(2000);
    expect(res.statusCode).toBe(400);
    expect(ImportPreview.parse(res.json()).errors).toMatchObject([{ row: 0, code: "too_many_rows" }]);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(await stored(initiative.id)).toEqual([]);
  });

  it("is the team's: a reader gets 403, another organisation 404, a body over 5 MB 413, another media type 415", async () => {
    const initiative = await world.seedInitiative({ name: "Import åtkomst" });
    const reader = await world.loginAs("readerA");
    expect((await send(reader, importUrl(initiative.id), SWEDISH_CSV)).statusCode).toBe(403);
    const other = await world.loginAs("plB");
    expect((await send(other, importUrl(initiative.id), SWEDISH_CSV)).statusCode).toBe(404);
    const pl = await world.loginAs("plA");
    const tooLarge = await send(pl, importUrl(initiative.id), Buffer.alloc(5 * 1024 * 1024 + 1, 0x41));
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect((await send(pl, importUrl(initiative.id), SWEDISH_CSV, "image/png")).statusCode).toBe(415);
    expect(await stored(initiative.id)).toEqual([]);
  });

  it("publishes templates, CSV and XLSX, that the import itself takes", async () => {
    const pl = await world.loginAs("plA");
    const initiative = await world.seedInitiative({ name: "Import mall" });
    for (const [url, type] of [
      ["/api/v1/flows/import-template.csv", "text/csv"],
      ["/api/v1/flows/import-template.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ] as const) {
      const template = await world.app.inject({ method: "GET", url });
      expect(template.statusCode).toBe(200);
      expect(template.headers["content-type"]).toContain(type);
      expect(template.headers["content-disposition"]).toMatch(/^attachment/);
      const preview = parseBody(await send(pl, importUrl(initiative.id), template.rawPayload, type), ImportPreview);
      expect(preview.errors).toEqual([]);
      expect(preview.rows).toMatchObject([
        { row: 2, flow: { name: "Beslut om bygglov", annualVolume: 12000, tactic: "egen_integration" } },
      ]);
      expect((preview.rows[0]?.flow.seasonality as number[] | undefined)?.[4]).toBeCloseTo(0.12);
    }
    const csv = (await world.app.inject({ method: "GET", url: "/api/v1/flows/import-template.csv" })).rawPayload;
    const header = (parse(csv, { bom: true, delimiter: ";", to: 1 }) as string[][])[0];
    expect(header?.slice(0, 3)).toEqual(["Namn", "Mottagartyp", "Årsvolym"]);
  });
});
