import type { Actor } from "../domain/access/actor.ts";
import type { Locale } from "../i18n/index.ts";
import type { RegisteredApiRoute } from "./api/api-route.ts";

export type Authentication =
  | { via: "session"; actor: Actor; token: string; activeOrganisationId: string | null }
  | { via: "bearer"; actor: Actor; token: string };

declare module "fastify" {
  interface FastifyRequest {
    auth: Authentication | null;
    csrfToken: string;
    locale: Locale;
    now: Date;
  }
  interface FastifyInstance {
    /** Every API route, for the OpenAPI document and the tenant-isolation test. */
    apiRoutes: readonly RegisteredApiRoute[];
    /** Every route, pages included, for the tenant-isolation test. */
    allRoutes: readonly { method: string; url: string }[];
  }
  interface FastifyContextConfig {
    /** API routes declare who may call them; the tenant-isolation test reads this. */
    access?: "public" | "authenticated";
  }
}
