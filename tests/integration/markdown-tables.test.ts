import { describe, expect, it } from "vitest";
import { unzip } from "../../src/exports/testing/unzip.ts";
import { Deliverable } from "../../src/http/routes/deliverables/deliverables.schema.ts";
import { newDocument } from "../support/deliverable-fixtures.ts";
import { useTestWorld } from "../support/test-world.ts";

const TABLE = "Flödena i korthet:\n\n| Flöde | Brev per år |\n|---|---:|\n| Beslut om bygglov | 12 000 |\n| Kallelser | 3 500 |";

describe("a Markdown table in a document's section", () => {
  const world = useTestWorld();

  async function documentWithTable(text: string) {
    const pl = await world.loginAs("plA");
    const created = await newDocument(world, pl, "riskanalys");
    const section = created.template[0];
    if (!section) throw new Error("the template has no section");
    expect((await pl.put(`/api/v1/deliverables/${created.id}/sections`, { sections: { [section.id]: text } })).statusCode).toBe(200);
    return { pl, id: created.id, heading: section.heading.sv };
  }

  it("is a table on the page (named by its section), in the DOCX (a Word table) and in the PDF (a tagged table)", async () => {
    const { pl, id, heading } = await documentWithTable(TABLE);
    const page = await (await world.browserAs("plA")).get(`/deliverables/${id}`);
    expect(page.body).toContain(`<caption`);
    expect(page.body).toContain(heading);
    expect(page.body).toMatch(/<th[^>]*scope="col"[^>]*>Brev per år<\/th>/);
    expect(page.body).toMatch(/<td[^>]*>Beslut om bygglov<\/td><td[^>]*>12 000<\/td>/);
    // The table's text is shown as a table, not as the pipes that were typed (those stay in the editor's
    // textarea; the formatting help's example shows them on purpose).
    const shown = page.body.replace(/<textarea[\s\S]*?<\/textarea>/g, "").replace(/<pre class="formatting-example">[\s\S]*?<\/pre>/g, "");
    expect(shown).not.toContain("|---|");

    const docx = unzip((await pl.get(`/api/v1/deliverables/${id}/export?format=docx`)).rawPayload, "word/document.xml") ?? "";
    // The facts table and the section's: two Word tables, the second with the flows.
    expect(docx.match(/<w:tbl>/g)).toHaveLength(2);
    expect(docx).toContain("Beslut om bygglov");
    expect(docx).not.toContain("|---|");

    const pdf = (await pl.get(`/api/v1/deliverables/${id}/export?format=pdf`)).rawPayload.toString("latin1");
    expect(pdf.match(/\/S \/Table\b/g)).toHaveLength(2);
  });

  it("shows a broken table, HTML and deep nesting as text, and never breaks the page or the exports", async () => {
    const text = `| a | b |\n| 1 | 2 |\n\n<script>alert(1)</script>\n\n${Array.from({ length: 400 }, (_, i) => `${" ".repeat(i)}- ${i}`).join("\n")}`;
    const { pl, id } = await documentWithTable(text);
    const page = await (await world.browserAs("plA")).get(`/deliverables/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("| a | b | | 1 | 2 |");
    expect(page.body).not.toContain("<script>alert(1)</script>");
    expect(page.body).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    for (const format of ["docx", "pdf"])
      expect((await pl.get(`/api/v1/deliverables/${id}/export?format=${format}`)).statusCode, format).toBe(200);
  });
});

describe("previewing a document's sections before saving", () => {
  const world = useTestWorld();

  it("shows the typed text as it will look, keeps it in the form, and saves nothing", async () => {
    const pl = await world.loginAs("plA");
    const created = await newDocument(world, pl, "riskanalys");
    const section = created.template[0];
    if (!section) throw new Error("the template has no section");
    const browser = await world.browserAs("plA");
    const page = await browser.post(`/deliverables/${created.id}`, { [`section-${section.id}`]: TABLE, intent: "preview" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Förhandsgranskning");
    expect(page.body).toContain("Den är inte sparad ännu");
    expect(page.body).toMatch(/<section[^>]*aria-labelledby="preview-heading"[\s\S]*<td[^>]*>Beslut om bygglov<\/td>/);
    // The form holds what was typed, to save or change further.
    expect(page.body).toMatch(/<textarea[^>]*>[^<]*\| Beslut om bygglov \| 12 000 \|/);
    const stored = Deliverable.parse((await pl.get(`/api/v1/deliverables/${created.id}`)).json());
    expect(stored.versions).toHaveLength(1);
    expect(stored.versions[0]?.sections[section.id] ?? "").toBe("");
  });
});
