import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Config } from "../config.ts";
import type { Database, DatabaseHandle } from "../db/database.ts";
import type { RelyingParty } from "../oidc/relying-party.ts";
import type { SecretBox } from "../secrets/secret-box.ts";
import type { ApiRoute } from "./api/api-route.ts";
import type { FormValues } from "./form.ts";
import type { PageAccess, PageRoute } from "./page-route.ts";
import type { SubmissionValidator } from "./routes/sandbox/submission-validator.ts";

/** What each route module receives: the app, the database, and the API route registrar. */
export type AppScope = {
  app: FastifyInstance;
  db: Database;
  handle: DatabaseHandle;
  config: Config;
  /** Seals and opens the keys Ansluta keeps (the sandbox's test CA). */
  secrets: SecretBox;
  /** Base URL for links in mail: PUBLIC_URL when set, else the address the request came to. */
  publicUrl: (request: FastifyRequest) => string;
  /** Registers an API route; `on`, a plugin context of the app's (say, one that takes multipart), instead of the app. */
  api: <P, Q, B, R, H = Record<string, never>>(route: ApiRoute<P, Q, B, R, H>, on?: FastifyInstance) => void;
  /** Registers an HTML page route (src/http/page-route.ts). */
  page: <A extends PageAccess, P = Record<string, never>, Q = Record<string, never>, L = undefined, S = FormValues, D = FormValues>(
    route: PageRoute<A, P, Q, L, S, D>,
  ) => void;
  /** Called after a change that queued mail, so it goes out without waiting for the next sweep. */
  mailQueued: () => void;
  /** Checks a submitted delivery on a validation worker, in the caller's organisation's turn. */
  validateOnWorker: SubmissionValidator;
  /** Ansluta as an OpenID Connect relying party: one discovery cache for signing in and out. */
  relyingParty: RelyingParty;
};
