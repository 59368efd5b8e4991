import type { Database } from "../../../db/database.ts";
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
import { drawCharts } from "./chart-pictures.ts";

type Ctx = { db: Database; actor: Actor };

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
}: Ctx & {
  locale: Locale;
  now: Date;
  initiativeId: string;
  numeral: string;
  decisionId?: string | undefined;
  format: ExportFormat;
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
  const attachments = await prepareAttachments(
    await packageAttachments(db, { initiativeId, numeral: milestone.numeral, decisionId: decision?.id }),
    (name) => fill(m.decisionPackage.attachmentBookmark, { name }),
  );
  const common = {
    locale,
    exportedAt: now,
    initiative: { id: initiative.id, name: initiative.name },
    organisationName: organisation.name,
    milestone,
    attachments: attachments.listed,
  };

  let input: DecisionPackageInput;
  let fileTitle: string;
  if (decision) {
    input = {
      ...common,
      kind: "protokoll",
      decision,
      documents: await frozenDocuments(ctx, milestone, decision.basisSnapshot.deliverables),
    };
    fileTitle = `${m.decisionPackage.protokollFile} ${milestone.numeral} ${initiative.name} ${decision.decidedOn}`;
  } else {
    const readiness = await getReadiness({ db, actor, initiativeId, numeral: milestone.numeral });
    input = {
      ...common,
      kind: "underlag",
      preparations: readiness.preparations,
      readiness: { ready: readiness.ready, missing: readiness.missing.map((item) => missingText(m, locale, milestone, item)) },
      basisTypes: milestone.basis,
      documents: await basisDocuments(ctx, readiness.basis),
    };
    fileTitle = `${m.decisionPackage.underlagFile} ${milestone.numeral} ${initiative.name}`;
  }
  // The charts as pictures, drawn here from the page's own SVG: exports/ never imports ui.
  const model = await drawCharts(decisionPackageDocument(input), locale);
  return decisionPackageFile(model, format, fileTitle, attachments.appendable);
}

/**
 * The attachments of the package: those of each basis document's version shown and those of the
 * decision. The attachments branch fills this from its store; until then a package has none.
 */
export async function packageAttachments(
  _db: Database,
  _of: { initiativeId: string; numeral: string; decisionId: string | undefined },
): Promise<PackageAttachment[]> {
  return [];
}

/** Before the decision: each basis document, in the method's order, at the version a decision now would be taken on. */
async function basisDocuments(
  ctx: Ctx & { now: Date },
  basis: Awaited<ReturnType<typeof getReadiness>>["basis"],
): Promise<PackageDocument[]> {
  const documents: PackageDocument[] = [];
  for (const entry of basis) {
    for (const doc of entry.deliverables) {
      const deliverable = await getDeliverable({ ...ctx, deliverableId: doc.id });
      const version = deliverable.versions.find((v) => v.version === doc.version);
      if (version) documents.push({ deliverable, version, basis: doc.approved ? "approved" : "latest" });
    }
  }
  return documents;
}

/** After it: the documents frozen in the decision's basis, at their frozen versions, in the method's order of basis types. */
async function frozenDocuments(
  ctx: Ctx & { now: Date },
  milestone: Milestone,
  frozen: readonly { deliverableId: string; typeId: string; version: number; status: string; contentHash: string }[],
): Promise<PackageDocument[]> {
  const order = (typeId: string) => {
    const i = milestone.basis.findIndex((b) => b.deliverableTypeId === typeId);
    return i < 0 ? milestone.basis.length : i;
  };
  const documents: PackageDocument[] = [];
  for (const f of [...frozen].sort((a, b) => order(a.typeId) - order(b.typeId))) {
    const deliverable = await getDeliverable({ ...ctx, deliverableId: f.deliverableId });
    const version = deliverable.versions.find((v) => v.version === f.version);
    if (version) documents.push({ deliverable, version, basis: "frozen", frozenStatus: f.status, frozenHash: f.contentHash });
  }
  return documents;
}
