import { EncryptedPDFError, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef } from "pdf-lib";
import { MAX_ATTACHMENT_PDF_PAGES, type UnreadablePdf } from "./attachment-pdf-limits.ts";

/**
 * Attachments that are PDFs, appended after a package's own pages with pdf-lib. The package keeps
 * everything pdfkit wrote (structure tree, language, XMP, outline): pdf-lib copies the attachment's
 * pages into it rather than rewriting it, and leaves the Info dictionary as it was.
 */

/** An attachment PDF read and ready to append, or why it cannot be: the package lists it with that note instead. */
export type AttachmentPdf = { readable: true; pdf: PDFDocument } | { readable: false; reason: UnreadablePdf };

/**
 * Reads an attachment's bytes as a PDF; an encrypted, damaged, page-less or over-long file is a
 * reason, never an exception. pdf-lib parses the whole file on the thread that calls it, so this runs
 * on a worker thread (pdf-attachments-worker.ts), never on the event loop.
 */
export async function readAttachmentPdf(bytes: Uint8Array, maxPages = MAX_ATTACHMENT_PDF_PAGES): Promise<AttachmentPdf> {
  try {
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    const pages = pdf.getPageCount();
    if (pages === 0) return { readable: false, reason: "unreadable" };
    if (pages > maxPages) return { readable: false, reason: "too_many_pages" };
    return { readable: true, pdf };
  } catch (error) {
    // pdf-lib is compiled to ES5, where its error classes lose their prototype: its message says which it is.
    const encrypted = error instanceof EncryptedPDFError || (error instanceof Error && /is encrypted/.test(error.message));
    return { readable: false, reason: encrypted ? "encrypted" : "unreadable" };
  }
}

/**
 * The package with each attachment's pages after its own, and a bookmark per attachment opening its
 * first page. The appended pages are the attachments as they were filed: their own tags point into
 * their own structure trees, which are not copied, so the references are dropped rather than left
 * pointing into the package's tree, and their content is marked as an artifact. A PDF/UA file may
 * hold no untagged content, and a reader of the structure tree would skip it anyway; the package's
 * table of attachments says so and names each file, which is kept as it was in Ansluta.
 */
export async function appendPdfs(
  packagePdf: Uint8Array,
  attachments: readonly { bookmark: string; pdf: PDFDocument }[],
): Promise<Uint8Array> {
  if (attachments.length === 0) return packagePdf;
  const doc = await PDFDocument.load(packagePdf, { updateMetadata: false });
  for (const attachment of attachments) {
    withoutActions(attachment.pdf);
    const pages = await doc.copyPages(attachment.pdf, attachment.pdf.getPageIndices());
    for (const page of pages) {
      page.node.delete(PDFName.of("StructParents"));
      markAsArtifact(doc, page.node);
      const annotations = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
      for (const annotation of annotations?.asArray() ?? []) {
        const dict = annotation instanceof PDFRef ? doc.context.lookupMaybe(annotation, PDFDict) : undefined;
        dict?.delete(PDFName.of("StructParent"));
      }
      doc.addPage(page);
    }
    const first = pages[0];
    if (first) addBookmark(doc, attachment.bookmark, first.ref);
  }
  // Without object streams, as pdfkit writes: the file stays readable by older archive tools.
  return doc.save({ useObjectStreams: false });
}

/**
 * Takes out of an attachment's pages, before they are copied, all that can make a reader do something
 * on its own: the pages' additional actions (/AA) and every annotation but a link to a web address,
 * which loses anything chained to it (/Next, its own /AA). Form fields, JavaScript, launch and
 * file-attachment annotations never reach the package: only what the pages reference is copied, and
 * the file's catalog (its /OpenAction, its JavaScript name tree) is not.
 */
function withoutActions(pdf: PDFDocument) {
  const { context } = pdf;
  for (const page of pdf.getPages()) {
    page.node.delete(PDFName.of("AA"));
    const annotations = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
    if (!annotations) continue;
    const kept = annotations.asArray().filter((ref) => {
      const annotation = context.lookupMaybe(ref, PDFDict);
      const action = annotation?.lookupMaybe(PDFName.of("A"), PDFDict);
      const webLink =
        annotation?.lookupMaybe(PDFName.of("Subtype"), PDFName) === PDFName.of("Link") &&
        action?.lookupMaybe(PDFName.of("S"), PDFName) === PDFName.of("URI");
      if (!webLink) return false;
      annotation?.delete(PDFName.of("AA"));
      action?.delete(PDFName.of("Next"));
      return true;
    });
    if (kept.length) page.node.set(PDFName.of("Annots"), context.obj(kept));
    else page.node.delete(PDFName.of("Annots"));
  }
}

/** The page's content streams wrapped in one /Artifact marked-content sequence (ISO 32000-1, 14.8.2.2). */
function markAsArtifact(doc: PDFDocument, page: PDFDict) {
  const contents = page.get(PDFName.of("Contents"));
  const streams = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  const begin = doc.context.register(doc.context.stream("/Artifact BMC\n"));
  // On its own line: the last content stream need not end with white space.
  const end = doc.context.register(doc.context.stream("\nEMC\n"));
  page.set(PDFName.of("Contents"), doc.context.obj([begin, ...streams, end]));
}

/** A top-level outline entry after the last one (pdfkit's, when the package has them) that opens `page` whole. */
function addBookmark(doc: PDFDocument, title: string, page: PDFRef) {
  const { context, catalog } = doc;
  let outlinesRef = catalog.get(PDFName.of("Outlines"));
  if (!(outlinesRef instanceof PDFRef)) {
    outlinesRef = context.register(context.obj({ Type: "Outlines" }));
    catalog.set(PDFName.of("Outlines"), outlinesRef);
    catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
  }
  const outlines = context.lookup(outlinesRef, PDFDict);
  const item = context.obj({ Title: PDFHexString.fromText(title), Parent: outlinesRef, Dest: [page, "Fit"] });
  const itemRef = context.register(item);
  const last = outlines.get(PDFName.of("Last"));
  if (last instanceof PDFRef) {
    item.set(PDFName.of("Prev"), last);
    context.lookup(last, PDFDict).set(PDFName.of("Next"), itemRef);
  } else {
    outlines.set(PDFName.of("First"), itemRef);
  }
  outlines.set(PDFName.of("Last"), itemRef);
  // The root's Count is the number of entries a reader shows open; a new top-level entry is one more.
  const count = outlines.get(PDFName.of("Count"));
  if (count instanceof PDFNumber) outlines.set(PDFName.of("Count"), PDFNumber.of(count.asNumber() + 1));
}
