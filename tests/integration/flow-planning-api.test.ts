import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, flowPlanSettings, messageFlows } from "../../src/db/schema.ts";
import { ErrorBody } from "../../src/http/api/api-route.ts";
import { FlowPriorities, FlowSettings } from "../../src/http/routes/flow-planning/flow-planning.schema.ts";
import { Flow, ForecastBody } from "../../src/http/routes/flows/flows.schema.ts";
import { getJson, parseBody, postJson, useTestWorld } from "../support/test-world.ts";

/** Issue 11: a flow's prioritisation fields, the initiative's flow settings, and the flows in priority order. */
describe("flow planning API: prioritisation and flow settings", () => {
  const world = useTestWorld();

  const flowsUrl = (id: string) => `/api/v1/initiatives/${id}/flows`;
  const settingsUrl = (id: string) => `/api/v1/initiatives/${id}/flow-settings`;
  const prioritiesUrl = (id: string) => `/api/v1/initiatives/${id}/flows/priorities`;
  const bygglov = { name: "Beslut om bygglov", recipientType: "privatperson", annualVolume: 10_000 };

  describe("a flow's prioritisation fields", () => {
    it("stores the judgements and an override with its motivation, and leaves them null for clients that send none", async () => {
      const pl = await world.loginAs("plA");
      const initiative = await world.seedInitiative({ name: "Prioritering av fält" });
      const plain = await postJson(pl, flowsUrl(initiative.id), bygglov, Flow);
      expect(plain).toMatchObject({ processChange: null, serviceImprovement: null, priorityOverride: null, priorityMotivation: "" });

      const judged = await postJson(
        pl,
        flowsUrl(initiative.id),
        { ...bygglov, processChange: 2, serviceImprovement: 5, priorityOverride: 80.5, priorityMotivation: "Lagkrav från 2027" },
        Flow,
      );
      expect(judged).toMatchObject({
        processChange: 2,
        serviceImprovement: 5,
        priorityOverride: 80.5,
        priorityMotivation: "Lagkrav från 2027",
      });
      expect(await getJson(pl, `/api/v1/flows/${judged.id}`, Flow)).toEqual(judged);
    });

    const BAD: [string, Record<string, unknown>, string, string][] = [
      ["an override without motivation", { priorityOverride: 50 }, "priorityMotivation", "required"],
      ["an override with a blank motivation", { priorityOverride: 50, priorityMotivation: "  " }, "priorityMotivation", "required"],
      ["an override above 100", { priorityOverride: 100.5, priorityMotivation: "x" }, "priorityOverride", "too_large"],
      ["a negative override", { priorityOverride: -1, priorityMotivation: "x" }, "priorityOverride", "negative"],
      ["a process change of 6", { processChange: 6 }, "processChange", "invalid_choice"],
      ["a service improvement of 0", { serviceImprovement: 0 }, "serviceImprovement", "invalid_choice"],
      ["a fractional judgement", { processChange: 2.5 }, "processChange", "whole_number"],
      ["a motivation over 2000 characters", { priorityMotivation: "x".repeat(2001) }, "priorityMotivation", "too_long"],
    ];
    for (const [what, change, path, code] of BAD) {
      it(`refuses ${what} with 400 at ${path}, on create and on change, and stores nothing`, async () => {
        const pl = await world.loginAs("plA");
        const initiative = await world.seedInitiative({ name: `Fel: ${what}` });
        const refused = parseBody(await pl.post(flowsUrl(initiative.id), { ...bygglov, ...change }), ErrorBody, 400);
        expect(refused.fields).toContainEqual(expect.objectContaining({ path, code }));
        expect(await world.db.select().from(messageFlows).where(eq(messageFlows.initiativeId, initiative.id))).toEqual([]);

        const flow = await postJson(pl, flowsUrl(initiative.id), bygglov, Flow);
        const changed = parseBody(await pl.put(`/api/v1/flows/${flow.id}`, { ...bygglov, ...change }), ErrorBody, 400);
        expect(changed.fields).toContainEqual(expect.objectContaining({ path, code }));
        expect(await getJson(pl, `/api/v1/flows/${flow.id}`, Flow)).toEqual(flow);
      });
    }
  });

  describe("flow settings", () => {
    it("reads the defaults until the team sets its own, then what it set; audited, and read by every member", async () => {
      const pl = await world.loginAs("plA");
      const reader = await world.loginAs("readerA");
      const initiative = await world.seedInitiative({ name: "Inställningar" });
      expect(await getJson(reader, settingsUrl(initiative.id), FlowSettings)).toEqual({
        reachOverrides: {},
        priorityWeights: { volume: 50, processChange: 25, serviceImprovement: 25 },
        updatedAt: null,
      });

      const body = {
        reachOverrides: { privatperson: { "2027": 0.8, "2028": 0.85 }, foretag: { "2027": 0.3 } },
        priorityWeights: { volume: 20, processChange: 40, serviceImprovement: 40 },
      };
      const put = parseBody(await pl.put(settingsUrl(initiative.id), body), FlowSettings);
      expect(put).toMatchObject(body);
      expect(put.updatedAt).not.toBeNull();
      expect(await getJson(reader, settingsUrl(initiative.id), FlowSettings)).toEqual(put);

      // A second PUT replaces both, the first and later writes upsert one row.
      const second = parseBody(
        await pl.put(settingsUrl(initiative.id), {
          reachOverrides: {},
          priorityWeights: { volume: 1, processChange: 0, serviceImprovement: 0 },
        }),
        FlowSettings,
      );
      expect(second.reachOverrides).toEqual({});
      expect(await world.db.select().from(flowPlanSettings).where(eq(flowPlanSettings.initiativeId, initiative.id))).toHaveLength(1);

      const entries = await world.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, initiative.id), eq(auditLog.action, "flow_plan_settings.update")))
        .orderBy(asc(auditLog.seq));
      expect(entries).toHaveLength(2);
      expect(entries[0]?.before).toBeNull();
      expect(entries[0]?.after).toMatchObject(body);
      expect(entries[1]?.before).toMatchObject(body);
    });

    const BAD: [string, Record<string, unknown>, (string | number)[], string][] = [
      ["a share above 1", { reachOverrides: { privatperson: { "2027": 1.2 } } }, ["reachOverrides", "privatperson", "2027"], "share_range"],
      ["a negative share", { reachOverrides: { foretag: { "2027": -0.1 } } }, ["reachOverrides", "foretag", "2027"], "share_range"],
      ["a year before 2000", { reachOverrides: { blandat: { "1999": 0.5 } } }, ["reachOverrides", "blandat", "1999"], "year_range"],
      ["a year after 2100", { reachOverrides: { blandat: { "2101": 0.5 } } }, ["reachOverrides", "blandat", "2101"], "year_range"],
      ["an unknown recipient type", { reachOverrides: { kommun: { "2027": 0.5 } } }, ["reachOverrides"], "invalid"],
      [
        "weights all zero",
        { priorityWeights: { volume: 0, processChange: 0, serviceImprovement: 0 } },
        ["priorityWeights"],
        "weights_all_zero",
      ],
      [
        "a weight above 100",
        { priorityWeights: { volume: 101, processChange: 0, serviceImprovement: 0 } },
        ["priorityWeights", "volume"],
        "too_large",
      ],
      [
        "a negative weight",
        { priorityWeights: { volume: 10, processChange: -1, serviceImprovement: 0 } },
        ["priorityWeights", "processChange"],
        "negative",
      ],
    ];
    for (const [what, body, path, code] of BAD) {
      it(`refuses ${what} with 400 at ${path.join(".")} and keeps what was stored`, async () => {
        const pl = await world.loginAs("plA");
        const initiative = await world.seedInitiative({ name: `Inställningar fel: ${what}` });
        const refused = parseBody(await pl.put(settingsUrl(initiative.id), body), ErrorBody, 400);
        expect(refused.fields).toContainEqual(expect.objectContaining({ path: path.join("."), code }));
        expect(await world.db.select().from(flowPlanSettings).where(eq(flowPlanSettings.initiativeId, initiative.id))).toEqual([]);
      });
    }

    it("lets only the team change the settings and hides them from another organisation", async () => {
      const initiative = await world.seedInitiative({ name: "Inställningar roller" });
      const reader = await world.loginAs("readerA");
      const plB = await world.loginAs("plB");
      const consultant = await world.loginAs("consultant");
      const body = { reachOverrides: { privatperson: { "2030": 0.9 } } };
      expect((await reader.put(settingsUrl(initiative.id), body)).statusCode).toBe(403);
      expect((await plB.get(settingsUrl(initiative.id))).statusCode).toBe(404);
      expect((await plB.put(settingsUrl(initiative.id), body)).statusCode).toBe(404);
      expect((await plB.get(prioritiesUrl(initiative.id))).statusCode).toBe(404);
      expect(parseBody(await consultant.put(settingsUrl(initiative.id), body), FlowSettings).reachOverrides).toEqual(body.reachOverrides);
    });

    it("takes turns when several people set the settings at once: every answer stored in turn, one row, the last audited is what stands", async () => {
      const pl = await world.loginAs("plA");
      const consultant = await world.loginAs("consultant");
      const initiative = await world.seedInitiative({ name: "Samtidiga inställningar" });
      const bodies = Array.from({ length: 6 }, (_, i) => ({
        reachOverrides: { privatperson: { [String(2030 + i)]: i / 10 } },
        priorityWeights: { volume: i + 1, processChange: 10, serviceImprovement: 10 },
      }));
      const answers = await Promise.all(bodies.map((b, i) => (i % 2 ? consultant : pl).put(settingsUrl(initiative.id), b)));
      expect(answers.map((a) => a.statusCode)).toEqual(bodies.map(() => 200));
      const rows = await world.db.select().from(flowPlanSettings).where(eq(flowPlanSettings.initiativeId, initiative.id));
      expect(rows).toHaveLength(1);
      const entries = await world.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, initiative.id), eq(auditLog.action, "flow_plan_settings.update")))
        .orderBy(asc(auditLog.seq));
      expect(entries).toHaveLength(bodies.length);
      // Each change saw the one before it: its "before" is the previous entry's "after".
      expect(entries[0]?.before).toBeNull();
      for (let i = 1; i < entries.length; i++) expect(entries[i]?.before).toEqual(entries[i - 1]?.after);
      expect(entries.at(-1)?.after).toMatchObject({ reachOverrides: rows[0]?.reachOverrides, priorityWeights: rows[0]?.priorityWeights });
    });

    it("changes the forecast: a reach override for a year is the share of every month of that year", async () => {
      const pl = await world.loginAs("plA");
      const initiative = await world.seedInitiative({ name: "Prognos med egen räckvidd" });
      await postJson(pl, flowsUrl(initiative.id), { ...bygglov, annualVolume: 12_000, plannedProductionDate: "2026-01-01" }, Flow);
      const forecastUrl = `/api/v1/initiatives/${initiative.id}/forecast?from=2027-01&months=12`;
      const before = await getJson(pl, forecastUrl, ForecastBody);
      expect(before.months[0]?.digital).not.toBe(500);

      parseBody(await pl.put(settingsUrl(initiative.id), { reachOverrides: { privatperson: { "2027": 0.5 } } }), FlowSettings);
      const after = await getJson(pl, forecastUrl, ForecastBody);
      expect(after.flows[0]?.months.map((m) => m.reachShare)).toEqual(Array.from({ length: 12 }, () => 0.5));
      expect(after.months.map((m) => m.digital)).toEqual(Array.from({ length: 12 }, () => 500));
    });
  });

  describe("priorities", () => {
    it("ranks the flows by the weighted score, the override first, with every step of the breakdown", async () => {
      const pl = await world.loginAs("plA");
      const reader = await world.loginAs("readerA");
      const initiative = await world.seedInitiative({ name: "Prioriterade flöden" });
      const small = await postJson(pl, flowsUrl(initiative.id), { ...bygglov, name: "Litet", annualVolume: 1_000 }, Flow);
      const large = await postJson(
        pl,
        flowsUrl(initiative.id),
        { ...bygglov, name: "Stort", annualVolume: 1_000_000, processChange: 1, serviceImprovement: 5 },
        Flow,
      );
      const forced = await postJson(
        pl,
        flowsUrl(initiative.id),
        { ...bygglov, name: "Tvingat", annualVolume: 100, priorityOverride: 99, priorityMotivation: "Avtalet löper ut" },
        Flow,
      );

      const body = await getJson(reader, prioritiesUrl(initiative.id), FlowPriorities);
      expect(body.weights).toEqual({ volume: 50, processChange: 25, serviceImprovement: 25 });
      expect(body.canManage).toBe(false);
      // The override (99) does not pass the large flow's computed 100: it replaces the forced flow's 25.
      expect(body.flows.map((f) => [f.rank, f.flowId, f.effectiveScore])).toEqual([
        [1, large.id, 100],
        [2, forced.id, 99],
        [3, small.id, 37.5],
      ]);
      expect(body.flows[1]).toMatchObject({ computedScore: 25, override: 99, motivation: "Avtalet löper ut" });
      expect(body.flows[2]?.criteria).toEqual([
        { key: "volume", value: 1_000, points: 25, weight: 50, contribution: 12.5, judged: true },
        { key: "processChange", value: null, points: 50, weight: 25, contribution: 12.5, judged: false },
        { key: "serviceImprovement", value: null, points: 50, weight: 25, contribution: 12.5, judged: false },
      ]);

      // The team's weights change the computed scores: with only service improvement counting, the
      // unjudged flows score its midpoint, and the override still stands.
      parseBody(
        await pl.put(settingsUrl(initiative.id), { priorityWeights: { volume: 0, processChange: 0, serviceImprovement: 10 } }),
        FlowSettings,
      );
      const reweighted = await getJson(pl, prioritiesUrl(initiative.id), FlowPriorities);
      expect(reweighted.weights).toEqual({ volume: 0, processChange: 0, serviceImprovement: 10 });
      expect(reweighted.flows.map((f) => [f.flowId, f.computedScore])).toEqual([
        [large.id, 100],
        [forced.id, 50],
        [small.id, 50],
      ]);
    });
  });
});
