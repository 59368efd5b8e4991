import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { readConfig } from "../../src/config.ts";
import type { Database, DatabaseHandle } from "../../src/db/database.ts";
import { SYSTEM_ACTOR } from "../../src/domain/access/actor.ts";
import type { OrganisationRole, SystemRole } from "../../src/domain/access/roles.ts";
import { addMembership } from "../../src/domain/members/add-membership.ts";
import { createOrganisation } from "../../src/domain/organisations/create-organisation.ts";
import type { OrganisationNumber } from "../../src/domain/organisations/organisation-number.ts";
import { createUser } from "../../src/domain/users/create-user.ts";
import { type AppDependencies, buildApp } from "../../src/http/app.ts";
import { createTestDatabase } from "./test-database.ts";
import { TEST_SECRETS } from "./test-secrets.ts";

export const PASSWORD = "Test-password-1";

export type TestApp = { app: FastifyInstance; handle: DatabaseHandle; db: Database; close: () => Promise<void> };

/** `deps`: a validation pool to use instead of the app's own (the test closes it), the validator's caps. */
export async function startTestApp(
  env: Record<string, string> = {},
  deps: Pick<AppDependencies, "validationPool" | "validator"> = {},
): Promise<TestApp> {
  const handle = await createTestDatabase();
  const config = readConfig({ LOG_LEVEL: "silent", PUBLIC_URL: "http://ansluta.test", ...env });
  const app = await buildApp({ handle, config, secrets: TEST_SECRETS, logger: false, ...deps });
  await app.ready();
  return {
    app,
    handle,
    db: handle.db,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

/**
 * Two organisations and a person in every role, so each test can act as the role it pins
 * (`world.users.plA` is projektledare in A, `consultant` is a member of both).
 */
export async function seedWorld(db: Database) {
  const now = new Date();
  const orgA = await createOrganisation({
    db,
    actor: SYSTEM_ACTOR,
    now,
    input: { name: "Sundsvalls kommun", number: "2120002411" as OrganisationNumber, kind: "kommun" },
  });
  const orgB = await createOrganisation({
    db,
    actor: SYSTEM_ACTOR,
    now,
    input: { name: "Region Västernorrland", number: "2321000206" as OrganisationNumber, kind: "region" },
  });
  const make = async (email: string, systemRoles: SystemRole[], organisationNumber?: string, roles: OrganisationRole[] = []) =>
    (
      await createUser({
        db,
        actor: SYSTEM_ACTOR,
        now,
        input: {
          email,
          name: email.split("@")[0] ?? email,
          password: PASSWORD,
          systemRoles,
          membership: organisationNumber ? { organisationNumber, roles } : undefined,
        },
      })
    ).id;
  const users = {
    admin: await make("admin@test.example", ["admin"]),
    fg: await make("fg@test.example", ["forvaltningsgrupp"]),
    plA: await make("pl-a@test.example", [], orgA.number, ["projektledare"]),
    vaA: await make("va-a@test.example", [], orgA.number, ["verksamhetsagare"]),
    sgA: await make("sg-a@test.example", [], orgA.number, ["styrgrupp"]),
    readerA: await make("reader-a@test.example", [], orgA.number, ["lasare"]),
    plB: await make("pl-b@test.example", [], orgB.number, ["projektledare"]),
    consultant: await make("consultant@test.example", [], orgA.number, ["deltagare"]),
  };
  await addMembership({ db, actor: SYSTEM_ACTOR, now, userId: users.consultant, organisationId: orgB.id, roles: ["deltagare"] });
  const emails = {
    admin: "admin@test.example",
    fg: "fg@test.example",
    plA: "pl-a@test.example",
    vaA: "va-a@test.example",
    sgA: "sg-a@test.example",
    readerA: "reader-a@test.example",
    plB: "pl-b@test.example",
    consultant: "consultant@test.example",
  } satisfies Record<keyof typeof users, string>;
  return { orgA, orgB, users, emails };
}
export type World = Awaited<ReturnType<typeof seedWorld>>;

/** Logs in through the API and returns a client that sends the bearer token. */
export async function apiAs(app: FastifyInstance, email: string, password = PASSWORD) {
  const res = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login as ${email} failed: ${res.statusCode} ${res.body}`);
  return apiClient(app, (res.json() as { token: string }).token);
}

export function apiClient(app: FastifyInstance, token: string) {
  const call = (method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  return {
    token,
    get: (url: string) => call("GET", url),
    post: (url: string, payload: unknown = {}) => call("POST", url, payload),
    put: (url: string, payload: unknown) => call("PUT", url, payload),
    patch: (url: string, payload: unknown) => call("PATCH", url, payload),
    delete: (url: string) => call("DELETE", url),
  };
}

/** A browser-like session over inject: keeps cookies and sends the CSRF token with forms. */
export function browser(app: FastifyInstance) {
  const jar = new Map<string, string>();
  const remember = (res: LightMyRequestResponse) => {
    for (const c of res.cookies) {
      if (c.value === "" || (c.expires && c.expires.getTime() < Date.now())) jar.delete(c.name);
      else jar.set(c.name, c.value);
    }
    return res;
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const get = async (url: string) => remember(await app.inject({ method: "GET", url, headers: { cookie: cookie() } }));
  const post = async (url: string, form: Record<string, string | string[]>, opts: { csrf?: string | null; origin?: string } = {}) => {
    if (!jar.has("ansluta_csrf")) await get("/login");
    const params = new URLSearchParams();
    const csrf = opts.csrf === undefined ? jar.get("ansluta_csrf") : opts.csrf;
    if (csrf !== null && csrf !== undefined) params.append("_csrf", csrf);
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) params.append(k, x);
    return remember(
      await app.inject({
        method: "POST",
        url,
        headers: {
          cookie: cookie(),
          "content-type": "application/x-www-form-urlencoded",
          ...(opts.origin ? { origin: opts.origin } : {}),
        },
        payload: params.toString(),
      }),
    );
  };
  return {
    jar,
    get,
    post,
    login: async (email: string, password = PASSWORD) => {
      await get("/login");
      const res = await post("/login", { email, password, next: "/" });
      if (res.statusCode !== 303) throw new Error(`page login as ${email} failed: ${res.statusCode}`);
      return res;
    },
  };
}
