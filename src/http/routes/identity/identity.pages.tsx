import { z } from "zod";
import { stockholmDay } from "../../../domain/follow-up/follow-up-rules.ts";
import { acceptInvitation, checkInvitation, type InvitationPreview } from "../../../domain/identity/accept-invitation.ts";
import { createPersonalToken, listPersonalTokens, revokePersonalToken } from "../../../domain/identity/api-tokens.ts";
import { authenticatePassword } from "../../../domain/identity/authenticate-password.ts";
import { changeLocale } from "../../../domain/identity/change-locale.ts";
import { loadActor } from "../../../domain/identity/load-actor.ts";
import { endSession, switchOrganisation } from "../../../domain/identity/sessions.ts";
import { accountSignIn, enabledProviders, findProvider, providerServing } from "../../../domain/oidc/manage-providers.ts";
import { DomainError } from "../../../domain/shared/domain-error.ts";
import { newPassword } from "../../../domain/shared/field-rules.ts";
import { listMyTasks } from "../../../domain/tasks/list-my-tasks.ts";
import { titledTasks } from "../../../domain/tasks/titled-tasks.ts";
import { format, messagesFor } from "../../../i18n/index.ts";
import type { Messages } from "../../../i18n/messages.ts";
import type { FormErrors } from "../../../ui/page-context.ts";
import { AccessibilityPage } from "../../../ui/pages/identity/accessibility-page.tsx";
import { ContinuePage } from "../../../ui/pages/identity/continue-page.tsx";
import { HomePage } from "../../../ui/pages/identity/home-page.tsx";
import { InvitationPage } from "../../../ui/pages/identity/invitation-page.tsx";
import { LoginPage, signInPath } from "../../../ui/pages/identity/login-page.tsx";
import { SettingsPage } from "../../../ui/pages/identity/settings-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { startBrowserSession } from "../../browser-session.ts";
import { clearCookie, LOCALE_COOKIE, SESSION_COOKIE, setCookie } from "../../cookies.ts";
import { rotateCsrf } from "../../csrf.ts";
import { parseForm, str } from "../../form.ts";
import { readKnownDevice, rememberDevice } from "../../known-device.ts";
import { nullWhen, type PageOutcome, redirect, show } from "../../page-route.ts";
import { ids, pathValue } from "../../path-id.ts";
import { safeReturnPath } from "../../render.ts";
import { LoginForm } from "./identity.schema.ts";

const TokenForm = z.object({
  name: z.string().trim().min(1, { error: "required" }).max(100, { error: "too_long" }),
  expiresInDays: z
    .string()
    .trim()
    .transform((s) => (s === "" ? null : Number(s)))
    .pipe(z.number({ error: "invalid" }).int({ error: "invalid" }).min(1, { error: "invalid" }).max(3650, { error: "invalid" }).nullable()),
});

const PasswordForm = z
  .object({ password: newPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "passwords_differ" });

/** How long to wait, as a person says it: seconds under a minute, then whole minutes rounded up. */
function waitText(m: Messages, seconds: number): string {
  if (seconds < 60) return format(m.login.waitSeconds, { n: Math.max(1, Math.ceil(seconds)) });
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? m.login.waitMinute : format(m.login.waitMinutes, { n: minutes });
}

export function identityPages({ page, db, secrets, relyingParty, publicUrl }: AppScope) {
  page({
    method: "GET",
    url: "/login",
    access: "public",
    // Any value, even a repeated one, is a return path or the start page, never a 400.
    query: z.object({
      next: z
        .unknown()
        .optional()
        .transform((next) => safeReturnPath(next)),
    }),
    handle: async ({ session, query: { next } }) => {
      if (session) return redirect(next);
      const providers = await enabledProviders(db);
      return show((ctx) => <LoginPage ctx={ctx} next={next} providers={providers} />);
    },
  });

  page({
    method: "POST",
    url: "/login",
    access: "public",
    form: {
      read: (values) => ({ email: str(values, "email"), next: safeReturnPath(str(values, "next")) }),
      schema: LoginForm,
      input: (_shown, values) => values,
    },
    render: async ({ form }) => {
      const providers = await enabledProviders(db);
      return (ctx) => (
        <LoginPage ctx={ctx} next={form?.values.next ?? "/"} email={form?.values.email} errors={form?.errors} providers={providers} />
      );
    },
    handle: async ({ request, reply, now, data, shown }) => {
      if (!data.password) {
        // Only the address given: one whose domain a provider serves goes there, the rest are asked for a password.
        const provider = await providerServing(db, data.email);
        if (provider) {
          const to = signInPath(provider.id, shown.next);
          return show((ctx) => <ContinuePage ctx={ctx} to={to} name={provider.displayName} />);
        }
        throw new DomainError("VALIDATION_FAILED", "password required", {
          fields: [{ path: ["password"], code: "required", message: "required" }],
        });
      }
      const knownDevice = readKnownDevice(request, secrets, now);
      const user = await authenticatePassword({ db, ...data, ip: request.ip, now, knownDevice });
      const actor = await loadActor(db, user);
      if (!actor) throw new Error("user vanished during login");
      await startBrowserSession({ db, secrets, request, reply, actor, now });
      rememberDevice(request, reply, { secrets, userId: user.id, previous: knownDevice, now });
      return redirect(shown.next);
    },
    refused: async (e, { reply, m, data, shown }) => {
      const providers = await enabledProviders(db);
      if (e.code === "PASSWORD_LOGIN_DISABLED" && e.details.signInProvider) {
        const { id, displayName } = e.details.signInProvider;
        const failure = format(m.oidc.passwordOff, { name: displayName });
        // Only the organisation's provider is offered: the others would not let her in either.
        const only = providers.filter((p) => p.id === id);
        return show((ctx) => <LoginPage ctx={ctx} next={shown.next} email={data.email} failure={failure} providers={only} />, 403);
      }
      if (e.code !== "INVALID_CREDENTIALS" && e.code !== "LOGIN_RATE_LIMITED") return undefined;
      const limited = e.code === "LOGIN_RATE_LIMITED";
      const failure = limited ? format(m.login.rateLimited, { wait: waitText(m, e.details.retryAfterSeconds ?? 60) }) : m.login.invalid;
      if (limited) reply.header("retry-after", String(e.details.retryAfterSeconds ?? 60));
      return show(
        (ctx) => <LoginPage ctx={ctx} next={shown.next} email={data.email} failure={failure} providers={providers} />,
        limited ? 429 : 401,
      );
    },
  });

  page({
    method: "POST",
    url: "/logout",
    access: "public",
    handle: async ({ request, reply, now, session }) => {
      const ended = session ? await endSession({ db, token: session.token, actor: session.actor, now }) : null;
      clearCookie(request, reply, SESSION_COOKIE);
      rotateCsrf(request, reply, secrets, null);
      // Signed in through a provider: end the session there too where it offers that (RP-initiated
      // logout), so the next person at this computer is not signed straight back in.
      const provider = ended ? await findProvider(db, ended.providerId) : undefined;
      if (ended && provider?.enabled) {
        const there = await relyingParty.logoutUrl(provider, ended.idToken, `${publicUrl(request)}/login`);
        if (there) return show((ctx) => <ContinuePage ctx={ctx} to={there.href} name={provider.displayName} />);
      }
      return redirect("/login");
    },
  });

  page({
    method: "GET",
    url: "/",
    access: "session",
    load: async ({ actor, now, m }) => ({ tasks: titledTasks(m, await listMyTasks({ db, actor, now })), today: stockholmDay(now) }),
    render:
      ({ loaded }) =>
      (ctx) => <HomePage ctx={ctx} tasks={loaded.tasks} today={loaded.today} />,
  });

  page({ method: "GET", url: "/accessibility", access: "public", render: () => (ctx) => <AccessibilityPage ctx={ctx} /> });

  // The header's language button: stored on the user when logged in, in a cookie before that.
  page({
    method: "POST",
    url: "/language",
    access: "public",
    handle: async ({ request, reply, now, actor, body }) => {
      const locale = str(body, "locale") === "en" ? "en" : "sv";
      if (actor) await changeLocale({ db, actor, now, locale });
      setCookie(request, reply, LOCALE_COOKIE, locale, 365 * 86_400);
      return redirect(safeReturnPath(str(body, "returnTo")));
    },
  });

  page({
    method: "POST",
    url: "/session/organisation",
    access: "session",
    handle: async ({ session, actor, body }) => {
      const organisationId = pathValue(z.uuid(), str(body, "organisationId"));
      await switchOrganisation({ db, token: session.token, actor, organisationId });
      return redirect(safeReturnPath(str(body, "returnTo")));
    },
  });

  page({
    method: "GET",
    url: "/settings",
    access: "session",
    render: async ({ actor }) => {
      const tokens = await listPersonalTokens({ db, actor });
      const signIn = await accountSignIn({ db, actor });
      return (ctx) => <SettingsPage ctx={ctx} tokens={tokens} signIn={signIn} />;
    },
  });

  page({
    method: "POST",
    url: "/settings/language",
    access: "session",
    handle: async ({ request, reply, actor, now, body }) => {
      const locale = str(body, "locale") === "en" ? "en" : "sv";
      await changeLocale({ db, actor, now, locale });
      setCookie(request, reply, LOCALE_COOKIE, locale, 365 * 86_400);
      return redirect("/settings", messagesFor(locale).settings.languageSaved);
    },
  });

  page({
    method: "POST",
    url: "/settings/tokens",
    access: "session",
    form: {
      read: (values) => ({ name: str(values, "name"), expiresInDays: str(values, "expiresInDays") }),
      schema: TokenForm,
    },
    render: async ({ actor, form }) => {
      const tokens = await listPersonalTokens({ db, actor });
      const signIn = await accountSignIn({ db, actor });
      return (ctx) => <SettingsPage ctx={ctx} tokens={tokens} tokenForm={form} signIn={signIn} />;
    },
    handle: async ({ actor, now, data }) => {
      const created = await createPersonalToken({ db, actor, now, ...data });
      const tokens = await listPersonalTokens({ db, actor });
      const signIn = await accountSignIn({ db, actor });
      // The secret is shown once, in this response, and never stored in clear anywhere.
      return show((ctx) => <SettingsPage ctx={ctx} tokens={tokens} newToken={created.token} signIn={signIn} />, 201);
    },
  });

  page({
    method: "POST",
    url: "/settings/tokens/:tokenId/revoke",
    access: "session",
    params: ids("tokenId"),
    handle: async ({ actor, now, m, params: { tokenId } }) => {
      await revokePersonalToken({ db, actor, now, tokenId });
      return redirect("/settings", m.settings.tokenRevoked);
    },
  });

  const TokenParams = z.object({ token: z.string() });
  const previewOf = (token: string, now: Date) => nullWhen("INVITATION_INVALID", checkInvitation({ db, token, now }));

  /** The link's page shows what fits who opened it: choose a password, sign in first, join, or the wrong account. */
  const invitationPage = (
    { actor, params: { token } }: { actor: { email: string } | null; params: { token: string } },
    invitation: InvitationPreview | null,
    errors?: FormErrors,
  ): PageOutcome => {
    const signedInAs = actor?.email ?? null;
    const status = !invitation ? 410 : errors ? 400 : signedInAs && signedInAs !== invitation.email ? 403 : 200;
    return show(
      (ctx) => <InvitationPage ctx={ctx} token={token} invitation={invitation} signedInAs={signedInAs} errors={errors} />,
      status,
    );
  };

  page({
    method: "GET",
    url: "/invitation/:token",
    access: "public",
    params: TokenParams,
    handle: async (input) => invitationPage(input, await previewOf(input.params.token, input.now)),
  });

  page({
    method: "POST",
    url: "/invitation/:token",
    access: "public",
    params: TokenParams,
    handle: async (input) => {
      const {
        request,
        reply,
        now,
        actor,
        session,
        body,
        m,
        params: { token },
      } = input;
      const invitation = await previewOf(token, now);
      if (!invitation) return invitationPage(input, null);
      let password: string | null = null;
      if (!actor && !invitation.signInRequired) {
        const parsed = parseForm(PasswordForm, body);
        if (!parsed.ok) return invitationPage(input, invitation, parsed.errors);
        password = parsed.data.password;
      }
      const accepted = await nullWhen("INVITATION_INVALID", acceptInvitation({ db, token, password, actor, now }));
      if (!accepted) return invitationPage(input, null);
      const joined = format(m.invitation.joined, { organisation: invitation.organisationName });
      if (actor && session) {
        const member = await loadActor(db, actor.userId);
        if (member) await switchOrganisation({ db, token: session.token, actor: member, organisationId: accepted.organisationId });
        return redirect(`/organisations/${accepted.organisationId}`, joined);
      }
      const person = await loadActor(db, accepted.user);
      if (!person) throw new Error("user vanished after accepting an invitation");
      await startBrowserSession({ db, secrets, request, reply, actor: person, now });
      return redirect("/", joined);
    },
  });
}
