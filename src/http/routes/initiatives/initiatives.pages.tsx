import { z } from "zod";
import type { Actor } from "../../../domain/access/actor.ts";
import { authorize, can } from "../../../domain/access/policy.ts";
import { createInitiative } from "../../../domain/initiatives/create-initiative.ts";
import { ActivityProgressInput, CreateInitiativeInput } from "../../../domain/initiatives/initiative-input.ts";
import { getInitiative, listInitiatives, readableInitiative } from "../../../domain/initiatives/read-initiatives.ts";
import { setPublishable } from "../../../domain/initiatives/set-publishable.ts";
import { findActivity, updateActivity } from "../../../domain/initiatives/update-activity.ts";
import { listMembers } from "../../../domain/members/manage-members.ts";
import { getOrganisation, listVisibleOrganisations } from "../../../domain/organisations/read-organisations.ts";
import { DomainError, forbidden, notFound } from "../../../domain/shared/domain-error.ts";
import { format } from "../../../i18n/index.ts";
import { phaseByNumber } from "../../../method/lookup.ts";
import { methodV12 } from "../../../method/v1.2/index.ts";
import { ActivityPage, type ActivityValues } from "../../../ui/pages/initiatives/activity-page.tsx";
import { defaultValues, InitiativeFormPage, type NewInitiativeValues } from "../../../ui/pages/initiatives/initiative-form-page.tsx";
import { InitiativeListPage } from "../../../ui/pages/initiatives/initiative-list-page.tsx";
import { InitiativeOverviewPage } from "../../../ui/pages/initiatives/initiative-overview-page.tsx";
import { activityAnchor } from "../../../ui/pages/initiatives/initiative-parts.tsx";
import type { AppScope } from "../../app-scope.ts";
import { list, normaliseText, str } from "../../form.ts";
import { type FormState, type PageView, redirect, redirectBeside } from "../../page-route.ts";
import { ids, pathValue } from "../../path-id.ts";

/**
 * Initiative pages over the same use cases as the JSON API: the use cases authorise, so an
 * outsider gets 404 and a member without the role 403 before any form is read.
 */
export function initiativesPages({ page, db }: AppScope) {
  page({
    method: "GET",
    url: "/initiatives",
    access: "session",
    render: async ({ actor, session }) => {
      const organisationId = session.activeOrganisationId;
      const initiatives = await listInitiatives({ db, actor, organisationId: organisationId ?? undefined });
      const organisationNames = organisationId
        ? null
        : new Map((await listVisibleOrganisations({ db, actor })).map((o) => [o.id, o.name] as const));
      const organisationName = organisationId ? (actor.organisations.find((o) => o.id === organisationId)?.name ?? null) : null;
      const canCreate = organisationId ? can(actor, { action: "initiative:create", organisationId }) : false;
      return (ctx) => (
        <InitiativeListPage
          ctx={ctx}
          initiatives={initiatives}
          organisationName={organisationName}
          organisationNames={organisationNames}
          canCreate={canCreate}
        />
      );
    },
  });

  /** The organisation the form is for, its members, and the right to start an initiative there. */
  const newInitiativeContext = async (actor: Actor, organisationId: string) => {
    const organisation = await getOrganisation({ db, actor, organisationId });
    authorize(actor, { action: "initiative:create", organisationId: organisation.id });
    const members = await listMembers({ db, actor, organisationId: organisation.id });
    return { organisation, members };
  };
  type NewInitiativeContext = Awaited<ReturnType<typeof newInitiativeContext>>;

  const initiativeForm =
    ({
      loaded: { organisation, members },
      form,
    }: {
      loaded: NewInitiativeContext;
      form?: FormState<NewInitiativeValues> | undefined;
    }): PageView =>
    (ctx) => (
      <InitiativeFormPage
        ctx={ctx}
        organisation={organisation}
        members={members}
        values={form?.values ?? defaultValues(members)}
        errors={form?.errors}
      />
    );

  page({
    method: "GET",
    url: "/initiatives/new",
    access: "session",
    load: ({ actor, session }) => {
      if (!session.activeOrganisationId) throw forbidden("no active organisation to start an initiative in");
      return newInitiativeContext(actor, session.activeOrganisationId);
    },
    render: initiativeForm,
  });

  // The form names its organisation, so the initiative lands where the person saw it would,
  // even if they switched organisation in another tab meanwhile.
  page({
    method: "POST",
    url: "/initiatives/new",
    access: "session",
    load: ({ actor, body }) => newInitiativeContext(actor, pathValue(z.uuid(), str(body, "organisationId"))),
    form: {
      read: (values): NewInitiativeValues => ({
        name: str(values, "name"),
        description: normaliseText(str(values, "description")),
        targetGroup: str(values, "targetGroup"),
        plannedGoLive: str(values, "plannedGoLive").trim(),
        steeringGroup: list(values, "steeringGroup"),
      }),
      schema: CreateInitiativeInput,
      // steeringGroup is an explicit list, even an empty one: what is ticked is the styrgrupp (plus the verksamhetsägare).
      input: (shown, _values, { organisation }) => ({
        ...shown,
        organisationId: organisation.id,
        plannedGoLive: shown.plannedGoLive || null,
      }),
    },
    render: initiativeForm,
    handle: async ({ actor, now, m, data }) => {
      const created = await createInitiative({ db, actor, now, input: data });
      return redirect(`/initiatives/${created.id}`, format(m.initiatives.form.created, { name: created.name }));
    },
  });

  page({
    method: "GET",
    url: "/initiatives/:initiativeId",
    access: "session",
    params: ids("initiativeId"),
    render: async ({ actor, now, params }) => {
      // The status read model carries the follow-up flags (overdue conditions, the decision overdue).
      const initiative = await getInitiative({ db, actor, now, initiativeId: params.initiativeId });
      const members = await listMembers({ db, actor, organisationId: initiative.organisationId });
      return (ctx) => <InitiativeOverviewPage ctx={ctx} initiative={initiative} members={members} />;
    },
  });

  /** The initiative, the activity in the method, and its current progress; only the team may change it. */
  const activityContext = async ({ actor, params }: { actor: Actor; params: { initiativeId: string; activityId: string } }) => {
    const initiative = await getInitiative({ db, actor, initiativeId: params.initiativeId });
    const activity = findActivity(params.activityId);
    if (!activity) throw notFound("activity");
    if (!initiative.permissions.work) throw forbidden("only the team changes activities");
    const phase = phaseByNumber(methodV12, activity.phase);
    const progress = initiative.phases.find((p) => p.number === activity.phase)?.activities.find((a) => a.id === activity.id);
    return { initiative, activity, phase, progress };
  };
  const ActivityPageParams = z.object({ initiativeId: z.uuid(), activityId: z.string() });
  const activityPage =
    ({ loaded, form }: { loaded: Awaited<ReturnType<typeof activityContext>>; form?: FormState<ActivityValues> | undefined }): PageView =>
    (ctx) => (
      <ActivityPage
        ctx={ctx}
        initiative={loaded.initiative}
        phase={loaded.phase}
        activity={loaded.activity}
        values={form?.values ?? { status: loaded.progress?.status ?? "not_started", motivation: loaded.progress?.motivation ?? "" }}
        errors={form?.errors}
      />
    );

  page({
    method: "GET",
    url: "/initiatives/:initiativeId/activities/:activityId",
    access: "session",
    params: ActivityPageParams,
    load: activityContext,
    render: activityPage,
  });

  page({
    method: "POST",
    url: "/initiatives/:initiativeId/activities/:activityId",
    access: "session",
    params: ActivityPageParams,
    load: activityContext,
    form: {
      read: (values): ActivityValues => ({ status: str(values, "status"), motivation: normaliseText(str(values, "motivation")) }),
      schema: ActivityProgressInput,
    },
    render: activityPage,
    handle: async ({ actor, now, m, locale, loaded: { initiative, activity }, data }) => {
      await updateActivity({ db, actor, now, initiativeId: initiative.id, activityId: activity.id, input: data });
      return redirectBeside(
        `/initiatives/${initiative.id}`,
        activityAnchor(activity.id),
        format(m.initiatives.activity.saved, { name: activity.name[locale] }),
      );
    },
  });

  page({
    method: "POST",
    url: "/initiatives/:initiativeId/open-data",
    access: "session",
    params: ids("initiativeId"),
    // Access first, so an outsider learns nothing from a bad choice.
    load: async ({ actor, params }) => {
      const initiative = await readableInitiative({ db, actor }, params.initiativeId);
      authorize(actor, { action: "initiative:publish", organisationId: initiative.organisationId });
      return initiative;
    },
    handle: async ({ actor, now, m, params: { initiativeId }, body }) => {
      const choice = str(body, "publishable");
      if (choice !== "yes" && choice !== "no") {
        throw new DomainError("VALIDATION_FAILED", "publishable must be yes or no", {
          fields: [{ path: ["publishable"], code: "invalid_choice", message: "yes or no" }],
        });
      }
      const { publishable } = await setPublishable({ db, actor, now, initiativeId, publishable: choice === "yes" });
      return redirect(`/initiatives/${initiativeId}#summary-heading`, publishable ? m.openData.listedNotice : m.openData.unlistedNotice);
    },
  });
}
