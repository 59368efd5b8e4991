import type { AttachmentFiles } from "../../../db/attachment-files.ts";
import type { Database } from "../../../db/database.ts";
import { attachmentsOfDecision, attachmentsOfVersions } from "../../../db/repositories/attachment-repository.ts";
import type { Actor } from "../../../domain/access/actor.ts";
import { getDeliverable } from "../../../domain/deliverables/deliverables.ts";
import { readableInitiative } from "../../../domain/initiatives/read-initiatives.ts";
import { milestoneOrThrow } from "../../../domain/milestones/decide-milestone.ts";
import { getReadiness, listDecisions } from "../../../domain/milestones/milestone-queries.ts";
import { getOrganisation } from "../../../domain/organisations/read-organisations.ts";
import { notFound } from "../../../domain/shared/domain-error.ts";
import {
  type DecisionPackageInput,
  decisionPackageDocument,
  type PackageAttachment,
  type PackageDocument,
} from "../../../exports/decision-package.ts";
import { decisionPackageFile, prepareAttachments } from "../../../exports/decision-package-file.ts";
import type { ExportFile, ExportFormat } from "../../../exports/export-file.ts";
import { format as fill, type Locale, messagesFor } from "../../../i18n/index.ts";
import type { Milestone } from "../../../method/types.ts";
import { missingText } from "../../../ui/pages/milestones/milestone-texts.ts";

type Ctx = { db: Database; actor: Actor };

/** A document of the package with the id its attachments are stored under. */
type LoadedDocument = PackageDocument & { deliverableId: string };

/**
 * A milestone's decision package as a file, for the API and the page alike: the beslutsunderlag while
 * the milestone is undecided, the beslutsprotokoll of the current decision once it is decided, or of
 * the decision asked for (a superseded one). Reading goes through the initiative, so an outsider gets
 * 404, and a decision id that is not one of this milestone's decisions is 404 too.
 */
export async function decisionPackageExport({
  db,
  actor,
  locale,
  now,
  initiativeId,
  numeral,
  decisionId,
  format,
  files = null,
}: Ctx & {
  locale: Locale;
  now: Date;
  initiativeId: string;
  numeral: string;
  decisionId?: string | undefined;
  format: ExportFormat;
  /** Where attachments stored outside the database are (ATTACHMENT_DIR); null when all are in it. */
  files?: AttachmentFiles | null;
}): Promise<ExportFile> {
  const initiative = await readableInitiative({ db, actor }, initiativeId);
  const milestone = milestoneOrThrow(numeral);
  const [organisation, decisions] = await Promise.all([
    getOrganisation({ db, actor, organisationId: initiative.organisationId }),
    listDecisions({ db, actor, initiativeId, numeral: milestone.numeral }),
  ]);
  const decision = decisionId === undefined ? decisions.find((d) => d.current) : decisions.find((d) => d.id === decisionId);
  if (decisionId !== undefined && !decision) throw notFound("decision");

  const m = messagesFor(locale);
  const ctx = { db, actor, now };
  const readiness = decision ? null : await getReadiness({ db, actor, initiativeId, numeral: milestone.numeral });
  const documents = decision
    ? await frozenDocuments(ctx, milestone, decision.basisSnapshot.deliverables)
    : await basisDocuments(ctx, readiness?.basis ?? []);
  const attachments = await prepareAttachments(
    await packageAttachments(db, {
      documents,
      decision: decision ? { id: decision.id, numeral: milestone.numeral, recordedAt: decision.createdAt } : null,
      locale,
      files,
    }),
    (name) => fill(m.decisionPackage.attachmentBookmark, { name }),
    { format },
  );
  const common = {
    locale,
    exportedAt: now,
    initiative: { id: initiative.id, name: initiative.name },
    organisationName: organisation.name,
    milestone,
    documents,
  };

  let input: (listed: DecisionPackageInput["attachments"]) => DecisionPackageInput;
  let fileTitle: string;
  if (decision) {
    input = (listed) => ({ ...common, attachments: listed, kind: "protokoll", decision });
    fileTitle = `${m.decisionPackage.protokollFile} ${milestone.numeral} ${initiative.name} ${decision.decidedOn}`;
  } else {
    input = (listed) => ({
      ...common,
      attachments: listed,
      kind: "underlag",
      preparations: readiness?.preparations ?? [],
      readiness: {
        ready: readiness?.ready ?? false,
        missing: (readiness?.missing ?? []).map((item) => missingText(m, locale, milestone, item)),
      },
      basisTypes: milestone.basis,
    });
    fileTitle = `${m.decisionPackage.underlagFile} ${milestone.numeral} ${initiative.name}`;
  }
  // The charts as pictures, drawn here from the page's own SVG: exports/ never imports ui.
  return decisionPackageFile(
    async (listed) => (await import("./chart-pictures.ts")).drawCharts(decisionPackageDocument(input(listed)), locale),
    format,
    fileTitle,
    attachments,
  );
}

/**
 * The attachments of the package with their bytes: those of each document at the version in the
 * package (in the package's order; for a protokoll only those attached before the decision was
 * recorded), then those of the decision (the signed protokoll comes after it by nature). The caller has read the initiative,
 * so access is settled; the store does not check it.
 */
export async function packageAttachments(
  db: Database,
  of: {
    documents: readonly LoadedDocument[];
    /** The decision the package records, with when it was recorded (ISO): the basis is shown as it was then. */
    decision: { id: string; numeral: string; recordedAt: string } | null;
    locale: Locale;
    files: AttachmentFiles | null;
  },
): Promise<PackageAttachment[]> {
  const m = messagesFor(of.locale).decisionPackage;
  const refs = of.documents.map((d) => ({ deliverableId: d.deliverableId, version: d.version.version, title: d.deliverable.title }));
  // A protokoll shows the basis as it was decided on: a file attached to a frozen version afterwards was not part of it.
  const decidedAt = of.decision ? Date.parse(of.decision.recordedAt) : Number.POSITIVE_INFINITY;
  const ofDocuments = (await attachmentsOfVersions(db, refs, of.files)).filter((a) => a.createdAt.getTime() <= decidedAt);
  const ofDecision = of.decision ? await attachmentsOfDecision(db, of.decision.id, of.files) : [];
  const belongsTo = (a: (typeof ofDocuments)[number]) => {
    if (a.decisionId !== null) return fill(m.attachmentOfDecision, { numeral: of.decision?.numeral ?? "" });
    const ref = refs.find((r) => r.deliverableId === a.deliverableId);
    return fill(m.attachmentOfDocument, { title: ref?.title ?? "", version: a.version ?? "" });
  };
  return [...ofDocuments, ...ofDecision].map((a) => ({
    filename: a.filename,
    contentType: a.contentType,
    size: a.size,
    sha256: a.sha256,
    bytes: a.bytes,
    belongsTo: belongsTo(a),
  }));
}

/** Before the decision: each basis document, in the method's order, at the version a decision now would be taken on. */
async function basisDocuments(
  ctx: Ctx & { now: Date },
  basis: Awaited<ReturnType<typeof getReadiness>>["basis"],
): Promise<LoadedDocument[]> {
  const documents: LoadedDocument[] = [];
  for (const entry of basis) {
    for (const doc of entry.deliverables) {
      const deliverable = await getDeliverable({ ...ctx, deliverableId: doc.id });
      const version = deliverable.versions.find((v) => v.version === doc.version);
      if (version) documents.push({ deliverableId: deliverable.id, deliverable, version, basis: doc.approved ? "approved" : "latest" });
    }
  }
  return documents;
}

/** After it: the documents frozen in the decision's basis, at their frozen versions, in the method's order of basis types. */
async function frozenDocuments(
  ctx: Ctx & { now: Date },
  milestone: Milestone,
  frozen: readonly { deliverableId: string; typeId: string; version: number; status: string; contentHash: string }[],
): Promise<LoadedDocument[]> {
  const order = (typeId: string) => {
    const i = milestone.basis.findIndex((b) => b.deliverableTypeId === typeId);
    return i < 0 ? milestone.basis.length : i;
  };
  const documents: LoadedDocument[] = [];
  for (const f of [...frozen].sort((a, b) => order(a.typeId) - order(b.typeId))) {
    const deliverable = await getDeliverable({ ...ctx, deliverableId: f.deliverableId });
    const version = deliverable.versions.find((v) => v.version === f.version);
    if (version)
      documents.push({
        deliverableId: deliverable.id,
        deliverable,
        version,
        basis: "frozen",
        frozenStatus: f.status,
        frozenHash: f.contentHash,
      });
  }
  return documents;
}
