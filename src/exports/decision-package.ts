import { format, formatDate, formatDateTime, type Locale, type Messages, messagesFor } from "../i18n/index.ts";
import { deliverableType } from "../method/lookup.ts";
import type { Milestone } from "../method/types.ts";
import { methodV12 } from "../method/v1.2/index.ts";
import { type DeliverableVersion, deliverableDocument } from "./deliverable-document.ts";
import type { Block, ChartBlock, DocumentDraft, DocumentLanguage } from "./document-model.ts";

/**
 * A milestone's decision package for the diarium (issue 13), as one document: the beslutsunderlag
 * before the decision, the beslutsprotokoll after it. Each basis document follows on its own pages,
 * rendered as its own export renders it; the outline gives the parts and documents as bookmarks.
 */

/** A file attached to a document version or a decision, as the package lists (and in the PDF appends) it. */
export type PackageAttachment = {
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
  /** What it belongs to, as a reader names it: a document's title and version, or the decision. */
  belongsTo: string;
};

/**
 * What the package does with an attachment: the PDF appends it after its own pages, or says why not;
 * the DOCX appends none and lists a PDF as only listed.
 */
export type AttachmentFate = "appended" | "not_pdf" | "encrypted" | "unreadable" | "listed_only";

/** A basis document at the version the package shows. */
export type PackageDocument = {
  deliverable: Parameters<typeof deliverableDocument>[0]["deliverable"];
  version: DeliverableVersion;
} & (
  | { /** Before the decision: the latest fastställd version, or the latest when none is. */ basis: "approved" | "latest" }
  | {
      /** After it: the version frozen in the basis, its status then, and whether its text still has the frozen hash. */
      basis: "frozen";
      frozenStatus: string;
      frozenHash: string;
    }
);

type Common = {
  locale: Locale;
  exportedAt: Date;
  initiative: { id: string; name: string };
  organisationName: string;
  milestone: Milestone;
  documents: readonly PackageDocument[];
  attachments: readonly (Omit<PackageAttachment, "bytes"> & { fate: AttachmentFate })[];
};

export type DecisionPackageInput =
  | (Common & {
      kind: "underlag";
      preparations: readonly { decisionPointId: string; proposal: string; preparedAt: string; preparedByName: string | null }[];
      readiness: { ready: boolean; missing: readonly string[] };
      /** The basis document types in the method's order, with whether each is required, for the list of documents. */
      basisTypes: readonly { deliverableTypeId: string; required: boolean }[];
    })
  | (Common & {
      kind: "protokoll";
      decision: {
        outcome: string;
        current: boolean;
        decisionPoints: readonly { id: string; answer: string; motivation: string }[];
        conditions: readonly { text: string; owner: string; dueDate: string }[];
        decidedBy: { name: string };
        decidedOn: string;
        createdAt: string;
        minutes: string;
        diarienummer: string | null;
        incompleteBasisReason: string | null;
        basisHash: string;
        decisionHash: string | null;
      };
    });

const languages: Record<Locale, DocumentLanguage> = { sv: "sv-SE", en: "en-GB" };

const typeName = (locale: Locale, id: string) => deliverableType(methodV12, id)?.name[locale] ?? id;

export function decisionPackageDocument(input: DecisionPackageInput): DocumentDraft {
  const { locale, milestone, initiative } = input;
  const m = messagesFor(locale);
  const t = m.decisionPackage;
  const names = { numeral: milestone.numeral, name: milestone.name[locale] };
  const title = format(input.kind === "underlag" ? t.underlagTitle : t.protokollTitle, names);
  const facts: [string, string][] = [
    [t.initiative, initiative.name],
    [t.organisation, input.organisationName],
    [t.milestone, format(t.milestoneValue, names)],
  ];
  const blocks: (Block | ChartBlock)[] = [];
  if (input.kind === "underlag") {
    facts.push([t.preparedBy, milestone.preparedBy[locale]], [t.decidedByRole, milestone.decidedBy.text[locale]]);
    blocks.push(factTable(t, facts), ...underlagParts(input, m));
  } else {
    blocks.push(factTable(t, facts), ...protokollParts(input, m));
  }
  blocks.push(...attachmentsPart(input, m));
  for (const document of input.documents) blocks.push(...documentPart(input, document, m));
  return {
    title,
    language: languages[locale],
    subject: format(input.kind === "underlag" ? t.underlagSubject : t.protokollSubject, { initiative: initiative.name }),
    author: input.organisationName,
    createdAt: input.exportedAt,
    metadata: [format(t.exportedAt, { date: formatDateTime(locale, input.exportedAt) })],
    blocks,
    outline: true,
  };
}

type T = Messages["decisionPackage"];

const factTable = (t: T, rows: [string, string][]): Block => ({ kind: "table", header: [t.fact, t.value], rows });

function underlagParts(input: Extract<DecisionPackageInput, { kind: "underlag" }>, m: Messages): Block[] {
  const { locale, milestone } = input;
  const t = m.decisionPackage;
  const points = milestone.decisionPoints.map((dp) => {
    const p = input.preparations.find((x) => x.decisionPointId === dp.id);
    const when = p ? formatDateTime(locale, p.preparedAt) : "";
    const prepared = p ? (p.preparedByName ? format(t.preparedByOn, { name: p.preparedByName, date: when }) : when) : t.unprepared;
    return [dp.text[locale], p?.proposal ?? "–", prepared];
  });
  const documents = input.basisTypes.flatMap(({ deliverableTypeId, required }) => {
    const requirement = required ? t.required : t.optional;
    const ofType = input.documents.filter((d) => d.deliverable.typeId === deliverableTypeId);
    if (ofType.length === 0) return [["–", typeName(locale, deliverableTypeId), requirement, "–", t.notCreated]];
    return ofType.map((d) => [
      d.deliverable.title,
      typeName(locale, deliverableTypeId),
      requirement,
      String(d.version.version),
      d.basis === "approved" ? t.approvedVersion : t.latestVersion,
    ]);
  });
  return [
    { kind: "heading", level: 2, text: t.decisionPoints },
    { kind: "table", header: [t.decisionPoint, t.proposal, t.prepared], rows: points },
    { kind: "heading", level: 2, text: t.readiness },
    { kind: "paragraph", text: input.readiness.ready ? t.ready : t.notReady },
    ...(input.readiness.missing.length ? [{ kind: "list" as const, items: input.readiness.missing }] : []),
    { kind: "heading", level: 2, text: t.basisHeading },
    { kind: "paragraph", text: t.basisIntro },
    { kind: "table", header: [t.document, t.documentType, t.requirement, t.version, t.basisStatus], rows: documents },
  ];
}

function protokollParts(input: Extract<DecisionPackageInput, { kind: "protokoll" }>, m: Messages): Block[] {
  const { locale, milestone, decision: d } = input;
  const t = m.decisionPackage;
  const outcomes = t.outcomes as Record<string, string>;
  const answers = t.answers as Record<string, string>;
  const facts: [string, string][] = [
    [t.outcome, outcomes[d.outcome] ?? d.outcome],
    [t.decidedOn, formatDate(locale, `${d.decidedOn}T12:00:00Z`)],
    [t.decidedBy, d.decidedBy.name],
    [t.recordedAt, formatDateTime(locale, d.createdAt)],
    [t.diarienummer, d.diarienummer ?? t.noDiarienummer],
    [t.validity, d.current ? t.current : t.superseded],
    ...(d.minutes ? [[t.minutes, d.minutes] as [string, string]] : []),
    ...(d.incompleteBasisReason ? [[t.incompleteBasis, d.incompleteBasisReason] as [string, string]] : []),
  ];
  const points = milestone.decisionPoints.map((dp) => {
    const a = d.decisionPoints.find((x) => x.id === dp.id);
    return [dp.text[locale], a ? (answers[a.answer.toLowerCase()] ?? a.answer) : "–", a?.motivation || "–"];
  });
  const decisionsUrl = `/api/v1/initiatives/${input.initiative.id}/milestones/${milestone.numeral}/decisions`;
  const frozen = input.documents.map((doc) => [
    doc.deliverable.title,
    typeName(locale, doc.deliverable.typeId),
    String(doc.version.version),
    doc.basis === "frozen" ? doc.frozenHash : doc.version.contentHash,
  ]);
  return [
    { kind: "heading", level: 2, text: t.outcomeHeading },
    factTable(t, facts),
    { kind: "heading", level: 2, text: t.decisionPoints },
    { kind: "table", header: [t.decisionPoint, t.answer, t.motivation], rows: points },
    { kind: "heading", level: 2, text: t.conditions },
    d.conditions.length
      ? {
          kind: "table",
          header: [t.condition, t.conditionOwner, t.conditionDue],
          rows: d.conditions.map((c) => [c.text, c.owner, c.dueDate]),
        }
      : { kind: "paragraph", text: t.noConditions },
    { kind: "heading", level: 2, text: t.hashHeading },
    factTable(t, [[t.basisHash, d.basisHash], ...(d.decisionHash ? [[t.decisionHash, d.decisionHash] as [string, string]] : [])]),
    { kind: "paragraph", text: format(t.howToCheck, { url: decisionsUrl }) },
    { kind: "paragraph", text: t.howToCheckDecision },
    { kind: "heading", level: 2, text: t.basisHeading },
    { kind: "paragraph", text: t.protokollBasisIntro },
    { kind: "table", header: [t.document, t.documentType, t.version, t.contentHash], rows: frozen },
  ];
}

function attachmentsPart(input: DecisionPackageInput, m: Messages): Block[] {
  const t = m.decisionPackage;
  const count = (n: number) => format(t.bytes, { count: n.toLocaleString(input.locale === "sv" ? "sv-SE" : "en-GB") });
  const fates: Record<AttachmentFate, string> = {
    appended: t.appendedAfter,
    not_pdf: t.notAppended,
    encrypted: t.encrypted,
    unreadable: t.unreadable,
    listed_only: t.listedOnly,
  };
  return [
    { kind: "heading", level: 2, text: t.attachmentsHeading },
    input.attachments.length
      ? {
          kind: "table",
          header: [t.attachmentName, t.attachmentType, t.attachmentSize, t.attachmentSha256, t.attachmentBelongsTo, t.attachmentNote],
          rows: input.attachments.map((a) => [a.filename, a.contentType, count(a.size), a.sha256, a.belongsTo, fates[a.fate]]),
        }
      : { kind: "paragraph", text: t.noAttachments },
    ...(input.attachments.some((a) => a.fate === "appended") ? [{ kind: "paragraph" as const, text: t.appendedNote }] : []),
  ];
}

/** A basis document on its own pages: its title as a level-1 heading, which version it is, then the document as its export has it. */
function documentPart(input: DecisionPackageInput, document: PackageDocument, m: Messages): (Block | ChartBlock)[] {
  const t = m.decisionPackage;
  const draft = deliverableDocument({
    deliverable: document.deliverable,
    version: document.version,
    locale: input.locale,
    exportedAt: input.exportedAt,
    initiativeName: input.initiative.name,
    organisationName: input.organisationName,
  });
  const { version } = document.version;
  const note =
    document.basis === "frozen"
      ? format(t.frozenVersionNote, {
          version,
          status: (m.initiatives.deliverableStatus as Record<string, string>)[document.frozenStatus] ?? document.frozenStatus,
        })
      : format(t.versionNote, { version, basis: document.basis === "approved" ? t.approvedVersion : t.latestVersion });
  const changed = document.basis === "frozen" && document.frozenHash !== document.version.contentHash;
  return [
    { kind: "pageBreak" },
    { kind: "heading", level: 1, text: draft.title },
    { kind: "paragraph", text: note },
    ...(changed ? [{ kind: "paragraph" as const, text: t.versionChanged }] : []),
    ...draft.blocks,
  ];
}
