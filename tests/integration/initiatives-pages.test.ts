import { describe, expect, it } from "vitest";
import { Deliverable } from "../../src/http/routes/deliverables/deliverables.schema.ts";
import { Initiative } from "../../src/http/routes/initiatives/initiatives.schema.ts";
import { methodV12 } from "../../src/method/v1.2/index.ts";
import { type Browser, getJson, postJson, useTestWorld } from "../support/test-world.ts";

const count = (html: string, pattern: RegExp) => html.match(new RegExp(pattern.source, "g"))?.length ?? 0;
/** The values of the checked boxes or radios named `name`. */
const checked = (html: string, name: string) =>
  (html.match(/<input[^>]*>/g) ?? [])
    .filter((tag) => tag.includes(`name="${name}"`) && / checked=""/.test(tag))
    .map((tag) => /value="([^"]*)"/.exec(tag)?.[1]);
/** Labels, hints and errors are wired by id, so an id used twice breaks them (and fails axe). */
const duplicateIds = (html: string) => {
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((x) => x[1]);
  return ids.filter((id, i) => ids.indexOf(id) !== i);
};
/** The part of a page from an element's id on, so assertions look at the right section. */
const from = (html: string, id: string) => html.slice(html.indexOf(`id="${id}"`));
/** The page from a marker on: an attribute, or a text such as a fact's label. */
const fromText = (html: string, marker: string) => html.slice(html.indexOf(marker));
/** A row of a document's version table: the link to the version (marked when it is the one shown), then its status. */
const versionRow = (version: number, status: string, rest = "") =>
  new RegExp(`<td><a [^>]*>Version ${version}</a>(<span[^>]*>[^<]*</span>)?</td><td><span[^>]*>${status}</span></td>${rest}`);

describe("initiative pages", () => {
  const world = useTestWorld();
  const firstActivity = methodV12.phases[0]?.activities[0]?.id as string;
  const laterActivity = methodV12.phases[2]?.activities[0]?.id as string;
  /** The background as a browser sends it, with CRLF line breaks, and with HTML in it. */
  const background = "Vi skickar 4 000 brev om året.\r\nRad två <script>alert(1)</script>\r\n\r\n- beslut\r\n- fakturor";

  /** An idébeskrivning created on the initiative's overview, its background saved on its page. */
  async function documentWrittenOnPage(pl: Browser) {
    const { id: initiativeId } = await world.seedInitiative();
    const created = await pl.post(`/initiatives/${initiativeId}/deliverables`, { deliverableTypeId: "idebeskrivning" });
    expect(created.statusCode).toBe(303);
    const url = created.headers.location as string;
    expect((await pl.post(url, { "section-bakgrund": background })).statusCode).toBe(303);
    return { initiativeId, url, deliverableId: url.split("/")[2] as string };
  }

  /**
   * "Digitala bygglovsbeslut" with its first activity not applicable and an idébeskrivning whose
   * every required section the projektledare wrote.
   */
  async function initiativeWithWork() {
    const pl = await world.loginAs("plA");
    const { id: initiativeId } = await world.seedInitiative({ name: "Digitala bygglovsbeslut" });
    const activity = await pl.put(`/api/v1/initiatives/${initiativeId}/activities/${firstActivity}`, {
      status: "not_applicable",
      motivation: "Vi använder den gemensamma behovsanalysen.",
    });
    expect(activity.statusCode).toBe(200);
    const doc = await postJson(
      pl,
      `/api/v1/initiatives/${initiativeId}/deliverables`,
      { deliverableTypeId: "idebeskrivning" },
      Deliverable,
    );
    const sections = Object.fromEntries(doc.template.filter((s) => s.required).map((s) => [s.id, `Klart: ${s.id}.`]));
    const written = await pl.put(`/api/v1/deliverables/${doc.id}/sections`, {
      sections: { ...sections, bakgrund: "Vi skickar 5 000 brev om året." },
    });
    expect(written.statusCode).toBe(200);
    return { initiativeId, deliverableId: doc.id };
  }

  it("offers the projektledare a form with the styrgrupp members chosen and the verksamhetsägare named", async () => {
    // Organisation B has no initiatives in this file: its projektledare sees the empty list.
    const list = await (await world.browserAs("plB")).get("/initiatives");
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('href="/initiatives/new"');
    expect(list.body).toContain("Det finns inga initiativ ännu.");
    const { orgA, users } = world;
    const pl = await world.browserAs("plA");
    const form = await pl.get("/initiatives/new");
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`name="organisationId" value="${orgA.id}"`);
    expect(checked(form.body, "steeringGroup")).toEqual([users.sgA]);
    expect(form.body).not.toContain(`value="${users.vaA}"`);
    expect(form.body).toContain("Verksamhetsägaren ingår alltid i styrgruppen: va-a.");
    expect(form.body).toMatch(/<label[^>]*for="f-plannedGoLive"/);
    expect(form.body).toContain('type="date"');
    // The browser's date picker shows its own format, so a written format beside it would contradict it.
    expect(form.body).not.toContain("ÅÅÅÅ-MM-DD");
    expect(duplicateIds(form.body)).toEqual([]);
  });

  it("shows the errors in a summary linked to the fields and keeps what was written", async () => {
    const { orgA, users } = world;
    const pl = await world.browserAs("plA");
    const res = await pl.post("/initiatives/new", {
      organisationId: orgA.id,
      name: "",
      description: "Beslut om bygglov ska nå fram digitalt.",
      targetGroup: "Privatpersoner som söker bygglov",
      plannedGoLive: "2027-13-45",
      steeringGroup: [users.sgA],
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/<title>Fel: [^<]+<\/title>/);
    expect((await pl.get("/initiatives/new")).body).not.toMatch(/<title>Fel: /);
    expect(res.body).toContain('id="error-summary"');
    // Each line of the summary names its field, so two errors never read as the same line twice.
    expect(res.body).toMatch(/<a [^>]*href="#f-name"[^>]*>Namn: Fältet måste fyllas i\.<\/a>/);
    expect(res.body).toMatch(/<a [^>]*href="#f-plannedGoLive"[^>]*>Planerad driftstart: Ange ett datum som ÅÅÅÅ-MM-DD/);
    expect(res.body).toMatch(/id="f-plannedGoLive"[^>]*aria-describedby="[^"]*f-plannedGoLive-error/);
    expect(res.body).toContain('value="2027-13-45"');
    expect(res.body).toContain('value="Privatpersoner som söker bygglov"');
    expect(res.body).toContain("Beslut om bygglov ska nå fram digitalt.</textarea>");
    expect(checked(res.body, "steeringGroup")).toEqual([users.sgA]);
    expect(duplicateIds(res.body)).toEqual([]);
  });

  it("creates an initiative and shows its overview: eight phases and eight milestones, in Swedish", async () => {
    const { orgA, users } = world;
    const pl = await world.browserAs("plA");
    const res = await pl.post("/initiatives/new", {
      organisationId: orgA.id,
      name: "Digitala bygglovsbeslut",
      description: "",
      targetGroup: "Privatpersoner",
      plannedGoLive: "2027-09-01",
      steeringGroup: [users.sgA],
    });
    expect(res.statusCode).toBe(303);
    const location = res.headers.location as string;
    expect(location).toMatch(/^\/initiatives\/[0-9a-f-]{36}$/);
    const initiativeId = location.split("/")[2] as string;

    const page = await pl.get(location);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Initiativet Digitala bygglovsbeslut har startats.");
    expect(count(page.body, /<h1[^>]*>/)).toBe(1);
    expect(page.body).toContain("Fas 1: Identifiera behov");
    expect(page.body).toContain("1 september 2027");
    expect(page.body).toContain("sg-a, va-a");
    expect(count(page.body, /<h2[^>]*>Fas \d – /)).toBe(8);
    expect(count(page.body, /<h2[^>]*>Milstolpe [IVX]+ – /)).toBe(8);
    expect(page.body).toContain("Fas 1 – Identifiera behov");
    expect(page.body).toContain("Milstolpe I – Beslut inför fasen Ta fram lösningsalternativ");
    expect(count(page.body, />Pågående fas</)).toBe(1);
    expect(count(page.body, />Ej beslutad</)).toBe(8);
    for (const numeral of ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]) {
      expect(page.body).toContain(`href="/initiatives/${initiativeId}/milestones/${numeral}"`);
    }
    expect(page.body).toContain(`href="/initiatives/${initiativeId}/activities/${firstActivity}"`);
    expect(page.body).toContain(">Ej påbörjad<");
    expect(duplicateIds(page.body)).toEqual([]);

    const list = await pl.get("/initiatives");
    expect(list.body).toContain(`<a class="ds-link" href="/initiatives/${initiativeId}">Digitala bygglovsbeslut</a>`);
    const row = fromText(list.body, `href="/initiatives/${initiativeId}"`);
    expect(row.slice(0, row.indexOf("</tr>"))).toMatch(/Identifiera behov.*1 september 2027/);
    const created = await getJson(await world.loginAs("plA"), `/api/v1/initiatives/${initiativeId}`, Initiative);
    expect(created.steeringGroup.sort()).toEqual([users.sgA, users.vaA].sort());
  });

  it("needs a motivation to mark an activity not applicable, and then shows both on the overview", async () => {
    const { id: initiativeId } = await world.seedInitiative();
    const pl = await world.browserAs("plA");
    const url = `/initiatives/${initiativeId}/activities/${firstActivity}`;
    const form = await pl.get(url);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain("Gör en behovsanalys");
    expect(form.body).toContain("Aktivitet i fas 1: Identifiera behov");
    expect(checked(form.body, "status")).toEqual(["not_started"]);

    const missing = await pl.post(url, { status: "not_applicable", motivation: "  " });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('href="#f-motivation"');
    expect(missing.body).toContain("Skriv en kort motivering till varför aktiviteten inte är tillämplig.");
    expect(checked(missing.body, "status")).toEqual(["not_applicable"]);
    expect(duplicateIds(missing.body)).toEqual([]);

    const saved = await pl.post(url, { status: "not_applicable", motivation: "Vi använder den gemensamma behovsanalysen." });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/initiatives/${initiativeId}#activity-${firstActivity}`);
    const overview = await pl.get(`/initiatives/${initiativeId}`);
    expect(overview.body).toContain("Statusen för ”Gör en behovsanalys” har sparats.");
    const item = from(overview.body, `status-${firstActivity}`);
    expect(item).toMatch(/^id="status-[^"]+">Ej tillämplig</);
    expect(overview.body).toContain("Motivering: Vi använder den gemensamma behovsanalysen.");
  });

  it("marks a later phase whose work has begun as started before the decision", async () => {
    const { id: initiativeId } = await world.seedInitiative();
    const pl = await world.browserAs("plA");
    await pl.post(`/initiatives/${initiativeId}/activities/${laterActivity}`, { status: "in_progress", motivation: "" });
    const overview = await pl.get(`/initiatives/${initiativeId}`);
    expect(count(overview.body, />Påbörjad före beslut</)).toBe(1);
    expect(from(overview.body, "fas-3").slice(0, 1500)).toContain("Påbörjad före beslut");
    expect(from(overview.body, `status-${laterActivity}`)).toMatch(/^id="status-[^"]+">Pågår</);
  });

  it("creates a document from the overview and saves its sections as plain text", async () => {
    const { id: initiativeId } = await world.seedInitiative();
    const pl = await world.browserAs("plA");
    const overview = await pl.get(`/initiatives/${initiativeId}`);
    expect(overview.body).toContain(`action="/initiatives/${initiativeId}/deliverables"`);
    // One form around the phase's results, a button per result that has no document yet.
    expect(overview.body).toMatch(
      /<button[^>]*value="idebeskrivning"[^>]*name="deliverableTypeId"|<button[^>]*name="deliverableTypeId"[^>]*value="idebeskrivning"/,
    );
    const created = await pl.post(`/initiatives/${initiativeId}/deliverables`, { deliverableTypeId: "idebeskrivning" });
    expect(created.statusCode).toBe(303);
    const location = created.headers.location as string;
    expect(location).toMatch(/^\/deliverables\/[0-9a-f-]{36}$/);
    const deliverableId = location.split("/")[2] as string;

    const page = await pl.get(location);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Dokumentet ”Idébeskrivning” har skapats från mallen.");
    expect(page.body).toMatch(/<h1[^>]*>Idébeskrivning</);
    expect(page.body).toMatch(/<h2[^>]*>Bakgrund och nuläge</);
    expect(page.body).toContain("Hur skickar verksamheten beslut");
    expect(page.body).toContain("Version 1");
    expect(page.body).toContain(">Utkast<");
    expect(page.body).toMatch(/<label[^>]*for="f-section-bakgrund"/);
    expect(page.body).toContain('name="section-bakgrund"');

    const saved = await pl.post(location, { "section-bakgrund": background });
    expect(saved.statusCode).toBe(303);
    const after = await pl.get(location);
    expect(after.body).toContain("Dokumentet har sparats.");
    // The Markdown is shown as paragraphs and lists, with any HTML in it as text.
    expect(after.body).toContain(
      '<p class="ds-paragraph">Vi skickar 4 000 brev om året. Rad två &lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
    expect(after.body).toContain("<ul><li>beslut</li><li>fakturor</li></ul>");
    expect(after.body).not.toContain("<script>alert(1)");
    expect(duplicateIds(after.body)).toEqual([]);

    const again = await pl.get(`/initiatives/${initiativeId}`);
    const result = from(again.body, "fas-1");
    expect(result).toContain(`href="/deliverables/${deliverableId}">Idébeskrivning</a>`);
    expect(result).toContain("version 1");
  });

  it("fastställer a complete version only after confirming, by someone who did not write it; an edit then becomes version 2", async () => {
    const pl = await world.browserAs("plA");
    const { url, deliverableId } = await documentWrittenOnPage(pl);
    expect((await pl.post(`${url}/status`, { status: "for_granskning" })).statusCode).toBe(303);
    const reviewed = await pl.get(url);
    expect(reviewed.body).toContain("Dokumentet har skickats för granskning.");
    expect(reviewed.body).toContain(">För granskning<");
    // The writer is told what stands in the way, and gets no way to fastställa.
    const blockers = fromText(reviewed.body, 'data-testid="approval-blockers"');
    expect(blockers).toContain('href="#f-section-forslag">Avsnittet ”Idé och förslag till förändring” måste skrivas.');
    expect(blockers).toContain("organisationen kräver att en annan person fastställer den");
    expect(reviewed.body).not.toContain(`action="${url}/faststall"`);
    // A post without the confirmation is sent to the confirmation page, and fastställer nothing.
    const unconfirmed = await pl.post(`${url}/status`, { status: "faststalld" });
    expect(unconfirmed.statusCode).toBe(303);
    expect(unconfirmed.headers.location).toBe(`${url}/faststall`);
    // Confirmed, an incomplete version is refused; written in full, its writer still may not fastställa it.
    const incomplete = await pl.post(`${url}/status`, { status: "faststalld", confirm: "yes" });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.body).toContain("Avsnittet ”Förväntade effekter och effektmål” måste skrivas.");
    const written = await pl.post(url, {
      "section-forslag": "Beslut och fakturor går till Mina meddelanden.",
      "section-effekter": "Lägre portokostnad och snabbare besked.",
      "section-forslag-till-beslut": "Att behovet finns och att förstudien får resurser.",
    });
    expect(written.statusCode).toBe(303);
    const own = await pl.post(`${url}/status`, { status: "faststalld", confirm: "yes" });
    expect(own.statusCode).toBe(403);
    expect(own.body).toContain("organisationen kräver att en annan person fastställer den");

    // The verksamhetsägare reads what fastställa means, then confirms.
    const owner = await world.browserAs("vaA");
    const confirmation = await owner.get(`${url}/faststall`);
    expect(confirmation.statusCode).toBe(200);
    expect(confirmation.body).toContain("Fastställa version 1?");
    expect(confirmation.body).toContain("blir den underlag för beslut");
    expect(fromText(confirmation.body, "Skriven av")).toContain("pl-a");
    expect(confirmation.body).toContain('name="confirm" value="yes"');
    expect(duplicateIds(confirmation.body)).toEqual([]);
    expect((await owner.post(`${url}/status`, { status: "faststalld", confirm: "yes" })).statusCode).toBe(303);
    const approved = await pl.get(url);
    expect((await owner.get(url)).body).toContain("Version 1 har fastställts.");
    expect(fromText(approved.body, 'data-testid="approved-by"')).toMatch(/^[^<]*>va-a, /);
    expect(from(approved.body, "history-heading")).toMatch(versionRow(1, "Fastställd", "(<td>[^<]*</td>){3}<td>va-a</td>"));
    expect(approved.body).toContain(
      "Version 1 är fastställd och ändras inte. När du sparar blir ändringarna en ny version, version 2, som utkast.",
    );
    expect(approved.body).not.toContain(">Fastställ</button>");

    // The browser sends the unchanged text back with CRLF line breaks: that is no change.
    const same = await pl.post(url, { "section-bakgrund": background });
    expect(same.statusCode).toBe(303);
    expect((await pl.get(url)).body).toContain("Inget har ändrats.");

    expect((await pl.post(url, { "section-bakgrund": "Vi skickar 5 000 brev om året." })).statusCode).toBe(303);
    const edited = await pl.get(url);
    expect(edited.body).toContain("Ändringarna har sparats som version 2 (utkast). Version 1 är fortfarande fastställd.");
    expect(edited.body).toContain("Version 2");
    // The versions table, up to the document's history of events below it.
    const history = from(edited.body, "history-heading").split('id="document-history-heading"')[0] ?? "";
    expect(count(history, /<tr>/)).toBe(3);
    expect(history).toMatch(versionRow(2, "Utkast"));
    expect(history).toMatch(versionRow(1, "Fastställd"));

    const doc = await getJson(await world.loginAs("plA"), `/api/v1/deliverables/${deliverableId}`, Deliverable);
    expect(doc.versions.map((v) => [v.version, v.status, v.sections.bakgrund])).toEqual([
      [1, "faststalld", "Vi skickar 4 000 brev om året.\nRad två <script>alert(1)</script>\n\n- beslut\n- fakturor"],
      [2, "utkast", "Vi skickar 5 000 brev om året."],
    ]);
  });

  it("answers a refused status change with the error pages", async () => {
    const { deliverableId } = await initiativeWithWork();
    const pl = await world.browserAs("plA");
    const deltagare = await world.browserAs("consultant");
    const page = await deltagare.get(`/deliverables/${deliverableId}`);
    expect(page.body).toContain(">Skicka för granskning</button>");
    expect(page.body).not.toContain(">Fastställ</button>");
    const refused = await deltagare.post(`/deliverables/${deliverableId}/status`, { status: "faststalld" });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain("Du saknar behörighet");

    const api = await world.loginAs("vaA");
    expect((await api.post(`/api/v1/deliverables/${deliverableId}/status`, { status: "faststalld" })).statusCode).toBe(200);
    const notAllowed = await pl.post(`/deliverables/${deliverableId}/status`, { status: "for_granskning" });
    expect(notAllowed.statusCode).toBe(409);
  });

  it("shows a läsare the initiative and its documents without any form to change them", async () => {
    const { initiativeId, deliverableId } = await initiativeWithWork();
    const reader = await world.browserAs("readerA");
    const list = await reader.get("/initiatives");
    expect(list.body).toContain("Digitala bygglovsbeslut");
    expect(list.body).not.toContain('href="/initiatives/new"');
    expect((await reader.get("/initiatives/new")).statusCode).toBe(403);

    const overview = await reader.get(`/initiatives/${initiativeId}`);
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain(">Ej tillämplig<");
    expect(overview.body).not.toContain(`/activities/`);
    expect(overview.body).not.toContain(`action="/initiatives/${initiativeId}/deliverables"`);

    const doc = await reader.get(`/deliverables/${deliverableId}`);
    expect(doc.statusCode).toBe(200);
    expect(doc.body).toContain("Vi skickar 5 000 brev om året.");
    expect(doc.body).not.toContain("<textarea");
    expect(doc.body).not.toContain(`action="/deliverables/${deliverableId}`);

    expect((await reader.get(`/initiatives/${initiativeId}/activities/${firstActivity}`)).statusCode).toBe(403);
    expect((await reader.post(`/initiatives/${initiativeId}/activities/${firstActivity}`, { status: "done" })).statusCode).toBe(403);
    expect((await reader.post(`/deliverables/${deliverableId}`, { "section-bakgrund": "Läsaren skriver" })).statusCode).toBe(403);
    expect((await reader.post(`/deliverables/${deliverableId}/status`, { status: "for_granskning" })).statusCode).toBe(403);
    expect((await reader.post(`/initiatives/${initiativeId}/deliverables`, { deliverableTypeId: "riskanalys" })).statusCode).toBe(403);
  });

  it("answers 404 to someone from another organisation on every initiative page", async () => {
    const { initiativeId, deliverableId } = await initiativeWithWork();
    const outsider = await world.browserAs("plB");
    const list = await outsider.get("/initiatives");
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain("Digitala bygglovsbeslut");
    const answers = [
      await outsider.get(`/initiatives/${initiativeId}`),
      await outsider.get(`/initiatives/${initiativeId}/activities/${firstActivity}`),
      await outsider.post(`/initiatives/${initiativeId}/activities/${firstActivity}`, { status: "done" }),
      await outsider.post(`/initiatives/${initiativeId}/deliverables`, { deliverableTypeId: "riskanalys" }),
      await outsider.get(`/deliverables/${deliverableId}`),
      await outsider.post(`/deliverables/${deliverableId}`, { "section-bakgrund": "Intrång" }),
      await outsider.post(`/deliverables/${deliverableId}/status`, { status: "for_granskning" }),
      await outsider.post("/initiatives/new", { organisationId: world.orgA.id, name: "Intrång" }),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain("Digitala bygglovsbeslut");
      expect(res.body).not.toContain("Vi skickar");
    }
    expect((await outsider.get("/initiatives/not-a-uuid")).statusCode).toBe(404);
  });

  it("shows the overview in English to someone who chose English", async () => {
    const { initiativeId } = await initiativeWithWork();
    const b = await world.browserAs("sgA");
    await b.post("/language", { locale: "en", returnTo: "/" });
    const overview = await b.get(`/initiatives/${initiativeId}`);
    expect(overview.body).toContain("Phase 1 – Identify needs");
    expect(overview.body).toContain(">Not applicable<");
    expect(overview.body).toContain(">Current phase<");
    await b.post("/language", { locale: "sv", returnTo: "/" });
  });
});
