import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ReactElement } from "react";
import type { z } from "zod";
import type { Actor } from "../domain/access/actor.ts";
import { DomainError, type DomainErrorCode, type FieldIssue } from "../domain/shared/domain-error.ts";
import { fieldIssues, parseOrThrow } from "../domain/shared/zod-issues.ts";
import { type Locale, type Messages, messagesFor } from "../i18n/index.ts";
import type { FormErrors, Notice, PageContext } from "../ui/page-context.ts";
import { setFlash } from "./cookies.ts";
import { HTTP_STATUS } from "./errors/error-map.ts";
import { logCause } from "./errors/log-cause.ts";
import { type FormValues, formValues, toFormErrors } from "./form.ts";
import { pathValue } from "./path-id.ts";
import { sendPage } from "./render.ts";
import "./request-context.ts";

/** A page as the UI draws it, given the request's page context. */
export type PageView = (ctx: PageContext) => ReactElement;

/** What a page route answers: a page with its status, or a 303 redirect with an optional flash notice. */
export type PageOutcome = { view: PageView; status: number } | { redirect: string; notice?: Notice };

export const show = (view: PageView, status = 200): PageOutcome => ({ view, status });
/** A redirect whose notice, if any, the page shows at its top. */
export const redirect = (to: string, notice?: string): PageOutcome =>
  notice === undefined ? { redirect: to } : { redirect: to, notice: { text: notice, at: null } };
/**
 * A redirect to the element `at` on the page `path` (its fragment), with the notice shown beside
 * that element: a notice at the top would be out of view where the browser lands.
 */
export const redirectBeside = (path: string, at: string, notice: string): PageOutcome => ({
  redirect: `${path}#${at}`,
  notice: { text: notice, at },
});

export type PageAccess = "public" | "session";
export type Session = { actor: Actor; token: string; activeOrganisationId: string | null };

/** Who is asking: on a session page always someone signed in; on a public page perhaps nobody. */
type Who<A extends PageAccess> = A extends "session"
  ? { actor: Actor; session: Session }
  : { actor: Actor | null; session: Session | null };

export type PageInput<A extends PageAccess, P, Q> = Who<A> & {
  params: P;
  query: Q;
  /** The posted form without the CSRF token (empty on GET), for buttons whose value is not a form to redo. */
  body: FormValues;
  request: FastifyRequest;
  reply: FastifyReply;
  now: Date;
  locale: Locale;
  m: Messages;
};

/** A form as the page shows it again: the values as typed and what is wrong with them. */
export type FormState<S> = { values: S; errors: FormErrors };

/** A refusal shown on the same page: the form again with these errors (and, say, a freshly loaded record). */
export type Refusal<L, S> = { errors: FormErrors; status: number; loaded?: L; values?: S };

type Loaded<A extends PageAccess, P, Q, L> = PageInput<A, P, Q> & { loaded: L };

export type PageRoute<A extends PageAccess, P, Q, L, S, D> = {
  method: "GET" | "POST";
  /** Fastify path, e.g. /organisations/:organisationId */
  url: string;
  /** "session": anyone not signed in goes to /login?next=… first. "public": anyone. */
  access: A;
  /** Path parameters; any that do not parse name nothing, so the page is not found (404). */
  params?: z.ZodType<P>;
  /** The query string; one that does not parse is a bad request (400 with field paths). */
  query?: z.ZodType<Q>;
  /** For forms that may carry more than the app's default body limit. */
  bodyLimit?: number;
  /**
   * What the page and the form need, read (and authorised) before the form is: only those who may
   * use the page hear what was wrong with what they sent. Its errors go to the error pages.
   */
  load?: (input: PageInput<A, P, Q>) => Promise<L>;
  /**
   * The form: `read` gives the values as the page shows them again (text with LF line breaks,
   * lists), `input` what the schema parses (by default the shown values), `issues` on which field
   * each problem belongs (by default the first path segment). Values that do not parse show the
   * page again with the errors, at 400.
   */
  form?: {
    read: (values: FormValues, loaded: L) => S;
    schema: z.ZodType<D>;
    input?: (shown: S, values: FormValues, loaded: L) => unknown;
    issues?: (issues: FieldIssue[], loaded: L) => FormErrors;
  };
  /** The page: on GET as it is, after a refused form with that form. */
  render?: (input: Loaded<A, P, Q, L> & { form?: FormState<S> }) => PageView | Promise<PageView>;
  /**
   * What the route does once access, params, load and form are settled: a redirect, a page, or
   * the reply it sent itself (a file). Without it the route shows `render`.
   */
  handle?: (input: Loaded<A, P, Q, L> & { data: D; shown: S }) => Promise<PageOutcome | FastifyReply>;
  /**
   * Domain errors from `handle` that the page answers itself: the form again with errors, or another
   * outcome; `undefined` passes the error on. Unanswered, an error with field issues shows the form
   * again with them (at the code's status) on a route with a form; everything else goes to the
   * error pages.
   */
  refused?: (
    error: DomainError,
    input: Loaded<A, P, Q, L> & { data: D; shown: S },
  ) => Refusal<L, S> | PageOutcome | undefined | Promise<Refusal<L, S> | PageOutcome | undefined>;
};

/** Spreading a conditional type loses it in TypeScript; the intersection is what the spread makes. */
const extend = <T extends object, U extends object>(t: T, u: U): T & U => ({ ...t, ...u }) as T & U;

/** What `promise` gives, or null when it fails with the domain error `code` (say, an invitation no longer valid). */
export async function nullWhen<T>(code: DomainErrorCode, promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof DomainError && error.code === code) return null;
    throw error;
  }
}

const isRefusal = <L, S>(value: Refusal<L, S> | PageOutcome): value is Refusal<L, S> => "errors" in value;

/**
 * Registers one HTML route: declares who may open it, parses params and query with zod, loads
 * what the page needs, parses the form, and shows the page, a redirect with a flash notice, or the
 * same page again with the form's errors when the input or the use case refuses it.
 */
export function pageRoute<
  A extends PageAccess,
  P = Record<string, never>,
  Q = Record<string, never>,
  L = undefined,
  S = FormValues,
  D = FormValues,
>(app: FastifyInstance, route: PageRoute<A, P, Q, L, S, D>) {
  if (route.form && !route.render) throw new Error(`${route.method} ${route.url}: a form needs a page to show its errors on`);
  app.route({
    method: route.method,
    url: route.url,
    ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
    handler: async (request, reply) => {
      const auth = request.auth?.via === "session" ? request.auth : null;
      if (route.access === "session" && !auth) return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
      const session: Session | null = auth
        ? { actor: auth.actor, token: auth.token, activeOrganisationId: auth.activeOrganisationId }
        : null;
      const params = (route.params ? pathValue(route.params, request.params) : {}) as P;
      const query = (route.query ? parseOrThrow(route.query, request.query) : {}) as Q;
      // On a session route `auth` is present here, which is what Who<"session"> promises.
      const base = {
        actor: session?.actor ?? null,
        session,
        params,
        query,
        body: request.method === "POST" ? formValues(request.body) : {},
        request,
        reply,
        now: request.now,
        locale: request.locale,
        m: messagesFor(request.locale),
      } as PageInput<A, P, Q>;
      const loaded = (route.load ? await route.load(base) : undefined) as L;
      const input: Loaded<A, P, Q, L> = extend(base, { loaded });

      const answer = async (outcome: PageOutcome | FastifyReply | undefined) => {
        // A handler that answered itself (a download, a stream) is done, whether or not it returned the reply.
        if (outcome === reply || reply.sent) return reply;
        if (outcome === undefined) throw new Error(`${route.method} ${route.url}: the handler neither answered nor returned an outcome`);
        const o = outcome as PageOutcome;
        if ("redirect" in o) {
          if (o.notice !== undefined) setFlash(request, reply, o.notice);
          return reply.redirect(o.redirect, 303);
        }
        return sendPage(request, reply, o.view, o.status);
      };
      const again = async (refusal: Refusal<L, S>, shown: S) => {
        if (!route.render) throw new Error("unreachable: checked when registered");
        const view = await route.render(
          extend(input, { loaded: refusal.loaded ?? loaded, form: { values: refusal.values ?? shown, errors: refusal.errors } }),
        );
        return sendPage(request, reply, view, refusal.status);
      };

      const form = route.form;
      let shown = base.body as unknown as S;
      let data = base.body as unknown as D;
      if (form) {
        shown = form.read(base.body, loaded);
        const parsed = form.schema.safeParse(form.input ? form.input(shown, base.body, loaded) : shown);
        if (!parsed.success) {
          const issues = fieldIssues(parsed.error);
          return again({ errors: form.issues ? form.issues(issues, loaded) : toFormErrors(issues), status: 400 }, shown);
        }
        data = parsed.data;
      }

      if (!route.handle) {
        if (!route.render) throw new Error(`${route.method} ${route.url}: neither a page nor a handler`);
        return sendPage(request, reply, await route.render(extend(input, { form: undefined })));
      }
      let outcome: PageOutcome | FastifyReply | undefined;
      try {
        outcome = await route.handle(extend(input, { data, shown }));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const refused = await route.refused?.(error, extend(input, { data, shown }));
        if (refused) {
          logCause(request, error);
          if (error.details.retryAfterSeconds) reply.header("retry-after", String(error.details.retryAfterSeconds));
          return isRefusal(refused) ? again(refused, shown) : answer(refused);
        }
        if (form && error.details.fields) {
          logCause(request, error);
          const errors = form.issues ? form.issues(error.details.fields, loaded) : toFormErrors(error.details.fields);
          return again({ errors, status: HTTP_STATUS[error.code] }, shown);
        }
        throw error;
      }
      return answer(outcome);
    },
  });
}
