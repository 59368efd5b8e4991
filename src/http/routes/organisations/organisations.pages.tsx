import { z } from "zod";
import type { Actor } from "../../../domain/access/actor.ts";
import { authorize, can } from "../../../domain/access/policy.ts";
import { listPendingInvitations, withdrawInvitation } from "../../../domain/members/invitations.ts";
import { inviteMember } from "../../../domain/members/invite-member.ts";
import { listMembers, removeMember, setMemberRoles } from "../../../domain/members/manage-members.ts";
import { InviteMemberInput, MemberRoles } from "../../../domain/members/member-input.ts";
import { enabledProviders, findProvider } from "../../../domain/oidc/manage-providers.ts";
import { createOrganisation } from "../../../domain/organisations/create-organisation.ts";
import { OrganisationInput, OrganisationSettingsInput } from "../../../domain/organisations/organisation-input.ts";
import { getOrganisation, listVisibleOrganisations } from "../../../domain/organisations/read-organisations.ts";
import { setSignInProvider } from "../../../domain/organisations/set-sign-in-provider.ts";
import { updateOrganisationSettings } from "../../../domain/organisations/update-organisation-settings.ts";
import { forbidden, notFound } from "../../../domain/shared/domain-error.ts";
import { format } from "../../../i18n/index.ts";
import { EditMemberPage, InvitedPage, InviteMemberPage } from "../../../ui/pages/organisations/member-pages.tsx";
import { OrganisationFormPage } from "../../../ui/pages/organisations/organisation-form-page.tsx";
import { OrganisationListPage } from "../../../ui/pages/organisations/organisation-list-page.tsx";
import { COUNTY_FIELD, OrganisationPage, SECOND_APPROVER_FIELD } from "../../../ui/pages/organisations/organisation-page.tsx";
import { type OrganisationSignIn, SIGN_IN_PROVIDER_FIELD } from "../../../ui/pages/organisations/sign-in-settings.tsx";
import type { AppScope } from "../../app-scope.ts";
import { list, str } from "../../form.ts";
import { redirect, show } from "../../page-route.ts";
import { ids } from "../../path-id.ts";
import { SignInProviderBody } from "./organisations.schema.ts";

export function organisationsPages({ page, db, config, publicUrl, mailQueued }: AppScope) {
  const mayCreate = async ({ actor }: { actor: Actor }) => {
    if (!can(actor, { action: "organisation:create" })) throw forbidden("admin only");
  };

  /** The organisation, for those who manage its members. */
  const managed = async ({ actor, params }: { actor: Actor; params: { organisationId: string } }) => {
    const organisation = await getOrganisation({ db, actor, organisationId: params.organisationId });
    if (!organisation.permissions.manageMembers) throw forbidden("cannot manage members");
    return organisation;
  };

  /** The organisation and one of its members, for those who manage members. */
  const managedMember = async (input: { actor: Actor; params: { organisationId: string; userId: string } }) => {
    const organisation = await managed(input);
    const members = await listMembers({ db, actor: input.actor, organisationId: organisation.id });
    const member = members.find((x) => x.userId === input.params.userId);
    if (!member) throw notFound("member");
    return { organisation, member };
  };

  page({
    method: "GET",
    url: "/organisations",
    access: "session",
    load: async ({ actor }) => ({
      organisations: await listVisibleOrganisations({ db, actor }),
      canCreate: can(actor, { action: "organisation:create" }),
    }),
    render:
      ({ loaded }) =>
      (ctx) => <OrganisationListPage ctx={ctx} {...loaded} />,
  });

  page({
    method: "GET",
    url: "/organisations/new",
    access: "session",
    load: mayCreate,
    render: () => (ctx) => <OrganisationFormPage ctx={ctx} />,
  });

  page({
    method: "POST",
    url: "/organisations",
    access: "session",
    load: mayCreate,
    form: {
      read: (values) => ({ name: str(values, "name"), number: str(values, "number"), kind: str(values, "kind") }),
      schema: OrganisationInput,
    },
    render:
      ({ form }) =>
      (ctx) => <OrganisationFormPage ctx={ctx} values={form?.values} errors={form?.errors} />,
    handle: async ({ actor, now, m, data }) => {
      const created = await createOrganisation({ db, actor, now, input: data });
      return redirect(`/organisations/${created.id}`, format(m.organisations.created, { name: created.name }));
    },
  });

  /** What the organisation page shows: the organisation, its members and, for those who manage them, open invitations. */
  const organisationPage = async ({
    actor,
    now,
    params: { organisationId },
  }: {
    actor: Actor;
    now: Date;
    params: { organisationId: string };
  }) => {
    const organisation = await getOrganisation({ db, actor, organisationId });
    const members = await listMembers({ db, actor, organisationId });
    const invitations = organisation.permissions.manageMembers ? await listPendingInvitations({ db, actor, now, organisationId }) : null;
    const chosen = organisation.settings.signInProviderId ? await findProvider(db, organisation.settings.signInProviderId) : undefined;
    const signIn: OrganisationSignIn = {
      current: chosen ? { id: chosen.id, name: chosen.displayName, enabled: chosen.enabled } : null,
      choices: organisation.permissions.manageSettings ? await enabledProviders(db) : [],
      manage: organisation.permissions.manageSettings,
    };
    return { organisation, members, invitations, signIn };
  };

  page({
    method: "GET",
    url: "/organisations/:organisationId",
    access: "session",
    params: ids("organisationId"),
    load: organisationPage,
    render:
      ({ loaded }) =>
      (ctx) => <OrganisationPage ctx={ctx} {...loaded} />,
  });

  page({
    method: "POST",
    url: "/organisations/:organisationId/settings",
    access: "session",
    params: ids("organisationId"),
    // Authorised before the form is judged, so an outsider learns nothing from a bad form.
    load: async (input) => {
      authorize(input.actor, { action: "organisation:settings", organisationId: input.params.organisationId });
      return organisationPage(input);
    },
    form: {
      read: (values) => ({
        [SECOND_APPROVER_FIELD]: str(values, SECOND_APPROVER_FIELD),
        ...(values[COUNTY_FIELD] === undefined ? {} : { [COUNTY_FIELD]: str(values, COUNTY_FIELD) }),
      }),
      schema: OrganisationSettingsInput,
      // A choice other than yes or no is no boolean, so the schema refuses it as invalid_choice.
      input: (shown) => {
        const choice = shown[SECOND_APPROVER_FIELD];
        const county = shown[COUNTY_FIELD];
        return {
          requiresSecondApprover: choice === "yes" ? true : choice === "no" ? false : choice,
          // A form without the select (an older page) leaves the county as it is.
          ...(county === undefined ? {} : { county: county === "" ? null : county }),
        };
      },
      issues: (issues) => issues.map((i) => ({ field: i.path[0] === COUNTY_FIELD ? COUNTY_FIELD : SECOND_APPROVER_FIELD, code: i.code })),
    },
    render:
      ({ loaded, form }) =>
      (ctx) => <OrganisationPage ctx={ctx} {...loaded} settingsErrors={form?.errors} />,
    handle: async ({ actor, now, m, params: { organisationId }, data }) => {
      await updateOrganisationSettings({ db, actor, now, organisationId, input: data });
      return redirect(`/organisations/${organisationId}#settings-heading`, m.organisations.settings.saved);
    },
  });

  page({
    method: "POST",
    url: "/organisations/:organisationId/sign-in-provider",
    access: "session",
    params: ids("organisationId"),
    load: async (input) => {
      authorize(input.actor, { action: "organisation:settings", organisationId: input.params.organisationId });
      return organisationPage(input);
    },
    form: {
      read: (values) => ({ [SIGN_IN_PROVIDER_FIELD]: str(values, SIGN_IN_PROVIDER_FIELD) }),
      schema: SignInProviderBody,
      input: (shown) => ({ providerId: shown[SIGN_IN_PROVIDER_FIELD] || null }),
    },
    render:
      ({ loaded, form }) =>
      (ctx) => <OrganisationPage ctx={ctx} {...loaded} signInErrors={form?.errors} />,
    handle: async ({ actor, now, m, params: { organisationId }, data }) => {
      await setSignInProvider({ db, actor, now, organisationId, providerId: data.providerId });
      return redirect(`/organisations/${organisationId}#sign-in-heading`, m.organisations.signIn.saved);
    },
  });

  page({
    method: "POST",
    url: "/organisations/:organisationId/invitations/:invitationId/withdraw",
    access: "session",
    params: ids("organisationId", "invitationId"),
    handle: async ({ actor, now, m, params: { organisationId, invitationId } }) => {
      await withdrawInvitation({ db, actor, now, organisationId, invitationId });
      return redirect(`/organisations/${organisationId}`, m.members.withdrawn);
    },
  });

  page({
    method: "GET",
    url: "/organisations/:organisationId/members/invite",
    access: "session",
    params: ids("organisationId"),
    load: managed,
    render:
      ({ loaded }) =>
      (ctx) => <InviteMemberPage ctx={ctx} organisation={loaded} />,
  });

  page({
    method: "POST",
    url: "/organisations/:organisationId/members/invite",
    access: "session",
    params: ids("organisationId"),
    load: managed,
    form: {
      read: (values) => ({ email: str(values, "email"), name: str(values, "name"), roles: list(values, "roles") }),
      schema: InviteMemberInput,
    },
    render:
      ({ loaded, form }) =>
      (ctx) => <InviteMemberPage ctx={ctx} organisation={loaded} values={form?.values} errors={form?.errors} />,
    handle: async ({ actor, now, request, loaded: organisation, data }) => {
      const invited = await inviteMember({ db, actor, now, organisationId: organisation.id, input: data, publicUrl: publicUrl(request) });
      mailQueued();
      return show(
        (ctx) => <InvitedPage ctx={ctx} organisation={organisation} email={invited.email} mailIsSent={Boolean(config.SMTP_URL)} />,
        201,
      );
    },
  });

  page({
    method: "GET",
    url: "/organisations/:organisationId/members/:userId",
    access: "session",
    params: ids("organisationId", "userId"),
    load: managedMember,
    render:
      ({ loaded: { organisation, member } }) =>
      (ctx) => <EditMemberPage ctx={ctx} organisation={organisation} member={member} roles={member.roles} />,
  });

  page({
    method: "POST",
    url: "/organisations/:organisationId/members/:userId",
    access: "session",
    params: ids("organisationId", "userId"),
    load: managedMember,
    form: {
      read: (values) => ({ roles: list(values, "roles") }),
      schema: z.object({ roles: MemberRoles }),
    },
    render:
      ({ loaded: { organisation, member }, form }) =>
      (ctx) => (
        <EditMemberPage
          ctx={ctx}
          organisation={organisation}
          member={member}
          roles={form?.values.roles ?? member.roles}
          errors={form?.errors}
        />
      ),
    handle: async ({ actor, now, m, loaded: { organisation, member }, data }) => {
      await setMemberRoles({ db, actor, now, organisationId: organisation.id, userId: member.userId, roles: data.roles });
      return redirect(`/organisations/${organisation.id}`, m.members.rolesSaved);
    },
    // Nobody changes their own roles: said beside the roles, not on an error page.
    refused: (e) => (e.code === "SELF_ROLE_CHANGE" ? { errors: [{ field: "roles", code: "self_role_change" }], status: 403 } : undefined),
  });

  page({
    method: "POST",
    url: "/organisations/:organisationId/members/:userId/remove",
    access: "session",
    params: ids("organisationId", "userId"),
    handle: async ({ actor, now, m, params: { organisationId, userId } }) => {
      await removeMember({ db, actor, now, organisationId, userId });
      return redirect(`/organisations/${organisationId}`, m.members.removed);
    },
  });
}
