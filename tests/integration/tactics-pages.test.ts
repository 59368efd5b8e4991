import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { flowPlanSettings, messageFlows, tacticAlternatives } from "../../src/db/schema.ts";
import { Flow } from "../../src/http/routes/flows/flows.schema.ts";
import { postJson, useTestWorld } from "../support/test-world.ts";

/** Issue 11 as pages without JavaScript: the tactic comparison, the priorities and the reach per recipient type. */
describe("tactics, priorities and reach pages", () => {
  const world = useTestWorld();

  async function initiativeWithFlow(name: string) {
    const initiative = await world.seedInitiative({ name });
    const pl = await world.loginAs("plA");
    const flow = await postJson(
      pl,
      `/api/v1/initiatives/${initiative.id}/flows`,
      { name: "Beslut om bygglov", recipientType: "privatperson", annualVolume: 12_000, plannedProductionDate: "2020-01-01" },
      Flow,
    );
    return { initiativeId: initiative.id, flow, session: await world.browserAs("plA") };
  }

  it("adds an alternative with a Swedish amount, shows it compared, changes it to recommended and removes it", async () => {
    const { initiativeId, flow, session } = await initiativeWithFlow("Taktiksidor");
    const page = `/initiatives/${initiativeId}/tactics`;
    expect((await session.get(page)).body).toContain("Inga alternativ ännu.");

    const added = await session.post(page, {
      tactic: "formedlare",
      name: "Via förmedlare",
      oneOffCostSek: "50 000",
      annualCostSek: "60 000,50",
      leadTimeMonths: "4",
      risks: "Leverantörsberoende",
      flowIds: flow.id,
    });
    expect(added.statusCode).toBe(303);
    const [stored] = await world.db.select().from(tacticAlternatives).where(eq(tacticAlternatives.initiativeId, initiativeId));
    expect(stored).toMatchObject({ oneOffCostSek: 50_000, annualCostSek: 60_000.5, leadTimeMonths: 4 });
    const shown = await session.get(page);
    expect(shown.body).toContain("Alternativet Via förmedlare är tillagt.");
    expect(shown.body).toContain("Förmedlare eller gemensam anslutningstjänst");
    expect(shown.body).toContain("Leverantörsberoende");
    expect(shown.body).toContain("Beslut om bygglov (12");
    expect(shown.body).toContain("Lägg till alternativet ”Gör ingenting”");

    const edit = `${page}/${stored?.id}`;
    const noReason = await session.post(edit, {
      tactic: "formedlare",
      name: "Via förmedlare",
      recommended: "yes",
      recommendationReason: "",
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('href="#f-recommendationReason"');
    expect(noReason.body).toContain('id="f-recommendationReason-error"');

    const recommended = await session.post(edit, {
      tactic: "formedlare",
      name: "Via förmedlare",
      oneOffCostSek: "50000",
      recommended: "yes",
      recommendationReason: "Kortast ledtid",
    });
    expect(recommended.statusCode).toBe(303);
    const after = await session.get(page);
    expect(after.body).toContain("Rekommenderas");
    expect(after.body).toContain("Kortast ledtid");

    expect((await session.post(`${edit}/delete`, {})).statusCode).toBe(303);
    expect(await world.db.select().from(tacticAlternatives).where(eq(tacticAlternatives.initiativeId, initiativeId))).toEqual([]);
  });

  it("refuses an amount that is not a number beside its field, and keeps what was typed", async () => {
    const { initiativeId, session } = await initiativeWithFlow("Taktik fel");
    const res = await session.post(`/initiatives/${initiativeId}/tactics`, { tactic: "inget", name: "Inget", annualCostSek: "många" });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#f-annualCostSek"');
    expect(res.body).toContain("Ange ett tal.");
    expect(res.body).toContain('value="många"');
  });

  it("shows the ranked flows with how the score is calculated, saves weights and a judgement with an override", async () => {
    const { initiativeId, flow, session } = await initiativeWithFlow("Prioriteringssidor");
    const page = `/initiatives/${initiativeId}/flows/priorities`;
    const shown = await session.get(page);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain("Hur räknas detta?");
    expect(shown.body).toContain("ej bedömd (räknas som 50)");

    const zero = await session.post(`${page}/weights`, {
      "weight-volume": "0",
      "weight-processChange": "0",
      "weight-serviceImprovement": "0",
    });
    expect(zero.statusCode).toBe(400);
    expect(zero.body).toContain("Minst en vikt måste vara större än noll.");
    expect(zero.body).toContain('href="#f-weight-volume"');
    const weights = await session.post(`${page}/weights`, {
      "weight-volume": "10",
      "weight-processChange": "20",
      "weight-serviceImprovement": "30",
    });
    expect(weights.statusCode).toBe(303);
    const [settings] = await world.db.select().from(flowPlanSettings).where(eq(flowPlanSettings.initiativeId, initiativeId));
    expect(settings?.priorityWeights).toEqual({ volume: 10, processChange: 20, serviceImprovement: 30 });

    const judge = `${page}/${flow.id}`;
    expect((await session.get(judge)).body).toContain("Bedöm Beslut om bygglov");
    const noMotivation = await session.post(judge, {
      processChange: "2",
      serviceImprovement: "",
      priorityOverride: "80",
      priorityMotivation: "",
    });
    expect(noMotivation.statusCode).toBe(400);
    expect(noMotivation.body).toContain('href="#f-priorityMotivation"');
    const saved = await session.post(judge, {
      processChange: "2",
      serviceImprovement: "",
      priorityOverride: "80,5",
      priorityMotivation: "Lagkrav",
    });
    expect(saved.statusCode).toBe(303);
    const [row] = await world.db.select().from(messageFlows).where(eq(messageFlows.id, flow.id));
    expect(row).toMatchObject({
      processChange: 2,
      serviceImprovement: null,
      priorityOverride: 80.5,
      priorityMotivation: "Lagkrav",
      annualVolume: 12_000,
    });
    expect((await session.get(page)).body).toContain("Lagkrav");
  });

  it("sets reach per recipient type and year in per cent, next to the default, keeping other years", async () => {
    const { initiativeId, session } = await initiativeWithFlow("Räckviddssida");
    const pl = await world.loginAs("plA");
    await pl.put(`/api/v1/initiatives/${initiativeId}/flow-settings`, { reachOverrides: { privatperson: { "2090": 0.9 } } });
    const page = `/initiatives/${initiativeId}/flow-settings`;
    const year = Number(new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date()).slice(0, 4)) + 1;
    const shown = await session.get(page);
    expect(shown.body).toContain("Standard:");
    expect(shown.body).toContain(`Privatpersoner ${year}, egen andel i procent`);
    expect(shown.body).toContain("2090");

    const wrong = await session.post(page, { [`reach-foretag-${year}`]: "120" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain(`href="#f-reach-foretag-${year}"`);
    expect(wrong.body).toContain("Ange en andel från 0 till 100 procent.");

    expect((await session.post(page, { [`reach-foretag-${year}`]: "42,5" })).statusCode).toBe(303);
    const [settings] = await world.db.select().from(flowPlanSettings).where(eq(flowPlanSettings.initiativeId, initiativeId));
    expect(settings?.reachOverrides).toEqual({ privatperson: { "2090": 0.9 }, foretag: { [String(year)]: 0.425 } });
  });

  it("shows the pages to a läsare without forms, and refuses the team's forms to her", async () => {
    const { initiativeId, flow } = await initiativeWithFlow("Läsarens sidor");
    const reader = await world.browserAs("readerA");
    for (const url of [
      `/initiatives/${initiativeId}/tactics`,
      `/initiatives/${initiativeId}/flows/priorities`,
      `/initiatives/${initiativeId}/flow-settings`,
    ]) {
      const res = await reader.get(url);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain("Bara initiativets projektgrupp");
    }
    expect((await reader.get(`/initiatives/${initiativeId}/flows/priorities/${flow.id}`)).statusCode).toBe(403);
    expect((await reader.post(`/initiatives/${initiativeId}/tactics`, { tactic: "inget", name: "x" })).statusCode).toBe(403);
  });
});
