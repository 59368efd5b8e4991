import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { authorize, can } from "../../../domain/access/policy.ts";
import { ChangeStatusInput, CreateDeliverableInput, EditSectionsInput } from "../../../domain/deliverables/deliverable-input.ts";
import { APPROVING_ROLES } from "../../../domain/deliverables/deliverable-status.ts";
import { changeDeliverableStatus, createDeliverable, editDeliverable, getDeliverable } from "../../../domain/deliverables/deliverables.ts";
import { createInitiative } from "../../../domain/initiatives/create-initiative.ts";
import { ActivityProgressInput, CreateInitiativeInput } from "../../../domain/initiatives/initiative-input.ts";
import { getInitiative, listInitiatives, readableInitiative } from "../../../domain/initiatives/read-initiatives.ts";
import { findActivity, updateActivity } from "../../../domain/initiatives/update-activity.ts";
import { listMembers } from "../../../domain/members/manage-members.ts";
import { getOrganisation, listVisibleOrganisations } from "../../../domain/organisations/read-organisations.ts";
import { DomainError, type FieldIssue } from "../../../domain/shared/domain-error.ts";
import { format, messagesFor } from "../../../i18n/index.ts";
import { phaseByNumber } from "../../../method/lookup.ts";
import { methodV12 } from "../../../method/v1.2/index.ts";
import type { FormErrors } from "../../../ui/page-context.ts";
import { ActivityPage, type ActivityValues } from "../../../ui/pages/initiatives/activity-page.tsx";
import { ApproveDeliverablePage, CONFIRM_FIELD } from "../../../ui/pages/initiatives/approve-deliverable-page.tsx";
import { approveHref, BASE_ETAG_FIELD, DeliverablePage, sectionField } from "../../../ui/pages/initiatives/deliverable-page.tsx";
import { defaultValues, InitiativeFormPage, type NewInitiativeValues } from "../../../ui/pages/initiatives/initiative-form-page.tsx";
import { InitiativeListPage } from "../../../ui/pages/initiatives/initiative-list-page.tsx";
import { InitiativeOverviewPage } from "../../../ui/pages/initiatives/initiative-overview-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { setFlash } from "../../cookies.ts";
import { HTTP_STATUS } from "../../errors/error-map.ts";
import { fieldIssues } from "../../errors/zod-issues.ts";
import { formValues, list, parseForm, str, toFormErrors } from "../../form.ts";
import { pathId } from "../../path-id.ts";
import { requireSession, sendPage } from "../../render.ts";

type InitiativeParams = { Params: { initiativeId: string } };
type ActivityParams = { Params: { initiativeId: string; activityId: string } };
type DeliverableParams = { Params: { deliverableId: string } };

/** Browsers send textarea line breaks as CRLF; stored text uses LF, so an unchanged text hashes the same. */
const normaliseText = (s: string) => s.replace(/\r\n?/g, "\n");

/** Section issues (["sections", id]) belong to that section's textarea. */
const sectionErrors = (issues: FieldIssue[]): FormErrors =>
  issues.map((i) => ({
    field: i.path[0] === "sections" && i.path[1] !== undefined ? sectionField(String(i.path[1])) : "form",
    code: i.code,
  }));

const invalidRequest = (issues: FieldIssue[]) => new DomainError("VALIDATION_FAILED", "the form is not valid", { fields: issues });

/**
 * Initiative pages over the same use cases as the JSON API: the use cases authorise, so an
 * outsider gets 404 and a member without the role 403 before any form is read.
 */
export function initiativesPages({ app, db }: AppScope) {
  app.get("/initiatives", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const { actor } = auth;
    const organisationId = auth.activeOrganisationId;
    const initiatives = await listInitiatives({ db, actor, organisationId: organisationId ?? undefined });
    const organisationNames = organisationId
      ? null
      : new Map((await listVisibleOrganisations({ db, actor })).map((o) => [o.id, o.name] as const));
    const organisationName = organisationId ? (actor.organisations.find((o) => o.id === organisationId)?.name ?? null) : null;
    const canCreate = organisationId ? can(actor, { action: "initiative:create", organisationId }) : false;
    return sendPage(request, reply, (ctx) => (
      <InitiativeListPage
        ctx={ctx}
        initiatives={initiatives}
        organisationName={organisationName}
        organisationNames={organisationNames}
        canCreate={canCreate}
      />
    ));
  });

  /** The organisation the form is for, its members, and the right to start an initiative there. */
  const newInitiativeContext = async (request: FastifyRequest, organisationId: string) => {
    const auth = request.auth;
    if (!auth) throw new DomainError("UNAUTHENTICATED", "login required");
    const organisation = await getOrganisation({ db, actor: auth.actor, organisationId });
    authorize(auth.actor, { action: "initiative:create", organisationId: organisation.id });
    const members = await listMembers({ db, actor: auth.actor, organisationId: organisation.id });
    return { organisation, members };
  };

  const sendForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    context: Awaited<ReturnType<typeof newInitiativeContext>>,
    values: NewInitiativeValues,
    errors?: FormErrors,
  ) =>
    sendPage(
      request,
      reply,
      (ctx) => (
        <InitiativeFormPage ctx={ctx} organisation={context.organisation} members={context.members} values={values} errors={errors} />
      ),
      errors ? 400 : 200,
    );

  app.get("/initiatives/new", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    if (!auth.activeOrganisationId) throw new DomainError("FORBIDDEN", "no active organisation to start an initiative in");
    const context = await newInitiativeContext(request, auth.activeOrganisationId);
    return sendForm(request, reply, context, defaultValues(context.members));
  });

  // The form names its organisation, so the initiative lands where the person saw it would,
  // even if they switched organisation in another tab meanwhile.
  app.post("/initiatives/new", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const values = formValues(request.body);
    const context = await newInitiativeContext(request, pathId(str(values, "organisationId")));
    const shown: NewInitiativeValues = {
      name: str(values, "name"),
      description: normaliseText(str(values, "description")),
      targetGroup: str(values, "targetGroup"),
      plannedGoLive: str(values, "plannedGoLive").trim(),
      steeringGroup: list(values, "steeringGroup"),
    };
    const parsed = parseForm(CreateInitiativeInput, {
      organisationId: context.organisation.id,
      name: shown.name,
      description: shown.description,
      targetGroup: shown.targetGroup,
      plannedGoLive: shown.plannedGoLive || null,
      // An explicit list, even an empty one: what is ticked is the styrgrupp (plus the verksamhetsägare).
      steeringGroup: shown.steeringGroup,
    });
    if (!parsed.ok) return sendForm(request, reply, context, shown, parsed.errors);
    try {
      const created = await createInitiative({ db, actor: auth.actor, now: request.now, input: parsed.data });
      setFlash(request, reply, format(messagesFor(request.locale).initiatives.form.created, { name: created.name }));
      return reply.redirect(`/initiatives/${created.id}`, 303);
    } catch (e) {
      if (!(e instanceof DomainError) || !e.details.fields) throw e;
      return sendForm(request, reply, context, shown, toFormErrors(e.details.fields));
    }
  });

  app.get<InitiativeParams>("/initiatives/:initiativeId", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const initiative = await getInitiative({ db, actor: auth.actor, initiativeId: pathId(request.params.initiativeId) });
    const members = await listMembers({ db, actor: auth.actor, organisationId: initiative.organisationId });
    return sendPage(request, reply, (ctx) => <InitiativeOverviewPage ctx={ctx} initiative={initiative} members={members} />);
  });

  /** The initiative, the activity in the method, and its current progress; only the team may change it. */
  const activityContext = async (request: FastifyRequest<ActivityParams>) => {
    const auth = request.auth;
    if (!auth) throw new DomainError("UNAUTHENTICATED", "login required");
    const initiative = await getInitiative({ db, actor: auth.actor, initiativeId: pathId(request.params.initiativeId) });
    const activity = findActivity(request.params.activityId);
    if (!activity) throw new DomainError("NOT_FOUND", "activity not found");
    if (!initiative.permissions.work) throw new DomainError("FORBIDDEN", "only the team changes activities");
    const phase = phaseByNumber(methodV12, activity.phase);
    const progress = initiative.phases.find((p) => p.number === activity.phase)?.activities.find((a) => a.id === activity.id);
    return { initiative, activity, phase, progress };
  };

  const sendActivity = (
    request: FastifyRequest<ActivityParams>,
    reply: FastifyReply,
    context: Awaited<ReturnType<typeof activityContext>>,
    values: ActivityValues,
    errors?: FormErrors,
  ) =>
    sendPage(
      request,
      reply,
      (ctx) => (
        <ActivityPage
          ctx={ctx}
          initiative={context.initiative}
          phase={context.phase}
          activity={context.activity}
          values={values}
          errors={errors}
        />
      ),
      errors ? 400 : 200,
    );

  app.get<ActivityParams>("/initiatives/:initiativeId/activities/:activityId", async (request, reply) => {
    if (!requireSession(request, reply)) return reply;
    const context = await activityContext(request);
    return sendActivity(request, reply, context, {
      status: context.progress?.status ?? "not_started",
      motivation: context.progress?.motivation ?? "",
    });
  });

  app.post<ActivityParams>("/initiatives/:initiativeId/activities/:activityId", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const context = await activityContext(request);
    const values = formValues(request.body);
    const shown: ActivityValues = { status: str(values, "status"), motivation: normaliseText(str(values, "motivation")) };
    const parsed = parseForm(ActivityProgressInput, shown);
    if (!parsed.ok) return sendActivity(request, reply, context, shown, parsed.errors);
    await updateActivity({
      db,
      actor: auth.actor,
      now: request.now,
      initiativeId: context.initiative.id,
      activityId: context.activity.id,
      input: parsed.data,
    });
    const m = messagesFor(request.locale);
    setFlash(request, reply, format(m.initiatives.activity.saved, { name: context.activity.name[request.locale] }));
    return reply.redirect(`/initiatives/${context.initiative.id}#fas-${context.phase.number}`, 303);
  });

  app.post<InitiativeParams>("/initiatives/:initiativeId/deliverables", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const initiative = await readableInitiative({ db, actor: auth.actor }, pathId(request.params.initiativeId));
    authorize(auth.actor, { action: "initiative:work", organisationId: initiative.organisationId });
    // The type comes from a button on the overview, so a bad one is a tampered request, not a form to redo.
    const parsed = CreateDeliverableInput.safeParse({ deliverableTypeId: str(formValues(request.body), "deliverableTypeId") });
    if (!parsed.success) throw invalidRequest(fieldIssues(parsed.error));
    const created = await createDeliverable({ db, actor: auth.actor, now: request.now, initiativeId: initiative.id, input: parsed.data });
    setFlash(request, reply, format(messagesFor(request.locale).initiatives.deliverable.created, { title: created.title }));
    return reply.redirect(`/deliverables/${created.id}`, 303);
  });

  /** A deliverable the actor may read, with the name of its initiative for the way back. */
  const deliverableContext = async (request: FastifyRequest<DeliverableParams>) => {
    const auth = request.auth;
    if (!auth) throw new DomainError("UNAUTHENTICATED", "login required");
    const deliverable = await getDeliverable({ db, actor: auth.actor, deliverableId: pathId(request.params.deliverableId) });
    const initiative = await readableInitiative({ db, actor: auth.actor }, deliverable.initiativeId);
    return { deliverable, initiative: { id: initiative.id, name: initiative.name } };
  };

  app.get<DeliverableParams & { Querystring: { version?: string } }>("/deliverables/:deliverableId", async (request, reply) => {
    if (!requireSession(request, reply)) return reply;
    const { deliverable, initiative } = await deliverableContext(request);
    // `?version=N` shows that version (a decision's frozen basis links to it); one that does not exist is not found.
    let shownVersion: number | undefined;
    if (request.query.version !== undefined) {
      const version = z.coerce.number().int().positive().safeParse(request.query.version);
      if (!version.success || !deliverable.versions.some((v) => v.version === version.data)) {
        throw new DomainError("NOT_FOUND", "deliverable version not found");
      }
      shownVersion = version.data;
    }
    return sendPage(request, reply, (ctx) => (
      <DeliverablePage ctx={ctx} deliverable={deliverable} initiative={initiative} shownVersion={shownVersion} />
    ));
  });

  app.post<DeliverableParams>("/deliverables/:deliverableId", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const { deliverable, initiative } = await deliverableContext(request);
    if (!deliverable.permissions.edit) throw new DomainError("FORBIDDEN", "only the team edits documents");
    const values = formValues(request.body);
    // Only the sections the form sent: a missing field leaves its text as it is, never blanks it.
    const sections: Record<string, string> = {};
    for (const s of deliverable.template) {
      const v = values[sectionField(s.id)];
      if (v !== undefined) sections[s.id] = normaliseText(str(values, sectionField(s.id)));
    }
    const again = (errors: FormErrors, shown = deliverable, status = 400) =>
      sendPage(
        request,
        reply,
        (ctx) => <DeliverablePage ctx={ctx} deliverable={shown} initiative={initiative} form={{ values: sections, errors }} />,
        status,
      );
    // The version the form was opened on; without it (an older form) the sections merge as in the API.
    const baseEtag = str(values, BASE_ETAG_FIELD) || undefined;
    const parsed = EditSectionsInput.safeParse({ sections, baseEtag });
    if (!parsed.success) return again(sectionErrors(fieldIssues(parsed.error)));
    let after: typeof deliverable;
    try {
      after = await editDeliverable({ db, actor: auth.actor, now: request.now, deliverableId: deliverable.id, input: parsed.data });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      // Someone saved meanwhile: show what is saved now beside the person's own text, which stays in the form.
      if (e.code === "EDIT_CONFLICT") {
        const current = (await deliverableContext(request)).deliverable;
        return again([{ field: BASE_ETAG_FIELD, code: "edit_conflict" }], current, 409);
      }
      if (!e.details.fields) throw e;
      return again(sectionErrors(e.details.fields));
    }
    const t = messagesFor(request.locale).initiatives.deliverable;
    const before = deliverable.versions[deliverable.versions.length - 1];
    const latest = after.versions[after.versions.length - 1];
    const notice =
      latest && before && latest.version > before.version
        ? format(t.savedNewVersion, { version: latest.version, previous: before.version })
        : latest?.contentHash === before?.contentHash
          ? t.unchanged
          : t.saved;
    setFlash(request, reply, notice);
    return reply.redirect(`/deliverables/${deliverable.id}`, 303);
  });

  /** Only those whose role may fastställa at all (deliverable-status.ts) are asked; the page says what else stands in the way. */
  const mayApproveByRole = (request: FastifyRequest, organisationId: string) =>
    (request.auth?.actor.memberships.get(organisationId) ?? []).some((r) => APPROVING_ROLES.includes(r));

  app.get<DeliverableParams>("/deliverables/:deliverableId/faststall", async (request, reply) => {
    if (!requireSession(request, reply)) return reply;
    const { deliverable, initiative } = await deliverableContext(request);
    if (!deliverable.permissions.edit || !mayApproveByRole(request, deliverable.organisationId)) {
      throw new DomainError("FORBIDDEN", "only the projektledare or the verksamhetsägare may fastställa a document");
    }
    return sendPage(request, reply, (ctx) => <ApproveDeliverablePage ctx={ctx} deliverable={deliverable} initiative={initiative} />);
  });

  app.post<DeliverableParams>("/deliverables/:deliverableId/status", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const { deliverable } = await deliverableContext(request);
    if (!deliverable.permissions.edit) throw new DomainError("FORBIDDEN", "only the team moves documents through review");
    // The status comes from a button, so a bad one is a tampered request; refusals by role or
    // state (FORBIDDEN, STATUS_CHANGE_NOT_ALLOWED) reach the error pages through the error handler.
    const values = formValues(request.body);
    const parsed = ChangeStatusInput.safeParse({ status: str(values, "status"), baseEtag: str(values, BASE_ETAG_FIELD) || undefined });
    if (!parsed.success) throw invalidRequest(fieldIssues(parsed.error));
    // Fastställa only from the page that says what it means: a post without the confirmation goes there first.
    if (parsed.data.status === "faststalld" && str(values, CONFIRM_FIELD) !== "yes") {
      if (!mayApproveByRole(request, deliverable.organisationId)) {
        throw new DomainError("FORBIDDEN", "only the projektledare or the verksamhetsägare may fastställa a document");
      }
      return reply.redirect(approveHref(deliverable.id), 303);
    }
    let after: typeof deliverable;
    try {
      after = await changeDeliverableStatus({
        db,
        actor: auth.actor,
        now: request.now,
        deliverableId: deliverable.id,
        status: parsed.data.status,
        baseEtag: parsed.data.baseEtag,
      });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      // Sections emptied or a writer confirming since the page was shown: the confirmation page says why, as it is now.
      if (e.code === "REQUIRED_SECTIONS_MISSING" || e.code === "SECOND_PERSON_REQUIRED") {
        const current = await deliverableContext(request);
        return sendPage(
          request,
          reply,
          (ctx) => <ApproveDeliverablePage ctx={ctx} deliverable={current.deliverable} initiative={current.initiative} />,
          HTTP_STATUS[e.code],
        );
      }
      // The button was pressed on a version that has changed since: show the page as it is now and say so.
      if (e.code !== "EDIT_CONFLICT") throw e;
      const current = await deliverableContext(request);
      return sendPage(
        request,
        reply,
        (ctx) => <DeliverablePage ctx={ctx} deliverable={current.deliverable} initiative={current.initiative} statusConflict />,
        409,
      );
    }
    const t = messagesFor(request.locale).initiatives.deliverable;
    const latest = after.versions[after.versions.length - 1];
    const notices = {
      faststalld: format(t.approved, { version: latest?.version ?? "" }),
      for_granskning: t.submitted,
      utkast: t.backToDraft,
    };
    setFlash(request, reply, notices[parsed.data.status]);
    return reply.redirect(`/deliverables/${deliverable.id}`, 303);
  });
}
