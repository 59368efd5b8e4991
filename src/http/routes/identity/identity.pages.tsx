import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { stockholmDay } from "../../../domain/follow-up/follow-up-rules.ts";
import { acceptInvitation, checkInvitation, type InvitationPreview } from "../../../domain/identity/accept-invitation.ts";
import { createPersonalToken, listPersonalTokens, revokePersonalToken } from "../../../domain/identity/api-tokens.ts";
import { authenticatePassword } from "../../../domain/identity/authenticate-password.ts";
import { changeLocale } from "../../../domain/identity/change-locale.ts";
import { loadActor } from "../../../domain/identity/load-actor.ts";
import { endSession, startSession, switchOrganisation } from "../../../domain/identity/sessions.ts";
import { DomainError } from "../../../domain/shared/domain-error.ts";
import { newPassword } from "../../../domain/shared/field-rules.ts";
import { listMyTasks } from "../../../domain/tasks/list-my-tasks.ts";
import { titledTasks } from "../../../domain/tasks/titled-tasks.ts";
import { format, messagesFor } from "../../../i18n/index.ts";
import type { Messages } from "../../../i18n/messages.ts";
import type { FormErrors } from "../../../ui/page-context.ts";
import { AccessibilityPage } from "../../../ui/pages/identity/accessibility-page.tsx";
import { HomePage } from "../../../ui/pages/identity/home-page.tsx";
import { InvitationPage } from "../../../ui/pages/identity/invitation-page.tsx";
import { LoginPage } from "../../../ui/pages/identity/login-page.tsx";
import { SettingsPage } from "../../../ui/pages/identity/settings-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { clearCookie, LOCALE_COOKIE, SESSION_COOKIE, setCookie, setFlash } from "../../cookies.ts";
import { rotateCsrf } from "../../csrf.ts";
import { formValues, parseForm, str } from "../../form.ts";
import { readKnownDevice, rememberDevice } from "../../known-device.ts";
import { requireSession, safeReturnPath, sendPage } from "../../render.ts";
import { LoginBody } from "./identity.schema.ts";

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

export function identityPages({ app, db, secrets }: AppScope) {
  app.get<{ Querystring: { next?: string } }>("/login", async (request, reply) => {
    if (request.auth?.via === "session") return reply.redirect(safeReturnPath(request.query.next), 303);
    return sendPage(request, reply, (ctx) => <LoginPage ctx={ctx} next={safeReturnPath(request.query.next)} />);
  });

  app.post("/login", async (request, reply) => {
    const values = formValues(request.body);
    const next = safeReturnPath(str(values, "next"));
    const parsed = parseForm(LoginBody, values);
    if (!parsed.ok) {
      return sendPage(
        request,
        reply,
        (ctx) => <LoginPage ctx={ctx} next={next} email={str(values, "email")} errors={parsed.errors} />,
        400,
      );
    }
    try {
      const knownDevice = readKnownDevice(request, secrets, request.now);
      const user = await authenticatePassword({ db, ...parsed.data, ip: request.ip, now: request.now, knownDevice });
      const actor = await loadActor(db, user);
      if (!actor) throw new Error("user vanished during login");
      const session = await startSession({ db, actor, now: request.now });
      setCookie(request, reply, SESSION_COOKIE, session.token, session.maxAgeSeconds);
      rotateCsrf(request, reply, secrets, session.token);
      rememberDevice(request, reply, { secrets, userId: user.id, previous: knownDevice, now: request.now });
      return reply.redirect(next, 303);
    } catch (e) {
      if (!(e instanceof DomainError) || (e.code !== "INVALID_CREDENTIALS" && e.code !== "LOGIN_RATE_LIMITED")) throw e;
      const m = messagesFor(request.locale);
      const limited = e.code === "LOGIN_RATE_LIMITED";
      const failure = limited ? format(m.login.rateLimited, { wait: waitText(m, e.details.retryAfterSeconds ?? 60) }) : m.login.invalid;
      if (limited) reply.header("retry-after", String(e.details.retryAfterSeconds ?? 60));
      return sendPage(
        request,
        reply,
        (ctx) => <LoginPage ctx={ctx} next={next} email={parsed.data.email} failure={failure} />,
        limited ? 429 : 401,
      );
    }
  });

  app.post("/logout", async (request, reply) => {
    const auth = request.auth;
    if (auth?.via === "session") await endSession({ db, token: auth.token, actor: auth.actor, now: request.now });
    clearCookie(request, reply, SESSION_COOKIE);
    rotateCsrf(request, reply, secrets, null);
    return reply.redirect("/login", 303);
  });

  app.get("/", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const tasks = titledTasks(messagesFor(request.locale), await listMyTasks({ db, actor: auth.actor, now: request.now }));
    return sendPage(request, reply, (ctx) => <HomePage ctx={ctx} tasks={tasks} today={stockholmDay(request.now)} />);
  });

  app.get("/accessibility", async (request, reply) => sendPage(request, reply, (ctx) => <AccessibilityPage ctx={ctx} />));

  // The header's language button: stored on the user when logged in, in a cookie before that.
  app.post("/language", async (request, reply) => {
    const values = formValues(request.body);
    const locale = str(values, "locale") === "en" ? "en" : "sv";
    const auth = request.auth;
    if (auth?.via === "session") await changeLocale({ db, actor: auth.actor, now: request.now, locale });
    setCookie(request, reply, LOCALE_COOKIE, locale, 365 * 86_400);
    return reply.redirect(safeReturnPath(str(values, "returnTo")), 303);
  });

  app.post("/session/organisation", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const values = formValues(request.body);
    const organisationId = z.uuid().safeParse(str(values, "organisationId"));
    if (!organisationId.success) throw new DomainError("NOT_FOUND", "organisation not found");
    await switchOrganisation({ db, token: auth.token, actor: auth.actor, organisationId: organisationId.data });
    return reply.redirect(safeReturnPath(str(values, "returnTo")), 303);
  });

  app.get("/settings", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const tokens = await listPersonalTokens({ db, actor: auth.actor });
    return sendPage(request, reply, (ctx) => <SettingsPage ctx={ctx} tokens={tokens} />);
  });

  app.post("/settings/language", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const locale = str(formValues(request.body), "locale") === "en" ? "en" : "sv";
    await changeLocale({ db, actor: auth.actor, now: request.now, locale });
    setCookie(request, reply, LOCALE_COOKIE, locale, 365 * 86_400);
    setFlash(request, reply, messagesFor(locale).settings.languageSaved);
    return reply.redirect("/settings", 303);
  });

  app.post("/settings/tokens", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const values = formValues(request.body);
    const parsed = parseForm(TokenForm, values);
    if (!parsed.ok) {
      const tokens = await listPersonalTokens({ db, actor: auth.actor });
      const tokenForm = { values: { name: str(values, "name"), expiresInDays: str(values, "expiresInDays") }, errors: parsed.errors };
      return sendPage(request, reply, (ctx) => <SettingsPage ctx={ctx} tokens={tokens} tokenForm={tokenForm} />, 400);
    }
    const created = await createPersonalToken({ db, actor: auth.actor, now: request.now, ...parsed.data });
    const tokens = await listPersonalTokens({ db, actor: auth.actor });
    // The secret is shown once, in this response, and never stored in clear anywhere.
    return sendPage(request, reply, (ctx) => <SettingsPage ctx={ctx} tokens={tokens} newToken={created.token} />, 201);
  });

  app.post<{ Params: { tokenId: string } }>("/settings/tokens/:tokenId/revoke", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const tokenId = z.uuid().safeParse(request.params.tokenId);
    if (!tokenId.success) throw new DomainError("NOT_FOUND", "token not found");
    await revokePersonalToken({ db, actor: auth.actor, now: request.now, tokenId: tokenId.data });
    setFlash(request, reply, messagesFor(request.locale).settings.tokenRevoked);
    return reply.redirect("/settings", 303);
  });

  const previewOf = (token: string, now: Date) =>
    checkInvitation({ db, token, now }).catch((e: unknown) => {
      if (e instanceof DomainError && e.code === "INVITATION_INVALID") return null;
      throw e;
    });

  /** The link's page shows what fits who opened it: choose a password, sign in first, join, or the wrong account. */
  const invitationPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    token: string,
    invitation: InvitationPreview | null,
    errors?: FormErrors,
  ) => {
    const signedInAs = request.auth?.via === "session" ? request.auth.actor.email : null;
    const status = !invitation ? 410 : errors ? 400 : signedInAs && signedInAs !== invitation.email ? 403 : 200;
    return sendPage(
      request,
      reply,
      (ctx) => <InvitationPage ctx={ctx} token={token} invitation={invitation} signedInAs={signedInAs} errors={errors} />,
      status,
    );
  };

  app.get<{ Params: { token: string } }>("/invitation/:token", async (request, reply) => {
    const { token } = request.params;
    return invitationPage(request, reply, token, await previewOf(token, request.now));
  });

  app.post<{ Params: { token: string } }>("/invitation/:token", async (request, reply) => {
    const { token } = request.params;
    const invitation = await previewOf(token, request.now);
    if (!invitation) return invitationPage(request, reply, token, null);
    const actor = request.auth?.via === "session" ? request.auth.actor : null;
    let password: string | null = null;
    if (!actor && !invitation.signInRequired) {
      const parsed = parseForm(PasswordForm, formValues(request.body));
      if (!parsed.ok) return invitationPage(request, reply, token, invitation, parsed.errors);
      password = parsed.data.password;
    }
    const accepted = await acceptInvitation({ db, token, password, actor, now: request.now }).catch((e: unknown) => {
      if (e instanceof DomainError && e.code === "INVITATION_INVALID") return null;
      throw e;
    });
    if (!accepted) return invitationPage(request, reply, token, null);
    setFlash(request, reply, format(messagesFor(request.locale).invitation.joined, { organisation: invitation.organisationName }));
    if (actor && request.auth) {
      const member = await loadActor(db, actor.userId);
      if (member) await switchOrganisation({ db, token: request.auth.token, actor: member, organisationId: accepted.organisationId });
      return reply.redirect(`/organisations/${accepted.organisationId}`, 303);
    }
    const person = await loadActor(db, accepted.user);
    if (!person) throw new Error("user vanished after accepting an invitation");
    const session = await startSession({ db, actor: person, now: request.now });
    setCookie(request, reply, SESSION_COOKIE, session.token, session.maxAgeSeconds);
    rotateCsrf(request, reply, secrets, session.token);
    return reply.redirect("/", 303);
  });
}
