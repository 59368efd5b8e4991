import { describe, expect, it } from "vitest";
import { portfolioGeneration } from "../../src/db/repositories/portfolio-repository.ts";
import { PortfolioBody } from "../../src/http/routes/portfolio/portfolio.schema.ts";
import { methodV12 } from "../../src/method/v1.2/index.ts";
import { getJson, useTestWorld } from "../support/test-world.ts";

/*
 * Each app server keeps the portfolio's status read model per status generation (migration 0022):
 * a change to anything the rows read must advance it at commit, so the very next read shows the
 * change; and the forecast's own generation stays put when only a status changes, so the national
 * forecast is not computed again for every edit.
 */
describe("the portfolio's cached status read model", () => {
  const world = useTestWorld();
  const generations = async () => ({
    status: await portfolioGeneration(world.db, "status"),
    forecast: await portfolioGeneration(world.db, "forecast"),
  });

  it("shows an activity started ahead of its decision on the next read, and moves only the status generation", async () => {
    const initiative = await world.seedInitiative({ name: "Cachad status", phase: 1 });
    const fg = await world.loginAs("fg");
    const rowOf = async () =>
      (await getJson(fg, "/api/v1/portfolio", PortfolioBody)).initiatives.find((i) => i.initiativeId === initiative.id);
    expect((await rowOf())?.flags).not.toContain("startedAheadOfDecision");
    expect((await rowOf())?.flags).not.toContain("startedAheadOfDecision"); // served from the cache

    const before = await generations();
    const pl = await world.loginAs("plA");
    const ahead = methodV12.phases[2]?.activities[0]?.id as string;
    expect((await pl.put(`/api/v1/initiatives/${initiative.id}/activities/${ahead}`, { status: "in_progress" })).statusCode).toBe(200);
    const after = await generations();
    expect(after.status).toBeGreaterThan(before.status);
    expect(after.forecast).toBe(before.forecast);
    expect((await rowOf())?.flags).toContain("startedAheadOfDecision");
  });

  it("moves the status generation once per writing transaction, whatever the rows it touches, and not on a read", async () => {
    const initiative = await world.seedInitiative({ name: "Cachad plan", phase: 1 });
    const pl = await world.loginAs("plA");
    const before = await generations();
    await getJson(await world.loginAs("fg"), "/api/v1/portfolio", PortfolioBody);
    expect(await generations()).toEqual(before);
    expect((await pl.put(`/api/v1/initiatives/${initiative.id}/milestones/II/plan`, { plannedOn: "2027-02-01" })).statusCode).toBe(200);
    expect((await generations()).status).toBe(before.status + 1);
  });
});
