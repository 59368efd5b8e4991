import { z } from "zod";
import { listPendingInvitations, withdrawInvitation } from "../../../domain/members/invitations.ts";
import { inviteMember } from "../../../domain/members/invite-member.ts";
import { listMembers, removeMember, setMemberRoles } from "../../../domain/members/manage-members.ts";
import { InviteMemberInput } from "../../../domain/members/member-input.ts";
import { createOrganisation } from "../../../domain/organisations/create-organisation.ts";
import { OrganisationInput, OrganisationSettingsInput } from "../../../domain/organisations/organisation-input.ts";
import { getOrganisation, listVisibleOrganisations } from "../../../domain/organisations/read-organisations.ts";
import { setSignInProvider } from "../../../domain/organisations/set-sign-in-provider.ts";
import { updateOrganisationSettings } from "../../../domain/organisations/update-organisation-settings.ts";
import type { AppScope } from "../../app-scope.ts";
import {
  Invitation,
  InvitationIdParams,
  Member,
  MemberParams,
  Organisation,
  OrganisationList,
  OrganisationParams,
  PendingInvitation,
  SetRolesBody,
  SignInProviderAnswer,
  SignInProviderBody,
} from "./organisations.schema.ts";

export function organisationsApi({ db, api, publicUrl, mailQueued }: AppScope) {
  api({
    method: "GET",
    url: "/api/v1/organisations",
    summary: "Organisations the caller can see (all of them for admin and förvaltningsgrupp)",
    tag: "organisations",
    access: "authenticated",
    response: { status: 200, schema: OrganisationList },
    handler: async ({ actor }) => ({ organisations: await listVisibleOrganisations({ db, actor }) }),
  });

  api({
    method: "POST",
    url: "/api/v1/organisations",
    summary: "Create an organisation (admin)",
    tag: "organisations",
    access: "authenticated",
    body: OrganisationInput,
    response: { status: 201, schema: Organisation },
    handler: async ({ actor, body, now }) => createOrganisation({ db, actor, now, input: body }),
  });

  api({
    method: "GET",
    url: "/api/v1/organisations/:organisationId",
    summary: "One organisation",
    tag: "organisations",
    access: "authenticated",
    params: OrganisationParams,
    response: { status: 200, schema: Organisation },
    handler: async ({ actor, params }) => getOrganisation({ db, actor, organisationId: params.organisationId }),
  });

  api({
    method: "PATCH",
    url: "/api/v1/organisations/:organisationId",
    summary: "Change the organisation's settings (its administratör or verksamhetsägare): whether fastställa needs a second person",
    tag: "organisations",
    access: "authenticated",
    params: OrganisationParams,
    body: OrganisationSettingsInput,
    response: { status: 200, schema: Organisation },
    handler: async ({ actor, params, body, now }) =>
      updateOrganisationSettings({ db, actor, now, organisationId: params.organisationId, input: body }),
  });

  api({
    method: "PUT",
    url: "/api/v1/organisations/:organisationId/sign-in-provider",
    summary:
      "Which identity provider the members sign in with (its administratör or verksamhetsägare); while it is enabled their password login is off. Null turns passwords back on",
    tag: "organisations",
    access: "authenticated",
    params: OrganisationParams,
    body: SignInProviderBody,
    response: { status: 200, schema: SignInProviderAnswer },
    handler: async ({ actor, params, body, now }) =>
      setSignInProvider({ db, actor, now, organisationId: params.organisationId, providerId: body.providerId }),
  });

  api({
    method: "GET",
    url: "/api/v1/organisations/:organisationId/members",
    summary: "Members of an organisation with their roles",
    tag: "organisations",
    access: "authenticated",
    params: OrganisationParams,
    response: { status: 200, schema: z.object({ members: z.array(Member) }) },
    handler: async ({ actor, params }) => ({ members: await listMembers({ db, actor, organisationId: params.organisationId }) }),
  });

  api({
    method: "POST",
    url: "/api/v1/organisations/:organisationId/members",
    summary: "Invite a person by e-mail address; she joins when she accepts through the one-time link mailed to her (never returned here)",
    tag: "organisations",
    access: "authenticated",
    params: OrganisationParams,
    body: InviteMemberInput,
    response: { status: 201, schema: Invitation },
    handler: async ({ actor, params, body, now, request }) => {
      const invited = await inviteMember({
        db,
        actor,
        now,
        organisationId: params.organisationId,
        input: body,
        publicUrl: publicUrl(request),
      });
      mailQueued();
      return invited;
    },
  });

  api({
    method: "GET",
    url: "/api/v1/organisations/:organisationId/invitations",
    summary: "The organisation's pending invitations (for those who manage members)",
    tag: "organisations",
    access: "authenticated",
    params: OrganisationParams,
    response: { status: 200, schema: z.object({ invitations: z.array(PendingInvitation) }) },
    handler: async ({ actor, params, now }) => ({
      invitations: await listPendingInvitations({ db, actor, now, organisationId: params.organisationId }),
    }),
  });

  api({
    method: "DELETE",
    url: "/api/v1/organisations/:organisationId/invitations/:invitationId",
    summary: "Withdraw a pending invitation (its link stops working)",
    tag: "organisations",
    access: "authenticated",
    params: InvitationIdParams,
    response: { status: 204 },
    handler: async ({ actor, params, now }) => {
      await withdrawInvitation({ db, actor, now, organisationId: params.organisationId, invitationId: params.invitationId });
    },
  });

  api({
    method: "PUT",
    url: "/api/v1/organisations/:organisationId/members/:userId",
    summary: "Replace a member's roles",
    tag: "organisations",
    access: "authenticated",
    params: MemberParams,
    body: SetRolesBody,
    response: { status: 200, schema: z.object({ userId: z.string(), roles: SetRolesBody.shape.roles }) },
    handler: async ({ actor, params, body, now }) =>
      setMemberRoles({ db, actor, now, organisationId: params.organisationId, userId: params.userId, roles: body.roles }),
  });

  api({
    method: "DELETE",
    url: "/api/v1/organisations/:organisationId/members/:userId",
    summary: "Remove a member from an organisation",
    tag: "organisations",
    access: "authenticated",
    params: MemberParams,
    response: { status: 204 },
    handler: async ({ actor, params, now }) => {
      await removeMember({ db, actor, now, organisationId: params.organisationId, userId: params.userId });
    },
  });
}
