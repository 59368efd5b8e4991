import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Deliverable } from "../../src/http/routes/deliverables/deliverables.schema.ts";
import { methodV12 } from "../../src/method/v1.2/index.ts";
import { postJson, useTestWorld } from "../support/test-world.ts";

describe("nothing tells an outsider what exists", () => {
  const world = useTestWorld();

  /** Organisation B's ids: an initiative and a deliverable of it, B itself and its projektledare. */
  async function foreignIds(): Promise<Record<string, string>> {
    const plB = await world.loginAs("plB");
    const { id: initiativeId } = await world.seedInitiative({ name: "B:s", by: "plB" });
    const deliverable = await postJson(
      plB,
      `/api/v1/initiatives/${initiativeId}/deliverables`,
      { deliverableTypeId: "riskanalys" },
      Deliverable,
    );
    return { organisationId: world.orgB.id, initiativeId, deliverableId: deliverable.id, userId: world.users.plB };
  }

  it("answers another organisation's deliverable exactly as an id that never existed", async () => {
    const foreign = await foreignIds();
    const plA = await world.loginAs("plA");
    const theirs = await plA.get(`/api/v1/deliverables/${foreign.deliverableId}`);
    const nobodys = await plA.get(`/api/v1/deliverables/${randomUUID()}`);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json()).toEqual(nobodys.json());
    expect(theirs.json()).toEqual({ code: "NOT_FOUND", message: "not found" });
  });

  it("answers every API route the same for another organisation's ids as for random ones", async () => {
    const foreign = await foreignIds();
    const plA = await world.loginAs("plA");
    const fixed: Record<string, string> = {
      numeral: "I",
      decisionPointId: methodV12.milestones[0]?.decisionPoints[0]?.id ?? "x",
      activityId: methodV12.phases[0]?.activities[0]?.id ?? "x",
    };
    let compared = 0;
    for (const route of world.app.apiRoutes) {
      const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
      const entity = names.find((n) => n in foreign);
      if (!entity) continue;
      const url = (ids: Record<string, string>) =>
        route.url.replace(/:(\w+)/g, (_m, n: string) => ids[n] ?? fixed[n] ?? randomUUID()).replace(/\?.*$/, "");
      const others = Object.fromEntries(names.filter((n) => !(n in fixed)).map((n) => [n, randomUUID()]));
      const send = (u: string) =>
        world.app.inject({
          method: route.method,
          url: u,
          headers: { authorization: `Bearer ${plA.token}` },
          ...(route.method === "GET" || route.method === "DELETE" ? {} : { payload: {} }),
        });
      const theirs = await send(url({ ...others, [entity]: foreign[entity] as string }));
      const nobodys = await send(url({ ...others, [entity]: randomUUID() }));
      expect(theirs.statusCode, `${route.method} ${route.url}`).toBe(nobodys.statusCode);
      expect(theirs.json(), `${route.method} ${route.url}`).toEqual(nobodys.json());
      compared++;
    }
    expect(compared).toBeGreaterThan(25);
  });

  it("shows the same page for another organisation's initiative as for one that never existed", async () => {
    const foreign = await foreignIds();
    const b = await world.browserAs("plA");
    const theirs = await b.get(`/initiatives/${foreign.initiativeId}`);
    const nobodys = await b.get(`/initiatives/${randomUUID()}`);
    expect(theirs.statusCode).toBe(404);
    expect(nobodys.statusCode).toBe(404);
    const main = (html: string) => html.slice(html.indexOf("<main"), html.indexOf("</main>"));
    expect(main(theirs.body)).toBe(main(nobodys.body));
  });
});
