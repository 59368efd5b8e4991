import { describe, expect, it } from "vitest";
import { CommunicationList } from "../../src/http/routes/communications/communications.schema.ts";
import { getJson, useTestWorld } from "../support/test-world.ts";

/**
 * The förvaltningsgrupp receives a message from every decision at II–V across the country: the
 * inbox is paged on the server, in the API and on the page, and can show the unread ones only.
 */
describe("the inbox, paged", () => {
  const world = useTestWorld();

  it("answers a page of the inbox with the total, and the last page for a page past the end", async () => {
    for (const n of [1, 2, 3]) await world.seedInitiative({ name: `Sidad inkorg ${n}`, phase: 3 });
    const fg = await world.loginAs("fg");
    const all = await getJson(fg, "/api/v1/communications", CommunicationList);
    expect(all.total).toBe(all.communications.length);
    expect(all.total).toBeGreaterThanOrEqual(3);
    const first = await getJson(fg, "/api/v1/communications?page=1&pageSize=2", CommunicationList);
    expect(first).toMatchObject({ total: all.total, page: 1, pageSize: 2, pages: Math.ceil(all.total / 2) });
    expect(first.communications.map((c) => c.id)).toEqual(all.communications.slice(0, 2).map((c) => c.id));
    const second = await getJson(fg, "/api/v1/communications?page=2&pageSize=2", CommunicationList);
    expect(second.communications.map((c) => c.id)).toEqual(all.communications.slice(2, 4).map((c) => c.id));
    const past = await getJson(fg, "/api/v1/communications?page=999&pageSize=2", CommunicationList);
    expect(past.page).toBe(first.pages);
    for (const bad of ["page=0", "page=x", "pageSize=0", "pageSize=501"]) {
      const res = await fg.get(`/api/v1/communications?${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().fields[0].path).toBe(bad.split("=")[0]);
    }
  });

  it("pages the inbox page 25 at a time and shows the unread ones only when asked", async () => {
    await world.seedInitiative({ name: "Sidad inkorg olästa", phase: 3 });
    const fg = await world.loginAs("fg");
    const unread = await getJson(fg, "/api/v1/communications?unread=true", CommunicationList);
    const all = await getJson(fg, "/api/v1/communications", CommunicationList);
    const b = await world.browserAs("fg");
    const page = await b.get("/inbox");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`${all.total} meddelanden`);
    const cards = (html: string) => html.match(/data-testid="communication"/g)?.length ?? 0;
    expect(cards(page.body)).toBe(Math.min(25, all.total));
    const unreadPage = await b.get("/inbox?status=unread");
    expect(unreadPage.body).toContain(`${unread.total} olästa meddelanden`);
    expect(unreadPage.body).toMatch(/href="\/inbox\?status=unread"[^>]*aria-current="page"/);
    expect(cards(unreadPage.body)).toBe(Math.min(25, unread.total));
    // Marking one read takes it out of the unread view.
    const one = unread.communications[0];
    await fg.post(`/api/v1/communications/${one?.id}/read`, {});
    expect((await getJson(fg, "/api/v1/communications?unread=true", CommunicationList)).total).toBe(unread.total - 1);
    expect((await b.get("/inbox?page=x")).statusCode).toBe(400);
    expect((await b.get("/inbox?status=olasta")).statusCode).toBe(400);
  });
});
