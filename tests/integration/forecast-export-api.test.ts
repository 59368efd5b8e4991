import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { Flow, ForecastBody } from "../../src/http/routes/flows/flows.schema.ts";
import { getJson, postJson, useTestWorld } from "../support/test-world.ts";

/** The forecast as CSV and XLSX downloads (issue 11): the same rows and numbers as the JSON forecast, for every member. */
describe("forecast downloads", () => {
  const world = useTestWorld();

  async function initiativeWithFlows() {
    const pl = await world.loginAs("plA");
    const initiative = await world.seedInitiative({ name: "Prognos; export" });
    const flows = [
      { name: "Beslut om bygglov", recipientType: "privatperson", annualVolume: 12_345, plannedProductionDate: "2027-03-01" },
      // A name Excel would take for a formula: it must come back as text.
      { name: '=HYPERLINK("http://evil")', recipientType: "foretag", annualVolume: 1_000, plannedProductionDate: "2026-12-15" },
    ];
    for (const flow of flows) await postJson(pl, `/api/v1/initiatives/${initiative.id}/flows`, flow, Flow);
    return { pl, initiative };
  }

  const QUERY = "?from=2027-01&months=6";

  it("gives the CSV as Swedish Excel opens it: BOM, ';', decimal comma, formulas guarded, the JSON's numbers", async () => {
    const { pl, initiative } = await initiativeWithFlows();
    const json = await getJson(pl, `/api/v1/initiatives/${initiative.id}/forecast${QUERY}`, ForecastBody);
    const res = await pl.get(`/api/v1/initiatives/${initiative.id}/forecast.csv${QUERY}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="Prognos-Prognos-export-fran-2027-01\.csv"/);
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const [header, ...rows] = parse(res.rawPayload, { bom: true, delimiter: ";" }) as string[][];
    expect(header).toEqual(["Flöde", "Mottagartyp", "Månad", "Volym", "Andel nåbara", "Digitala", "Papper"]);
    const number = (s: string | undefined) => Number((s ?? "").replace(",", "."));
    const names = new Map(json.flows.map((f, i) => [f.flowId, i === 0 ? "Beslut om bygglov" : '\'=HYPERLINK("http://evil")']));
    const expected = [
      ...json.flows.flatMap((f) => f.months.map((m) => [names.get(f.flowId), m.month, m.volume, m.reachShare, m.digital, m.paper])),
      ...json.months.map((m) => ["Alla flöden", m.month, m.volume, null, m.digital, m.paper]),
    ];
    expect(rows.map((r) => [r[0], r[2], number(r[3]), r[4] === "" ? null : number(r[4]), number(r[5]), number(r[6])])).toEqual(expected);
    // The share is written with a decimal comma.
    expect(rows.some((r) => /^0,\d+$/.test(r[4] ?? ""))).toBe(true);
    expect(rows.find((r) => r[0]?.startsWith("'="))?.[1]).toBe("Företag");
  });

  it("gives the XLSX with real numbers in number formats, a frozen header and two sheets, the JSON's numbers", async () => {
    const { pl, initiative } = await initiativeWithFlows();
    const json = await getJson(pl, `/api/v1/initiatives/${initiative.id}/forecast${QUERY}`, ForecastBody);
    const reader = await world.loginAs("readerA");
    const res = await reader.get(`/api/v1/initiatives/${initiative.id}/forecast.xlsx${QUERY}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename=".*\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Prognos per månad", "Per flöde"]);

    const [perMonth, perFlow] = workbook.worksheets;
    if (!perMonth || !perFlow) throw new Error("two sheets expected");
    expect(perMonth.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(perFlow.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const values = (sheet: ExcelJS.Worksheet) =>
      sheet.getRows(2, sheet.rowCount - 1)?.map((row) => (row.values as ExcelJS.CellValue[]).slice(1)) ?? [];
    expect(values(perMonth)).toEqual(json.months.map((m) => [m.month, m.volume, m.digital, m.paper]));
    expect(values(perFlow).map((r) => [r[2], r[3], r[4], r[5], r[6]])).toEqual(
      json.flows.flatMap((f) => f.months.map((m) => [m.month, m.volume, m.reachShare, m.digital, m.paper])),
    );
    // Numbers, not text, each in its format.
    const first = perFlow.getRow(2);
    expect(typeof first.getCell(4).value).toBe("number");
    expect(first.getCell(4).numFmt).toBe("#,##0");
    expect(first.getCell(5).numFmt).toBe("0.0%");
    expect(perFlow.getRow(1).getCell(1).value).toBe("Flöde");
  });

  it("is for members only: another organisation gets 404", async () => {
    const { initiative } = await initiativeWithFlows();
    const other = await world.loginAs("plB");
    expect((await other.get(`/api/v1/initiatives/${initiative.id}/forecast.csv`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/initiatives/${initiative.id}/forecast.xlsx`)).statusCode).toBe(404);
  });
});
