import type { Database } from "../../db/database.ts";
import {
  type DeliverableVersionRow,
  findDeliverable,
  insertDeliverable,
  insertDeliverableVersion,
  latestVersion,
  lockDeliverable,
  setVersionStatus,
  versionsOf,
  writeVersionText,
} from "../../db/repositories/deliverable-repository.ts";
import { findOrganisationById } from "../../db/repositories/organisation-repository.ts";
import { reviewsOf } from "../../db/repositories/review-repository.ts";
import { membersAmong, membersOfOrganisation, usersByIds } from "../../db/repositories/user-repository.ts";
import { deliverableType } from "../../method/lookup.ts";
import { methodV12 } from "../../method/v1.2/index.ts";
import { authorize, can } from "../access/policy.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { readableInitiative, workableInitiative } from "../initiatives/read-initiatives.ts";
import { approvalsOfText, approvers, pendingReviewers, type Review } from "../reviews/review-rules.ts";
import { contentHash } from "../shared/content-hash.ts";
import { DomainError, notFound } from "../shared/domain-error.ts";
import type { UseCaseContext } from "../shared/use-case.ts";
import { currentGeneratedTables } from "./current-generated-tables.ts";
import { asEntityTag, deliverableEtag, ifMatchAllows } from "./deliverable-etag.ts";
import type { CreateDeliverableInput, EditSectionsInput } from "./deliverable-input.ts";
import {
  type ApprovalBlockers,
  approvalBlockers,
  checkStatusChange,
  type DeliverableStatus,
  editCreatesNewVersion,
  isBlocked,
  secondApprover,
} from "./deliverable-status.ts";
import type { GeneratedTables } from "./generated-tables.ts";

type Ctx = Pick<UseCaseContext, "db" | "actor">;

/** A deliverable record starts from its type's template: one empty Markdown text per section. */
export async function createDeliverable({
  db,
  actor,
  now,
  initiativeId,
  input,
}: UseCaseContext & { initiativeId: string; input: CreateDeliverableInput }) {
  const initiative = await workableInitiative({ db, actor }, initiativeId);
  const type = deliverableType(methodV12, input.deliverableTypeId);
  if (!type) {
    throw new DomainError("VALIDATION_FAILED", "unknown deliverable type", {
      fields: [{ path: ["deliverableTypeId"], code: "unknown_deliverable_type", message: "unknown deliverable type" }],
    });
  }
  return db.transaction(async (tx) => {
    if (input.ownerId) {
      const members = await membersOfOrganisation(tx, initiative.organisationId);
      if (!members.some((m) => m.userId === input.ownerId)) {
        throw new DomainError("VALIDATION_FAILED", "owner is not a member", {
          fields: [{ path: ["ownerId"], code: "not_member", message: "not a member of the organisation" }],
        });
      }
    }
    const sections = Object.fromEntries(type.template.map((s) => [s.id, ""]));
    const doc = await insertDeliverable(tx, {
      initiativeId,
      typeId: type.id,
      title: input.title ?? type.name.sv,
      ownerId: input.ownerId ?? actor.userId,
      createdAt: now,
    });
    const version = await insertDeliverableVersion(tx, {
      deliverableId: doc.id,
      version: 1,
      status: "utkast",
      sections,
      contentHash: contentHash(sections),
      createdAt: now,
      createdBy: actor.userId,
      lastEditedBy: actor.userId,
      updatedAt: now,
    });
    await recordAudit(
      tx,
      actor,
      {
        action: "deliverable.create",
        entityType: "deliverable",
        entityId: doc.id,
        organisationId: initiative.organisationId,
        after: { ...doc, version },
      },
      now,
    );
    return getDeliverable({ db: tx, actor, deliverableId: doc.id });
  });
}

/** A deliverable and its initiative, when the actor may read it; not found otherwise (another organisation's too). */
export async function readableDeliverable(ctx: Ctx, deliverableId: string) {
  const doc = await findDeliverable(ctx.db, deliverableId);
  if (!doc) throw notFound("deliverable");
  const initiative = await readableInitiative(ctx, doc.initiativeId);
  return { doc, initiative };
}

type PersonView = { id: string; name: string | null } | null;

/**
 * A review as shown: who asked whom about which version, each answer, and whether an approval
 * speaks for the latest text as it is now (an edit since makes it about an earlier text).
 */
function reviewView(
  review: Review,
  person: (id: string | null) => PersonView,
  latest: { version: number; contentHash: string } | undefined,
) {
  return {
    id: review.id,
    version: review.version,
    requestedBy: person(review.requestedBy),
    requestedAt: review.requestedAt.toISOString(),
    reviewers: review.reviewers.map((a) => ({
      reviewer: person(a.reviewerId),
      verdict: a.verdict,
      note: a.verdict === null ? null : a.note,
      decidedAt: a.verdict === null ? null : a.decidedAt.toISOString(),
      onCurrentText:
        a.verdict !== null && latest !== undefined && review.version === latest.version && a.contentHash === latest.contentHash,
    })),
  };
}

/** A deliverable with every version (newest last) and its template's headings and guidance. */
export async function getDeliverable(ctx: Ctx & { deliverableId: string; now?: Date | undefined }) {
  const { doc, initiative } = await readableDeliverable(ctx, ctx.deliverableId);
  const type = deliverableType(methodV12, doc.typeId);
  const [versions, reviews] = await Promise.all([versionsOf(ctx.db, [doc.id]), reviewsOf(ctx.db, [doc.id])]);
  const roles = ctx.actor.memberships.get(initiative.organisationId) ?? [];
  const latest = versions[versions.length - 1];
  const approvals = latest
    ? approvalsOfText(reviews, latest, await membersAmong(ctx.db, initiative.organisationId, approvers(reviews)))
    : [];
  const people = [
    ...versions.flatMap((v) => [v.createdBy, v.lastEditedBy, v.approvedBy, v.secondApproverId]),
    ...reviews.flatMap((r) => [r.requestedBy, ...r.reviewers.map((a) => a.reviewerId)]),
  ].filter((id): id is string => id !== null);
  const names = new Map((await usersByIds(ctx.db, [...new Set(people)])).map((u) => [u.id, u.name]));
  /** A person on a version; name null when the account has been removed since. */
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? null } : null);
  const mayApprove = latest ? checkStatusChange(latest.status as DeliverableStatus, "faststalld", roles).ok : false;
  const organisation = mayApprove ? await findOrganisationById(ctx.db, initiative.organisationId) : undefined;
  const blockers =
    latest && mayApprove
      ? approvalBlockers({
          template: type?.template ?? [],
          version: { ...latest, sections: latest.sections as Record<string, string> },
          actorId: ctx.actor.userId,
          requiresSecondApprover: organisation?.requiresSecondApprover ?? true,
          reviewApprovals: approvals,
        })
      : null;
  return {
    id: doc.id,
    initiativeId: doc.initiativeId,
    organisationId: initiative.organisationId,
    typeId: doc.typeId,
    title: doc.title,
    ownerId: doc.ownerId,
    createdAt: doc.createdAt.toISOString(),
    /** The latest version's entity tag: send it back as If-Match (or baseEtag) to change what you read. */
    etag: latest ? deliverableEtag(latest) : null,
    template: (type?.template ?? []).map((s) => ({ id: s.id, heading: s.heading, guidance: s.guidance, required: s.required })),
    versions: versions.map((v) => ({
      version: v.version,
      status: v.status as DeliverableStatus,
      sections: v.sections as Record<string, string>,
      contentHash: v.contentHash,
      createdAt: v.createdAt.toISOString(),
      updatedAt: v.updatedAt.toISOString(),
      approvedAt: v.approvedAt?.toISOString() ?? null,
      createdBy: person(v.createdBy),
      /** Who last wrote the text; with createdBy, the version's authors (versionAuthors). */
      lastEditedBy: person(v.lastEditedBy),
      approvedBy: person(v.approvedBy),
      /** The reviewer whose approval was the second person when an author fastställde it. */
      secondApprover: person(v.secondApproverId),
      generated: (v.generated as GeneratedTables | null) ?? null,
    })),
    reviews: reviews.map((r) => reviewView(r, person, latest)),
    currentGenerated: await currentGeneratedTables(ctx.db, doc.initiativeId, doc.typeId, ctx.now ?? new Date()),
    permissions: {
      edit: can(ctx.actor, { action: "initiative:work", organisationId: initiative.organisationId }),
      submit: latest ? checkStatusChange(latest.status as DeliverableStatus, "for_granskning", roles).ok : false,
      /** The actor may fastställa the latest version now: role, status and the blockers below all allow it. */
      approve: mayApprove && blockers !== null && !isBlocked(blockers),
      /** The actor may ask named members to review the latest version (the team, while it is not fastställd). */
      requestReview:
        latest !== undefined &&
        latest.status !== "faststalld" &&
        can(ctx.actor, { action: "initiative:work", organisationId: initiative.organisationId }),
      /** The actor may comment: the team, and anyone asked to review the document. */
      comment:
        can(ctx.actor, { action: "initiative:work", organisationId: initiative.organisationId }) ||
        reviews.some((r) => r.reviewers.some((a) => a.reviewerId === ctx.actor.userId)),
      /** Reviews of the latest version waiting for the actor's answer. */
      answerReviews:
        latest && latest.status !== "faststalld" && pendingReviewers(reviews, latest.version).includes(ctx.actor.userId)
          ? reviews
              .filter((r) => r.version === latest.version && r.reviewers.some((a) => a.reviewerId === ctx.actor.userId))
              .map((r) => r.id)
          : [],
    },
    /**
     * What keeps the actor from fastställa the latest version although role and status would allow
     * it (null where they do not): required sections still empty, and whether she wrote it herself
     * in an organisation that requires a second person.
     */
    approvalBlockers: blockers satisfies ApprovalBlockers | null,
  };
}

/** The If-Match values a change must satisfy: the header's and the body's baseEtag, whichever were sent. */
function preconditions(ifMatch: string | undefined, baseEtag: string | undefined): string[] {
  return [ifMatch, baseEtag === undefined ? undefined : asEntityTag(baseEtag)].filter((v): v is string => v !== undefined);
}

/** Refuses the change when the caller read a state that is no longer the latest. */
function checkPreconditions(expected: readonly string[], latest: DeliverableVersionRow) {
  const current = deliverableEtag(latest);
  if (expected.some((e) => !ifMatchAllows(e, current))) {
    throw new DomainError("EDIT_CONFLICT", `the document changed since it was read; it is now ${current}: read it again`);
  }
}

/**
 * The latest version under the deliverable's lock, so a change decides on what the change before
 * it committed, never on a stale read.
 */
export async function lockedLatest(tx: Database, deliverableId: string) {
  if (!(await lockDeliverable(tx, deliverableId))) throw notFound("deliverable");
  const latest = await latestVersion(tx, deliverableId);
  if (!latest) throw notFound("deliverable version");
  return latest;
}

/**
 * Saves section texts. A draft or a version under review is changed in place (and returns to
 * utkast); a fastställd version is kept as it is and the edit becomes the next version, in utkast.
 * The sections sent are merged into the latest version as it is under the lock, so people saving
 * different sections at once all keep their text; a caller who sends the ETag it read (If-Match or
 * baseEtag) is refused with EDIT_CONFLICT instead when anything changed since.
 */
export async function editDeliverable({
  db,
  actor,
  now,
  deliverableId,
  input,
  ifMatch,
}: UseCaseContext & { deliverableId: string; input: EditSectionsInput; ifMatch?: string | undefined }) {
  const { doc, initiative } = await readableDeliverable({ db, actor }, deliverableId);
  authorize(actor, { action: "initiative:work", organisationId: initiative.organisationId });
  const type = deliverableType(methodV12, doc.typeId);
  const known = new Set(type?.template.map((s) => s.id));
  const unknown = Object.keys(input.sections).filter((k) => !known.has(k));
  if (unknown.length) {
    throw new DomainError("VALIDATION_FAILED", "unknown sections", {
      fields: unknown.map((k) => ({
        path: ["sections", k],
        code: "unknown_section",
        message: "not a section of this document's template",
      })),
    });
  }
  const expected = preconditions(ifMatch, input.baseEtag);
  await db.transaction(async (tx) => {
    const latest = await lockedLatest(tx, deliverableId);
    checkPreconditions(expected, latest);
    const sections = { ...(latest.sections as Record<string, string>), ...input.sections };
    const hash = contentHash(sections);
    if (hash === latest.contentHash) return;
    if (editCreatesNewVersion(latest.status as DeliverableStatus)) {
      const created = await insertDeliverableVersion(tx, {
        deliverableId,
        version: latest.version + 1,
        status: "utkast",
        sections,
        contentHash: hash,
        createdAt: now,
        createdBy: actor.userId,
        lastEditedBy: actor.userId,
        updatedAt: now,
      });
      await recordAudit(
        tx,
        actor,
        {
          action: "deliverable.new_version",
          entityType: "deliverable",
          entityId: deliverableId,
          organisationId: initiative.organisationId,
          before: { version: latest.version },
          after: created,
        },
        now,
      );
      return;
    }
    const updated = await writeVersionText(tx, latest.id, {
      sections,
      contentHash: hash,
      status: "utkast",
      updatedAt: now,
      lastEditedBy: actor.userId,
    });
    if (!updated) throw new Error("update deliverable_versions under the deliverable's lock changed nothing");
    await recordAudit(
      tx,
      actor,
      {
        action: "deliverable.edit",
        entityType: "deliverable",
        entityId: deliverableId,
        organisationId: initiative.organisationId,
        before: latest,
        after: updated,
      },
      now,
    );
  });
  return getDeliverable({ db, actor, deliverableId });
}

/**
 * Moves the latest version through review. Under the deliverable's lock the transition is checked
 * against the status as it is now, so of two changes at once the second is judged after the first
 * (and refused when it no longer applies); the audit records only a change that was written.
 */
export async function changeDeliverableStatus({
  db,
  actor,
  now,
  deliverableId,
  status,
  baseEtag,
  ifMatch,
}: UseCaseContext & { deliverableId: string; status: DeliverableStatus; baseEtag?: string | undefined; ifMatch?: string | undefined }) {
  const { doc, initiative } = await readableDeliverable({ db, actor }, deliverableId);
  authorize(actor, { action: "initiative:work", organisationId: initiative.organisationId });
  const expected = preconditions(ifMatch, baseEtag);
  await db.transaction(async (tx) => {
    const latest = await lockedLatest(tx, deliverableId);
    checkPreconditions(expected, latest);
    const verdict = checkStatusChange(latest.status as DeliverableStatus, status, actor.memberships.get(initiative.organisationId) ?? []);
    let reviewApprovals: string[] = [];
    let secondPerson: string | null = null;
    if (!verdict.ok) {
      throw verdict.reason === "role_may_not_approve"
        ? new DomainError("FORBIDDEN", "only the projektledare or the verksamhetsägare may fastställa a document")
        : new DomainError("STATUS_CHANGE_NOT_ALLOWED", `a ${latest.status} version cannot become ${status}`);
    }
    if (status === "faststalld") {
      // Judged under the lock on the version as it is now, with the organisation's setting as it is now.
      const organisation = await findOrganisationById(tx, initiative.organisationId);
      const reviews = await reviewsOf(tx, [deliverableId]);
      reviewApprovals = approvalsOfText(reviews, latest, await membersAmong(tx, initiative.organisationId, approvers(reviews)));
      const blockers = approvalBlockers({
        template: deliverableType(methodV12, doc.typeId)?.template ?? [],
        version: { ...latest, sections: latest.sections as Record<string, string> },
        actorId: actor.userId,
        requiresSecondApprover: organisation?.requiresSecondApprover ?? true,
        reviewApprovals,
      });
      secondPerson = secondApprover({
        version: latest,
        actorId: actor.userId,
        requiresSecondApprover: organisation?.requiresSecondApprover ?? true,
        reviewApprovals,
      });
      if (blockers.missingSections.length) {
        throw new DomainError(
          "REQUIRED_SECTIONS_MISSING",
          "every section the template requires must be written before the version is fastställd",
          {
            fields: blockers.missingSections.map((id) => ({
              path: ["sections", id],
              code: "required_section",
              message: "required before the version can be fastställd",
            })),
          },
        );
      }
      if (blockers.secondPersonRequired) {
        throw new DomainError(
          "SECOND_PERSON_REQUIRED",
          "the organisation requires a second person: someone who did not write this version must fastställa it",
        );
      }
    }
    const updated = await setVersionStatus(
      tx,
      latest.id,
      {
        status,
        ...(status === "faststalld"
          ? // Under the deliverable's lock: the tables frozen are those of this moment.
            {
              approvedAt: now,
              approvedBy: actor.userId,
              secondApproverId: secondPerson,
              generated: await currentGeneratedTables(tx, doc.initiativeId, doc.typeId, now),
            }
          : {}),
      },
      latest.status,
    );
    // The lock makes this unreachable; should a writer ever bypass it, nothing is recorded that did not happen.
    if (!updated) throw new DomainError("EDIT_CONFLICT", "the document changed while its status was being changed: read it again");
    await recordAudit(
      tx,
      actor,
      {
        action: "deliverable.status",
        entityType: "deliverable",
        entityId: deliverableId,
        organisationId: initiative.organisationId,
        before: { version: latest.version, status: latest.status },
        after: {
          version: updated.version,
          status: updated.status,
          ...(updated.status === "faststalld"
            ? { approvedBy: updated.approvedBy, approvedAt: updated.approvedAt, secondApproverId: updated.secondApproverId }
            : {}),
        },
      },
      now,
    );
  });
  return getDeliverable({ db, actor, deliverableId });
}
