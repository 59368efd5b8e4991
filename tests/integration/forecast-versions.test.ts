import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, communications, flowActuals, forecastVersions } from "../../src/db/schema.ts";
import { currentForecastMonth } from "../../src/domain/flows/initiative-forecast.ts";
import { monthIndexOf, yearMonthAt } from "../../src/domain/forecast/calendar-month.ts";
import { ErrorBody } from "../../src/http/api/api-route.ts";
import { Flow, ForecastBody } from "../../src/http/routes/flows/flows.schema.ts";
import {
  Comparison,
  FlowActuals,
  ForecastVersion,
  ForecastVersionList,
  FrozenForecast,
  InitiativeActuals,
} from "../../src/http/routes/forecast-versions/forecast-versions.schema.ts";
import { DecisionWithCommunications } from "../../src/http/routes/milestones/milestones.schema.ts";
import { decisionBody } from "../support/initiative-fixtures.ts";
import { getJson, parseBody, postJson, useTestWorld } from "../support/test-world.ts";

/**
 * Forecast versions and actuals (issue 11): a decision on milestone II–V freezes the forecast and
 * plan as a baseline in its own transaction; the team saves re-forecasts with a reason; any two
 * versions compare month by month; actuals per flow are measured against the latest baseline.
 */
describe("forecast versions and actuals", () => {
  const world = useTestWorld();

  const bygglov = {
    name: "Beslut om bygglov",
    recipientType: "privatperson",
    annualVolume: 12_000,
    plannedTestDate: "2027-03-01",
    plannedProductionDate: "2027-06-01",
    status: "prioriterad",
  };
  const thisMonth = () => currentForecastMonth(new Date());
  const monthsFromNow = (n: number) => yearMonthAt(monthIndexOf(thisMonth()) + n);

  /** An initiative whose milestone II waits for the styrgrupp, with one flow registered. */
  async function withFlow(name: string) {
    const initiative = await world.seedInitiative({ name, phase: 2, ready: true });
    const pl = await world.loginAs("plA");
    const flow = await postJson(pl, `/api/v1/initiatives/${initiative.id}/flows`, bygglov, Flow);
    return { initiativeId: initiative.id, flow, pl };
  }

  /** The förvaltningsgrupp's message of a decision, and its items by key. */
  async function fgMessage(decisionId: string) {
    const [fg] = await world.db
      .select()
      .from(communications)
      .where(and(eq(communications.decisionId, decisionId), eq(communications.audience, "forvaltningsgrupp")));
    const items = (fg?.items ?? []) as { key: string; value: string }[];
    return { body: fg?.body ?? "", item: (key: string) => items.find((i) => i.key === key)?.value ?? "" };
  }

  /** Milestone II decided by the styrgrupp, without any typed timeline or volumes. */
  async function decideII(initiativeId: string, overrides: Record<string, unknown> = {}) {
    const sg = await world.loginAs("sgA");
    return postJson(
      sg,
      `/api/v1/initiatives/${initiativeId}/milestones/II/decision`,
      decisionBody("II", overrides),
      DecisionWithCommunications,
    );
  }

  it("freezes a baseline with the decision at II that stays as it was when the flow is edited; compare shows the edit", async () => {
    const { initiativeId, flow, pl } = await withFlow("Baslinje");
    const live = await getJson(pl, `/api/v1/initiatives/${initiativeId}/forecast`, ForecastBody);
    const decision = await decideII(initiativeId);
    expect(decision.baselineId).toEqual(expect.any(String));

    const list = await getJson(pl, `/api/v1/initiatives/${initiativeId}/forecast/versions`, ForecastVersionList);
    expect(list).toEqual({
      canSave: true,
      versions: [
        {
          id: decision.baselineId,
          kind: "baseline",
          milestone: "II",
          decisionId: decision.id,
          createdAt: expect.any(String),
          createdBy: world.users.sgA,
          createdByName: expect.any(String),
          from: thisMonth(),
        },
      ],
    });
    const url = `/api/v1/initiatives/${initiativeId}/forecast/versions/${decision.baselineId}`;
    const frozen = await getJson(pl, url, FrozenForecast);
    expect({ from: frozen.from, months: frozen.months, flows: frozen.flows }).toEqual(live);
    expect(frozen.months).toHaveLength(60);
    expect(frozen.plan).toEqual([
      {
        id: flow.id,
        name: bygglov.name,
        recipientType: "privatperson",
        annualVolume: 12_000,
        seasonality: flow.seasonality,
        costPerLetterSek: flow.costPerLetterSek,
        tactic: null,
        status: "prioriterad",
        plannedTestDate: "2027-03-01",
        plannedProductionDate: "2027-06-01",
      },
    ]);

    // The flow doubles and goes to production a year later: the baseline does not move.
    expect(
      (await pl.put(`/api/v1/flows/${flow.id}`, { ...bygglov, annualVolume: 24_000, plannedProductionDate: "2028-06-01" })).statusCode,
    ).toBe(200);
    expect(await getJson(pl, url, FrozenForecast)).toEqual(frozen);

    const now = await getJson(pl, `/api/v1/initiatives/${initiativeId}/forecast`, ForecastBody);
    const compared = await getJson(
      pl,
      `/api/v1/initiatives/${initiativeId}/forecast/compare?a=${decision.baselineId}&b=current`,
      Comparison,
    );
    expect(compared.a).toMatchObject({ id: decision.baselineId, kind: "baseline", milestone: "II" });
    expect(compared.b).toEqual({ id: "current", kind: "current", from: thisMonth() });
    expect(compared.months).toHaveLength(60);
    compared.months.forEach((m, i) => {
      expect(m.a).toEqual({ volume: frozen.months[i]?.volume, digital: frozen.months[i]?.digital, paper: frozen.months[i]?.paper });
      expect(m.b).toEqual({ volume: now.months[i]?.volume, digital: now.months[i]?.digital, paper: now.months[i]?.paper });
      expect(m.difference.volume).toBe(m.b.volume - m.a.volume);
    });
    expect(compared.months.every((m) => m.difference.volume === m.a.volume)).toBe(true);
    expect(compared.months.some((m) => m.difference.digital < 0)).toBe(true);
    // Left out, b is the live forecast too.
    const byDefault = await getJson(pl, `/api/v1/initiatives/${initiativeId}/forecast/compare?a=${decision.baselineId}`, Comparison);
    expect(byDefault.months).toEqual(compared.months);
  });

  it("tells the förvaltningsgrupp at II the timeline and volumes computed from the flows, with the decision's note", async () => {
    const { initiativeId } = await withFlow("Meddelande med flöden");
    const decision = await decideII(initiativeId, { reported: { note: "Volymerna stäms av i januari." } });
    const { body, item } = await fgMessage(decision.id);
    expect(item("tidplan")).toBe("Beslut om bygglov: test 2027-03-01, produktion 2027-06-01");
    const frozen = await getJson(
      await world.loginAs("plA"),
      `/api/v1/initiatives/${initiativeId}/forecast/versions/${decision.baselineId}`,
      FrozenForecast,
    );
    const nextYear = String(Number(thisMonth().slice(0, 4)) + 1);
    const digital = frozen.months.filter((m) => m.month.startsWith(nextYear)).reduce((s, m) => s + m.digital, 0);
    expect(item("meddelandevolymer")).toContain(`${nextYear}: ${new Intl.NumberFormat("sv-SE").format(digital)} av 12\u00a0000`);
    expect(body).toContain("Kommentar: Volymerna stäms av i januari.");
    expect(decision.reported).toMatchObject({ timeline: null, messageVolumePerYear: null, note: "Volymerna stäms av i januari." });
  });

  it("still takes typed figures and reports them beside the computed ones", async () => {
    const { initiativeId } = await withFlow("Inskrivna uppgifter");
    const decision = await decideII(initiativeId, {
      reported: { timeline: "Hösten 2027", messageVolumePerYear: 48_000, volumeNote: null },
    });
    const { item } = await fgMessage(decision.id);
    expect(item("tidplan")).toBe("Beslut om bygglov: test 2027-03-01, produktion 2027-06-01 Angivet vid beslutet: Hösten 2027");
    expect(item("meddelandevolymer")).toMatch(/Angivet vid beslutet: 48\u00a0000 meddelanden per år$/);
  });

  it("saves a re-forecast with its reason for the team, audited; without a reason 400 and nothing saved", async () => {
    const { initiativeId, flow, pl } = await withFlow("Omprognos");
    const url = `/api/v1/initiatives/${initiativeId}/forecast/versions`;
    for (const body of [{}, { reason: "   " }, { reason: "x".repeat(2001) }, { reason: 5 }]) {
      const refused = await pl.post(url, body);
      expect(refused.statusCode).toBe(400);
      expect(parseBody(refused, ErrorBody, 400)).toMatchObject({ code: "VALIDATION_FAILED", fields: [{ path: "reason" }] });
    }
    expect(await world.db.select().from(forecastVersions).where(eq(forecastVersions.initiativeId, initiativeId))).toEqual([]);

    const saved = await postJson(pl, url, { reason: "  Fakturaflödet försenas ett halvår.  " }, ForecastVersion);
    expect(saved).toMatchObject({ kind: "reforecast", reason: "Fakturaflödet försenas ett halvår.", createdBy: world.users.plA });
    expect(saved).not.toHaveProperty("milestone");
    const frozen = await getJson(pl, `${url}/${saved.id}`, FrozenForecast);
    expect(frozen.flows.map((f) => f.flowId)).toEqual([flow.id]);
    const audit = await world.db.select().from(auditLog).where(eq(auditLog.entityId, saved.id));
    expect(audit.map((a) => [a.action, a.actorUserId, a.organisationId])).toEqual([
      ["forecast_version.create", world.users.plA, world.orgA.id],
    ]);

    const decision = await decideII(initiativeId);
    const versions = (await getJson(pl, url, ForecastVersionList)).versions;
    expect(versions.map((v) => [v.kind, v.id])).toEqual([
      ["baseline", decision.baselineId],
      ["reforecast", saved.id],
    ]);
    const compared = await getJson(
      pl,
      `/api/v1/initiatives/${initiativeId}/forecast/compare?a=${saved.id}&b=${decision.baselineId}`,
      Comparison,
    );
    expect(compared.b).toMatchObject({ id: decision.baselineId, kind: "baseline" });
    expect(compared.months.every((m) => m.difference.volume === 0)).toBe(true);
  });

  it("lets every member read, only the team save; another organisation and another initiative's versions are not found", async () => {
    const { initiativeId, flow } = await withFlow("Åtkomst");
    const other = await withFlow("Annat initiativ");
    const { baselineId } = await decideII(initiativeId);
    const { baselineId: otherBaseline } = await decideII(other.initiativeId);
    const [reader, plB] = [await world.loginAs("readerA"), await world.loginAs("plB")];
    const base = `/api/v1/initiatives/${initiativeId}`;

    expect((await getJson(reader, `${base}/forecast/versions`, ForecastVersionList)).canSave).toBe(false);
    expect((await reader.get(`${base}/forecast/versions/${baselineId}`)).statusCode).toBe(200);
    expect((await reader.get(`${base}/forecast/compare?a=${baselineId}&b=current`)).statusCode).toBe(200);
    expect((await reader.get(`/api/v1/flows/${flow.id}/actuals`)).statusCode).toBe(200);
    expect((await reader.post(`${base}/forecast/versions`, { reason: "Läsaren försöker" })).statusCode).toBe(403);
    expect((await reader.put(`/api/v1/flows/${flow.id}/actuals`, [{ month: thisMonth(), digital: 1, paper: 1 }])).statusCode).toBe(403);

    for (const res of [
      await plB.get(`${base}/forecast/versions`),
      await plB.post(`${base}/forecast/versions`, { reason: "Intrång" }),
      await plB.get(`${base}/forecast/versions/${baselineId}`),
      await plB.get(`${base}/forecast/compare?a=${baselineId}&b=current`),
      await plB.get(`${base}/actuals`),
      await plB.get(`/api/v1/flows/${flow.id}/actuals`),
      await plB.put(`/api/v1/flows/${flow.id}/actuals`, [{ month: thisMonth(), digital: 1, paper: 1 }]),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain(bygglov.name);
    }
    const pl = await world.loginAs("plA");
    // A version is found only under its own initiative, and a random id nowhere.
    for (const path of [
      `${base}/forecast/versions/${otherBaseline}`,
      `${base}/forecast/versions/00000000-0000-4000-8000-000000000000`,
      `${base}/forecast/compare?a=${otherBaseline}&b=current`,
      `${base}/forecast/compare?a=${baselineId}&b=${otherBaseline}`,
    ])
      expect((await pl.get(path)).statusCode).toBe(404);
    expect((await pl.get(`${base}/forecast/compare?a=${baselineId}&b=gestern`)).statusCode).toBe(400);
    expect(await world.db.select().from(forecastVersions).where(eq(forecastVersions.initiativeId, initiativeId))).toHaveLength(1);
  });

  it("refuses to change a frozen version in the database", async () => {
    const { initiativeId } = await withFlow("Fryst");
    const { baselineId } = await decideII(initiativeId);
    await expect(
      world.db
        .update(forecastVersions)
        .set({ forecast: sql`'{}'::jsonb` })
        .where(eq(forecastVersions.id, baselineId ?? "")),
    ).rejects.toThrow();
    const [row] = await world.db
      .select()
      .from(forecastVersions)
      .where(eq(forecastVersions.id, baselineId ?? ""));
    expect((row?.forecast as { months: unknown[] } | undefined)?.months).toHaveLength(60);
  });

  it("writes a flow's actuals month by month, keeps the other months, and shows the variance against the latest baseline", async () => {
    const { initiativeId, flow, pl } = await withFlow("Utfall");
    const url = `/api/v1/flows/${flow.id}/actuals`;
    const before = await getJson(pl, url, FlowActuals);
    expect(before).toEqual({ flowId: flow.id, baselineId: null, months: [], canEdit: true });

    const lastMonth = monthsFromNow(-1);
    const first = parseBody(
      await pl.put(url, [
        { month: thisMonth(), digital: 10, paper: 990 },
        { month: lastMonth, digital: 0, paper: 1000 },
      ]),
      FlowActuals,
    );
    // No baseline yet: actuals without variance.
    expect(first.months).toEqual([
      { month: lastMonth, digital: 0, paper: 1000, baseline: null, variance: null },
      { month: thisMonth(), digital: 10, paper: 990, baseline: null, variance: null },
    ]);

    const { baselineId } = await decideII(initiativeId);
    const frozen = await getJson(pl, `/api/v1/initiatives/${initiativeId}/forecast/versions/${baselineId}`, FrozenForecast);
    const planned = frozen.flows[0]?.months[0];
    if (!planned) throw new Error("the baseline has the flow's first month");
    // Overwrite this month; last month stays as it was.
    const after = parseBody(await pl.put(url, [{ month: thisMonth(), digital: 25, paper: 900 }]), FlowActuals);
    expect(after.baselineId).toBe(baselineId);
    expect(after.months).toEqual([
      { month: lastMonth, digital: 0, paper: 1000, baseline: null, variance: null },
      {
        month: thisMonth(),
        digital: 25,
        paper: 900,
        baseline: { volume: planned.volume, digital: planned.digital, paper: planned.paper },
        variance: { digital: 25 - planned.digital, paper: 900 - planned.paper },
      },
    ]);
    expect((await getJson(pl, url, FlowActuals)).months).toEqual(after.months);

    const totals = await getJson(pl, `/api/v1/initiatives/${initiativeId}/actuals`, InitiativeActuals);
    expect(totals).toMatchObject({ initiativeId, baselineId });
    expect(totals.months.map((m) => [m.month, m.digital, m.paper, m.baseline?.volume ?? null])).toEqual([
      [lastMonth, 0, 1000, null],
      [thisMonth(), 25, 900, frozen.months[0]?.volume],
    ]);

    const audit = await world.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, flow.id), eq(auditLog.action, "flow_actuals.update")))
      .orderBy(asc(auditLog.seq));
    expect(audit).toHaveLength(2);
    expect(audit[1]?.before).toEqual({ months: [{ month: thisMonth(), digital: 10, paper: 990 }] });
  });

  for (const [what, body, path] of [
    ["a month that does not exist", [{ month: "2026-13", digital: 1, paper: 1 }], "0.month"],
    ["a day instead of a month", [{ month: "2026-01-01", digital: 1, paper: 1 }], "0.month"],
    ["a negative count", [{ month: "2026-01", digital: -1, paper: 1 }], "0.digital"],
    ["a fractional count", [{ month: "2026-01", digital: 1, paper: 0.5 }], "0.paper"],
    [
      "the same month twice",
      [
        { month: "2026-01", digital: 1, paper: 1 },
        { month: "2026-01", digital: 2, paper: 2 },
      ],
      "1.month",
    ],
    ["a month that has not begun", "future", "1.month"],
    ["more than 240 months", "too-many", ""],
    ["an object instead of a list", { month: "2026-01", digital: 1, paper: 1 }, ""],
  ] as const) {
    it(`refuses actuals with ${what}: 400 naming ${path || "the body"}, nothing saved`, async () => {
      const pl = await world.loginAs("plA");
      const { id } = await world.seedInitiative({ name: `Fel: ${what}` });
      const flow = await postJson(pl, `/api/v1/initiatives/${id}/flows`, bygglov, Flow);
      const payload =
        body === "future"
          ? [
              { month: thisMonth(), digital: 1, paper: 1 },
              { month: monthsFromNow(1), digital: 1, paper: 1 },
            ]
          : body === "too-many"
            ? Array.from({ length: 241 }, (_, i) => ({ month: monthsFromNow(-i), digital: 1, paper: 1 }))
            : body;
      const res = await pl.put(`/api/v1/flows/${flow.id}/actuals`, payload);
      expect(res.statusCode).toBe(400);
      const error = parseBody(res, ErrorBody, 400);
      expect(error.code).toBe("VALIDATION_FAILED");
      expect(error.fields?.map((f) => f.path)).toContain(path);
      expect(await world.db.select().from(flowActuals).where(eq(flowActuals.flowId, flow.id))).toEqual([]);
    });
  }

  it("stores every actuals write answered 2xx when several arrive at once, each audited", async () => {
    const { flow, pl } = await withFlow("Samtidiga utfall");
    const consultant = await world.loginAs("consultant");
    const writes = Array.from({ length: 8 }, (_, i) => [{ month: monthsFromNow(-(i % 4)), digital: i, paper: 100 + i }]);
    const answers = await Promise.all(writes.map((body, i) => (i % 2 ? consultant : pl).put(`/api/v1/flows/${flow.id}/actuals`, body)));
    const ok = answers.filter((a) => a.statusCode === 200);
    expect(answers.map((a) => a.statusCode).filter((s) => s !== 200)).toEqual([]);
    const stored = await world.db.select().from(flowActuals).where(eq(flowActuals.flowId, flow.id));
    expect(stored).toHaveLength(4);
    // Each month holds the value of one of the writes to it, and the audit has one entry per answer.
    for (const row of stored) {
      const candidates = writes.flat().filter((w) => w.month === row.month);
      expect(candidates).toContainEqual({ month: row.month, digital: row.digital, paper: row.paper });
    }
    const audited = await world.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, flow.id), eq(auditLog.action, "flow_actuals.update")));
    expect(audited).toHaveLength(ok.length);
    // The last audited value of each month is what is stored: the row lock ordered the writes.
    const last = new Map<string, unknown>();
    for (const entry of audited.sort((a, b) => Number(a.seq) - Number(b.seq)))
      for (const m of (entry.after as { months: { month: string }[] }).months) last.set(m.month, m);
    for (const row of stored) expect(last.get(row.month)).toEqual({ month: row.month, digital: row.digital, paper: row.paper });
  });
});
