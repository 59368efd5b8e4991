import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { auditLog, businessCases, flowPlanSettings } from "../../src/db/schema.ts";
import { ErrorBody } from "../../src/http/api/api-route.ts";
import { BusinessCaseBody } from "../../src/http/routes/business-case/business-case.schema.ts";
import { Flow } from "../../src/http/routes/flows/flows.schema.ts";
import { TacticAlternative } from "../../src/http/routes/tactics/tactics.schema.ts";
import { getJson, parseBody, postJson, useTestWorld } from "../support/test-world.ts";

const chain = {
  nodes: [
    { id: "mal", kind: "effektmal", label: "Snabbare besked" },
    { id: "porto", kind: "nytta", label: "Lägre portokostnad" },
    { id: "digitalt", kind: "forandring", label: "Beslut skickas digitalt" },
    { id: "anslutning", kind: "mojliggorare", label: "Anslutning till Mina meddelanden" },
  ],
  links: [
    { from: "anslutning", to: "digitalt" },
    { from: "digitalt", to: "porto" },
    { from: "porto", to: "mal" },
  ],
};

const stated = {
  startYear: 2027,
  horizonYears: 3,
  discountRate: 0.03,
  costs: [
    { category: "utveckling", year: 2027, low: 80_000, expected: 100_000, high: 150_000 },
    { category: "drift", year: 2028, low: 15_000, expected: 20_000, high: 30_000, note: "Förmedlarens avgift" },
    { category: "drift", year: 2029, low: 15_000, expected: 20_000, high: 30_000 },
  ],
  benefits: [{ category: "omfordelad_tid", beneficiary: "organisation", year: 2028, low: 30_000, expected: 50_000, high: 60_000 }],
};

/** The effektkedja's API, the tactic alternatives' business cases in the GET, and the XLSX export (issue 12). */
describe("effect chain API, tactics' business cases and the XLSX export", () => {
  const world = useTestWorld();

  /** 12,000 letters a year at 11.50 kr from January 2027, at 75 % reach: the worked example. */
  async function withBygglov(initiativeId: string) {
    const pl = await world.loginAs("plA");
    await world.db
      .insert(flowPlanSettings)
      .values({ initiativeId, reachOverrides: { privatperson: { "2027": 0.75, "2028": 0.75, "2029": 0.75 } } });
    return postJson(
      pl,
      `/api/v1/initiatives/${initiativeId}/flows`,
      {
        name: "Beslut om bygglov",
        recipientType: "privatperson",
        annualVolume: 12_000,
        costPerLetterSek: 11.5,
        plannedProductionDate: "2027-01-01",
        status: "i_produktion",
      },
      Flow,
    );
  }

  it("saves the effektkedja, answers it in the GET, keeps the figures, and the figures keep it", async () => {
    const pl = await world.loginAs("plA");
    const reader = await world.loginAs("readerA");
    const { id } = await world.seedInitiative({ name: "Effektkedja via API" });
    const url = `/api/v1/initiatives/${id}/business-case`;
    // Before any business case: the chain alone makes the row, with the defaults.
    const saved = parseBody(await pl.put(`${url}/effect-chain`, chain), BusinessCaseBody);
    expect(saved.effectChain).toEqual(chain);
    expect(saved.horizonYears).toBe(5);
    expect((await pl.put(url, stated)).statusCode).toBe(200);
    const read = await getJson(reader, url, BusinessCaseBody);
    expect(read.effectChain).toEqual(chain);
    expect(read.startYear).toBe(2027);
    expect((await reader.put(`${url}/effect-chain`, chain)).statusCode).toBe(403);
    const plB = await world.loginAs("plB");
    expect((await plB.put(`${url}/effect-chain`, chain)).statusCode).toBe(404);
  });

  it("refuses unknown ids, links across levels or back down, duplicates and too many nodes with the path, saving nothing", async () => {
    const pl = await world.loginAs("plA");
    const { id } = await world.seedInitiative({ name: "Fel i effektkedjan" });
    const url = `/api/v1/initiatives/${id}/business-case/effect-chain`;
    const cases: [unknown, string][] = [
      [{ ...chain, links: [{ from: "saknas", to: "porto" }] }, "links.0.from"],
      [{ ...chain, links: [{ from: "anslutning", to: "porto" }] }, "links.0"],
      [{ ...chain, links: [...chain.links, { from: "mal", to: "porto" }] }, "links.3"],
      [{ ...chain, links: [...chain.links, { from: "porto", to: "mal" }] }, "links.3"],
      [{ ...chain, nodes: [...chain.nodes, { id: "mal", kind: "nytta", label: "Igen" }] }, "nodes.4.id"],
      [{ ...chain, nodes: [{ id: "x", kind: "annat", label: "X" }] }, "nodes.0.kind"],
      [{ nodes: Array.from({ length: 101 }, (_, i) => ({ id: `n${i}`, kind: "nytta", label: "N" })), links: [] }, "nodes"],
      [{ nodes: [], links: Array.from({ length: 401 }, () => ({ from: "a", to: "b" })) }, "links"],
    ];
    for (const [body, path] of cases) {
      const res = await pl.put(url, body);
      expect(res.statusCode, path).toBe(400);
      expect(parseBody(res, ErrorBody, 400).fields?.map((f) => f.path)).toContain(path);
    }
    expect(await world.db.select().from(businessCases).where(eq(businessCases.initiativeId, id))).toEqual([]);
  });

  it("lets two changes at once both answer, the last one stand, and audits each against the one it replaced", async () => {
    const [pl, consultant] = [await world.loginAs("plA"), await world.loginAs("consultant")];
    const { id } = await world.seedInitiative({ name: "Samtidiga effektkedjor" });
    const url = `/api/v1/initiatives/${id}/business-case/effect-chain`;
    const versions = [1, 2, 3, 4].map((n) => ({ nodes: [{ id: `mal${n}`, kind: "effektmal", label: `Mål ${n}` }], links: [] }));
    const answers = await Promise.all(versions.map((v, i) => (i % 2 ? consultant : pl).put(url, v)));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
    const entries = (
      await world.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "business_case.effect_chain.save")))
    ).sort((a, b) => Number(a.seq) - Number(b.seq));
    expect(entries).toHaveLength(4);
    const goal = (state: unknown) => (state as { nodes: { id: string }[] } | null | undefined)?.nodes[0]?.id;
    expect(goal(entries[0]?.before)).toBeUndefined();
    for (let k = 1; k < entries.length; k++) expect(goal(entries[k]?.before)).toBe(goal(entries[k - 1]?.after));
    const [row] = await world.db.select().from(businessCases).where(eq(businessCases.initiativeId, id));
    expect(goal(row?.effectChain)).toBe(goal(entries.at(-1)?.after));
  });

  it("answers each tactic alternative's NPV and payback over the business case's horizon", async () => {
    const pl = await world.loginAs("plA");
    const { id } = await world.seedInitiative({ name: "Taktikernas kalkyler" });
    const flow = await withBygglov(id);
    await pl.put(`/api/v1/initiatives/${id}/business-case`, stated);
    const alternative = await postJson(
      pl,
      `/api/v1/initiatives/${id}/tactics`,
      { tactic: "formedlare", name: "Via förmedlare", oneOffCostSek: 50_000, annualCostSek: 20_000, flowIds: [flow.id] },
      TacticAlternative,
    );
    const nothing = await postJson(pl, `/api/v1/initiatives/${id}/tactics`, { tactic: "inget", name: "Gör ingenting" }, TacticAlternative);
    const result = await getJson(pl, `/api/v1/initiatives/${id}/business-case`, BusinessCaseBody);
    // 33 500 + 83 500 / 1.03 + 83 500 / 1.03² (tactic-business-case.test.ts works it by hand).
    expect(result.tactics).toEqual([
      { alternativeId: alternative.id, name: "Via förmedlare", kind: "formedlare", npv: 193_274.72, paybackYear: 2027 },
      { alternativeId: nothing.id, name: "Gör ingenting", kind: "inget", npv: 0, paybackYear: 2027 },
    ]);
  });

  it("exports the business case as XLSX with real numbers and formulas whose cached values are Ansluta's", async () => {
    const pl = await world.loginAs("plA");
    const reader = await world.browserAs("readerA");
    const { id } = await world.seedInitiative({ name: "Kalkyl i Excel" });
    await withBygglov(id);
    await pl.put(`/api/v1/initiatives/${id}/business-case`, stated);

    const res = await reader.get(`/initiatives/${id}/business-case.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(res.headers["content-disposition"]).toContain("Business-case-Kalkyl-i-Excel.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Indata", "Beräknade nyttor", "Resultat", "Känslighet"]);

    const indata = workbook.getWorksheet("Indata");
    expect([indata?.getCell("B2").value, indata?.getCell("B3").value, indata?.getCell("B4").value]).toEqual([2027, 3, 0.03]);
    expect(indata?.getRow(8).values).toEqual([undefined, "Utveckling", 2027, 80_000, 100_000, 150_000, ""]);
    const flowRows = (indata?.getSheetValues() ?? []).filter((r) => Array.isArray(r) && r[1] === "Beslut om bygglov");
    // Letters, the reach used, digital messages and the cost per letter, per year.
    expect(flowRows[0]).toEqual([undefined, "Beslut om bygglov", 2027, 12_000, 0.75, 9_000, 11.5, "2027-01"]);

    const computed = workbook.getWorksheet("Beräknade nyttor");
    expect(computed?.getRow(2).values).toEqual([
      undefined,
      2027,
      "Beslut om bygglov",
      7_800,
      9_000,
      10_200,
      11.5,
      { formula: "C2*F2", result: 89_700 },
      { formula: "D2*F2", result: 103_500 },
      { formula: "E2*F2", result: 117_300 },
    ]);

    const result = workbook.getWorksheet("Resultat");
    expect(result?.getRow(2).values).toEqual([
      undefined,
      2027,
      100_000,
      0,
      103_500,
      { formula: "C2+D2-B2", result: 3_500 },
      { formula: "(1+Indata!$B$4)^(A2-Indata!$B$2)", result: 1 },
      { formula: "E2/F2", result: 3_500 },
      { formula: "SUM(E$2:E2)", result: 3_500 },
    ]);
    // The expected scenario's NPV and payback as formulas over the rows above, their values cached.
    expect(result?.getCell("B8").value).toEqual({ formula: "SUM(G2:G4)", result: 211_818.41 });
    expect(result?.getCell("C8").value).toMatchObject({ result: 2027 });
    expect([result?.getCell("B7").value, result?.getCell("C7").value]).toEqual([83_060.35, 2028]);

    const sensitivity = workbook.getWorksheet("Känslighet");
    expect(sensitivity?.getRow(2).values).toEqual([
      undefined,
      "Flöde: Beslut om bygglov",
      151_509.59,
      272_127.23,
      { formula: "ABS(C2-B2)", result: 120_617.64 },
    ]);

    const plB = await world.browserAs("plB");
    expect((await plB.get(`/initiatives/${id}/business-case.xlsx`)).statusCode).toBe(404);
  });
});
