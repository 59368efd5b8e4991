import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, reservePlans, risks } from "../../src/db/schema.ts";
import { Flow } from "../../src/http/routes/flows/flows.schema.ts";
import { Risk } from "../../src/http/routes/risks/risks.schema.ts";
import { postJson, useTestWorld } from "../support/test-world.ts";

/** What a browser without JavaScript posts from the risk form. */
const leverantor = {
  title: "Förmedlaren levererar sent",
  description: "",
  category: "leverantor",
  probability: "3",
  consequence: "4",
  ownerUserId: "",
  owner: "",
  mitigation: "Vitesklausul i avtalet",
  status: "hanteras",
  reviewDate: "2020-01-15",
};

const summaryLinks = (html: string) => [...html.matchAll(/<a [^>]*href="#(f-[^"]+)"[^>]*>([^<]*)<\/a>/g)].map((m) => m[1]);
const fieldError = (html: string, id: string) => new RegExp(`id="${id}-error"[^>]*>([^<]*)<`).exec(html)?.[1];
const cellCount = (html: string, probability: number, consequence: number) =>
  new RegExp(`data-probability="${probability}" data-consequence="${consequence}" data-level="\\w+" data-count="(\\d+)"`).exec(html)?.[1];

describe("risk analysis pages", () => {
  const world = useTestWorld();
  const stored = (initiativeId: string) => world.db.select().from(risks).where(eq(risks.initiativeId, initiativeId));

  it("registers risks through the plain form and lists them by score with the heat map and its table", async () => {
    const pl = await world.browserAs("plA");
    const { id } = await world.seedInitiative({ name: "Risksidor" });
    const empty = await pl.get(`/initiatives/${id}/risks`);
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain("Inga risker registrerade ännu.");
    expect(empty.body).toContain(`href="/initiatives/${id}/risks/new"`);
    expect(empty.body).toMatch(/<a [^>]*aria-current="page"[^>]*>Riskanalys<\/a>/);

    const form = await pl.get(`/initiatives/${id}/risks/new`);
    expect(form.statusCode).toBe(200);
    // The owner is chosen among the organisation's members (or typed).
    expect(form.body).toContain(`<option value="${world.users.plA}">`);
    expect(form.body).not.toContain(`value="${world.users.plB}"`);

    const created = await pl.post(`/initiatives/${id}/risks/new`, { ...leverantor, ownerUserId: world.users.consultant });
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe(`/initiatives/${id}/risks`);
    const small = await pl.post(`/initiatives/${id}/risks/new`, {
      ...leverantor,
      title: "Ny jurist",
      category: "juridik",
      probability: "1",
      consequence: "2",
      status: "identifierad",
      owner: "Extern jurist",
      reviewDate: "",
    });
    expect(small.statusCode).toBe(303);
    const big = await pl.post(`/initiatives/${id}/risks/new`, { ...leverantor, title: "Avbrott", probability: "5", consequence: "5" });
    expect(big.statusCode).toBe(303);
    const rows = await stored(id);
    expect(rows.find((r) => r.title === "Förmedlaren levererar sent")).toMatchObject({
      ownerUserId: world.users.consultant,
      probability: 3,
      consequence: 4,
      reviewDate: "2020-01-15",
    });
    expect(rows.find((r) => r.title === "Ny jurist")).toMatchObject({ owner: "Extern jurist", ownerUserId: null, reviewDate: null });

    const page = await pl.get(`/initiatives/${id}/risks`);
    expect(page.body).toContain("Risken Avbrott är registrerad.");
    const order = ["Avbrott", "Förmedlaren levererar sent", "Ny jurist"].map((t) => page.body.indexOf(`>${t}</a>`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // An overdue review is said in words, not only in colour.
    expect(page.body).toContain("Uppföljningen är försenad");
    expect(page.body).toContain("Mycket hög");
    // The heat map: an image with a title, the counts in the cells and in the table beside it.
    expect(page.body).toContain('role="img"');
    expect(page.body).toContain("<title");
    expect(cellCount(page.body, 5, 5)).toBe("1");
    expect(cellCount(page.body, 3, 4)).toBe("1");
    expect(cellCount(page.body, 1, 2)).toBe("1");
    expect(cellCount(page.body, 2, 2)).toBe("0");
    expect(page.body).toContain("Antal öppna risker per sannolikhet och konsekvens");
    expect(page.body).toMatch(/data-cell="3-4"[^>]*>1 \(Hög\)</);
    expect(page.body.match(/<h1/g)).toHaveLength(1);
  });

  it("shows errors beside the fields with a summary, keeps what was typed, and saves nothing", async () => {
    const pl = await world.browserAs("plA");
    const { id } = await world.seedInitiative({ name: "Felaktiga risksidor" });
    const res = await pl.post(`/initiatives/${id}/risks/new`, {
      ...leverantor,
      title: " ",
      probability: "6",
      consequence: "två",
      category: "",
      reviewDate: "2027-02-30",
    });
    expect(res.statusCode).toBe(400);
    expect(summaryLinks(res.body)).toEqual(
      expect.arrayContaining(["f-title", "f-probability", "f-consequence", "f-category", "f-reviewDate"]),
    );
    expect(fieldError(res.body, "f-probability")).toBe("Ange ett heltal från 1 till 5.");
    expect(fieldError(res.body, "f-title")).toBe("Fältet måste fyllas i.");
    expect(res.body).toContain('aria-describedby="f-probability-hint f-probability-error"');
    expect(res.body).toContain("Vitesklausul i avtalet");
    expect(await stored(id)).toEqual([]);
  });

  it("changes a risk on its page and removes it after asking, auditing both", async () => {
    const pl = await world.browserAs("plA");
    const api = await world.loginAs("plA");
    const { id } = await world.seedInitiative({ name: "Ändra risker" });
    const risk = await postJson(
      api,
      `/api/v1/initiatives/${id}/risks`,
      { title: "Sen leverans", category: "tidplan", probability: 2, consequence: 2 },
      Risk,
    );

    const page = await pl.get(`/risks/${risk.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/name="title"[^>]*value="Sen leverans"/);
    const saved = await pl.post(`/risks/${risk.id}`, { ...leverantor, title: "Sen leverans", probability: "4", consequence: "5" });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/risks/${risk.id}`);
    expect((await stored(id))[0]).toMatchObject({ probability: 4, consequence: 5 });

    const confirm = await pl.get(`/risks/${risk.id}/delete`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain("Ja, ta bort risken");
    expect(await stored(id)).toHaveLength(1);
    const removed = await pl.post(`/risks/${risk.id}/delete`, {});
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(`/initiatives/${id}/risks`);
    expect(await stored(id)).toEqual([]);
    const actions = (await world.db.select().from(auditLog).where(eq(auditLog.entityId, risk.id))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["risk.create", "risk.update", "risk.delete"]));
  });

  it("lets a läsare read the register and a risk but not write, and hides both from another organisation", async () => {
    const api = await world.loginAs("plA");
    const [reader, outsider] = [await world.browserAs("readerA"), await world.browserAs("plB")];
    const { id } = await world.seedInitiative({ name: "Läsare av risker" });
    const risk = await postJson(
      api,
      `/api/v1/initiatives/${id}/risks`,
      { title: "Läsbar", category: "teknik", probability: 2, consequence: 3 },
      Risk,
    );
    const list = await reader.get(`/initiatives/${id}/risks`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain("Bara initiativets projektgrupp kan registrera och ändra risker.");
    expect(list.body).not.toContain(`href="/initiatives/${id}/risks/new"`);
    const one = await reader.get(`/risks/${risk.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.body).not.toContain('name="title"');
    expect((await reader.get(`/initiatives/${id}/risks/new`)).statusCode).toBe(403);
    expect((await reader.post(`/risks/${risk.id}`, { ...leverantor })).statusCode).toBe(403);
    expect((await reader.post(`/risks/${risk.id}/delete`, {})).statusCode).toBe(403);
    expect((await outsider.get(`/initiatives/${id}/risks`)).statusCode).toBe(404);
    expect((await outsider.get(`/risks/${risk.id}`)).statusCode).toBe(404);
    expect(await stored(id)).toHaveLength(1);
  });

  it("speaks English to an English reader", async () => {
    // The language is the person's own setting: someone no other test here reads as.
    const pl = await world.browserAs("vaA");
    const { id } = await world.seedInitiative({ name: "Risks in English" });
    await pl.post("/language", { locale: "en", returnTo: "/" });
    const page = await pl.get(`/initiatives/${id}/risks`);
    expect(page.body).toContain("Risk analysis for Risks in English");
    expect(page.body).toContain("Open risks by probability and consequence");
  });

  describe("reserve operation", () => {
    const plans = (initiativeId: string) => world.db.select().from(reservePlans).where(eq(reservePlans.initiativeId, initiativeId));

    it("shows each flow's plans, calls out flows without one, and adds, changes and removes plans through forms", async () => {
      const pl = await world.browserAs("plA");
      const api = await world.loginAs("plA");
      const { id } = await world.seedInitiative({ name: "Reservdriftssidor" });
      const flow = await postJson(
        api,
        `/api/v1/initiatives/${id}/flows`,
        { name: "Beslut om bygglov", recipientType: "privatperson", annualVolume: 1200 },
        Flow,
      );
      await postJson(api, `/api/v1/initiatives/${id}/flows`, { name: "Fakturor", recipientType: "foretag", annualVolume: 400 }, Flow);

      const first = await pl.get(`/initiatives/${id}/reserve-plans`);
      expect(first.statusCode).toBe(200);
      expect(first.body).toContain("Flöden som saknar reservdriftsplan: Beslut om bygglov, Fakturor");
      expect(first.body).toMatch(/<a [^>]*aria-current="page"[^>]*>Reservdrift<\/a>/);

      const bad = await pl.post(`/initiatives/${id}/reserve-plans`, {
        flowId: flow.id,
        outage: "mina_meddelanden",
        duration: "",
        fallbackAfterHours: "9 000",
        fallback: "",
        decidedBy: "",
      });
      expect(bad.statusCode).toBe(400);
      expect(summaryLinks(bad.body)).toEqual(expect.arrayContaining(["f-duration", "f-fallbackAfterHours", "f-fallback"]));
      expect(fieldError(bad.body, "f-fallbackAfterHours")).toBe("Ange ett helt antal timmar från 0 till 8 760 (ett år).");
      expect(await plans(id)).toEqual([]);

      const added = await pl.post(`/initiatives/${id}/reserve-plans`, {
        flowId: flow.id,
        outage: "mina_meddelanden",
        duration: "lang",
        fallbackAfterHours: "48",
        fallback: "Papperspost via tryckeriet",
        decidedBy: "Förvaltningsledaren",
      });
      expect(added.statusCode).toBe(303);
      const [plan] = await plans(id);
      expect(plan).toMatchObject({ flowId: flow.id, outage: "mina_meddelanden", duration: "lang", fallbackAfterHours: 48 });

      const shown = await pl.get(`/initiatives/${id}/reserve-plans`);
      expect(shown.body).toContain("Flöden som saknar reservdriftsplan: Fakturor");
      expect(shown.body).toContain("Papperspost via tryckeriet");
      expect(shown.body).toContain("48 tim");
      expect(shown.body).toContain("Förvaltningsledaren");
      expect(shown.body).toContain("Mina meddelanden, långt avbrott");

      const edit = await pl.get(`/reserve-plans/${plan?.id}`);
      expect(edit.statusCode).toBe(200);
      const changed = await pl.post(`/reserve-plans/${plan?.id}`, {
        flowId: "",
        outage: "egen_integration",
        duration: "kort",
        fallbackAfterHours: "0",
        fallback: "Vänta och skicka när integrationen är igång",
        decidedBy: "",
      });
      expect(changed.statusCode).toBe(303);
      expect((await plans(id))[0]).toMatchObject({ flowId: null, outage: "egen_integration", fallbackAfterHours: 0 });
      const covered = await pl.get(`/initiatives/${id}/reserve-plans`);
      expect(covered.body).toContain("Alla flöden har en reservdriftsplan");
      expect(covered.body).toContain("Direkt");

      expect((await pl.get(`/reserve-plans/${plan?.id}/delete`)).body).toContain("Ja, ta bort planen");
      expect((await pl.post(`/reserve-plans/${plan?.id}/delete`, {})).statusCode).toBe(303);
      expect(await plans(id)).toEqual([]);
    });

    it("lets a läsare read the plans but not change them", async () => {
      const reader = await world.browserAs("readerA");
      const { id } = await world.seedInitiative({ name: "Läsare av reservdrift" });
      const page = await reader.get(`/initiatives/${id}/reserve-plans`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("Bara initiativets projektgrupp kan lägga till och ändra reservdriftsplaner.");
      const post = await reader.post(`/initiatives/${id}/reserve-plans`, { outage: "mina_meddelanden", duration: "kort", fallback: "x" });
      expect(post.statusCode).toBe(403);
      expect(await plans(id)).toEqual([]);
    });
  });
});
