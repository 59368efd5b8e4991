import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll } from "vitest";
import { z } from "zod";
import { Initiative } from "../../src/http/routes/initiatives/initiatives.schema.ts";
import { milestoneByNumeral } from "../../src/method/lookup.ts";
import { MILESTONE_NUMERALS } from "../../src/method/types.ts";
import { methodV12 } from "../../src/method/v1.2/index.ts";
import { decisionBody, prepareMilestone } from "./initiative-fixtures.ts";
import { apiAs, type apiClient, browser, seedWorld, startTestApp, type TestApp, type World } from "./test-app.ts";

/** Someone in the seeded world: `plA` is projektledare in organisation A, `consultant` a deltagare in both (see seedWorld). */
export type Person = keyof World["users"];
export type Api = ReturnType<typeof apiClient>;
export type Browser = ReturnType<typeof browser>;
export type InitiativeJson = z.infer<typeof Initiative>;

/**
 * The body of a response parsed with the route's response schema, after checking its status: a
 * response that has drifted from its schema fails the test here, and the test reads a type
 * inferred from the schema instead of a hand-written cast.
 */
export function parseBody<S extends z.ZodType>(res: LightMyRequestResponse, schema: S, status = 200): z.infer<S> {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body.slice(0, 2000)}`);
  const parsed = schema.safeParse(res.json());
  if (!parsed.success) throw new Error(`the response does not match its schema:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** GET `url` as `api`, expect 200, and parse the body with `schema`. */
export async function getJson<S extends z.ZodType>(api: Api, url: string, schema: S): Promise<z.infer<S>> {
  return parseBody(await api.get(url), schema);
}

/** POST `payload` to `url` as `api`, expect `status` (201 unless told), and parse the body with `schema`. */
export async function postJson<S extends z.ZodType>(api: Api, url: string, payload: unknown, schema: S, status = 201): Promise<z.infer<S>> {
  return parseBody(await api.post(url, payload), schema, status);
}

type Options = {
  /** Configuration the app starts with, as environment variables (e.g. SANDBOX_PORT). */
  env?: Record<string, string>;
  /** Only the app and an empty database, without organisations and people. */
  empty?: boolean;
};

type Ready = TestApp & { world: World | undefined };

/**
 * One app over one fresh database for a test file, with two organisations and a person in every
 * role (seedWorld), started before the file's first test and closed after its last. What a test
 * needs beyond that it makes itself (seedInitiative, loginAs), so no test leans on what an
 * earlier one wrote.
 *
 *     const world = useTestWorld();
 *     it("…", async () => {
 *       const pl = await world.loginAs("plA");
 *       const initiative = await world.seedInitiative({ phase: 2 });
 *     });
 */
export function useTestWorld(options: Options = {}) {
  let ready: Ready | undefined;
  beforeAll(async () => {
    const t = await startTestApp(options.env);
    ready = { ...t, world: options.empty ? undefined : await seedWorld(t.db) };
  });
  afterAll(async () => ready?.close());

  const need = () => {
    if (!ready) throw new Error("useTestWorld: the world is there only inside tests and hooks");
    return ready;
  };
  const seeded = () => {
    const { world } = need();
    if (!world) throw new Error("useTestWorld({ empty: true }) has no organisations or people");
    return world;
  };

  return {
    get app() {
      return need().app;
    },
    get db() {
      return need().db;
    },
    get handle() {
      return need().handle;
    },
    get orgA() {
      return seeded().orgA;
    },
    get orgB() {
      return seeded().orgB;
    },
    get users() {
      return seeded().users;
    },
    get emails() {
      return seeded().emails;
    },
    /** A bearer-token API client, freshly logged in as `person`. */
    loginAs(person: Person): Promise<Api> {
      return apiAs(need().app, seeded().emails[person]);
    },
    /** A cookie-keeping browser over inject, logged in through the login form as `person`. */
    async browserAs(person: Person): Promise<Browser> {
      const b = browser(need().app);
      await b.login(seeded().emails[person]);
      return b;
    },
    /** A browser that has not logged in. */
    anonymousBrowser(): Browser {
      return browser(need().app);
    },
    /**
     * A new initiative, started by `by` (plA unless told) in that person's organisation, and taken to
     * `phase` (1 unless told): every milestone before it prepared and decided "go" by its decider
     * (verksamhetsägare for I, the styrgrupp after). With `ready`, the milestone that ends `phase` is
     * prepared too, so it waits only for its decision.
     */
    async seedInitiative(opts: { name?: string; phase?: number; ready?: boolean; by?: "plA" | "plB" } = {}): Promise<InitiativeJson> {
      const world = seeded();
      const by = opts.by ?? "plA";
      const pl = await this.loginAs(by);
      const organisationId = by === "plA" ? world.orgA.id : world.orgB.id;
      const created = await postJson(
        pl,
        "/api/v1/initiatives",
        { organisationId, name: opts.name ?? "Digitala bygglovsbeslut" },
        Initiative,
      );
      const phase = opts.phase ?? 1;
      if (phase === 1 && !opts.ready) return created;
      if (by !== "plA") throw new Error("seedInitiative: only organisation A has the deciders to take an initiative further");
      const deciders = { verksamhetsagare: await this.loginAs("vaA"), styrgrupp: await this.loginAs("sgA") };
      for (const numeral of MILESTONE_NUMERALS.slice(0, phase - 1)) {
        await prepareMilestone(pl, created.id, numeral, deciders.verksamhetsagare);
        const decider = deciders[milestoneByNumeral(methodV12, numeral).decidedBy.role];
        const decided = await decider.post(`/api/v1/initiatives/${created.id}/milestones/${numeral}/decision`, decisionBody(numeral));
        if (decided.statusCode !== 201) throw new Error(`decide ${numeral}: ${decided.statusCode} ${decided.body}`);
      }
      const next = MILESTONE_NUMERALS[phase - 1];
      if (opts.ready && next) await prepareMilestone(pl, created.id, next, deciders.verksamhetsagare);
      return getJson(pl, `/api/v1/initiatives/${created.id}`, Initiative);
    },
  };
}

export type TestWorld = ReturnType<typeof useTestWorld>;
