import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { PDFDocument } from "pdf-lib";
import PDFKitDocument from "pdfkit";
import { type DecisionPackageInput, decisionPackageDocument, type PackageAttachment } from "../src/exports/decision-package.ts";
import { decisionPackageFile, prepareAttachments } from "../src/exports/decision-package-file.ts";
import { type DeliverableVersion, deliverableDocument } from "../src/exports/deliverable-document.ts";
import type { DocumentModel } from "../src/exports/document-model.ts";
import { type ExportFormat, exportFormat } from "../src/exports/export-file.ts";
import { milestoneByNumeral } from "../src/method/lookup.ts";
import { methodV12 } from "../src/method/v1.2/index.ts";
import { REPO_ROOT } from "./server-process.ts";

/*
 * Issue 13: time and peak memory to export a 20-page document and a full decision package with a
 * 5 MB PDF attachment, as PDF and as DOCX, through the same producers the routes use (in-process,
 * no server or database). Each case runs in its own child process, so its peak RSS is its own:
 * two exports thrown away (JIT, fonts, the shaper's caches), then `rounds` timed, the median reported.
 * The goal: the 20-page document's PDF within 10× its DOCX's time.
 *
 * `node --import tsx bench/exports.ts [--rounds 5]` runs the section alone.
 */

export const EXPORT_RATIO_GOAL = 10;
const ATTACHMENT_BYTES = 5 * 1024 * 1024;

export type ExportCase = "document" | "package";
export type ExportMeasurement = {
  case: ExportCase;
  format: ExportFormat;
  /** The file's pages (PDF only) and size. */
  pages: number | null;
  bytes: number;
  medianMs: number;
  roundsMs: number[];
  /** CPU time (user + system) of the process per export: what the export costs, whatever else runs on the machine. */
  medianCpuMs: number;
  /** RSS before the first export (modules loaded, inputs built) and the process's peak. */
  baselineRssMiB: number;
  peakRssMiB: number;
};
export type ExportBench = {
  measurements: ExportMeasurement[];
  /** The 20-page document's PDF against its DOCX: by CPU time (the goal's measure) and by wall time. */
  pdfDocxCpuRatio: number;
  pdfDocxRatio: number;
  goal: number;
  met: boolean;
};

/** Long section text: paragraphs of Swedish-looking prose and a pipe table, as a team writes a big document. */
function sectionText(n: number): string {
  const sentence = (i: number) =>
    `Meddelandeflöde ${i} skickas i dag på papper till ungefär ${(i * 137) % 9000} mottagare per månad, och förvaltningen bedömer att hälften kan nås digitalt inom två år.`;
  const paragraphs = Array.from({ length: 6 }, (_, p) => Array.from({ length: 5 }, (_, s) => sentence(n * 100 + p * 10 + s)).join(" "));
  const table = [
    "| Flöde | Volym per år | Andel digitalt | Ansvarig |",
    "|---|---|---|---|",
    ...Array.from({ length: 12 }, (_, r) => `| Flöde ${n}.${r + 1} | ${(r + 1) * 1250} | ${(r * 7) % 100} % | Enhet ${r % 4} |`),
  ].join("\n");
  return `${paragraphs.join("\n\n")}\n\n${table}\n\n- Första punkten för avsnitt ${n}\n- Andra punkten för avsnitt ${n}`;
}

function longDeliverable(title: string, typeId: string, sections: number) {
  const template = Array.from({ length: sections }, (_, i) => ({
    id: `avsnitt-${i + 1}`,
    heading: { sv: `Avsnitt ${i + 1}`, en: `Section ${i + 1}` },
    guidance: { sv: "", en: "" },
    required: true,
  }));
  const version: DeliverableVersion = {
    version: 3,
    status: "faststalld",
    sections: Object.fromEntries(template.map((s, i) => [s.id, sectionText(i + 1)])),
    contentHash: "0".repeat(64),
    createdAt: "2026-11-02T09:00:00.000Z",
    updatedAt: "2026-11-03T10:30:00.000Z",
    approvedAt: "2026-11-04T13:15:00.000Z",
    createdBy: { id: "00000000-0000-4000-8000-000000000002", name: "Petra Projektledare" },
    lastEditedBy: null,
    approvedBy: { id: "00000000-0000-4000-8000-000000000001", name: "Viktor Verksamhetsägare" },
    secondApprover: null,
    generated: null,
  };
  return { deliverable: { title, typeId, template, versions: [version], currentGenerated: null }, version };
}

const exportedAt = new Date("2026-11-27T11:00:00Z");

/** The 20-page document: 12 long sections, each prose, a 12-row table and a list. */
function twentyPages(): DocumentModel {
  const { deliverable, version } = longDeliverable("Fördjupad förstudierapport", "fordjupad-forstudierapport", 12);
  return deliverableDocument({ deliverable, version, locale: "sv", exportedAt, organisationName: "Sundsvalls kommun" }) as DocumentModel;
}

/** A PDF of about `bytes`, as a scanned, signed agreement might be: pages of uncompressed vector strokes. */
async function bigPdf(bytes: number): Promise<Uint8Array> {
  const pdf = new PDFKitDocument({ size: "A4", compress: false });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    pdf.on("data", (c: Buffer) => chunks.push(c));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
  });
  let seed = 1;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const strokesPerPage = 12_000;
  // About 42 bytes of content stream per stroke.
  const pages = Math.max(1, Math.round(bytes / (strokesPerPage * 42)));
  for (let p = 0; p < pages; p++) {
    if (p > 0) pdf.addPage();
    pdf.text(`Anslutningsavtal, sida ${p + 1}`, 72, 72);
    for (let s = 0; s < strokesPerPage; s++) {
      pdf
        .moveTo(random() * 595, random() * 842)
        .lineTo(random() * 595, random() * 842)
        .stroke();
    }
  }
  pdf.end();
  return new Uint8Array(await done);
}

/** A decision package after the decision: three long basis documents (about 7 pages each) and the 5 MB agreement. */
async function fullPackage(): Promise<{
  input: (attachments: DecisionPackageInput["attachments"]) => DecisionPackageInput;
  attachments: PackageAttachment[];
}> {
  const milestone = milestoneByNumeral(methodV12, "II");
  const documents = ["forstudierapport", "business-case", "riskanalys"].map((typeId, i) => {
    const { deliverable, version } = longDeliverable(`Underlag ${i + 1}`, typeId, 4);
    return { deliverable, version, basis: "frozen" as const, frozenStatus: "faststalld", frozenHash: version.contentHash };
  });
  const agreement = await bigPdf(ATTACHMENT_BYTES);
  return {
    attachments: [
      {
        filename: "Anslutningsavtal-signerat.pdf",
        contentType: "application/pdf",
        size: agreement.length,
        sha256: "f".repeat(64),
        bytes: agreement,
        belongsTo: "Beslutet",
      },
    ],
    input: (attachments) => ({
      kind: "protokoll",
      locale: "sv",
      exportedAt,
      initiative: { id: "00000000-0000-4000-8000-0000000000aa", name: "Digitala bygglovsbeslut" },
      organisationName: "Sundsvalls kommun",
      milestone,
      documents,
      attachments,
      decision: {
        outcome: "go_with_conditions",
        current: true,
        decisionPoints: milestone.decisionPoints.map((dp) => ({
          id: dp.id,
          answer: "Ja",
          motivation: "Underlaget visar att det är motiverat.",
        })),
        conditions: [{ text: "Avtalet signeras", owner: "Petra Projektledare", dueDate: "2027-01-31" }],
        decidedBy: { name: "Sara Styrgrupp" },
        decidedOn: "2026-11-27",
        createdAt: "2026-11-27T12:00:00Z",
        minutes: "Fört vid styrgruppens möte.",
        diarienummer: "KS 2026/123",
        incompleteBasisReason: null,
        basisHash: "a".repeat(64),
        decisionHash: "b".repeat(64),
      },
    }),
  };
}

const mib = (bytes: number) => bytes / 2 ** 20;

/** One case in this process: what the child runs. */
async function measureHere(which: ExportCase, format: ExportFormat, rounds: number): Promise<ExportMeasurement> {
  let run: () => Promise<Buffer>;
  if (which === "document") {
    const model = twentyPages();
    run = () => exportFormat(format).render(model);
  } else {
    const { input, attachments } = await fullPackage();
    // Reading the attachment is part of each export, as the route does it.
    run = async () => {
      const prepared = await prepareAttachments(attachments, (name) => `Bilaga: ${name}`, { format });
      const model = (listed: typeof prepared.listed) => decisionPackageDocument(input(listed)) as DocumentModel;
      return (await decisionPackageFile(model, format, "Beslutsprotokoll", prepared)).body;
    };
  }
  const baselineRssMiB = mib(process.memoryUsage().rss);
  let file = await run();
  file = await run();
  const roundsMs: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    file = await run();
    roundsMs.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
  }
  const pages = format === "pdf" ? (await PDFDocument.load(file, { updateMetadata: false })).getPageCount() : null;
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  return {
    case: which,
    format,
    pages,
    bytes: file.length,
    medianMs: median(roundsMs),
    roundsMs,
    medianCpuMs: median(cpuMs),
    baselineRssMiB,
    // maxRSS is in KiB: the process's peak, which sampling could miss between two samples.
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

/** One case in a fresh child process, so its peak memory is its own. */
function measureInChild(which: ExportCase, format: ExportFormat, rounds: number): Promise<ExportMeasurement> {
  return new Promise((resolve, reject) => {
    const script = fileURLToPath(import.meta.url);
    const child = spawn(process.execPath, ["--import", "tsx", script, "--child", which, format, String(rounds)], {
      cwd: REPO_ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`export bench ${which} ${format} exited with ${code}`));
      resolve(JSON.parse(out.trim().split("\n").at(-1) ?? "") as ExportMeasurement);
    });
  });
}

export async function measureExports({ rounds }: { rounds: number }, say: (line: string) => void = console.log): Promise<ExportBench> {
  const measurements: ExportMeasurement[] = [];
  for (const which of ["document", "package"] as const) {
    for (const format of ["pdf", "docx"] as const) {
      const m = await measureInChild(which, format, rounds);
      say(`  ${formatMeasurement(m)}`);
      measurements.push(m);
    }
  }
  const of = (c: ExportCase, f: ExportFormat) => measurements.find((m) => m.case === c && m.format === f);
  const pdfDocxRatio = (of("document", "pdf")?.medianMs ?? Number.NaN) / (of("document", "docx")?.medianMs ?? Number.NaN);
  // By CPU time: on a shared machine wall time also measures the neighbours, and the DOCX's short export most.
  const pdfDocxCpuRatio = (of("document", "pdf")?.medianCpuMs ?? Number.NaN) / (of("document", "docx")?.medianCpuMs ?? Number.NaN);
  const met = pdfDocxCpuRatio <= EXPORT_RATIO_GOAL;
  say(
    `  20-page document, PDF / DOCX: ${pdfDocxCpuRatio.toFixed(2)}× by CPU time (goal ≤ ${EXPORT_RATIO_GOAL}×: ${met ? "met" : "NOT met"}), ${pdfDocxRatio.toFixed(2)}× by wall time`,
  );
  return { measurements, pdfDocxCpuRatio, pdfDocxRatio, goal: EXPORT_RATIO_GOAL, met };
}

const labels: Record<ExportCase, string> = {
  document: "20-page document",
  package: "decision package + 5 MB PDF attachment",
};

export function formatMeasurement(m: ExportMeasurement): string {
  const pages = m.pages === null ? "" : `, ${m.pages} pages`;
  return `${labels[m.case]} as ${m.format.toUpperCase()}: median ${m.medianMs.toFixed(0)} ms wall, ${m.medianCpuMs.toFixed(0)} ms CPU (${m.roundsMs.length} rounds), ${(m.bytes / 1024).toFixed(0)} KiB${pages}; RSS ${m.baselineRssMiB.toFixed(0)} MiB before, peak ${m.peakRssMiB.toFixed(0)} MiB`;
}

const argv = process.argv.slice(2);
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (argv[0] === "--child") {
    const [, which, format, rounds] = argv;
    const m = await measureHere(which as ExportCase, format as ExportFormat, Number(rounds));
    process.stdout.write(`${JSON.stringify(m)}\n`);
  } else {
    const i = argv.indexOf("--rounds");
    await measureExports({ rounds: i >= 0 ? Number(argv[i + 1]) : 5 });
  }
}
