import { describe, expect, it } from "vitest";
import { Deliverable, VersionDiff } from "../../src/http/routes/deliverables/deliverables.schema.ts";
import { newDocument, writeRequiredSections } from "../support/deliverable-fixtures.ts";
import { type Api, getJson, postJson, useTestWorld } from "../support/test-world.ts";

/**
 * An idébeskrivning with two versions: version 1 written and fastställd, version 2 its edit, where
 * a word of the background is replaced and the målgrupper section is written for the first time.
 */
async function documentWithTwoVersions(world: ReturnType<typeof useTestWorld>, pl: Api) {
  const created = await newDocument(world, pl, "idebeskrivning");
  await writeRequiredSections(pl, created, { bakgrund: "Kommunen skickar brev på papper i dag." });
  expect((await (await world.loginAs("vaA")).post(`/api/v1/deliverables/${created.id}/status`, { status: "faststalld" })).statusCode).toBe(
    200,
  );
  const edited = await pl.put(`/api/v1/deliverables/${created.id}/sections`, {
    sections: { bakgrund: "Kommunen skickar brev digitalt i dag.", malgrupper: "Invånare och företag." },
  });
  expect(Deliverable.parse(edited.json()).versions).toHaveLength(2);
  return created.id;
}

describe("comparing two versions of a document", () => {
  const world = useTestWorld();

  it("answers the changes section by section, word by word, in the template's order", async () => {
    const pl = await world.loginAs("plA");
    const id = await documentWithTwoVersions(world, pl);
    const diff = await getJson(pl, `/api/v1/deliverables/${id}/diff?from=1&to=2`, VersionDiff);
    expect(diff.sections.map((s) => s.sectionId)).toEqual([
      "bakgrund",
      "forslag",
      "malgrupper",
      "effekter",
      "tidplan-och-volymer",
      "ekonomi",
      "forslag-till-beslut",
    ]);
    const section = (sectionId: string) => diff.sections.find((s) => s.sectionId === sectionId);
    expect(section("bakgrund")).toEqual({
      sectionId: "bakgrund",
      changed: true,
      parts: [
        { op: "equal", text: "Kommunen skickar brev " },
        { op: "delete", text: "på papper" },
        { op: "insert", text: "digitalt" },
        { op: "equal", text: " i dag." },
      ],
    });
    expect(section("malgrupper")).toEqual({
      sectionId: "malgrupper",
      changed: true,
      parts: [{ op: "insert", text: "Invånare och företag." }],
    });
    expect(section("forslag")).toEqual({ sectionId: "forslag", changed: false, parts: [{ op: "equal", text: "Text för forslag." }] });
    expect(section("ekonomi")).toEqual({ sectionId: "ekonomi", changed: false, parts: [] });

    // The other way round, the same change undone.
    const back = await getJson(pl, `/api/v1/deliverables/${id}/diff?from=2&to=1`, VersionDiff);
    expect(back.sections[2]?.parts).toEqual([{ op: "delete", text: "Invånare och företag." }]);
  });

  it("is not found for a version that does not exist, nor for someone outside the organisation", async () => {
    const pl = await world.loginAs("plA");
    const id = await documentWithTwoVersions(world, pl);
    const missing = await pl.get(`/api/v1/deliverables/${id}/diff?from=1&to=3`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: "NOT_FOUND" });

    const outsider = await world.loginAs("plB");
    const refused = await outsider.get(`/api/v1/deliverables/${id}/diff?from=1&to=2`);
    expect(refused.statusCode).toBe(404);
    expect(refused.body).not.toContain("Kommunen");
    expect((await outsider.get(`/api/v1/deliverables/${id}`)).statusCode).toBe(404);
    expect((await (await world.browserAs("plB")).get(`/deliverables/${id}/compare?from=1&to=2`)).statusCode).toBe(404);
    expect((await (await world.browserAs("plA")).get(`/deliverables/${id}/compare?from=1&to=7`)).statusCode).toBe(404);
  });

  it("refuses versions that are not positive whole numbers, naming the field", async () => {
    const pl = await world.loginAs("plA");
    const id = await documentWithTwoVersions(world, pl);
    for (const [query, field] of [
      ["from=abc&to=2", "from"],
      ["from=1&to=0", "to"],
      ["from=1.5&to=2", "from"],
      ["from=1", "to"],
    ] as const) {
      const res = await pl.get(`/api/v1/deliverables/${id}/diff?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json(), query).toMatchObject({ code: "VALIDATION_FAILED", fields: [{ path: field }] });
    }
  });

  it("shows the page with insertions and deletions marked in words a screen reader reads, and links to it from the document", async () => {
    const pl = await world.loginAs("plA");
    const id = await documentWithTwoVersions(world, pl);
    const browser = await world.browserAs("plA");

    const documentPage = (await browser.get(`/deliverables/${id}`)).body;
    expect(documentPage).toContain(`href="/deliverables/${id}/compare?from=1&amp;to=2"`);

    const res = await browser.get(`/deliverables/${id}/compare?from=1&to=2`);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain(
      '<del><span class="visually-hidden">Borttaget: </span>på papper<span class="visually-hidden"> Slut på borttaget.</span></del>',
    );
    expect(html).toContain(
      '<ins><span class="visually-hidden">Tillagt: </span>digitalt<span class="visually-hidden"> Slut på tillagt.</span></ins>',
    );
    expect(html).toContain("Idé och förslag till förändring");
    expect(html).toContain("Oförändrat.");
    expect(html).toContain("2 av 7 avsnitt har ändrats.");
    expect(html).toContain(`action="/deliverables/${id}/compare" method="get"`);
    expect(html).toContain("Från version");
    expect(html).toContain("Till version");
  });

  it("shows the two versions side by side on request: the earlier with its deletions, the later with its insertions", async () => {
    const pl = await world.loginAs("plA");
    const id = await documentWithTwoVersions(world, pl);
    const browser = await world.browserAs("plA");
    const html = (await browser.get(`/deliverables/${id}/compare?from=1&to=2&view=side`)).body;
    const bakgrund = html.slice(html.indexOf('id="diff-bakgrund-heading"'), html.indexOf('id="diff-forslag-heading"'));
    const [earlier, later] = bakgrund.split('class="diff-column"').slice(1);
    expect(earlier).toContain("Version 1");
    expect(earlier).toContain("på papper");
    expect(earlier).not.toContain("<ins>");
    expect(later).toContain("Version 2");
    expect(later).toContain("digitalt");
    expect(later).not.toContain("<del>");
    expect(html).toMatch(/<option value="side" selected="">/);
    expect((await browser.get(`/deliverables/${id}/compare?from=1&to=2&view=sideways`)).statusCode).toBe(400);
  });

  it("preselects the two latest versions when opened without a choice, and says so when there is only one", async () => {
    const pl = await world.loginAs("plA");
    const id = await documentWithTwoVersions(world, pl);
    const browser = await world.browserAs("plA");
    const html = (await browser.get(`/deliverables/${id}/compare`)).body;
    const selected = (name: string) => html.match(new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`))?.[1] ?? "";
    expect(selected("from")).toMatch(/<option value="1" selected="">/);
    expect(selected("to")).toMatch(/<option value="2" selected="">/);
    expect(html).toContain("<del>");

    const initiative = await world.seedInitiative();
    const single = await postJson(
      pl,
      `/api/v1/initiatives/${initiative.id}/deliverables`,
      { deliverableTypeId: "idebeskrivning" },
      Deliverable,
    );
    const only = (await browser.get(`/deliverables/${single.id}/compare`)).body;
    expect(only).toContain("Dokumentet har bara en version.");
    expect(only).not.toContain('name="from"');
    expect((await browser.get(`/deliverables/${single.id}`)).body).not.toContain("/compare");
  });
});
