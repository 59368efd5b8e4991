import { describe, expect, it } from "vitest";
import { methodV12 } from "../../src/method/v1.2/index.ts";
import { useTestWorld } from "../support/test-world.ts";

/** The overview's item for an activity, from its opening tag to its end. */
const itemOf = (html: string, activityId: string) => {
  const start = html.indexOf(`id="activity-${activityId}"`);
  if (start < 0) throw new Error(`no item for ${activityId}`);
  return html.slice(start, html.indexOf("</li>", start));
};
/** The page before the first phase's section: the summary and anything shown at the top. */
const top = (html: string) => html.slice(0, html.indexOf('id="fas-1"'));

describe("saving an activity's status", () => {
  const world = useTestWorld();
  const activity = methodV12.phases[0]?.activities[1];

  it("lands on the activity with its confirmation beside it, once", async () => {
    if (!activity) throw new Error("phase 1 has a second activity");
    const initiative = await world.seedInitiative();
    const pl = await world.browserAs("plA");

    const saved = await pl.post(`/initiatives/${initiative.id}/activities/${activity.id}`, { status: "done", motivation: "" });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/initiatives/${initiative.id}#activity-${activity.id}`);

    const overview = await pl.get(`/initiatives/${initiative.id}`);
    const confirmation = `Statusen för ”${activity.name.sv}” har sparats.`;
    const item = itemOf(overview.body, activity.id);
    expect(item).toMatch(new RegExp(`role="status"[^>]*>${confirmation}<`));
    expect(item).toContain(">Klar<");
    expect(top(overview.body)).not.toContain(confirmation);
    expect(overview.body.split(confirmation)).toHaveLength(2);

    const again = await pl.get(`/initiatives/${initiative.id}`);
    expect(again.body).not.toContain(confirmation);
  });

  it("still shows other notices at the top of the page", async () => {
    const pl = await world.browserAs("plA");
    const created = await pl.post("/initiatives/new", {
      organisationId: world.orgA.id,
      name: "Digitala parkeringstillstånd",
      description: "",
      targetGroup: "",
      plannedGoLive: "",
    });
    expect(created.statusCode).toBe(303);
    const page = await pl.get(created.headers.location as string);
    expect(top(page.body)).toMatch(/role="status"[^>]*>Initiativet Digitala parkeringstillstånd har startats.</);
  });
});
