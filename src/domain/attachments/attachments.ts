import { createHash } from "node:crypto";
import type { AttachmentFiles } from "../../db/attachment-files.ts";
import {
  type AttachmentMeta,
  attachmentBytes,
  attachmentsOfDecisionMeta,
  attachmentsOfDeliverable,
  findAttachment,
  insertAttachment,
} from "../../db/repositories/attachment-repository.ts";
import { findDeliverable, latestVersion, lockDeliverable } from "../../db/repositories/deliverable-repository.ts";
import { findDecisionById } from "../../db/repositories/follow-up-repository.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { permissionsFor, readableInitiative } from "../initiatives/read-initiatives.ts";
import { DomainError, type DomainErrorCode, forbidden, notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { detectAttachmentType, type PdfRefusal, type TypeRefusal } from "./attachment-type.ts";
import { checkFilename, checkSize } from "./upload-rules.ts";
import type { VirusScanner } from "./virus-scan.ts";

type Ctx = Pick<UseCaseContext, "db" | "actor">;

/**
 * How this installation takes uploads: its size limit, ClamAV when configured, where bytes go (null:
 * the database), how a DOCX or XLSX is unpacked to count what it really holds, and how a PDF is read
 * to see that it opens and is not too long (both on a worker thread).
 */
export type UploadSettings = {
  maxBytes: number;
  scanner: VirusScanner | null;
  files: AttachmentFiles | null;
  measureZip: (bytes: Uint8Array) => Promise<TypeRefusal | null>;
  checkPdf: (bytes: Uint8Array) => Promise<PdfRefusal | null>;
};

export type UploadedFile = { filename: string; bytes: Uint8Array };

/** An attachment as the API and the pages show it. */
export type AttachmentView = {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  deliverableId: string | null;
  version: number | null;
  decisionId: string | null;
  scanned: boolean;
  createdAt: string;
  uploadedBy: { id: string; name: string | null } | null;
};

export const attachmentView = (a: AttachmentMeta): AttachmentView => ({
  id: a.id,
  filename: a.filename,
  contentType: a.contentType,
  size: a.size,
  sha256: a.sha256,
  deliverableId: a.deliverableId,
  version: a.version,
  decisionId: a.decisionId,
  scanned: a.scanned,
  createdAt: a.createdAt.toISOString(),
  uploadedBy: a.uploadedBy ? { id: a.uploadedBy, name: a.uploadedByName } : null,
});

/** One refusal of the file, on the form's file field, with the status its code maps to. */
const refuse = (code: DomainErrorCode, fieldCode: string, message: string, cause?: unknown) =>
  new DomainError(code, message, { fields: [{ path: ["file"], code: fieldCode, message }] }, { cause });

/** A too-large upload is refused before its bytes are read whole: the routes call this with what they know. */
export const fileTooLarge = (maxBytes: number) =>
  refuse("ATTACHMENT_TOO_LARGE", "file_too_large", `the file is larger than ${maxBytes} bytes, the most an attachment may be`);

/**
 * Checks an upload in order of cost (size, name, type from the bytes, then the virus scan) and
 * answers the first refusal. A PDF is read last, after the scan, so a file the scanner knows as
 * harmful never reaches the PDF reader. Nothing is stored before every check has passed.
 */
async function checkedUpload(file: UploadedFile, settings: UploadSettings) {
  const sizeProblem = checkSize(file.bytes.length, settings.maxBytes);
  if (sizeProblem === "file_too_large") throw fileTooLarge(settings.maxBytes);
  if (sizeProblem === "empty_file") throw refuse("VALIDATION_FAILED", "empty_file", "the file is empty");
  const name = checkFilename(file.filename);
  if (!name.ok) throw refuse("VALIDATION_FAILED", name.problem, `the file name is refused: ${name.problem}`);
  const typeRefused = (why: TypeRefusal) =>
    refuse("ATTACHMENT_TYPE_NOT_ALLOWED", why.code, `only PDF, DOCX, XLSX, PNG and JPEG are taken: ${why.detail}`);
  const type = detectAttachmentType(file.bytes);
  if (!type.ok) throw typeRefused(type.refusal);
  if (type.kind === "docx" || type.kind === "xlsx") {
    // What the central directory claims passed; now what the entries really unpack to.
    const unpacked = await settings.measureZip(file.bytes);
    if (unpacked) throw typeRefused(unpacked);
  }
  let scanned = false;
  if (settings.scanner) {
    let result: Awaited<ReturnType<VirusScanner>>;
    try {
      result = await settings.scanner(file.bytes);
    } catch (error) {
      // Why it did not answer names its socket or host: logged from the cause, never answered.
      throw refuse(
        "VIRUS_SCAN_UNAVAILABLE",
        "scanner_unavailable",
        "the virus scanner did not answer, so nothing was stored; try again later",
        error,
      );
    }
    if (!result.clean) throw refuse("ATTACHMENT_INFECTED", "infected", `the virus scanner found ${result.signature}: nothing was stored`);
    scanned = true;
  }
  if (type.kind === "pdf") {
    const unreadable = await settings.checkPdf(file.bytes);
    if (unreadable) throw refuse("ATTACHMENT_TYPE_NOT_ALLOWED", unreadable.code, `the PDF is refused: ${unreadable.detail}`);
  }
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  // In a directory the file is written first: if the transaction then fails, an unreferenced file under its hash is harmless.
  if (settings.files) await settings.files.put(sha256, file.bytes);
  return {
    filename: name.filename,
    contentType: type.contentType,
    size: file.bytes.length,
    sha256,
    bytes: settings.files ? null : file.bytes,
    scanned,
  };
}

const versionFrozen = (version: number) =>
  refuse(
    "ATTACHMENT_VERSION_FROZEN",
    "version_frozen",
    `version ${version} is fastställd: what decisions rest on takes no more files; attach it to a new version or to the decision`,
  );

/**
 * Refuses a file for a deliverable whose latest version is fastställd, before the file is read; the
 * upload checks again under the deliverable's lock.
 */
export async function refuseIfFrozen(ctx: Ctx, deliverableId: string) {
  const latest = await latestVersion(ctx.db, deliverableId);
  if (latest?.status === "faststalld") throw versionFrozen(latest.version);
}

/** A deliverable the actor may attach files to: the team's (initiative:work); an outsider gets not found. */
export async function mayAttachToDeliverable(ctx: Ctx, deliverableId: string) {
  const doc = await findDeliverable(ctx.db, deliverableId);
  if (!doc) throw notFound("deliverable");
  const initiative = await readableInitiative(ctx, doc.initiativeId);
  if (!permissionsFor(ctx.actor, initiative).work) throw forbidden("only the team attaches files to documents");
  return { doc, initiative };
}

/**
 * A decision the actor may attach files to (the signed agreement, the protokoll): the initiative's
 * team, and those who decide the milestone it is on.
 */
export async function mayAttachToDecision(ctx: Ctx, decisionId: string) {
  const decision = await findDecisionById(ctx.db, decisionId);
  if (!decision) throw notFound("decision");
  const initiative = await readableInitiative(ctx, decision.initiativeId);
  const permissions = permissionsFor(ctx.actor, initiative);
  if (!permissions.work && !permissions.decide.includes(decision.numeral as (typeof permissions.decide)[number])) {
    throw forbidden("only the team and the milestone's deciders attach files to a decision");
  }
  return { decision, initiative };
}

const audited = async (
  ctx: UseCaseContext,
  tx: UseCaseContext["db"],
  organisationId: string,
  stored: AttachmentMeta,
): Promise<AttachmentView> => {
  const view = attachmentView(stored);
  // The entry names the file and its hash, never its bytes.
  await recordAudit(
    tx,
    ctx.actor,
    { action: "attachment.add", entityType: "attachment", entityId: stored.id, organisationId, after: view },
    ctx.now,
  );
  return view;
};

/** Attaches a file to the deliverable's latest version, for the team, unless that version is fastställd. */
export async function attachToDeliverable(
  ctx: UseCaseContext & { deliverableId: string; file: UploadedFile; settings: UploadSettings },
): Promise<AttachmentView> {
  const { initiative } = await mayAttachToDeliverable(ctx, ctx.deliverableId);
  await refuseIfFrozen(ctx, ctx.deliverableId);
  const checked = await checkedUpload(ctx.file, ctx.settings);
  return ctx.db.transaction(async (tx) => {
    // Under the deliverable's lock, so the file goes to the version that is the latest when it is stored.
    if (!(await lockDeliverable(tx, ctx.deliverableId))) throw notFound("deliverable");
    const latest = await latestVersion(tx, ctx.deliverableId);
    if (!latest) throw notFound("deliverable version");
    if (latest.status === "faststalld") throw versionFrozen(latest.version);
    const stored = await insertAttachment(tx, {
      ...checked,
      initiativeId: initiative.id,
      deliverableId: ctx.deliverableId,
      version: latest.version,
      uploadedBy: ctx.actor.userId,
      createdAt: ctx.now,
    });
    return audited(ctx, tx, initiative.organisationId, stored);
  });
}

/** Attaches a file to a milestone decision (superseded ones too: what was decided then stays documented). */
export async function attachToDecision(
  ctx: UseCaseContext & { decisionId: string; file: UploadedFile; settings: UploadSettings },
): Promise<AttachmentView> {
  const { initiative } = await mayAttachToDecision(ctx, ctx.decisionId);
  const checked = await checkedUpload(ctx.file, ctx.settings);
  return ctx.db.transaction(async (tx) => {
    const stored = await insertAttachment(tx, {
      ...checked,
      initiativeId: initiative.id,
      decisionId: ctx.decisionId,
      uploadedBy: ctx.actor.userId,
      createdAt: ctx.now,
    });
    return audited(ctx, tx, initiative.organisationId, stored);
  });
}

/** Every attachment of a deliverable the actor may read, every version's, oldest first. */
export async function listDeliverableAttachments(ctx: Ctx & { deliverableId: string }): Promise<AttachmentView[]> {
  const doc = await findDeliverable(ctx.db, ctx.deliverableId);
  if (!doc) throw notFound("deliverable");
  await readableInitiative(ctx, doc.initiativeId);
  return (await attachmentsOfDeliverable(ctx.db, doc.id)).map(attachmentView);
}

/** A decision the actor may read, with its initiative and attachments. */
export async function decisionAttachments(ctx: Ctx & { decisionId: string }) {
  const decision = await findDecisionById(ctx.db, ctx.decisionId);
  if (!decision) throw notFound("decision");
  const initiative = await readableInitiative(ctx, decision.initiativeId);
  const attachments = (await attachmentsOfDecisionMeta(ctx.db, decision.id)).map(attachmentView);
  const permissions = permissionsFor(ctx.actor, initiative);
  const mayAttach = permissions.work || permissions.decide.includes(decision.numeral as (typeof permissions.decide)[number]);
  return { decision, initiative, attachments, mayAttach };
}

/** One attachment and its bytes, for whoever may read what it is attached to; an outsider gets not found. */
export async function readAttachment(ctx: Ctx & { attachmentId: string; files: AttachmentFiles | null }) {
  const meta = await findAttachment(ctx.db, ctx.attachmentId);
  if (!meta) throw notFound("attachment");
  await readableInitiative(ctx, meta.initiativeId);
  const bytes = await attachmentBytes(ctx.db, meta.id, ctx.files);
  if (!bytes) throw notFound("attachment");
  return { attachment: attachmentView(meta), bytes };
}
