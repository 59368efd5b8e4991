import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { appendPdfs } from "./pdf-attachments.ts";

/** A one-page PDF carrying every way a file can run something when opened, and one harmless web link. */
async function activePdf(): Promise<PDFDocument> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([200, 200]);
  const { context } = pdf;
  const js = (code: string) => context.obj({ Type: "Action", S: "JavaScript", JS: PDFString.of(code) });
  pdf.catalog.set(PDFName.of("OpenAction"), context.register(js("app.alert('open')")));
  page.node.set(PDFName.of("AA"), context.obj({ O: context.register(js("app.alert('page open')")) }));
  const annotation = (fields: Record<string, unknown>) =>
    context.register(context.obj({ Type: "Annot", Rect: [0, 0, 50, 50], ...fields } as Parameters<typeof context.obj>[0]));
  const web = annotation({
    Subtype: "Link",
    A: context.obj({ S: "URI", URI: PDFString.of("https://www.example.se/"), Next: js("app.alert('next')") }),
    AA: context.obj({ E: js("app.alert('enter')") }),
  });
  const annots = [
    web,
    annotation({ Subtype: "Link", A: js("app.alert('link')") }),
    annotation({ Subtype: "Link", A: context.obj({ S: "Launch", F: PDFString.of("cmd.exe") }) }),
    annotation({ Subtype: "Widget", FT: "Btn", T: PDFString.of("knapp"), AA: context.obj({ D: js("app.alert('field')") }) }),
    annotation({ Subtype: "Link", Dest: [page.ref, "Fit"] }),
    annotation({ Subtype: "FileAttachment", FS: context.obj({ Type: "Filespec", F: PDFString.of("virus.exe") }) }),
  ];
  page.node.set(PDFName.of("Annots"), context.obj(annots));
  return pdf;
}

describe("appending an attachment PDF", () => {
  it("carries no action into the package: only web links stay, without anything chained to them", async () => {
    const host = await PDFDocument.create();
    host.addPage([300, 300]);
    const appended = await appendPdfs(await host.save({ useObjectStreams: false }), [{ bookmark: "Bilaga", pdf: await activePdf() }]);
    const text = Buffer.from(appended).toString("latin1");
    for (const word of ["JavaScript", "app.alert", "Launch", "cmd.exe", "OpenAction", "Widget", "FileAttachment", "virus.exe"]) {
      expect(text, word).not.toContain(word);
    }
    const doc = await PDFDocument.load(appended);
    const page = doc.getPage(1).node;
    expect(page.get(PDFName.of("AA"))).toBeUndefined();
    const annots = page
      .lookup(PDFName.of("Annots"), PDFArray)
      .asArray()
      .map((ref) => doc.context.lookup(ref, PDFDict));
    expect(annots).toHaveLength(1);
    const [link] = annots;
    expect(link?.get(PDFName.of("AA"))).toBeUndefined();
    const action = link?.lookup(PDFName.of("A"), PDFDict);
    expect(action?.lookup(PDFName.of("URI"), PDFString).decodeText()).toBe("https://www.example.se/");
    expect(action?.get(PDFName.of("Next"))).toBeUndefined();
  });
});
