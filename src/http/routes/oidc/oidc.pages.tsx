import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { OidcProviderRow } from "../../../db/repositories/oidc-repository.ts";
import type { Actor } from "../../../domain/access/actor.ts";
import { authorize } from "../../../domain/access/policy.ts";
import { loadActor } from "../../../domain/identity/load-actor.ts";
import {
  enabledProviders,
  findProvider,
  listProviders,
  registerProvider,
  removeProvider,
  setProviderEnabled,
  updateProvider,
} from "../../../domain/oidc/manage-providers.ts";
import {
  addClaimMapping,
  grantLink,
  providerPeople,
  removeClaimMapping,
  revokeLinkGrant,
  unlinkIdentity,
} from "../../../domain/oidc/provider-people.ts";
import { ClaimMappingInput, ProviderInput, ProviderUpdate } from "../../../domain/oidc/provider-rules.ts";
import type { SignInRefusal } from "../../../domain/oidc/sign-in-rules.ts";
import {
  beginSignIn,
  finishSignIn,
  newSignIn,
  recordSignInRefusal,
  SIGN_IN_TTL_MS,
  takeSignIn,
} from "../../../domain/oidc/sign-in-with-provider.ts";
import { DomainError } from "../../../domain/shared/domain-error.ts";
import { email } from "../../../domain/shared/field-rules.ts";
import { format, type Messages } from "../../../i18n/index.ts";
import { ProviderUnreachableError, TokenRejectedError } from "../../../oidc/relying-party.ts";
import { ContinuePage } from "../../../ui/pages/identity/continue-page.tsx";
import {
  type GrantFormValues,
  IdentityProviderPage,
  type MappingFormValues,
  type ProviderEditValues,
  type ProviderPageForm,
} from "../../../ui/pages/identity/identity-provider-page.tsx";
import { IdentityProvidersPage, type ProviderFormValues } from "../../../ui/pages/identity/identity-providers-page.tsx";
import { LoginPage } from "../../../ui/pages/identity/login-page.tsx";
import { OidcRefusedPage } from "../../../ui/pages/identity/oidc-refused-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { startBrowserSession } from "../../browser-session.ts";
import { clearCookie, setCookie } from "../../cookies.ts";
import { type FormValues, list, str } from "../../form.ts";
import { type FormState, type PageOutcome, type PageView, redirect, show } from "../../page-route.ts";
import { ids } from "../../path-id.ts";
import { safeReturnPath } from "../../render.ts";

/** The one redirect URI every provider is registered with; which provider answers is known from `state`. */
export const CALLBACK_PATH = "/login/oidc/callback";
/**
 * Binds a sign-in to the browser that started it: the callback's `state` must be this cookie's, so
 * a callback link made in someone else's sign-in (login CSRF) is refused as a foreign state.
 */
const STATE_COOKIE = "ansluta_oidc_state";

/** How each refusal answers: a state that is not this browser's is a bad request, a provider that cannot be reached a bad gateway. */
const REFUSAL_STATUS: Record<SignInRefusal, number> = {
  state_missing: 400,
  state_unknown: 400,
  state_expired: 400,
  provider_unavailable: 404,
  provider_unreachable: 502,
  provider_refused: 400,
  token_invalid: 400,
  email_missing: 403,
  email_unverified: 403,
  email_domain_not_served: 403,
  account_exists: 409,
  identity_taken: 409,
  link_session_lost: 403,
};

const refusedPage = (reason: SignInRefusal): PageOutcome =>
  show((ctx) => <OidcRefusedPage ctx={ctx} reason={reason} />, REFUSAL_STATUS[reason]);

const CallbackQuery = z.object({
  state: z.string().max(200).optional(),
  code: z.string().max(4000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
  iss: z.string().max(500).optional(),
});

const providerForm = (values: FormValues): ProviderFormValues => ({
  issuer: str(values, "issuer"),
  clientId: str(values, "clientId"),
  clientSecret: str(values, "clientSecret"),
  displayName: str(values, "displayName"),
  emailDomains: str(values, "emailDomains"),
  scopes: str(values, "scopes"),
});

export function oidcPages({ page, db, secrets, publicUrl, relyingParty: rp }: AppScope) {
  const callbackUri = (request: FastifyRequest) => `${publicUrl(request)}${CALLBACK_PATH}`;

  /** Sends the browser to the provider, or shows the login page with why it cannot (the provider is down or answers garbage). */
  async function sendToProvider(input: {
    request: FastifyRequest;
    reply: FastifyReply;
    now: Date;
    m: Messages;
    provider: OidcProviderRow;
    returnTo: string;
    linkingActor: Actor | null;
    /** Answering a form: a page that sends the browser on, as form-action 'self' forbids redirecting a form elsewhere. */
    fromForm?: boolean;
  }): Promise<PageOutcome> {
    const { request, reply, now, m, provider, returnTo, linkingActor, fromForm = false } = input;
    const attempt = newSignIn({ now, provider, returnTo, linkUserId: linkingActor?.userId ?? null });
    try {
      const url = await rp.authorizationUrl(provider, attempt, callbackUri(request));
      await beginSignIn({ db, now, attempt });
      setCookie(request, reply, STATE_COOKIE, attempt.state, SIGN_IN_TTL_MS / 1000);
      if (fromForm) return show((ctx) => <ContinuePage ctx={ctx} to={url.href} name={provider.displayName} />);
      return { redirect: url.href };
    } catch (e) {
      if (!(e instanceof ProviderUnreachableError)) throw e;
      request.log.warn({ err: e, providerId: provider.id }, "identity provider unreachable");
      await recordSignInRefusal({ db, now, reason: "provider_unreachable", providerId: provider.id, detail: { problem: e.message } });
      const providers = await enabledProviders(db);
      const failure = format(m.oidc.unreachable, { name: provider.displayName });
      return show((ctx) => <LoginPage ctx={ctx} next={returnTo} providers={providers} failure={failure} />, 502);
    }
  }

  page({
    method: "GET",
    url: "/login/oidc/:providerId",
    access: "public",
    params: ids("providerId"),
    query: z.object({
      next: z
        .unknown()
        .optional()
        .transform((next) => safeReturnPath(next)),
    }),
    handle: async ({ request, reply, now, m, params: { providerId }, query: { next } }) => {
      const provider = await findProvider(db, providerId);
      if (!provider?.enabled) return show((ctx) => <OidcRefusedPage ctx={ctx} reason="provider_unavailable" />, 404);
      return sendToProvider({ request, reply, now, m, provider, returnTo: next, linkingActor: null });
    },
  });

  page({
    method: "POST",
    url: "/settings/identities/:providerId",
    access: "session",
    params: ids("providerId"),
    handle: async ({ request, reply, now, m, actor, params: { providerId } }) => {
      const provider = await findProvider(db, providerId);
      if (!provider?.enabled) return show((ctx) => <OidcRefusedPage ctx={ctx} reason="provider_unavailable" />, 404);
      return sendToProvider({ request, reply, now, m, provider, returnTo: "/settings", linkingActor: actor, fromForm: true });
    },
  });

  page({
    method: "GET",
    url: CALLBACK_PATH,
    access: "public",
    query: CallbackQuery,
    handle: async ({ request, reply, now, m, actor, query }) => {
      const browserState = request.cookies[STATE_COOKIE];
      const refuse = async (reason: SignInRefusal, providerId: string | null, detail: Record<string, unknown> = {}) => {
        await recordSignInRefusal({ db, now, reason, providerId, detail });
        return refusedPage(reason);
      };
      if (!query.state) return refuse("state_missing", null);
      // Another browser's state is not looked up at all: it stays usable by the browser it belongs to.
      if (browserState !== query.state) return refuse("state_unknown", null, { browserHadState: Boolean(browserState) });
      clearCookie(request, reply, STATE_COOKIE);
      const taken = await takeSignIn({ db, now, state: query.state });
      if (!taken.ok) return refuse(taken.reason, taken.providerId);
      const { attempt, provider } = taken;
      if (query.error) {
        await recordSignInRefusal({
          db,
          now,
          reason: "provider_refused",
          providerId: provider.id,
          detail: { error: query.error, description: query.error_description ?? null },
        });
        const providers = await enabledProviders(db);
        const failure = format(m.oidc.cancelled, { name: provider.displayName });
        return show((ctx) => <LoginPage ctx={ctx} next={attempt.returnTo} providers={providers} failure={failure} />);
      }
      let linkingActor: Actor | null = null;
      if (attempt.linkUserId) {
        if (actor?.userId !== attempt.linkUserId) return refuse("link_session_lost", provider.id);
        linkingActor = actor;
      }
      let verified: Awaited<ReturnType<typeof rp.exchange>>;
      try {
        verified = await rp.exchange(provider, attempt, new URL(request.url, callbackUri(request)));
      } catch (e) {
        if (e instanceof ProviderUnreachableError) return refuse("provider_unreachable", provider.id, { problem: e.message });
        if (e instanceof TokenRejectedError) return refuse("token_invalid", provider.id, { problem: e.message });
        throw e;
      }
      const outcome = await finishSignIn({ db, now, provider, claims: verified.claims, linkingActor });
      if (outcome.kind === "refused") return refusedPage(outcome.reason);
      if (outcome.kind === "linked") return redirect("/settings", format(m.oidc.settings.linked, { name: provider.displayName }));
      const person = await loadActor(db, outcome.userId);
      if (!person) throw new Error("user vanished during sign-in");
      await startBrowserSession({
        db,
        secrets,
        request,
        reply,
        actor: person,
        now,
        via: { providerId: provider.id, idToken: verified.idToken },
      });
      return redirect(attempt.returnTo);
    },
  });

  const adminPage = async (actor: Actor, request: FastifyRequest, form?: FormState<ProviderFormValues>): Promise<PageView> => {
    const providers = await listProviders({ db, actor });
    const redirectUri = callbackUri(request);
    return (ctx) => <IdentityProvidersPage ctx={ctx} providers={providers} redirectUri={redirectUri} form={form} />;
  };

  page({
    method: "GET",
    url: "/admin/identity-providers",
    access: "session",
    render: ({ actor, request }) => adminPage(actor, request),
  });

  page({
    method: "POST",
    url: "/admin/identity-providers",
    access: "session",
    load: async ({ actor }) => authorize(actor, { action: "identity-providers:manage" }),
    form: {
      read: (values) => providerForm(values),
      schema: ProviderInput,
    },
    // The secret typed is never shown again, not even beside an error.
    render: ({ actor, request, form }) => adminPage(actor, request, form && { ...form, values: { ...form.values, clientSecret: "" } }),
    handle: async ({ actor, now, m, data }) => {
      const created = await registerProvider({ db, actor, now, secrets, input: data });
      return redirect("/admin/identity-providers", format(m.oidc.admin.added, { name: created.displayName }));
    },
  });

  page({
    method: "POST",
    url: "/admin/identity-providers/:providerId/enabled",
    access: "session",
    params: ids("providerId"),
    load: async ({ actor }) => authorize(actor, { action: "identity-providers:manage" }),
    handle: async ({ actor, now, m, body, params: { providerId } }) => {
      const enabled = str(body, "enabled") === "true";
      const p = await setProviderEnabled({ db, actor, now, providerId, enabled });
      return redirect("/admin/identity-providers", format(enabled ? m.oidc.admin.enabled : m.oidc.admin.disabled, { name: p.displayName }));
    },
  });

  page({
    method: "POST",
    url: "/admin/identity-providers/:providerId/remove",
    access: "session",
    params: ids("providerId"),
    load: async ({ actor }) => authorize(actor, { action: "identity-providers:manage" }),
    handle: async ({ actor, now, m, params: { providerId } }) => {
      const p = await removeProvider({ db, actor, now, providerId });
      return redirect("/admin/identity-providers", format(m.oidc.admin.removed, { name: p.displayName }));
    },
  });

  const providerPage = async (
    input: { actor: Actor; request: FastifyRequest; now: Date; providerId: string; page?: number },
    form?: ProviderPageForm,
  ): Promise<PageView> => {
    const people = await providerPeople({ db, actor: input.actor, now: input.now, providerId: input.providerId, page: input.page ?? 1 });
    const redirectUri = callbackUri(input.request);
    const logoutUri = `${publicUrl(input.request)}/login`;
    return (ctx) => <IdentityProviderPage ctx={ctx} people={people} redirectUri={redirectUri} logoutUri={logoutUri} form={form} />;
  };
  const manage = async ({ actor }: { actor: Actor }) => authorize(actor, { action: "identity-providers:manage" });
  const backTo = (providerId: string, at: string) => `/admin/identity-providers/${providerId}#${at}`;

  page({
    method: "GET",
    url: "/admin/identity-providers/:providerId",
    access: "session",
    params: ids("providerId"),
    query: z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1) }),
    render: ({ actor, request, now, params: { providerId }, query: { page } }) => providerPage({ actor, request, now, providerId, page }),
  });

  page({
    method: "POST",
    url: "/admin/identity-providers/:providerId",
    access: "session",
    params: ids("providerId"),
    load: manage,
    form: {
      read: (values): ProviderEditValues => ({
        clientId: str(values, "clientId"),
        clientSecret: str(values, "clientSecret"),
        displayName: str(values, "displayName"),
        emailDomains: str(values, "emailDomains"),
        scopes: str(values, "scopes"),
        membershipClaim: str(values, "membershipClaim"),
      }),
      schema: ProviderUpdate,
    },
    render: ({ actor, request, now, params: { providerId }, form }) =>
      providerPage(
        { actor, request, now, providerId },
        form && { kind: "edit", values: { ...form.values, clientSecret: "" }, errors: form.errors },
      ),
    handle: async ({ actor, now, m, data, params: { providerId } }) => {
      const p = await updateProvider({ db, actor, now, secrets, providerId, input: data });
      return redirect(backTo(providerId, "edit-provider"), format(m.oidc.admin.saved, { name: p.displayName }));
    },
  });

  page({
    method: "POST",
    url: "/admin/identity-providers/:providerId/mappings",
    access: "session",
    params: ids("providerId"),
    load: manage,
    form: {
      read: (values): MappingFormValues => ({
        claimValue: str(values, "claimValue"),
        organisationNumber: str(values, "organisationNumber"),
        roles: list(values, "roles"),
      }),
      schema: ClaimMappingInput,
    },
    render: ({ actor, request, now, params: { providerId }, form }) =>
      providerPage({ actor, request, now, providerId }, form && { kind: "mapping", ...form }),
    handle: async ({ actor, now, m, data, params: { providerId } }) => {
      await addClaimMapping({ db, actor, now, providerId, input: data });
      return redirect(backTo(providerId, "claim-mappings"), format(m.oidc.admin.mappingAdded, { value: data.claimValue }));
    },
  });

  page({
    method: "POST",
    url: "/admin/identity-providers/:providerId/mappings/:mappingId/remove",
    access: "session",
    params: ids("providerId", "mappingId"),
    load: manage,
    handle: async ({ actor, now, m, params: { providerId, mappingId } }) => {
      await removeClaimMapping({ db, actor, now, providerId, mappingId });
      return redirect(backTo(providerId, "claim-mappings"), m.oidc.admin.mappingRemoved);
    },
  });

  page({
    method: "POST",
    url: "/admin/identity-providers/:providerId/link-grants",
    access: "session",
    params: ids("providerId"),
    load: manage,
    form: {
      read: (values): GrantFormValues => ({ email: str(values, "email") }),
      schema: z.object({ email }),
    },
    render: ({ actor, request, now, params: { providerId }, form }) =>
      providerPage({ actor, request, now, providerId }, form && { kind: "grant", ...form }),
    handle: async ({ actor, now, m, data, params: { providerId } }) => {
      const granted = await grantLink({ db, actor, now, providerId, email: data.email });
      return redirect(backTo(providerId, "link-grants"), format(m.oidc.admin.granted, { email: granted.email }));
    },
  });

  page({
    method: "POST",
    url: "/admin/identity-providers/:providerId/link-grants/:userId/revoke",
    access: "session",
    params: ids("providerId", "userId"),
    load: manage,
    handle: async ({ actor, now, m, params: { providerId, userId } }) => {
      await revokeLinkGrant({ db, actor, now, providerId, userId });
      return redirect(backTo(providerId, "link-grants"), m.oidc.admin.revoked);
    },
  });

  page({
    method: "POST",
    url: "/admin/identity-providers/:providerId/identities/unlink",
    access: "session",
    params: ids("providerId"),
    load: manage,
    handle: async ({ actor, now, m, body, params: { providerId } }) => {
      const subject = str(body, "subject");
      if (!subject || subject.length > 500) throw new DomainError("NOT_FOUND", "no such linked identity");
      const removed = await unlinkIdentity({ db, actor, now, providerId, subject });
      return redirect(backTo(providerId, "linked-accounts"), format(m.oidc.admin.unlinked, { email: removed.email }));
    },
  });
}
