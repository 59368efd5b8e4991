import { z } from "zod";
import type { Actor } from "../../../domain/access/actor.ts";
import { acceptInvitation, checkInvitation } from "../../../domain/identity/accept-invitation.ts";
import {
  createPersonalToken,
  issueLoginToken,
  listPersonalTokens,
  revokeBearerToken,
  revokePersonalToken,
} from "../../../domain/identity/api-tokens.ts";
import { authenticatePassword } from "../../../domain/identity/authenticate-password.ts";
import { changeLocale } from "../../../domain/identity/change-locale.ts";
import { loadActor } from "../../../domain/identity/load-actor.ts";
import type { AppScope } from "../../app-scope.ts";
import { readKnownDevice, rememberDevice } from "../../known-device.ts";
import {
  AcceptedInvitation,
  AcceptInvitationBody,
  ApiToken,
  CreatedToken,
  CreateTokenBody,
  InvitationParams,
  InvitationPreview,
  LoginBody,
  LoginResponse,
  Me,
  TokenIdParams,
  UpdateMeBody,
} from "./identity.schema.ts";

export function meView(actor: Actor): z.infer<typeof Me> {
  return {
    id: actor.userId,
    email: actor.email,
    name: actor.name,
    locale: actor.locale,
    systemRoles: [...actor.systemRoles],
    memberships: actor.organisations.map((o) => ({
      organisationId: o.id,
      organisationNumber: o.number,
      organisationName: o.name,
      roles: [...(actor.memberships.get(o.id) ?? [])],
    })),
  };
}

export function identityApi({ db, api, secrets }: AppScope) {
  api({
    method: "POST",
    url: "/api/v1/auth/login",
    summary: "Log in with e-mail and password; returns a bearer token",
    tag: "auth",
    access: "public",
    body: LoginBody,
    response: { status: 200, schema: LoginResponse },
    handler: async ({ body, request, reply, now }) => {
      // A client that keeps cookies is a known device too, and gets through while others attack the account.
      const knownDevice = readKnownDevice(request, secrets, now);
      const user = await authenticatePassword({ db, email: body.email, password: body.password, ip: request.ip, now, knownDevice });
      const actor = await loadActor(db, user);
      if (!actor) throw new Error("user vanished during login");
      rememberDevice(request, reply, { secrets, userId: user.id, previous: knownDevice, now });
      return issueLoginToken({ db, actor, now });
    },
  });

  api({
    method: "POST",
    url: "/api/v1/auth/logout",
    summary: "Revoke the bearer token used for this call",
    tag: "auth",
    access: "authenticated",
    response: { status: 204 },
    handler: async ({ actor, token, now }) => {
      await revokeBearerToken({ db, actor, now, token });
    },
  });

  api({
    method: "GET",
    url: "/api/v1/me",
    summary: "The calling user with memberships and roles",
    tag: "auth",
    access: "authenticated",
    response: { status: 200, schema: Me },
    handler: async ({ actor }) => meView(actor),
  });

  api({
    method: "PATCH",
    url: "/api/v1/me",
    summary: "Change the calling user's language",
    tag: "auth",
    access: "authenticated",
    body: UpdateMeBody,
    response: { status: 200, schema: Me },
    handler: async ({ actor, body, now }) => {
      await changeLocale({ db, actor, now, locale: body.locale });
      return meView({ ...actor, locale: body.locale });
    },
  });

  api({
    method: "GET",
    url: "/api/v1/me/tokens",
    summary: "List the calling user's personal API tokens",
    tag: "auth",
    access: "authenticated",
    response: { status: 200, schema: z.object({ tokens: z.array(ApiToken) }) },
    handler: async ({ actor }) => ({ tokens: await listPersonalTokens({ db, actor }) }),
  });

  api({
    method: "POST",
    url: "/api/v1/me/tokens",
    summary: "Create a personal API token (the secret is returned once)",
    tag: "auth",
    access: "authenticated",
    body: CreateTokenBody,
    response: { status: 201, schema: CreatedToken },
    handler: async ({ actor, body, now }) => createPersonalToken({ db, actor, now, name: body.name, expiresInDays: body.expiresInDays }),
  });

  api({
    method: "DELETE",
    url: "/api/v1/me/tokens/:tokenId",
    summary: "Revoke one of the calling user's personal API tokens",
    tag: "auth",
    access: "authenticated",
    params: TokenIdParams,
    response: { status: 204 },
    handler: async ({ actor, params, now }) => {
      await revokePersonalToken({ db, actor, now, tokenId: params.tokenId });
    },
  });

  api({
    method: "POST",
    url: "/api/v1/invitations/:token/accept",
    summary:
      "Accept an invitation: with a password when the address has no account yet, or with the account's own bearer token when it has one",
    tag: "auth",
    access: "public",
    params: InvitationParams,
    body: AcceptInvitationBody,
    response: { status: 200, schema: AcceptedInvitation },
    handler: async ({ params, body, now, request }) => {
      const accepted = await acceptInvitation({
        db,
        token: params.token,
        password: body.password ?? null,
        actor: request.auth?.actor ?? null,
        now,
      });
      return { email: accepted.user.email, organisationId: accepted.organisationId, joined: accepted.joined };
    },
  });

  api({
    method: "GET",
    url: "/api/v1/invitations/:token",
    summary: "What an invitation link offers (for the holder of the link)",
    tag: "auth",
    access: "public",
    params: InvitationParams,
    response: { status: 200, schema: InvitationPreview },
    handler: async ({ params, now }) => checkInvitation({ db, token: params.token, now }),
  });
}
