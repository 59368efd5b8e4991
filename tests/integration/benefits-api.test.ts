import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, benefitMeasurements, benefits } from "../../src/db/schema.ts";
import { ErrorBody } from "../../src/http/api/api-route.ts";
import {
  Benefit,
  BenefitDetail,
  BenefitEvaluationList,
  BenefitList,
  Measurement,
  MeasurementImportCommitted,
  MeasurementImportPreview,
} from "../../src/http/routes/benefits/benefits.schema.ts";
import { Flow } from "../../src/http/routes/flows/flows.schema.ts";
import { type Api, getJson, parseBody, postJson, useTestWorld } from "../support/test-world.ts";

/** The nyttorealiseringsplan of issue 12: benefits, their measurements (entered and derived from actuals) and the evaluation. */
describe("benefits API", () => {
  const world = useTestWorld();
  const fewerLetters = {
    name: "Färre pappersbrev",
    metric: "Pappersbrev per månad",
    unit: "brev",
    baselineValue: 1000,
    baselineDate: "2026-01-01",
    targetValue: 250,
    targetDate: "2027-12-31",
  };

  it("adds a benefit with the contract's fields, records measurements and evaluates the gap of the latest", async () => {
    const pl = await world.loginAs("plA");
    const { id } = await world.seedInitiative({ name: "Nyttor" });
    const url = `/api/v1/initiatives/${id}/benefits`;
    const created = await postJson(
      pl,
      url,
      { ...fewerLetters, owner: "Ekonomichefen", frequency: 3, howRealised: "Digital brevlåda först" },
      Benefit,
    );
    expect(created).toMatchObject({ ...fewerLetters, owner: "Ekonomichefen", frequency: 3, howRealised: "Digital brevlåda först" });
    expect(typeof created.id).toBe("string");

    const evaluation = `${url}/evaluation`;
    expect((await getJson(pl, evaluation, BenefitEvaluationList)).benefits).toEqual([
      expect.objectContaining({ benefitId: created.id, name: "Färre pappersbrev", target: 250, actual: null, gap: null }),
    ]);

    const measure = `/api/v1/benefits/${created.id}/measurements`;
    await postJson(pl, measure, { date: "2026-09-30", value: 400, note: "Efter första kvartalet" }, Measurement);
    await postJson(pl, measure, { date: "2026-06-30", value: 700 }, Measurement);
    const [evaluated] = (await getJson(pl, evaluation, BenefitEvaluationList)).benefits;
    expect(evaluated).toMatchObject({ benefitId: created.id, target: 250, actual: 400, gap: 150, actualDate: "2026-09-30" });
    expect(evaluated?.progress).toBeCloseTo(0.8, 6);

    const detail = await getJson(pl, `/api/v1/benefits/${created.id}`, BenefitDetail);
    expect(detail.measurements.map((m) => [m.date, m.value, m.source])).toEqual([
      ["2026-06-30", 700, "manual"],
      ["2026-09-30", 400, "manual"],
    ]);
    const listed = await getJson(pl, url, BenefitList);
    expect(listed.benefits[0]?.evaluation).toMatchObject({ actual: 400, gap: 150, realisation: "delvis" });

    const first = detail.measurements[0]?.id ?? "";
    expect((await pl.delete(`${measure}/${first}`)).statusCode).toBe(204);
    const replaced = parseBody(await pl.put(`/api/v1/benefits/${created.id}`, { ...fewerLetters, targetValue: 400 }), Benefit);
    expect(replaced).toMatchObject({ targetValue: 400, owner: "", frequency: null });
    expect((await getJson(pl, evaluation, BenefitEvaluationList)).benefits[0]).toMatchObject({ gap: 0, realisation: "realiserad" });
    expect((await pl.delete(`/api/v1/benefits/${created.id}`)).statusCode).toBe(204);
    expect((await pl.get(`/api/v1/benefits/${created.id}`)).statusCode).toBe(404);

    const actions = (await world.db.select().from(auditLog).where(eq(auditLog.entityId, created.id))).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "benefit.create",
        "benefit_measurement.create",
        "benefit_measurement.delete",
        "benefit.update",
        "benefit.delete",
      ]),
    );
  });

  it("keeps a member chosen as owner or measurer by id, with their name", async () => {
    const pl = await world.loginAs("plA");
    const { id } = await world.seedInitiative({ name: "Nyttoägare" });
    const created = await postJson(
      pl,
      `/api/v1/initiatives/${id}/benefits`,
      { ...fewerLetters, owner: "skrivs över", ownerUserId: world.users.plA, measuredByUserId: world.users.consultant },
      Benefit,
    );
    expect(created).toMatchObject({ ownerUserId: world.users.plA, measuredByUserId: world.users.consultant });
    expect(created.owner).not.toBe("skrivs över");
    expect(created.measuredBy).not.toBe("");
  });

  it("refuses bad input with the field path and saves nothing", async () => {
    const pl = await world.loginAs("plA");
    const { id } = await world.seedInitiative({ name: "Felaktiga nyttor" });
    const other = await world.seedInitiative({ name: "Annat initiativ" });
    const foreignFlow = await postJson(
      pl,
      `/api/v1/initiatives/${other.id}/flows`,
      { name: "Annat flöde", recipientType: "privatperson", annualVolume: 10 },
      Flow,
    );
    const url = `/api/v1/initiatives/${id}/benefits`;
    const cases: [unknown, string][] = [
      [{ ...fewerLetters, baselineValue: "tusen" }, "baselineValue"],
      [{ ...fewerLetters, targetValue: "250 brev" }, "targetValue"],
      [{ ...fewerLetters, targetDate: "2025-12-31" }, "targetDate"],
      [{ ...fewerLetters, baselineDate: "2026-13-01" }, "baselineDate"],
      [{ ...fewerLetters, frequency: 0 }, "frequency"],
      [{ ...fewerLetters, frequency: 61 }, "frequency"],
      [{ ...fewerLetters, category: "lycka" }, "category"],
      [{ ...fewerLetters, name: "" }, "name"],
      [{ ...fewerLetters, ownerUserId: world.users.plB }, "ownerUserId"],
      [{ ...fewerLetters, measuredByUserId: world.users.plB }, "measuredByUserId"],
      [{ ...fewerLetters, derivedFromFlowIds: [foreignFlow.id] }, "derivedFromFlowIds.0"],
    ];
    for (const [body, path] of cases) {
      const res = await pl.post(url, body);
      expect(res.statusCode, path).toBe(400);
      expect(
        parseBody(res, ErrorBody, 400).fields?.map((f) => f.path),
        path,
      ).toContain(path);
    }
    expect(await world.db.select().from(benefits).where(eq(benefits.initiativeId, id))).toEqual([]);

    const benefit = await postJson(pl, url, fewerLetters, Benefit);
    const measure = `/api/v1/benefits/${benefit.id}/measurements`;
    for (const [body, path] of [
      [{ date: "2025-12-31", value: 900 }, "date"],
      [{ date: "2026-02-30", value: 900 }, "date"],
      [{ date: "2026-03-31", value: "niohundra" }, "value"],
      [{ date: "2026-03-31" }, "value"],
    ] as const) {
      const res = await pl.post(measure, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(parseBody(res, ErrorBody, 400).fields?.map((f) => f.path)).toContain(path);
    }
    const put = await pl.put(`/api/v1/benefits/${benefit.id}`, { ...fewerLetters, targetDate: "2025-01-01" });
    expect(put.statusCode).toBe(400);
    expect(await world.db.select().from(benefitMeasurements).where(eq(benefitMeasurements.benefitId, benefit.id))).toEqual([]);
    const [row] = await world.db.select().from(benefits).where(eq(benefits.id, benefit.id));
    expect(row?.targetDate).toBe("2027-12-31");
  });

  it("derives a volume-driven benefit's measurements from its flows' actual digital messages, and follows them", async () => {
    const pl = await world.loginAs("plA");
    const { id } = await world.seedInitiative({ name: "Volymdriven nytta" });
    const flow = (name: string) =>
      postJson(pl, `/api/v1/initiatives/${id}/flows`, { name, recipientType: "privatperson", annualVolume: 12_000 }, Flow);
    const [bygglov, parkering, other] = [await flow("Bygglov"), await flow("Parkering"), await flow("Annat")];
    const actuals = (flowId: string, months: [string, number][]) =>
      pl.put(
        `/api/v1/flows/${flowId}/actuals`,
        months.map(([month, digital]) => ({ month, digital, paper: 5 })),
      );
    expect(
      (
        await actuals(bygglov.id, [
          ["2026-02", 600],
          ["2026-03", 700],
        ])
      ).statusCode,
    ).toBe(200);
    expect((await actuals(parkering.id, [["2026-03", 300]])).statusCode).toBe(200);
    expect((await actuals(other.id, [["2026-03", 99_999]])).statusCode).toBe(200);

    const benefit = await postJson(
      pl,
      `/api/v1/initiatives/${id}/benefits`,
      {
        ...fewerLetters,
        name: "Digitala meddelanden",
        metric: "Digitala meddelanden per månad",
        unit: "meddelanden",
        baselineValue: 0,
        targetValue: 1500,
        derivedFromFlowIds: [bygglov.id, parkering.id],
      },
      Benefit,
    );
    const detail = await getJson(pl, `/api/v1/benefits/${benefit.id}`, BenefitDetail);
    expect(detail.measurements).toEqual([
      { id: null, date: "2026-02-28", value: 600, note: "", source: "actuals", flowIds: [bygglov.id] },
      { id: null, date: "2026-03-31", value: 1000, note: "", source: "actuals", flowIds: [bygglov.id, parkering.id].sort() },
    ]);
    const evaluation = `/api/v1/initiatives/${id}/benefits/evaluation`;
    expect((await getJson(pl, evaluation, BenefitEvaluationList)).benefits[0]).toMatchObject({ actual: 1000, gap: -500 });

    // Corrected actuals change the measurement: nothing stored went stale.
    expect((await actuals(parkering.id, [["2026-03", 800]])).statusCode).toBe(200);
    expect((await getJson(pl, evaluation, BenefitEvaluationList)).benefits[0]).toMatchObject({ actual: 1500, gap: 0 });
    expect(await world.db.select().from(benefitMeasurements).where(eq(benefitMeasurements.benefitId, benefit.id))).toEqual([]);
  });

  it("lets the team write, a läsare read, and hides the plan from another organisation", async () => {
    const [pl, consultant, reader, plB] = await Promise.all([
      world.loginAs("plA"),
      world.loginAs("consultant"),
      world.loginAs("readerA"),
      world.loginAs("plB"),
    ]);
    const { id } = await world.seedInitiative({ name: "Roller i planen" });
    const url = `/api/v1/initiatives/${id}/benefits`;
    const benefit = await postJson(consultant, url, fewerLetters, Benefit);
    const one = `/api/v1/benefits/${benefit.id}`;
    expect((await getJson(reader, url, BenefitList)).canManage).toBe(false);
    expect((await getJson(reader, one, BenefitDetail)).benefit.id).toBe(benefit.id);
    expect((await getJson(reader, `${url}/evaluation`, BenefitEvaluationList)).benefits).toHaveLength(1);
    for (const res of [
      await reader.post(url, fewerLetters),
      await reader.put(one, fewerLetters),
      await reader.delete(one),
      await reader.post(`${one}/measurements`, { date: "2026-05-31", value: 1 }),
    ])
      expect(res.statusCode).toBe(403);
    for (const res of [
      await plB.get(url),
      await plB.post(url, fewerLetters),
      await plB.get(`${url}/evaluation`),
      await plB.get(one),
      await plB.put(one, fewerLetters),
      await plB.delete(one),
      await plB.post(`${one}/measurements`, { date: "2026-05-31", value: 1 }),
    ])
      expect(res.statusCode).toBe(404);
    expect(await world.db.select().from(benefitMeasurements).where(eq(benefitMeasurements.benefitId, benefit.id))).toEqual([]);
    expect((await pl.get(one)).statusCode).toBe(200);
  });

  it("stores both of two measurements posted at once, and audits each of two changes at once against what it replaced", async () => {
    const [pl, consultant] = [await world.loginAs("plA"), await world.loginAs("consultant")];
    const { id } = await world.seedInitiative({ name: "Samtidiga mätningar" });
    const benefit = await postJson(pl, `/api/v1/initiatives/${id}/benefits`, fewerLetters, Benefit);
    const measure = `/api/v1/benefits/${benefit.id}/measurements`;
    const posted = await Promise.all([
      pl.post(measure, { date: "2026-04-30", value: 900 }),
      consultant.post(measure, { date: "2026-04-30", value: 880 }),
    ]);
    const created = posted.filter((r) => r.statusCode === 201).length;
    expect(created).toBe(2);
    const stored = await world.db.select().from(benefitMeasurements).where(eq(benefitMeasurements.benefitId, benefit.id));
    expect(stored.map((m) => m.value).sort()).toEqual([880, 900]);

    const answers = await Promise.all([
      pl.put(`/api/v1/benefits/${benefit.id}`, { ...fewerLetters, targetValue: 300 }),
      consultant.put(`/api/v1/benefits/${benefit.id}`, { ...fewerLetters, targetValue: 200 }),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    const entries = (
      await world.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, benefit.id), eq(auditLog.action, "benefit.update")))
    ).sort((a, b) => Number(a.seq) - Number(b.seq));
    expect(entries).toHaveLength(2);
    const target = (state: unknown) => (state as { targetValue: number } | null | undefined)?.targetValue;
    expect(target(entries[0]?.before)).toBe(250);
    expect(target(entries[1]?.before)).toBe(target(entries[0]?.after));
    const [row] = await world.db.select().from(benefits).where(eq(benefits.id, benefit.id));
    expect(row?.targetValue).toBe(target(entries[1]?.after));
  });

  const upload = (api: Api, benefitId: string, csv: string, commit = false) =>
    world.app.inject({
      method: "POST",
      url: `/api/v1/benefits/${benefitId}/measurements/import${commit ? "?commit=true" : ""}`,
      headers: { authorization: `Bearer ${api.token}`, "content-type": "text/csv" },
      payload: Buffer.from(csv),
    });

  it("imports measurements from a file: a preview first, then all of them in one go, marked as imported", async () => {
    const pl = await world.loginAs("plA");
    const { id } = await world.seedInitiative({ name: "Importerade mätvärden" });
    const benefit = await postJson(pl, `/api/v1/initiatives/${id}/benefits`, fewerLetters, Benefit);
    const file = "Datum;Värde;Anteckning\n2026-03-31;900;Kvartal 1\n2026-06-30;1 200,5;\n";
    const preview = parseBody(await upload(pl, benefit.id, file), MeasurementImportPreview);
    expect(preview.errors).toEqual([]);
    expect(preview.rows.map((r) => [r.row, r.date, r.value])).toEqual([
      [2, "2026-03-31", 900],
      [3, "2026-06-30", 1200.5],
    ]);
    expect(await world.db.select().from(benefitMeasurements).where(eq(benefitMeasurements.benefitId, benefit.id))).toEqual([]);

    expect(parseBody(await upload(pl, benefit.id, file, true), MeasurementImportCommitted, 201)).toEqual({
      committed: true,
      measurements: 2,
    });
    const stored = await world.db.select().from(benefitMeasurements).where(eq(benefitMeasurements.benefitId, benefit.id));
    expect(stored.map((m) => [m.date, m.value, m.source]).sort()).toEqual([
      ["2026-03-31", 900, "import"],
      ["2026-06-30", 1200.5, "import"],
    ]);
    const actions = (await world.db.select().from(auditLog).where(eq(auditLog.entityId, benefit.id))).map((e) => e.action);
    expect(actions).toContain("benefit_measurement.import");
  });

  it("refuses an import with any wrong row, or 10,000 rows, quickly and saving nothing; only the team may import", async () => {
    const [pl, reader, plB] = [await world.loginAs("plA"), await world.loginAs("readerA"), await world.loginAs("plB")];
    const { id } = await world.seedInitiative({ name: "Felaktig import" });
    const benefit = await postJson(pl, `/api/v1/initiatives/${id}/benefits`, fewerLetters, Benefit);
    const wrong = parseBody(
      await upload(pl, benefit.id, "Datum;Värde\n2026-03-31;900\n2025-12-31;800\n2026-04-30;många\n", true),
      MeasurementImportPreview,
      400,
    );
    expect(wrong.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, "Datum", "before_baseline"],
      [4, "Värde", "not_a_number"],
    ]);

    const started = Date.now();
    const many = parseBody(
      await upload(pl, benefit.id, `Datum;Värde\n${"2026-03-31;900\n".repeat(10_000)}`, true),
      MeasurementImportPreview,
      400,
    );
    expect(many.errors.map((e) => e.code)).toEqual(["too_many_rows"]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await pl.get(`/api/v1/benefits/${benefit.id}`)).statusCode).toBe(200);

    expect((await upload(reader, benefit.id, "Datum;Värde\n2026-03-31;900\n", true)).statusCode).toBe(403);
    expect((await upload(plB, benefit.id, "Datum;Värde\n2026-03-31;900\n", true)).statusCode).toBe(404);
    expect(await world.db.select().from(benefitMeasurements).where(eq(benefitMeasurements.benefitId, benefit.id))).toEqual([]);
  });
});
