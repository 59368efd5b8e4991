import { describe, expect, it } from "vitest";
import { Deliverable } from "../../src/http/routes/deliverables/deliverables.schema.ts";
import { formatDateTime } from "../../src/i18n/index.ts";
import { newDocument, writeRequiredSections } from "../support/deliverable-fixtures.ts";
import { type Api, getJson, postJson, useTestWorld } from "../support/test-world.ts";

/** The link tag to `href` on a page; the test fails when there is none. */
const linkTo = (html: string, href: string) => {
  const tag = (html.match(/<a\s[^>]*>/g) ?? []).find((t) => t.includes(`href="${href}"`));
  if (!tag) throw new Error(`no link to ${href}`);
  return tag;
};

/** An idébeskrivning in a new initiative, every section the template requires written by the projektledare. */
async function writtenDocument(world: ReturnType<typeof useTestWorld>, pl: Api) {
  const created = await newDocument(world, pl, "idebeskrivning");
  await writeRequiredSections(pl, created);
  return created.id;
}

describe("a deliverable's versions", () => {
  const world = useTestWorld();

  it("links every version in the table to that version, and marks the one shown", async () => {
    const pl = await world.loginAs("plA");
    const id = await writtenDocument(world, pl);
    const approved = await (await world.loginAs("vaA")).post(`/api/v1/deliverables/${id}/status`, { status: "faststalld" });
    expect(approved.statusCode).toBe(200);
    const edited = await pl.put(`/api/v1/deliverables/${id}/sections`, { sections: { bakgrund: "Ny text i version 2." } });
    expect(Deliverable.parse(edited.json()).versions).toHaveLength(2);

    const browser = await world.browserAs("plA");
    const latest = (await browser.get(`/deliverables/${id}`)).body;
    expect(linkTo(latest, `/deliverables/${id}?version=2`)).toContain('aria-current="page"');
    expect(linkTo(latest, `/deliverables/${id}?version=1`)).not.toContain("aria-current");
    expect(latest).toMatch(/>Version 2<\/a><span class="hint"> \(visas\)<\/span>/);
    expect(latest).toMatch(/>Version 1<\/a><\/td>/);

    const older = await browser.get(`/deliverables/${id}?version=1`);
    expect(older.statusCode).toBe(200);
    expect(linkTo(older.body, `/deliverables/${id}?version=1`)).toContain('aria-current="page"');
    expect(linkTo(older.body, `/deliverables/${id}?version=2`)).not.toContain("aria-current");
    expect(older.body).toMatch(/>Version 1<\/a><span class="hint"> \(visas\)<\/span>/);
  });

  it("leaves a version's 'Senast ändrad' and its editor as they were when it is sent for granskning and fastställd", async () => {
    const pl = await world.loginAs("plA");
    const id = await writtenDocument(world, pl);
    const written = (await getJson(pl, `/api/v1/deliverables/${id}`, Deliverable)).versions[0];
    if (!written) throw new Error("the document has a version 1");
    // Later than the edit by more than the clock's resolution, so a status change that stamped the time would show.
    await new Promise((resolve) => setTimeout(resolve, 20));

    const submitted = await postJson(pl, `/api/v1/deliverables/${id}/status`, { status: "for_granskning" }, Deliverable, 200);
    expect(submitted.versions[0]).toMatchObject({
      status: "for_granskning",
      updatedAt: written.updatedAt,
      lastEditedBy: { id: world.users.plA },
    });

    const va = await world.loginAs("vaA");
    const approved = await postJson(va, `/api/v1/deliverables/${id}/status`, { status: "faststalld" }, Deliverable, 200);
    const v1 = approved.versions[0];
    expect(v1).toMatchObject({
      status: "faststalld",
      updatedAt: written.updatedAt,
      lastEditedBy: { id: world.users.plA },
      approvedBy: { id: world.users.vaA },
    });
    expect(v1?.approvedAt).not.toBe(written.updatedAt);

    const page = (await (await world.browserAs("vaA")).get(`/deliverables/${id}`)).body;
    const row = page.slice(page.indexOf(`href="/deliverables/${id}?version=1"`));
    const cells = [...row.slice(0, row.indexOf("</tr>")).matchAll(/<td>([^<]*)<\/td>/g)].map((c) => c[1]);
    // Version and status hold markup; then Skapad, Senast ändrad, Fastställd, Fastställd av, andra person (none: va-a did not write it).
    expect(cells).toEqual([
      formatDateTime("sv", written.createdAt),
      formatDateTime("sv", written.updatedAt),
      formatDateTime("sv", v1?.approvedAt ?? ""),
      "va-a",
      "–",
    ]);
  });
});
