import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Actor } from "../../domain/access/actor.ts";
import { DomainError } from "../../domain/shared/domain-error.ts";
import { parseOrThrow } from "../../domain/shared/zod-issues.ts";
import "../request-context.ts";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

type Input<P, Q, B, H> = { params: P; query: Q; body: B; headers: H; request: FastifyRequest; reply: FastifyReply; now: Date };

export type ApiRoute<P, Q, B, R, H = Record<string, never>> = {
  method: Method;
  /** Fastify path, e.g. /api/v1/organisations/:organisationId */
  url: string;
  summary: string;
  tag: string;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Request headers the route reads (lower-case names), e.g. if-match; documented as header parameters. */
  headers?: z.ZodType<H>;
  /** When the route answers 409, and why: documented in the OpenAPI document. */
  conflict?: string;
  /** A body that is not JSON (the validator's XML): the media types it may come in, read by the handler itself. */
  rawBody?: { mediaTypes: readonly string[]; maxBytes: number };
  /**
   * What a success answers: JSON described by `schema`, a file in one of the `files` media types
   * (the handler sets Content-Type), or nothing.
   */
  response: { status: 200 | 201 | 204; schema?: z.ZodType<R>; files?: readonly [string, ...string[]] };
} & (
  | { access: "public"; handler: (input: Input<P, Q, B, H>) => Promise<R> }
  | { access: "authenticated"; handler: (input: Input<P, Q, B, H> & { actor: Actor; token: string }) => Promise<R> }
);

/** Every API route, kept so the OpenAPI document and the tenant-isolation test see exactly what is served. */
export type RegisteredApiRoute = Pick<
  ApiRoute<unknown, unknown, unknown, unknown>,
  "method" | "url" | "summary" | "tag" | "params" | "query" | "body" | "headers" | "conflict" | "rawBody" | "response" | "access"
>;

/**
 * Registers one API route: parses params, query and body with zod (400 with field paths when
 * they do not parse), insists on a bearer token unless the route is public, and records the
 * route for /api/openapi.json.
 */
export function apiRoute<P = Record<string, never>, Q = Record<string, never>, B = undefined, R = unknown, H = Record<string, never>>(
  app: FastifyInstance,
  registry: RegisteredApiRoute[],
  route: ApiRoute<P, Q, B, R, H>,
) {
  registry.push(route as unknown as RegisteredApiRoute);
  app.route({
    method: route.method,
    url: route.url,
    config: { access: route.access },
    handler: async (request, reply) => {
      const params = (route.params ? parseOrThrow(route.params, request.params) : {}) as P;
      const query = (route.query ? parseOrThrow(route.query, request.query) : {}) as Q;
      const body = (route.body ? parseOrThrow(route.body, request.body ?? {}) : undefined) as B;
      const headers = (route.headers ? parseOrThrow(route.headers, request.headers) : {}) as H;
      const base = { params, query, body, headers, request, reply, now: request.now };
      let result: R;
      if (route.access === "public") {
        result = await route.handler(base);
      } else {
        if (!request.auth) throw new DomainError("UNAUTHENTICATED", "a bearer token is required");
        result = await route.handler({ ...base, actor: request.auth.actor, token: request.auth.token });
      }
      // A handler whose status depends on the input (the flow import: 200, 201 or 400 with the same body) answers itself.
      if ((result as unknown) === reply) return reply;
      reply.code(route.response.status);
      if (route.response.status === 204) return reply.send();
      return result;
    },
  });
}

export const ErrorBody = z
  .object({
    code: z.string().meta({ description: "Machine-readable error code, e.g. VALIDATION_FAILED, NOT_FOUND" }),
    message: z.string(),
    fields: z
      .array(z.object({ path: z.string(), code: z.string(), message: z.string() }))
      .optional()
      .meta({ description: "For VALIDATION_FAILED: which fields, by dotted path, and why" }),
    referenceId: z.string().optional(),
  })
  .meta({ description: "An error: a machine-readable code, a message, and for invalid input the fields" });
