import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { messageFlows } from "../../src/db/schema.ts";
import { type Browser, useTestWorld } from "../support/test-world.ts";

/** The import page of issue 11: upload, preview with errors in Swedish, save by a form that carries the file back. */
describe("flow import pages", () => {
  const world = useTestWorld();
  const stored = (initiativeId: string) => world.db.select().from(messageFlows).where(eq(messageFlows.initiativeId, initiativeId));

  /** The upload form as a browser sends it: multipart with the form token and the file. */
  const upload = (b: Browser, url: string, file: { name: string; bytes: Buffer } | null) => {
    const boundary = "----ansluta-test-boundary";
    const parts: Buffer[] = [
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${b.jar.get("ansluta_csrf") ?? ""}\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file?.name ?? ""}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      file?.bytes ?? Buffer.alloc(0),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ];
    return world.app.inject({
      method: "POST",
      url,
      headers: {
        cookie: [...b.jar].map(([k, v]) => `${k}=${v}`).join("; "),
        "content-type": `multipart/form-data; boundary=${boundary}`,
      },
      payload: Buffer.concat(parts),
    });
  };
  const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? "";

  const CSV = Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from("Namn;Mottagartyp;Årsvolym\r\nBeslut om bygglov;privatpersoner;12 000\r\nFaktura;företag;1 500\r\n"),
  ]);

  it("explains the format, links the template and uploads with a plain multipart form", async () => {
    const b = await world.browserAs("plA");
    const initiative = await world.seedInitiative({ name: "Importsidan" });
    const res = await b.get(`/initiatives/${initiative.id}/flows/import`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Importera meddelandeflöden");
    expect(res.body).toContain('href="/api/v1/flows/import-template.xlsx"');
    expect(res.body).toMatch(/enctype="multipart\/form-data"/i);
    expect(res.body).toMatch(/<label[^>]*for="f-file"/);
  });

  it("previews the rows without saving, then saves them from the preview's form and goes to the flows", async () => {
    const b = await world.browserAs("plA");
    const initiative = await world.seedInitiative({ name: "Importera och spara" });
    const preview = await upload(b, `/initiatives/${initiative.id}/flows/import`, { name: "flöden.csv", bytes: CSV });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain("Spara 2 flöden");
    expect(preview.body).toContain("Beslut om bygglov");
    expect(preview.body).toContain("Privatpersoner");
    expect(await stored(initiative.id)).toEqual([]);

    const saved = await b.post(`/initiatives/${initiative.id}/flows/import/commit`, {
      content: hidden(preview.body, "content"),
      fileName: hidden(preview.body, "fileName"),
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/initiatives/${initiative.id}/flows`);
    expect((await stored(initiative.id)).map((f) => f.name).sort()).toEqual(["Beslut om bygglov", "Faktura"]);
  });

  it("lists errors by row and column in Swedish, offers no save, and a save of a wrong file saves nothing", async () => {
    const b = await world.browserAs("plA");
    const initiative = await world.seedInitiative({ name: "Importfel" });
    const wrong = Buffer.from("Namn;Mottagartyp;Årsvolym\nBygglov;privatperson;tolv tusen\n");
    const preview = await upload(b, `/initiatives/${initiative.id}/flows/import`, { name: "fel.csv", bytes: wrong });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain("Filen har fel");
    expect(preview.body).toMatch(
      /<td[^>]*>2<\/td><td[^>]*>Årsvolym<\/td><td[^>]*>Ange ett tal, till exempel 12 000 eller 12,50\.(<!-- -->)? I filen står: ”tolv tusen”\.<\/td>/,
    );
    expect(preview.body).not.toContain("/flows/import/commit");

    const refused = await b.post(`/initiatives/${initiative.id}/flows/import/commit`, {
      content: wrong.toString("base64"),
      fileName: "fel.csv",
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("Granska den igen");
    expect(await stored(initiative.id)).toEqual([]);
  });

  it("asks for a file when none is chosen, and tells the encoding when it is not UTF-8", async () => {
    const b = await world.browserAs("plA");
    const initiative = await world.seedInitiative({ name: "Importkodning" });
    const none = await upload(b, `/initiatives/${initiative.id}/flows/import`, null);
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain("Välj en fil att läsa in.");
    expect(none.body).toContain('aria-invalid="true"');

    const latin1 = await upload(b, `/initiatives/${initiative.id}/flows/import`, {
      name: "ansi.csv",
      bytes: Buffer.from("Namn;Mottagartyp;Årsvolym\nBygglov;företag;100\n", "latin1"),
    });
    expect(latin1.body).toContain("CSV UTF-8");

    const tooLarge = await upload(b, `/initiatives/${initiative.id}/flows/import`, {
      name: "stor.csv",
      bytes: Buffer.alloc(5 * 1024 * 1024 + 1, 0x41),
    });
    expect(tooLarge.statusCode).toBe(400);
    expect(tooLarge.body).toContain("Filen är större än 5 MB.");
    expect(await stored(initiative.id)).toEqual([]);
  });

  it("is the team's: a läsare is refused the page", async () => {
    const initiative = await world.seedInitiative({ name: "Importåtkomst" });
    const reader = await world.browserAs("readerA");
    expect((await reader.get(`/initiatives/${initiative.id}/flows/import`)).statusCode).toBe(403);
    expect((await upload(reader, `/initiatives/${initiative.id}/flows/import`, { name: "a.csv", bytes: CSV })).statusCode).toBe(403);
    expect(await stored(initiative.id)).toEqual([]);
  });
});
