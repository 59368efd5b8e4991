import { and, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { auditLog, flowActuals } from "../../src/db/schema.ts";
import { currentForecastMonth } from "../../src/domain/flows/initiative-forecast.ts";
import { monthIndexOf, yearMonthAt } from "../../src/domain/forecast/calendar-month.ts";
import { Flow } from "../../src/http/routes/flows/flows.schema.ts";
import { ActualsImportCommitted, ActualsImportPreview } from "../../src/http/routes/forecast-versions/actuals-import.schema.ts";
import { FlowActuals, FrozenForecast } from "../../src/http/routes/forecast-versions/forecast-versions.schema.ts";
import { DecisionWithCommunications } from "../../src/http/routes/milestones/milestones.schema.ts";
import { messagesFor } from "../../src/i18n/index.ts";
import { decisionBody } from "../support/initiative-fixtures.ts";
import { type Api, getJson, parseBody, postJson, useTestWorld } from "../support/test-world.ts";

/** Importing actual volumes per flow and month from Excel's CSV and XLSX (issue 11): a preview, then all or nothing. */
describe("actuals import API", () => {
  const world = useTestWorld();

  const importUrl = (initiativeId: string, commit = false) =>
    `/api/v1/initiatives/${initiativeId}/actuals/import${commit ? "?commit=true" : ""}`;
  const send = (api: Api, url: string, body: Buffer, type = "text/csv") =>
    world.app.inject({ method: "POST", url, headers: { authorization: `Bearer ${api.token}`, "content-type": type }, payload: body });
  const bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
  const thisMonth = () => currentForecastMonth(new Date());
  const monthsFromNow = (n: number) => yearMonthAt(monthIndexOf(thisMonth()) + n);
  const storedOf = (flowIds: string[]) =>
    world.db
      .select({ flowId: flowActuals.flowId, month: flowActuals.month, digital: flowActuals.digital, paper: flowActuals.paper })
      .from(flowActuals)
      .where(inArray(flowActuals.flowId, flowIds));

  const flow = (name: string) => ({
    name,
    recipientType: "privatperson",
    annualVolume: 12_000,
    plannedTestDate: "2027-03-01",
    plannedProductionDate: "2027-06-01",
    status: "prioriterad",
  });

  /** An initiative at milestone II with two flows, Bygglov and Faktura. */
  async function withFlows(name: string) {
    const initiative = await world.seedInitiative({ name, phase: 2, ready: true });
    const pl = await world.loginAs("plA");
    const bygglov = await postJson(pl, `/api/v1/initiatives/${initiative.id}/flows`, flow("Beslut om bygglov"), Flow);
    const faktura = await postJson(pl, `/api/v1/initiatives/${initiative.id}/flows`, flow("Faktura"), Flow);
    return { initiativeId: initiative.id, bygglov, faktura, pl };
  }

  it("previews Excel's semicolon CSV with BOM, commits it in one go and shows it with variance; other months stay", async () => {
    const { initiativeId, bygglov, faktura, pl } = await withFlows("Utfallsimport CSV");
    const sg = await world.loginAs("sgA");
    const { baselineId } = await postJson(
      sg,
      `/api/v1/initiatives/${initiativeId}/milestones/II/decision`,
      decisionBody("II"),
      DecisionWithCommunications,
    );
    const older = monthsFromNow(-3);
    await pl.put(`/api/v1/flows/${bygglov.id}/actuals`, [{ month: older, digital: 7, paper: 7 }]);
    const csv = bom(
      ["Flöde;Månad;Digitala;Papper", `beslut om BYGGLOV;${thisMonth()};"1 200";800`, `Faktura;${monthsFromNow(-1)}-01;0;2\u00a0500`].join(
        "\r\n",
      ),
    );
    const preview = parseBody(await send(pl, importUrl(initiativeId), csv), ActualsImportPreview);
    expect(preview).toMatchObject({ format: "csv", errors: [], committed: false });
    expect(preview.rows).toEqual([
      { row: 2, flowId: bygglov.id, flowName: "Beslut om bygglov", month: thisMonth(), digital: 1200, paper: 800 },
      { row: 3, flowId: faktura.id, flowName: "Faktura", month: monthsFromNow(-1), digital: 0, paper: 2500 },
    ]);
    expect(await storedOf([bygglov.id])).toHaveLength(1);

    const committed = parseBody(await send(pl, importUrl(initiativeId, true), csv), ActualsImportCommitted, 201);
    expect(committed).toEqual({ committed: true, months: 2 });
    const frozen = await getJson(pl, `/api/v1/initiatives/${initiativeId}/forecast/versions/${baselineId}`, FrozenForecast);
    const planned = frozen.flows.find((f) => f.flowId === bygglov.id)?.months.find((m) => m.month === thisMonth());
    if (!planned) throw new Error("the baseline has this month of the flow");
    const actuals = await getJson(pl, `/api/v1/flows/${bygglov.id}/actuals`, FlowActuals);
    expect(actuals.baselineId).toBe(baselineId);
    expect(actuals.months.map((m) => [m.month, m.digital, m.paper])).toEqual([
      [older, 7, 7],
      [thisMonth(), 1200, 800],
    ]);
    expect(actuals.months[1]?.variance).toEqual({ digital: 1200 - planned.digital, paper: 800 - planned.paper });
    const audit = await world.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, initiativeId), eq(auditLog.action, "flow_actuals.import")));
    expect(audit).toHaveLength(1);
    expect((audit[0]?.after as { months: unknown[] } | undefined)?.months).toHaveLength(2);
  });

  it("imports an XLSX with Excel date cells and numbers, whatever Content-Type it is sent with", async () => {
    const { initiativeId, bygglov, pl } = await withFlows("Utfallsimport XLSX");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Utfall");
    sheet.addRow(["Flow", "Month", "Digital", "Paper"]);
    const [year, month] = monthsFromNow(-2).split("-").map(Number) as [number, number];
    sheet.addRow(["Beslut om bygglov", new Date(Date.UTC(year, month - 1, 1)), 40, 60]);
    sheet.addRow(["Beslut om bygglov", thisMonth(), 41, 61]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const preview = parseBody(await send(pl, importUrl(initiativeId), xlsx, "application/octet-stream"), ActualsImportPreview);
    expect(preview).toMatchObject({ format: "xlsx", errors: [] });
    parseBody(
      await send(pl, importUrl(initiativeId, true), xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
      ActualsImportCommitted,
      201,
    );
    const actuals = await getJson(pl, `/api/v1/flows/${bygglov.id}/actuals`, FlowActuals);
    expect(actuals.months.map((m) => [m.month, m.digital, m.paper])).toEqual([
      [monthsFromNow(-2), 40, 60],
      [thisMonth(), 41, 61],
    ]);
  });

  const last = () => monthsFromNow(-1);
  for (const [what, lines, expected] of [
    ["an unknown flow", () => [`Okänt flöde;${last()};1;1`], { row: 2, column: "Flöde", code: "unknown_flow" }],
    ["a month that has not begun", () => [`Faktura;${monthsFromNow(1)};1;1`], { row: 2, column: "Månad", code: "future_month" }],
    ["a month that does not exist", () => ["Faktura;2026-13;1;1"], { row: 2, column: "Månad", code: "not_a_month" }],
    [
      "the same flow and month twice",
      () => [`Faktura;${last()};1;1`, `FAKTURA;${last()}-01;2;2`],
      { row: 3, column: "Månad", code: "duplicate_row" },
    ],
    ["a negative count", () => [`Faktura;${last()};-1;1`], { row: 2, column: "Digitala", code: "negative" }],
    ["a fractional count", () => [`Faktura;${last()};1;0,5`], { row: 2, column: "Papper", code: "whole_number" }],
    ["text where a number belongs", () => [`Faktura;${last()};många;1`], { row: 2, column: "Digitala", code: "not_a_number" }],
    ["an empty count", () => [`Faktura;${last()};1;`], { row: 2, column: "Papper", code: "required" }],
  ] as const) {
    it(`names the row and column of ${what}, saves nothing, and refuses the commit with 400`, async () => {
      const { initiativeId, bygglov, faktura, pl } = await withFlows(`Utfallsimport fel: ${what}`);
      const csv = Buffer.from(["Flöde;Månad;Digitala;Papper", `Beslut om bygglov;${last()};5;5`, ...lines()].join("\n"));
      const preview = parseBody(await send(pl, importUrl(initiativeId), csv), ActualsImportPreview);
      expect(preview.errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual([{ ...expected, row: expected.row + 1 }]);
      expect(preview.rows.map((r) => r.row)).toContain(2);
      const refused = await send(pl, importUrl(initiativeId, true), csv);
      expect(refused.statusCode).toBe(400);
      expect(ActualsImportPreview.parse(refused.json()).errors).toEqual(preview.errors);
      expect(await storedOf([bygglov.id, faktura.id])).toEqual([]);
    });
  }

  it("answers a missing header and a file that is not UTF-8 with one error each, nothing saved", async () => {
    const { initiativeId, bygglov, faktura, pl } = await withFlows("Utfallsimport rubriker");
    const noPaper = parseBody(
      await send(pl, importUrl(initiativeId, true), Buffer.from(`Flöde;Månad;Digitala\nFaktura;${last()};1\n`)),
      ActualsImportPreview,
      400,
    );
    expect(noPaper.errors).toMatchObject([{ row: 1, column: "Papper", code: "missing_header" }]);
    const latin1 = Buffer.from(`Fl\xf6de;M\xe5nad;Digitala;Papper\nFaktura;${last()};1;1\n`, "latin1");
    const encoding = parseBody(await send(pl, importUrl(initiativeId, true), latin1), ActualsImportPreview, 400);
    expect(encoding.errors).toMatchObject([{ row: 0, column: null, code: "encoding" }]);
    expect(await storedOf([bygglov.id, faktura.id])).toEqual([]);
  });

  it("answers 100,000 rows with too_many_rows, saving nothing, while the server answers other requests", async () => {
    const { initiativeId, bygglov, faktura, pl } = await withFlows("Utfallsimport stor");
    const csv = Buffer.from(`Flöde;Månad;Digitala;Papper\n${`Faktura;${last()};1;1\n`.repeat(100_000)}`);
    let answered = false;
    const importing = send(pl, importUrl(initiativeId, true), csv).finally(() => {
      answered = true;
    });
    const latencies: number[] = [];
    while (!answered) {
      const asked = performance.now();
      expect((await pl.get(`/api/v1/initiatives/${initiativeId}`)).statusCode).toBe(200);
      latencies.push(performance.now() - asked);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const res = await importing;
    expect(latencies.length).toBeGreaterThan(1);
    expect(Math.max(...latencies)).toBeLessThan(2000);
    expect(res.statusCode).toBe(400);
    expect(ActualsImportPreview.parse(res.json()).errors).toMatchObject([{ row: 0, code: "too_many_rows" }]);
    expect(await storedOf([bygglov.id, faktura.id])).toEqual([]);
  });

  it("is the team's: a reader gets 403, another organisation 404, and neither saves anything", async () => {
    const { initiativeId, bygglov, faktura } = await withFlows("Utfallsimport åtkomst");
    const csv = Buffer.from(`Flöde;Månad;Digitala;Papper\nFaktura;${last()};1;1\n`);
    expect((await send(await world.loginAs("readerA"), importUrl(initiativeId, true), csv)).statusCode).toBe(403);
    expect((await send(await world.loginAs("plB"), importUrl(initiativeId, true), csv)).statusCode).toBe(404);
    expect(await storedOf([bygglov.id, faktura.id])).toEqual([]);
  });

  // Each file is read on a thread of its own, one or two at a time on a small machine: a minute, not 30 s.
  it("stores every import answered 2xx when several commit at once, nothing lost", async () => {
    const { initiativeId, bygglov, faktura, pl } = await withFlows("Utfallsimport samtidigt");
    const consultant = await world.loginAs("consultant");
    // Each file writes both flows; the files overlap in some months and not in others.
    const files = Array.from({ length: 6 }, (_, i) => [
      { flow: "Faktura", month: monthsFromNow(-(i % 3)), digital: i, paper: 100 + i },
      { flow: "Beslut om bygglov", month: monthsFromNow(-(i % 3)), digital: 10 + i, paper: 200 + i },
      { flow: "Beslut om bygglov", month: monthsFromNow(-10 - i), digital: 20 + i, paper: 300 + i },
    ]);
    const csvOf = (rows: (typeof files)[number]) =>
      Buffer.from(["Flöde;Månad;Digitala;Papper", ...rows.map((r) => `${r.flow};${r.month};${r.digital};${r.paper}`)].join("\n"));
    // The server reads a few files at once and answers more with 429; a client sends those again, as told.
    // Never past the test's own end: a loop left running would hold the process's import slot for the next test.
    const deadline = Date.now() + 50_000;
    const commit = async (api: Api, body: Buffer) => {
      for (;;) {
        const res = await send(api, importUrl(initiativeId, true), body);
        if (res.statusCode !== 429 || Date.now() > deadline) return res;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const answers = await Promise.all(files.map((rows, i) => commit(i % 2 ? consultant : pl, csvOf(rows))));
    expect(answers.map((a) => a.statusCode)).toEqual(files.map(() => 201));
    const stored = await storedOf([bygglov.id, faktura.id]);
    // Three shared months for each flow, and six months of Bygglov only one file wrote.
    expect(stored).toHaveLength(3 + 3 + 6);
    const idOf = (name: string) => (name === "Faktura" ? faktura.id : bygglov.id);
    for (const row of stored) {
      const candidates = files.flat().filter((w) => idOf(w.flow) === row.flowId && w.month === row.month);
      expect(candidates.map((c) => ({ flowId: idOf(c.flow), month: c.month, digital: c.digital, paper: c.paper }))).toContainEqual(row);
    }
    const audited = await world.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, initiativeId), eq(auditLog.action, "flow_actuals.import")));
    expect(audited).toHaveLength(files.length);
  }, 60_000);

  it("publishes a template the import itself takes", async () => {
    const pl = await world.loginAs("plA");
    const initiative = await world.seedInitiative({ name: "Utfallsimport mall" });
    await postJson(pl, `/api/v1/initiatives/${initiative.id}/flows`, flow(messagesFor("sv").flowImport.template.name), Flow);
    const template = await world.app.inject({ method: "GET", url: "/api/v1/actuals/import-template.csv" });
    expect(template.statusCode).toBe(200);
    expect(template.headers["content-type"]).toContain("text/csv");
    const preview = parseBody(await send(pl, importUrl(initiative.id), template.rawPayload), ActualsImportPreview);
    expect(preview.errors).toEqual([]);
    expect(preview.rows).toHaveLength(1);
  });
});
