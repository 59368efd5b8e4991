import { monitorEventLoopDelay } from "node:perf_hooks";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { ValidationReport } from "../../src/http/routes/sandbox/sandbox.schema.ts";
import { createValidationPool, type ValidationPool } from "../../src/sandbox/checks/validation-pool.ts";
import { DEFAULT_XML_LIMITS } from "../../src/sandbox/soap/safe-xml.ts";
import { deliverSecureRequest, exampleDelivery } from "../../src/sandbox/testing/reference-delivery.ts";
import { testSigners } from "../../src/sandbox/testing/signers.ts";
import { apiAs, browser, seedWorld, startTestApp, type TestApp, type World } from "../support/test-app.ts";
import { parseBody, useTestWorld } from "../support/test-world.ts";

/**
 * The validator checks on worker threads: a document built to be costly holds up a worker, not
 * the event loop every other request needs; an organisation has a few validations at a time; a
 * validation that runs over its time budget is stopped. The probe's document is 4.7 MB of
 * `<r>` + 1.2 million `<e/>` + `</r>`: xmldom takes about 5 s of CPU to build its tree, which on
 * the event loop made /healthz wait 11 s for one upload and 20–40 s for four.
 */

type Report = z.infer<typeof ValidationReport>;

const FLAT = `<r>${"<e/>".repeat(1_200_000)}</r>`;
const valid = deliverSecureRequest(exampleDelivery(), testSigners());
const failing = (report: Report) => report.checks.filter((c) => c.status === "fail").map((c) => c.id);

function post(app: FastifyInstance, token: string, xml: string) {
  return app.inject({
    method: "POST",
    url: "/api/v1/sandbox/validate",
    headers: { "content-type": "application/xml", authorization: `Bearer ${token}` },
    payload: xml,
  });
}

/**
 * Runs `work` while measuring the event loop's delay and asking /healthz every 20 ms, one at a
 * time: how long everyone else would have waited meanwhile.
 */
async function whileMeasuring<T>(app: FastifyInstance, work: () => Promise<T>) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const health: { status: number; ms: number }[] = [];
  let done = false;
  delay.enable();
  const started = performance.now();
  const probing = (async () => {
    while (!done) {
      const asked = performance.now();
      const res = await app.inject({ method: "GET", url: "/healthz" });
      health.push({ status: res.statusCode, ms: performance.now() - asked });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  try {
    const result = await work();
    const workMs = performance.now() - started;
    done = true;
    await probing;
    return { result, workMs, health, maxDelayMs: delay.max / 1e6 };
  } finally {
    done = true;
    delay.disable();
  }
}

describe("the validator under a costly upload", () => {
  const world = useTestWorld();
  // A läsare, as in the probe: anyone logged in may use the validator.
  const readerToken = async () => (await world.loginAs("readerA")).token;

  beforeAll(async () => {
    // The pool starts with the first validation; its threads' start-up is not what is measured here.
    expect((await post(world.app, await readerToken(), valid)).statusCode).toBe(200);
  });

  it("refuses four 4.7 MB documents of 1.2 million elements at once by their element count, while the event loop stays free", async () => {
    const reader = await readerToken();
    const { result, health, maxDelayMs } = await whileMeasuring(world.app, () =>
      Promise.all(Array.from({ length: 4 }, () => post(world.app, reader, FLAT))),
    );
    for (const res of result) {
      const report = parseBody(res, ValidationReport);
      expect(failing(report)).toEqual(["xml.element-limit"]);
      expect(report.checks.at(-1)).toEqual({ id: "xml.element-limit", status: "fail", message: "more than 10000 elements" });
    }
    expect(health.every((h) => h.status === 200)).toBe(true);
    // Building one such tree on the event loop stalled it for about 5 s; receiving four uploads costs it a little.
    expect(maxDelayMs).toBeLessThan(1000);
  });

  it("refuses the same document on the page without stalling the event loop or echoing it back", async () => {
    const b = await world.browserAs("readerA");
    // Encoded before the measurement: 12 MB of form, the browser's work, not the server's.
    const form = new URLSearchParams({ _csrf: b.jar.get("ansluta_csrf") ?? "", xml: FLAT }).toString();
    const cookie = [...b.jar].map(([name, value]) => `${name}=${value}`).join("; ");
    const { result: page, maxDelayMs } = await whileMeasuring(world.app, () =>
      world.app.inject({
        method: "POST",
        url: "/sandbox/validate",
        headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
        payload: form,
      }),
    );
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<tr[^>]*data-status="fail"[^>]*><td[^>]*><code>xml.element-limit<\/code>/);
    expect(page.body).toContain("visas därför inte igen i fältet");
    expect(page.body.length).toBeLessThan(200_000);
    // Decoding the form (about 0.1 s for 12 MB on an idle machine) is the loop's share; the parse took it 5 s.
    expect(maxDelayMs).toBeLessThan(2000);
  });
});

// Its own app, as are the next two: the validator's limits and pool are app dependencies, which useTestWorld does not take.
describe("the validator's worker parsing a document the limits let through", () => {
  let t: TestApp;
  let reader: string;
  /** The limits raised so that the probe's document is parsed in full, as a costly document within them would be. */
  const raised = { ...DEFAULT_XML_LIMITS, maxElements: 2_000_000 };

  beforeAll(async () => {
    // However busy the machine, the parse runs to its end: the time budget is not what is tested here.
    t = await startTestApp({ VALIDATION_TIMEOUT_MS: "120000" }, { validator: { limits: raised } });
    const w = await seedWorld(t.db);
    reader = (await apiAs(t.app, w.emails.readerA)).token;
    expect((await post(t.app, reader, valid)).statusCode).toBe(200);
  });
  afterAll(async () => t.close());

  it("answers /healthz throughout, and the event loop's delay stays a small part of the validation's time", {
    timeout: 120_000,
  }, async () => {
    const { result, workMs, health, maxDelayMs } = await whileMeasuring(t.app, () => post(t.app, reader, FLAT));
    expect(failing(parseBody(result, ValidationReport))).toEqual(["envelope.operation"]);
    // The tree took seconds to build, on a worker: /healthz was answered again and again meanwhile.
    expect(health.length).toBeGreaterThanOrEqual(5);
    expect(health.every((h) => h.status === 200)).toBe(true);
    expect(Math.max(...health.map((h) => h.ms))).toBeLessThan(workMs / 4);
    expect(maxDelayMs).toBeLessThan(workMs / 4);
  });
});

describe("the validator's time budget", () => {
  let t: TestApp;
  let w: World;
  let reader: string;

  beforeAll(async () => {
    t = await startTestApp({ VALIDATION_TIMEOUT_MS: "1500" }, { validator: { limits: { ...DEFAULT_XML_LIMITS, maxElements: 2_000_000 } } });
    w = await seedWorld(t.db);
    reader = (await apiAs(t.app, w.emails.readerA)).token;
    expect((await post(t.app, reader, valid)).statusCode).toBe(200);
  });
  afterAll(async () => t.close());

  it("stops a validation that runs over it with 422 VALIDATION_TIMEOUT, and checks the next document on a fresh worker", async () => {
    const stopped = await post(t.app, reader, FLAT);
    expect(stopped.statusCode).toBe(422);
    expect(stopped.json()).toEqual({
      code: "VALIDATION_TIMEOUT",
      message: "the validation took longer than 1500 ms and was stopped: a document this costly to check is not checked",
    });
    expect(failing(parseBody(await post(t.app, reader, valid), ValidationReport))).toEqual([]);
  });

  it("says so on the page, in Swedish, with the form kept", async () => {
    const b = browser(t.app);
    await b.login(w.emails.readerA);
    const page = await b.post("/sandbox/validate", { xml: FLAT });
    expect(page.statusCode).toBe(422);
    expect(page.body).toContain("Kontrollen av dokumentet tog för lång tid och avbröts.");
    expect(page.body).toContain('href="#f-xml"');
  });
});

describe("the validator's turns and cap per organisation", () => {
  let t: TestApp;
  let w: World;
  let pool: ValidationPool;
  /** The queues of the validations the app has handed to the pool so far. */
  const handedOver: string[] = [];
  /** Validations of `<!--hold-->` documents wait in the worker until the test opens the gate. */
  const gate = new Int32Array(new SharedArrayBuffer(4));
  const HELD = "<x><!--hold--></x>";
  const open = () => {
    Atomics.store(gate, 0, 1);
    Atomics.notify(gate, 0);
  };

  beforeAll(async () => {
    pool = createValidationPool({
      size: 2,
      module: new URL("../../src/sandbox/checks/validation-pool.fixture-worker.ts", import.meta.url),
      workerData: { gate },
    });
    const counting: ValidationPool = {
      ...pool,
      validate: (body, options) => {
        handedOver.push(options.queue ?? "");
        return pool.validate(body, options);
      },
    };
    t = await startTestApp({}, { validationPool: counting, validator: { perOrganisation: 2 } });
    w = await seedWorld(t.db);
  });
  afterAll(async () => {
    open();
    await t.close();
    await pool.close();
  });

  it("refuses an organisation's validation beyond its cap with 429, while another organisation and a person without one still get theirs", async () => {
    const tokenOf = async (email: string) => (await apiAs(t.app, email)).token;
    const [readerA, plA, plB, fg] = [
      await tokenOf(w.emails.readerA),
      await tokenOf(w.emails.plA),
      await tokenOf(w.emails.plB),
      await tokenOf(w.emails.fg),
    ];
    // Two of organisation A's validations hold both workers.
    const heldA = [post(t.app, readerA, HELD), post(t.app, plA, HELD)];
    await expect.poll(() => handedOver.length).toBe(2);
    expect(handedOver).toEqual([`organisation ${w.orgA.id}`, `organisation ${w.orgA.id}`]);

    const refused = await post(t.app, plA, valid);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBe("1");
    expect(refused.json()).toMatchObject({ code: "TOO_MANY_VALIDATIONS", message: expect.stringContaining("2 validations") });

    const b = browser(t.app);
    await b.login(w.emails.readerA);
    const page = await b.post("/sandbox/validate", { xml: valid });
    expect(page.statusCode).toBe(429);
    expect(page.body).toContain("Organisationen har redan så många valideringar igång");
    // The XML stays in the field, to send again.
    expect(page.body).toContain("&lt;soap:Envelope");

    // Organisation B and the förvaltningsgrupp (no organisation: a queue of their own) wait their turn, not refused.
    const others = [post(t.app, plB, valid), post(t.app, fg, valid)];
    open();
    for (const res of [...(await Promise.all(heldA)), ...(await Promise.all(others))]) expect(res.statusCode).toBe(200);
    expect(failing(parseBody(await post(t.app, plA, valid), ValidationReport))).toEqual([]);
  });
});
