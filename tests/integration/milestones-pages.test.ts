import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, users } from "../../src/db/schema.ts";
import { Deliverable } from "../../src/http/routes/deliverables/deliverables.schema.ts";
import { Readiness } from "../../src/http/routes/milestones/milestones.schema.ts";
import { milestoneByNumeral } from "../../src/method/lookup.ts";
import { methodV12 } from "../../src/method/v1.2/index.ts";
import { getJson, useTestWorld } from "../support/test-world.ts";

/** The fields of a complete decision form for a milestone. */
function form(numeral: "I" | "II", extra: Record<string, string> = {}) {
  const fields: Record<string, string> = { outcome: "go", decidedOn: "2026-11-27", minutes: "Protokoll §4", diarienummer: "KS 2026/77" };
  for (const dp of milestoneByNumeral(methodV12, numeral).decisionPoints) {
    fields[`answer-${dp.id}`] = "ja";
    fields[`motivation-${dp.id}`] = "Underlaget stöder beslutet.";
  }
  return { ...fields, ...extra };
}

describe("milestone pages: readiness, preparation, decision form and inbox", () => {
  const world = useTestWorld();
  const name = "E-arkiv till Mina meddelanden";
  /** An initiative whose milestone I waits only for the verksamhetsägare's decision. */
  const readyForI = async () => (await world.seedInitiative({ name, ready: true })).id;
  /** An initiative past milestone I, whose milestone II the styrgrupp decides on the form on an incomplete basis. */
  async function decidedIIOnForm() {
    const { id: initiativeId } = await world.seedInitiative({ name, phase: 2 });
    const sg = await world.browserAs("sgA");
    const pl = await world.loginAs("plA");
    const flow = await pl.post(`/api/v1/initiatives/${initiativeId}/flows`, {
      name: "Beslut om bygglov",
      recipientType: "privatperson",
      annualVolume: 12_000,
      plannedTestDate: "2027-03-01",
      plannedProductionDate: "2027-06-01",
    });
    expect(flow.statusCode).toBe(201);
    const volumes = { note: "Volymerna stäms av i januari." };
    const refused = await sg.post(`/initiatives/${initiativeId}/milestones/II/decide`, form("II", volumes));
    const decided = await sg.post(
      `/initiatives/${initiativeId}/milestones/II/decide`,
      form("II", { ...volumes, incompleteBasisReason: "Förstudien blir klar i januari." }),
    );
    return { initiativeId, sg, refused, decided };
  }

  it("shows readiness, the basis and the decision points of a milestone", async () => {
    const initiativeId = await readyForI();
    const b = await world.browserAs("plA");
    const page = await b.get(`/initiatives/${initiativeId}/milestones/I`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Milstolpe I: Beslut inför fasen Ta fram lösningsalternativ");
    expect(page.body).toContain("Underlaget är komplett och alla beslutspunkter är beredda.");
    expect(page.body).toContain("Att besluta om behov föreligger av förändring och/eller utveckling");
    expect(page.body).not.toContain('data-testid="decide-link"');
    const ii = await b.get(`/initiatives/${initiativeId}/milestones/II`);
    expect(ii.body).toContain("Milstolpe I har inget beslut att gå vidare.");
    expect((await b.get(`/initiatives/${initiativeId}/milestones/IX`)).statusCode).toBe(404);
  });

  it("offers to create every basis document not yet written, also those no phase produces", async () => {
    const { id: initiativeId } = await world.seedInitiative({ name });
    const b = await world.browserAs("plA");
    const page = await b.get(`/initiatives/${initiativeId}/milestones/V`);
    // Verksamhetens kravbild is required at V and a result of no phase: the milestone page is where it starts.
    const basisTypes = milestoneByNumeral(methodV12, "V").basis.map((entry) => entry.deliverableTypeId);
    expect(basisTypes).toContain("kravbild");
    for (const typeId of basisTypes) {
      expect(page.body).toContain(`name="deliverableTypeId" value="${typeId}"`);
    }
    const created = await b.post(`/initiatives/${initiativeId}/deliverables`, { deliverableTypeId: "kravbild" });
    expect(created.statusCode).toBe(303);
    const after = await b.get(`/initiatives/${initiativeId}/milestones/V`);
    expect(after.body).not.toContain(`name="deliverableTypeId" value="kravbild"`);
    expect(after.body).toContain(`href="${created.headers.location}"`);
    // Whoever may not work on the initiative sees what is missing but gets no button.
    const reader = await world.browserAs("readerA");
    const read = await reader.get(`/initiatives/${initiativeId}/milestones/V`);
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain('name="deliverableTypeId"');
  });

  it("saves every proposal of the milestone in one form, one audit entry per changed proposal", async () => {
    const { id: initiativeId } = await world.seedInitiative({ name });
    const b = await world.browserAs("plA");
    const points = milestoneByNumeral(methodV12, "II").decisionPoints.map((d) => d.id);
    const [first, second, third] = points as [string, string, string];
    const page = await b.get(`/initiatives/${initiativeId}/milestones/II`);
    expect(page.body).toContain(`action="/initiatives/${initiativeId}/milestones/II/preparations"`);
    expect(page.body.match(/Spara beredning/g)).toHaveLength(1);
    const res = await b.post(`/initiatives/${initiativeId}/milestones/II/preparations`, {
      [`proposal-${first}`]: "Vi föreslår alternativ B.",
      [`proposal-${second}`]: "Budgeten räcker för alternativ B.",
      [`proposal-${third}`]: "",
    });
    expect(res.statusCode).toBe(303);
    const after = await b.get(`/initiatives/${initiativeId}/milestones/II`);
    expect(after.body).toContain("Vi föreslår alternativ B.");
    expect(after.body).toContain("Budgeten räcker för alternativ B.");
    const readiness = await getJson(await world.loginAs("plA"), `/api/v1/initiatives/${initiativeId}/milestones/II/readiness`, Readiness);
    expect(readiness.decisionPoints.map((d) => d.prepared)).toEqual(points.map((id) => id === first || id === second));
    // Saving again with one proposal changed records only that one.
    const before = await world.db.select().from(auditLog).where(eq(auditLog.action, "decision_point.prepare"));
    await b.post(`/initiatives/${initiativeId}/milestones/II/preparations`, {
      [`proposal-${first}`]: "Vi föreslår alternativ B.",
      [`proposal-${second}`]: "Budgeten räcker för alternativ B och C.",
      [`proposal-${third}`]: "",
    });
    const entries = await world.db.select().from(auditLog).where(eq(auditLog.action, "decision_point.prepare"));
    const added = entries.filter((e) => !before.some((x) => x.seq === e.seq));
    expect(added.map((e) => e.entityId)).toEqual([`${initiativeId}:${second}`]);
  });

  it("shows the form again with every proposal kept when one is too long", async () => {
    const { id: initiativeId } = await world.seedInitiative({ name });
    const b = await world.browserAs("plA");
    const [first, second] = milestoneByNumeral(methodV12, "III").decisionPoints.map((d) => d.id) as [string, string];
    const res = await b.post(`/initiatives/${initiativeId}/milestones/III/preparations`, {
      [`proposal-${first}`]: "x".repeat(5001),
      [`proposal-${second}`]: "Ett förslag som inte får försvinna.",
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(`href="#f-proposal-${first}"`);
    expect(res.body).toContain("Ett förslag som inte får försvinna.");
  });

  it("lets only the team save proposals, before reading the form", async () => {
    const { id: initiativeId } = await world.seedInitiative({ name });
    for (const person of ["readerA", "sgA"] as const) {
      const b = await world.browserAs(person);
      const res = await b.post(`/initiatives/${initiativeId}/milestones/II/preparations`, {});
      expect(res.statusCode).toBe(403);
    }
  });

  it("lets only the verksamhetsägare open the decision form at milestone I", async () => {
    const initiativeId = await readyForI();
    const sg = await world.browserAs("sgA");
    expect((await sg.get(`/initiatives/${initiativeId}/milestones/I/decide`)).statusCode).toBe(403);
    const va = await world.browserAs("vaA");
    const page = await va.get(`/initiatives/${initiativeId}/milestones/I`);
    expect(page.body).toContain('data-testid="decide-link"');
    const decide = await va.get(`/initiatives/${initiativeId}/milestones/I/decide`);
    expect(decide.statusCode).toBe(200);
    // The outcome "stop" ends the initiative; "Avbryt" would read as cancelling the form.
    expect(decide.body).toContain("Avsluta initiativet");
    expect(decide.body).not.toMatch(/value="stop"[^>]*>[^<]*<[^>]*>\s*Avbryt/);
    // The way back names the initiative and the milestone as two links, not "name: Milstolpe I: …".
    const trail = /<nav aria-label="Du är här">([\s\S]*?)<\/nav>/.exec(decide.body)?.[1] ?? "";
    expect([...trail.matchAll(/<a [^>]*href="([^"]+)"/g)].map((x) => x[1])).toEqual([
      `/initiatives/${initiativeId}`,
      `/initiatives/${initiativeId}/milestones/I`,
    ]);
    expect(decide.body).not.toContain(": Milstolpe I:");
  });

  it("shows each decision point's beredning and the basis at the version the decision will be taken on", async () => {
    const overview = await world.seedInitiative({ name, ready: true });
    const initiativeId = overview.id;
    const pl = await world.loginAs("plA");
    const idea = overview.phases[0]?.results.find((r) => r.deliverableTypeId === "idebeskrivning")?.deliverables[0]?.id as string;
    const doc = await getJson(pl, `/api/v1/deliverables/${idea}`, Deliverable);
    // v1 is fastställd; an utkast v2 is not what milestone I will be decided on.
    await pl.put(`/api/v1/deliverables/${idea}/sections`, { sections: { [doc.template[0]?.id as string]: "Ett utkast till version 2." } });
    const va = await world.browserAs("vaA");
    const form = await va.get(`/initiatives/${initiativeId}/milestones/I/decide`);
    expect(form.statusCode).toBe(200);
    for (const dp of milestoneByNumeral(methodV12, "I").decisionPoints) expect(form.body).toContain(`Förslag: ja, för ${dp.id}.`);
    const [preparer] = await world.db.select({ name: users.name }).from(users).where(eq(users.id, world.users.plA));
    expect(form.body).toContain(`Beredd av ${preparer?.name}`);
    expect(form.body).toContain(`href="/deliverables/${idea}?version=1"`);
    // The version link shows that version's text, not the latest.
    const reader = await world.browserAs("readerA");
    const v1 = await reader.get(`/deliverables/${idea}?version=1`);
    expect(v1.statusCode).toBe(200);
    expect(v1.body).toContain("Innehåll för idebeskrivning: bakgrund.");
    expect(v1.body).not.toContain("Ett utkast till version 2.");
    expect((await reader.get(`/deliverables/${idea}`)).body).toContain("Ett utkast till version 2.");
    expect((await reader.get(`/deliverables/${idea}?version=9`)).statusCode).toBe(404);
    expect((await reader.get(`/deliverables/${idea}?version=x`)).statusCode).toBe(404);
  });

  it("returns the form with an error summary linked to the fields, keeping the input", async () => {
    const initiativeId = await readyForI();
    const va = await world.browserAs("vaA");
    const dp = milestoneByNumeral(methodV12, "I").decisionPoints[1]?.id as string;
    const res = await va.post(
      `/initiatives/${initiativeId}/milestones/I/decide`,
      form("I", { [`motivation-${dp}`]: "", "condition-0-text": "Säkra budget", outcome: "go_with_conditions" }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(`href="#f-motivation-${dp}"`);
    expect(res.body).toContain('href="#f-condition-0-owner"');
    expect(res.body).toContain('value="Säkra budget"');
    expect(res.body).toContain("Protokoll §4");
  });

  it("records the decision and shows it frozen with its communications", async () => {
    const initiativeId = await readyForI();
    const va = await world.browserAs("vaA");
    const res = await va.post(`/initiatives/${initiativeId}/milestones/I/decide`, form("I"));
    expect(res.statusCode).toBe(303);
    const page = await va.get(res.headers.location as string);
    expect(page.body).toContain("Beslutet har registrerats");
    expect(page.body).toContain('data-testid="current-decision"');
    expect(page.body).toMatch(/<code class="hash">[0-9a-f]{64}<\/code>/);
    expect(page.body).toContain("KS 2026/77");
    expect(page.body).toContain("Förvaltningsgruppen för Mina meddelanden");
    // Answers read as the form offered them, and the card's content sits in padded blocks.
    expect(page.body).toContain("<strong>Ja</strong>");
    expect(page.body).not.toContain("<strong>ja</strong>");
    expect(page.body).toMatch(/data-testid="current-decision"[^>]*>\s*<div class="[^"]*ds-card__block/);
  });

  it("needs a written reason to decide on an incomplete basis, and shows it with the decision", async () => {
    const { initiativeId, sg, refused, decided } = await decidedIIOnForm();
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('href="#f-incompleteBasisReason"');
    expect(decided.statusCode).toBe(303);
    const page = await sg.get(`/initiatives/${initiativeId}/milestones/II`);
    expect(page.body).toContain("Beslutet fattades på ofullständigt underlag. Motivering: Förstudien blir klar i januari.");
  });

  it("shows on the decision form at II what will be reported from the flows, and asks only for an optional note", async () => {
    const { id: initiativeId } = await world.seedInitiative({ name, phase: 2 });
    const pl = await world.loginAs("plA");
    const flow = { name: "Kallelse till utvecklingssamtal", recipientType: "privatperson", annualVolume: 2400 };
    expect((await pl.post(`/api/v1/initiatives/${initiativeId}/flows`, flow)).statusCode).toBe(201);
    const page = await (await world.browserAs("sgA")).get(`/initiatives/${initiativeId}/milestones/II/decide`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-testid="reported-preview"');
    expect(page.body).toContain("Kallelse till utvecklingssamtal: test ej planerad, produktion ej planerad");
    expect(page.body).toContain('name="note"');
    for (const gone of ["timeline", "volume", "volumeNote"]) expect(page.body).not.toContain(`name="${gone}"`);
    // Milestone I reports nothing to the förvaltningsgrupp: no preview, no note.
    const first = await (await world.browserAs("vaA")).get(`/initiatives/${await readyForI()}/milestones/I/decide`);
    expect(first.body).not.toContain('data-testid="reported-preview"');
  });

  it("puts the communications in the förvaltningsgrupp's inbox, which marks them read", async () => {
    expect((await decidedIIOnForm()).decided.statusCode).toBe(303);
    const fg = await world.browserAs("fg");
    const inbox = await fg.get("/inbox");
    expect(inbox.statusCode).toBe(200);
    expect(inbox.body).toContain("Beslut om bygglov: test 2027-03-01, produktion 2027-06-01");
    expect(inbox.body).toContain("Digitala meddelanden per kalenderår enligt prognosen");
    expect(inbox.body).toContain("Kommentar: Volymerna stäms av i januari.");
    const id = /\/inbox\/([0-9a-f-]{36})\/read/.exec(inbox.body)?.[1];
    expect((await fg.post(`/inbox/${id}/read`, {})).statusCode).toBe(303);
    expect((await fg.get("/inbox")).body).toContain("Meddelandet är markerat som läst.");
    const outsider = await world.browserAs("plB");
    expect((await outsider.get("/inbox")).body).toContain("Inkorgen är tom.");
  });
});
