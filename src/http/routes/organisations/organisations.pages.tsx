import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Actor } from "../../../domain/access/actor.ts";
import { authorize, can } from "../../../domain/access/policy.ts";
import { listPendingInvitations, withdrawInvitation } from "../../../domain/members/invitations.ts";
import { inviteMember } from "../../../domain/members/invite-member.ts";
import { listMembers, removeMember, setMemberRoles } from "../../../domain/members/manage-members.ts";
import { InviteMemberInput, MemberRoles } from "../../../domain/members/member-input.ts";
import { createOrganisation } from "../../../domain/organisations/create-organisation.ts";
import { OrganisationInput } from "../../../domain/organisations/organisation-input.ts";
import { getOrganisation, listVisibleOrganisations } from "../../../domain/organisations/read-organisations.ts";
import { updateOrganisationSettings } from "../../../domain/organisations/update-organisation-settings.ts";
import { DomainError } from "../../../domain/shared/domain-error.ts";
import { format, messagesFor } from "../../../i18n/index.ts";
import type { FormErrors } from "../../../ui/page-context.ts";
import { EditMemberPage, InvitedPage, InviteMemberPage } from "../../../ui/pages/organisations/member-pages.tsx";
import { OrganisationFormPage } from "../../../ui/pages/organisations/organisation-form-page.tsx";
import { OrganisationListPage } from "../../../ui/pages/organisations/organisation-list-page.tsx";
import { OrganisationPage, SECOND_APPROVER_FIELD } from "../../../ui/pages/organisations/organisation-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { setFlash } from "../../cookies.ts";
import { HTTP_STATUS } from "../../errors/error-map.ts";
import { formValues, list, parseForm, str, toFormErrors } from "../../form.ts";
import { pathId } from "../../path-id.ts";
import { requireSession, sendPage } from "../../render.ts";

type OrgParams = { Params: { organisationId: string } };
type MemberParams = { Params: { organisationId: string; userId: string } };

export function organisationsPages({ app, db, config, publicUrl, mailQueued }: AppScope) {
  const memberOf = async (request: FastifyRequest, organisationId: string, userId: string) => {
    const auth = request.auth;
    if (!auth) throw new DomainError("UNAUTHENTICATED", "login required");
    const members = await listMembers({ db, actor: auth.actor, organisationId });
    const member = members.find((x) => x.userId === userId);
    if (!member) throw new DomainError("NOT_FOUND", "member not found");
    return member;
  };

  app.get("/organisations", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const organisations = await listVisibleOrganisations({ db, actor: auth.actor });
    const canCreate = can(auth.actor, { action: "organisation:create" });
    return sendPage(request, reply, (ctx) => <OrganisationListPage ctx={ctx} organisations={organisations} canCreate={canCreate} />);
  });

  app.get("/organisations/new", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    if (!can(auth.actor, { action: "organisation:create" })) throw new DomainError("FORBIDDEN", "admin only");
    return sendPage(request, reply, (ctx) => <OrganisationFormPage ctx={ctx} />);
  });

  app.post("/organisations", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    if (!can(auth.actor, { action: "organisation:create" })) throw new DomainError("FORBIDDEN", "admin only");
    const values = formValues(request.body);
    const shown = { name: str(values, "name"), number: str(values, "number"), kind: str(values, "kind") };
    const parsed = parseForm(OrganisationInput, shown);
    if (!parsed.ok) return sendPage(request, reply, (ctx) => <OrganisationFormPage ctx={ctx} values={shown} errors={parsed.errors} />, 400);
    try {
      const created = await createOrganisation({ db, actor: auth.actor, now: request.now, input: parsed.data });
      setFlash(request, reply, format(messagesFor(request.locale).organisations.created, { name: created.name }));
      return reply.redirect(`/organisations/${created.id}`, 303);
    } catch (e) {
      if (!(e instanceof DomainError) || !e.details.fields) throw e;
      const errors = toFormErrors(e.details.fields);
      return sendPage(request, reply, (ctx) => <OrganisationFormPage ctx={ctx} values={shown} errors={errors} />, 409);
    }
  });

  /** The organisation page; with `settingsErrors` when the settings form comes back. */
  const organisationPage = async (
    request: FastifyRequest<OrgParams>,
    reply: FastifyReply,
    actor: Actor,
    settingsErrors?: FormErrors,
    status = 200,
  ) => {
    const organisationId = pathId(request.params.organisationId);
    const organisation = await getOrganisation({ db, actor, organisationId });
    const members = await listMembers({ db, actor, organisationId });
    const invitations = organisation.permissions.manageMembers
      ? await listPendingInvitations({ db, actor, now: request.now, organisationId })
      : null;
    return sendPage(
      request,
      reply,
      (ctx) => (
        <OrganisationPage
          ctx={ctx}
          organisation={organisation}
          members={members}
          invitations={invitations}
          settingsErrors={settingsErrors}
        />
      ),
      status,
    );
  };

  app.get<OrgParams>("/organisations/:organisationId", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    return organisationPage(request, reply, auth.actor);
  });

  app.post<OrgParams>("/organisations/:organisationId/settings", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const organisationId = pathId(request.params.organisationId);
    const choice = str(formValues(request.body), SECOND_APPROVER_FIELD);
    if (choice !== "yes" && choice !== "no") {
      // Authorised before the form is judged, so an outsider learns nothing from a bad form.
      authorize(auth.actor, { action: "organisation:settings", organisationId });
      return organisationPage(request, reply, auth.actor, [{ field: SECOND_APPROVER_FIELD, code: "invalid_choice" }], 400);
    }
    await updateOrganisationSettings({
      db,
      actor: auth.actor,
      now: request.now,
      organisationId,
      input: { requiresSecondApprover: choice === "yes" },
    });
    setFlash(request, reply, messagesFor(request.locale).organisations.settings.saved);
    return reply.redirect(`/organisations/${organisationId}#settings-heading`, 303);
  });

  app.post<{ Params: { organisationId: string; invitationId: string } }>(
    "/organisations/:organisationId/invitations/:invitationId/withdraw",
    async (request, reply) => {
      const auth = requireSession(request, reply);
      if (!auth) return reply;
      const organisationId = pathId(request.params.organisationId);
      await withdrawInvitation({
        db,
        actor: auth.actor,
        now: request.now,
        organisationId,
        invitationId: pathId(request.params.invitationId),
      });
      setFlash(request, reply, messagesFor(request.locale).members.withdrawn);
      return reply.redirect(`/organisations/${organisationId}`, 303);
    },
  );

  app.get<OrgParams>("/organisations/:organisationId/members/invite", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const organisation = await getOrganisation({ db, actor: auth.actor, organisationId: pathId(request.params.organisationId) });
    if (!organisation.permissions.manageMembers) throw new DomainError("FORBIDDEN", "cannot manage members");
    return sendPage(request, reply, (ctx) => <InviteMemberPage ctx={ctx} organisation={organisation} />);
  });

  app.post<OrgParams>("/organisations/:organisationId/members/invite", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const organisation = await getOrganisation({ db, actor: auth.actor, organisationId: pathId(request.params.organisationId) });
    if (!organisation.permissions.manageMembers) throw new DomainError("FORBIDDEN", "cannot manage members");
    const values = formValues(request.body);
    const shown = { email: str(values, "email"), name: str(values, "name"), roles: list(values, "roles") };
    const parsed = parseForm(InviteMemberInput, shown);
    const again = (errors: ReturnType<typeof toFormErrors>, status: number) =>
      sendPage(request, reply, (ctx) => <InviteMemberPage ctx={ctx} organisation={organisation} values={shown} errors={errors} />, status);
    if (!parsed.ok) return again(parsed.errors, 400);
    try {
      const invited = await inviteMember({
        db,
        actor: auth.actor,
        now: request.now,
        organisationId: organisation.id,
        input: parsed.data,
        publicUrl: publicUrl(request),
      });
      mailQueued();
      return sendPage(
        request,
        reply,
        (ctx) => <InvitedPage ctx={ctx} organisation={organisation} email={invited.email} mailIsSent={Boolean(config.SMTP_URL)} />,
        201,
      );
    } catch (e) {
      if (!(e instanceof DomainError) || !e.details.fields) throw e;
      return again(toFormErrors(e.details.fields), HTTP_STATUS[e.code]);
    }
  });

  app.get<MemberParams>("/organisations/:organisationId/members/:userId", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const organisation = await getOrganisation({ db, actor: auth.actor, organisationId: pathId(request.params.organisationId) });
    if (!organisation.permissions.manageMembers) throw new DomainError("FORBIDDEN", "cannot manage members");
    const member = await memberOf(request, organisation.id, pathId(request.params.userId));
    return sendPage(request, reply, (ctx) => <EditMemberPage ctx={ctx} organisation={organisation} member={member} roles={member.roles} />);
  });

  app.post<MemberParams>("/organisations/:organisationId/members/:userId", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const organisation = await getOrganisation({ db, actor: auth.actor, organisationId: pathId(request.params.organisationId) });
    if (!organisation.permissions.manageMembers) throw new DomainError("FORBIDDEN", "cannot manage members");
    const member = await memberOf(request, organisation.id, pathId(request.params.userId));
    const roles = list(formValues(request.body), "roles");
    const parsed = parseForm(z.object({ roles: MemberRoles }), { roles });
    if (!parsed.ok) {
      return sendPage(
        request,
        reply,
        (ctx) => <EditMemberPage ctx={ctx} organisation={organisation} member={member} roles={roles} errors={parsed.errors} />,
        400,
      );
    }
    try {
      await setMemberRoles({
        db,
        actor: auth.actor,
        now: request.now,
        organisationId: organisation.id,
        userId: member.userId,
        roles: parsed.data.roles,
      });
    } catch (e) {
      if (!(e instanceof DomainError) || (e.code !== "ROLE_NOT_GRANTABLE" && e.code !== "SELF_ROLE_CHANGE")) throw e;
      const errors = toFormErrors(
        e.details.fields ?? [{ path: ["roles"], code: "self_role_change", message: "nobody changes their own roles" }],
      );
      return sendPage(
        request,
        reply,
        (ctx) => <EditMemberPage ctx={ctx} organisation={organisation} member={member} roles={roles} errors={errors} />,
        403,
      );
    }
    setFlash(request, reply, messagesFor(request.locale).members.rolesSaved);
    return reply.redirect(`/organisations/${organisation.id}`, 303);
  });

  app.post<MemberParams>("/organisations/:organisationId/members/:userId/remove", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const organisationId = pathId(request.params.organisationId);
    await removeMember({ db, actor: auth.actor, now: request.now, organisationId, userId: pathId(request.params.userId) });
    setFlash(request, reply, messagesFor(request.locale).members.removed);
    return reply.redirect(`/organisations/${organisationId}`, 303);
  });
}
