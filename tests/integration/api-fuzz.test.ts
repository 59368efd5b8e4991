import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Deliverable } from "../../src/http/routes/deliverables/deliverables.schema.ts";
import { Flow } from "../../src/http/routes/flows/flows.schema.ts";
import { ApiToken } from "../../src/http/routes/identity/identity.schema.ts";
import { methodV12 } from "../../src/method/v1.2/index.ts";
import { parseBody, postJson, type TestWorld, useTestWorld } from "../support/test-world.ts";

/**
 * Property-based fuzzing of every operation in /api/openapi.json: parameters and bodies generated
 * from the operation's own JSON schemas, mostly valid-ish and now and then hostile (NUL, lone
 * surrogates, huge numbers, wrong types, deep nesting), sent as a projektledare of organisation A.
 * Whatever comes in, the answer is a 2xx or a 4xx, never a 5xx, and the server still answers
 * /healthz promptly afterwards. FUZZ_RUNS and FUZZ_SEED reproduce or deepen a run.
 */

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
};
/** A JSON schema in the document: read as the generators above read it, never validated itself. */
const AnyJsonSchema = z.custom<JsonSchema>((value) => typeof value === "object" && value !== null);
const Parameter = z.object({ name: z.string(), in: z.enum(["path", "query", "header"]), required: z.boolean(), schema: AnyJsonSchema });
const Operation = z.object({
  operationId: z.string(),
  parameters: z.array(Parameter),
  requestBody: z.object({ content: z.record(z.string(), z.object({ schema: AnyJsonSchema })) }).optional(),
  security: z.array(z.unknown()),
});
/** The parts of /api/openapi.json the fuzzer reads. */
const OpenApiDocument = z.object({ paths: z.record(z.string(), z.record(z.string(), Operation)) });
type Parameter = z.infer<typeof Parameter>;
type Operation = z.infer<typeof Operation>;
/** The answer to POST /api/v1/me/tokens. */
const CreatedToken = z.object({ token: z.string(), apiToken: ApiToken });

const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

/** Strings that have broken servers before: NUL (PostgreSQL refuses it), lone surrogates, controls, traversal, markup. */
const HOSTILE_STRINGS = [
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfffy",
  "\udc00\ud800",
  "\n",
  "\r\n\t",
  "\u202e\u200b",
  "../../../etc/passwd",
  "..",
  "%00",
  "%",
  "\\",
  "//evil.example/x",
  "' or 1=1 --",
  "<script>alert(1)</script>",
  "$" + "{7*7}{{7*7}}",
  "",
  " ",
  "💥👩‍👩‍👧",
  "a".repeat(5000),
  "__proto__",
  "constructor",
];

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom("\u0000", "\ud800", "\udfff"), fc.string({ maxLength: 8 })).map((p) => p.join("")),
);

const deep = (depth: number): unknown => {
  let v: unknown = "x";
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(
    1e308,
    -1e308,
    2 ** 53 + 2,
    -(2 ** 63),
    1.5,
    -0,
    0,
    -1,
    true,
    false,
    null,
    [],
    {},
    [null],
    { "": "" },
    deep(200),
    Array.from({ length: 2000 }, () => 1),
  ),
  fc.double(),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map((b) => Number(b)),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Valid-ish values from a JSON schema: right types and shapes, values at and just past the bounds. */
function fromSchema(schema: JsonSchema, pools: Pools, name?: string): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => fromSchema(s, pools, name)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string":
      return stringFrom(schema, pools, name);
    case "integer": {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1000);
      const max = Math.min(schema.maximum ?? 1_000_000, Number.MAX_SAFE_INTEGER);
      return fc.oneof(
        fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31 - 1) }),
        fc.constantFrom(min, max, min - 1, max + 1),
      );
    }
    case "number":
      return fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(schema.minimum ?? 0, schema.maximum ?? 1e9));
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(schema.items ? fromSchema(schema.items, pools, name) : fc.jsonValue({ maxDepth: 2 }), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 4, 4)),
      });
    case "object": {
      const properties = Object.entries(schema.properties ?? {});
      const required = new Set(schema.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, s] of properties) record[key] = fromSchema(s, pools, key);
      const known = fc.record(record, { requiredKeys: properties.map(([n]) => n).filter((n) => required.has(n)) });
      if (typeof schema.additionalProperties === "object") {
        const keys = schema.propertyNames ? stringFrom(schema.propertyNames, pools) : fc.string({ maxLength: 20 });
        const extra = fc.dictionary(keys, fromSchema(schema.additionalProperties, pools), { maxKeys: 4 });
        return fc.tuple(known, extra).map(([a, b]) => ({ ...b, ...a }));
      }
      return known;
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Every place in a value a hostile value can go: the value itself, and each property or element, recursively. */
function slots(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const inner =
    value && typeof value === "object"
      ? Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => slots(v, [...at, Array.isArray(value) ? Number(k) : k]))
      : [];
  return [at, ...inner];
}

function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) }) as Record<string | number, unknown>;
  copy[head] = replaceAt(copy[head], rest, replacement);
  return copy;
}

/** Characters PostgreSQL refuses or that break headers, slipped into an otherwise valid string. */
const POISON = fc.constantFrom("\u0000", "\ud800", "\udfff", "\n", "\r\n", "\t", "\u2028", "\\");

/**
 * Mostly a valid-ish value with one hostile spot (a poison character slipped into one of its strings,
 * or one part replaced by a hostile value), sometimes entirely valid, sometimes entirely hostile.
 */
function withMutations(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const mutated = fc
    .tuple(valid, fc.nat(), fc.oneof({ weight: 3, arbitrary: hostileString }, { weight: 2, arbitrary: hostileValue }), POISON, fc.boolean())
    .map(([v, pick, hostile, poison, insert]) => {
      const places = slots(v);
      const place = places[pick % places.length] ?? [];
      const current = place.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], v);
      if (insert && typeof current === "string") {
        const at = pick % (current.length + 1);
        return replaceAt(v, place, `${current.slice(0, at)}${poison}${current.slice(at)}`);
      }
      return replaceAt(v, place, hostile);
    });
  return fc.oneof({ weight: 2, arbitrary: valid }, { weight: 5, arbitrary: mutated }, { weight: 1, arbitrary: hostileValue });
}

function stringFrom(schema: JsonSchema, pools: Pools, name?: string): fc.Arbitrary<string> {
  if (schema.enum) return fc.constantFrom(...(schema.enum as string[]));
  const known = name ? pools.byParam[name] : undefined;
  if (known?.length)
    return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: stringFrom(schema, pools) });
  if (schema.format === "uuid") return fc.oneof(fc.constantFrom(...pools.ids), fc.uuid());
  if (schema.format === "email") return fc.oneof(fc.constantFrom(...pools.emails), fc.emailAddress());
  if (schema.pattern === "^\\d{4}-\\d{2}-\\d{2}$") {
    return fc.oneof(
      fc.date({ min: new Date("1900-01-01"), max: new Date("2200-01-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      fc.constantFrom("2026-02-30", "0000-00-00", "9999-99-99", "2026-13-01"),
    );
  }
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 60;
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: Math.min(max, Math.max(min, 60)) }) },
    { weight: 1, arbitrary: fc.constantFrom(...pools.words) },
    { weight: 1, arbitrary: fc.constant("x".repeat(Math.min(max + 1, 100_000))) },
  );
}

type Pools = { ids: string[]; emails: string[]; words: string[]; byParam: Record<string, string[]> };

/** Percent-encodes a path segment byte by byte (a lone surrogate becomes U+FFFD's bytes, as a browser would send it). */
const encodeSegment = (s: string) =>
  [...Buffer.from(s, "utf8")]
    .map((b) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, "0").toUpperCase()}`,
    )
    .join("");

/** Raw segments no encoder produces: broken escapes, encoded NUL and surrogates, overlong UTF-8. */
const RAW_SEGMENTS = ["%", "%ZZ", "%00", "%ED%A0%80", "%C0%AF", "%2e%2e", "%E2%80%AE", "%FF"];

function paramArbitrary(p: Parameter, pools: Pools): fc.Arbitrary<string> {
  const known = pools.byParam[p.name] ?? [];
  const generated = withMutations(fromSchema(p.schema, pools)).map((v) =>
    encodeSegment(typeof v === "string" ? v : (JSON.stringify(v) ?? "")),
  );
  return fc.oneof(
    ...(known.length ? [{ weight: 4, arbitrary: fc.constantFrom(...known).map(encodeSegment) }] : []),
    { weight: 3, arbitrary: generated },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
  );
}

function operationArbitrary(path: string, op: Operation, pools: Pools) {
  const pathParams = op.parameters.filter((p) => p.in === "path");
  const queryParams = op.parameters.filter((p) => p.in === "query");
  const url = fc
    .tuple(
      fc.tuple(...pathParams.map((p) => paramArbitrary(p, pools))),
      fc.tuple(...queryParams.map((p) => fc.option(paramArbitrary(p, pools), { nil: undefined, freq: 2 }))),
    )
    .map(([segments, values]) => {
      let u = path;
      pathParams.forEach((p, i) => {
        u = u.replace(`{${p.name}}`, segments[i] ?? "");
      });
      const qs = queryParams.flatMap((p, i) => (values[i] === undefined ? [] : [`${p.name}=${values[i]}`]));
      return qs.length ? `${u}?${qs.join("&")}` : u;
    });
  const schema = op.requestBody?.content["application/json"]?.schema;
  const body: fc.Arbitrary<{ type: string; payload: string } | undefined> = schema
    ? fc.oneof(
        {
          weight: 10,
          arbitrary: withMutations(fromSchema(schema, pools)).map((v) => ({
            type: "application/json",
            payload: JSON.stringify(v) ?? "null",
          })),
        },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom(
              "",
              "null",
              "[]",
              "1e999",
              '"x"',
              '{"__proto__":{"admin":true}}',
              "[".repeat(5000),
              `${"[".repeat(3000)}${"]".repeat(3000)}`,
            )
            .map((payload) => ({ type: "application/json", payload })),
        },
        { weight: 1, arbitrary: fc.constant({ type: "application/x-www-form-urlencoded", payload: "a=%00&b=%ED%A0%80" }) },
      )
    : op.requestBody
      ? fc
          .tuple(
            fc.constantFrom(...Object.keys(op.requestBody.content)),
            fc.oneof(
              hostileString.map((x) => `<?xml version="1.0"?><r>${x}</r>`),
              fc.constantFrom('<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>', "<a><b></a>", `${"<e>".repeat(500)}`),
              hostileString,
            ),
          )
          .map(([type, payload]) => ({ type, payload }))
      : fc.constant(undefined);
  return fc.record({ url, body });
}

/**
 * What the fuzzer aims at: the projektledare's token, ids and words it may use, and every operation
 * of the OpenAPI document, deletions last so that what they remove is still there for the others.
 */
async function fuzzTargets(world: TestWorld) {
  const pl = await world.loginAs("plA");
  const plB = await world.loginAs("plB");
  const initiative = (await world.seedInitiative({ name: "Fuzz" })).id;
  const foreign = (await world.seedInitiative({ name: "B", by: "plB" })).id;
  const typeId = methodV12.deliverableTypes[0]?.id ?? "x";
  const deliverable = (await postJson(pl, `/api/v1/initiatives/${initiative}/deliverables`, { deliverableTypeId: typeId }, Deliverable)).id;
  const foreignDeliverable = (
    await postJson(plB, `/api/v1/initiatives/${foreign}/deliverables`, { deliverableTypeId: typeId }, Deliverable)
  ).id;
  const flowOf = async (api: typeof pl, initiativeId: string) =>
    (
      await postJson(
        api,
        `/api/v1/initiatives/${initiativeId}/flows`,
        { name: "Fuzzflöde", recipientType: "blandat", annualVolume: 100 },
        Flow,
      )
    ).id;
  const flow = await flowOf(pl, initiative);
  const foreignFlow = await flowOf(plB, foreign);
  await pl.put(`/api/v1/initiatives/${initiative}/sandbox/environment`, { enabled: true, intermediaryOrgNr: null });
  const milestones = methodV12.milestones;
  const pools: Pools = {
    ids: [
      world.orgA.id,
      world.orgB.id,
      initiative,
      foreign,
      deliverable,
      foreignDeliverable,
      flow,
      foreignFlow,
      ...Object.values(world.users),
    ],
    emails: Object.values(world.emails),
    words: [
      ...milestones.flatMap((m) => m.decisionPoints.map((d) => d.id)),
      ...methodV12.phases.flatMap((p) => p.activities.map((a) => a.id)),
      ...methodV12.deliverableTypes.map((d) => d.id),
      "faststalld",
      "utkast",
      "projektledare",
    ],
    byParam: {
      organisationId: [world.orgA.id, world.orgB.id],
      initiativeId: [initiative, foreign],
      deliverableId: [deliverable, foreignDeliverable],
      flowId: [flow, foreignFlow],
      // Not the fuzzing projektledare herself: removing her own membership would turn the rest of the run into 404s.
      userId: Object.values(world.users).filter((id) => id !== world.users.plA),
      numeral: [...milestones.map((m) => m.numeral), "IX", "i"],
      decisionPointId: milestones.flatMap((m) => m.decisionPoints.map((d) => d.id)),
      projectManagerId: Object.values(world.users),
      ownerId: Object.values(world.users),
      steeringGroup: Object.values(world.users),
      email: Object.values(world.emails),
      deliverableTypeId: methodV12.deliverableTypes.map((d) => d.id),
      id: milestones.flatMap((m) => m.decisionPoints.map((d) => d.id)),
      name: ["Fuzz initiative", "Ärende åäö"],
      activityId: methodV12.phases.flatMap((p) => p.activities.map((a) => a.id)),
    },
  };
  const doc = parseBody(await world.app.inject({ method: "GET", url: "/api/openapi.json" }), OpenApiDocument);
  // Deletions last, so what they remove is still there for the other operations to reach.
  const operations = Object.entries(doc.paths)
    .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ method, path, op })))
    .sort((a, b) => Number(a.method === "delete") - Number(b.method === "delete"));
  return { token: pl.token, pools, operations };
}

describe("API fuzzing from the OpenAPI document", () => {
  const world = useTestWorld();

  it("answers every generated request with 2xx or 4xx, never 5xx, and stays healthy", async () => {
    const { token, pools, operations } = await fuzzTargets(world);
    /** A personal token of the fuzzing user, made without logging in (which the fuzzed login route may be throttling). */
    const throwawayToken = async () => {
      const res = await world.app.inject({
        method: "POST",
        url: "/api/v1/me/tokens",
        headers: { authorization: `Bearer ${token}` },
        payload: { name: "throwaway", expiresInDays: 1 },
      });
      return parseBody(res, CreatedToken, 201).token;
    };
    expect(operations.length).toBeGreaterThan(40);
    const seen = new Map<string, Set<number>>();
    // Collected rather than thrown, so one run names every operation that fails, not only the first.
    const failures: string[] = [];
    for (const { method, path, op } of operations) {
      // Logging out revokes the token in use; that operation gets a token of its own each time.
      const logout = path === "/api/v1/auth/logout";
      const statuses = new Set<number>();
      seen.set(`${method.toUpperCase()} ${path}`, statuses);
      await fc.assert(
        fc.asyncProperty(operationArbitrary(path, op, pools), async ({ url, body }) => {
          const bearer = logout ? await throwawayToken() : token;
          const res = await world.app.inject({
            method: method.toUpperCase() as "GET",
            url,
            headers: {
              ...(op.security.length ? { authorization: `Bearer ${bearer}` } : {}),
              ...(body ? { "content-type": body.type } : {}),
            },
            ...(body ? { payload: body.payload } : {}),
          });
          statuses.add(res.statusCode);
          if (res.statusCode >= 500) {
            failures.push(
              `${method.toUpperCase()} ${url} ${body ? JSON.stringify(body.payload).slice(0, 300) : ""} → ${res.statusCode} ${res.body.slice(0, 200)}`,
            );
          }
        }),
        { numRuns: logout ? 3 : RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
      );
    }
    if (process.env.FUZZ_VERBOSE) for (const [op, codes] of seen) console.log(op, [...codes].sort().join(" "));
    expect(failures, failures.slice(0, 20).join("\n")).toEqual([]);
    const started = performance.now();
    const health = await world.app.inject({ method: "GET", url: "/healthz" });
    expect(health.statusCode).toBe(200);
    expect(performance.now() - started).toBeLessThan(1000);
    // The fuzzing reached past validation: some operations succeeded.
    expect([...seen.values()].filter((s) => [...s].some((c) => c < 300)).length).toBeGreaterThan(10);
  }, 600_000);
});
