import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { Agent, request } from "node:https";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { percentile } from "../src/sandbox/conformance/evaluate-conformance.ts";
import { environmentPath } from "../src/sandbox/emulator/environment.ts";
import { scenarioById } from "../src/sandbox/recipients/scenarios.ts";
import { readDeliverSecureResponse, readIsReachableResponse } from "../src/sandbox/soap/read-responses.ts";
import { deliverSecureRequest, exampleDelivery } from "../src/sandbox/testing/reference-delivery.ts";
import { isReachableRequest, pdfOfSize, postSoap, signerOf } from "../src/sandbox/testing/reference-sender.ts";
import { createTestCa, issueClientCertificate, issueServerCertificate, type PemCertificate } from "../src/sandbox/tls/test-ca.ts";
import type { EmulatorServerConfig, EmulatorServerReport } from "./emulator-server.ts";
import { REPO_ROOT } from "./server-process.ts";

/*
 * The emulator's throughput with full validation against its floor: the same server (TLS with a
 * client certificate, environment lookup, body read) answering every POST with an empty SOAP
 * envelope (answerEmpty). The sender looks the recipient up once, then posts signed ~100 kB
 * deliverSecure requests with a PDF attachment at a fixed concurrency over keep-alive mutual-TLS
 * connections. The emulator runs in a child process; this process only sends. Meanwhile one more
 * sender makes an isReachable every LOOKUP_EVERY_MS, and the child measures its event loop's delay:
 * how long everyone else sharing the emulator's process waits while it validates.
 */

export type EmulatorBenchSettings = {
  durationSeconds: number;
  warmupSeconds: number;
  concurrency: number;
  /** The emulator's validation worker threads; its default, max(1, cores − 1), when absent. */
  validationWorkers?: number;
};

type Percentiles = { p50: number; p99: number; max: number };

export type EmulatorRun = {
  mode: "full-validation" | "empty-answer";
  requests: number;
  /** Answers other than the mode's expected one (200 with Delivered=true, or 200 empty). */
  unexpected: number;
  deliveriesPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** isReachable calls made one at a time during the measured seconds, beside the deliveries. */
  lookups: Percentiles & { count: number; unexpected: number };
  /** The emulator process's event-loop delay over the measured seconds (monitorEventLoopDelay). */
  eventLoopDelayMs: Percentiles;
};

export type EmulatorBench = {
  settings: EmulatorBenchSettings & { rsaKeyBits: number; envelopeBytes: number; pdfBytes: number; distinctEnvelopes: number };
  full: EmulatorRun;
  floor: EmulatorRun;
  /** Full validation against the floor: throughput as a fraction of it, p50 latency as a multiple of it. */
  ratio: { throughput: number; p50: number };
};

const SENDER = { organisationNumber: "2120002411", organisationName: "Sundsvalls kommun" };
const SLUG = "bench00001";
const RSA_KEY_BITS = 2048;
/** A 72 kB PDF is ~96 kB in base64: with the envelope and two signatures the request is about 100 kB. */
const PDF_BYTES = 72_000;
/**
 * Signing happens before the run, not in it (the sender's cost is not the emulator's). Reusing a
 * message Id costs a warning, not a refusal, so a small pool keeps every check running.
 */
const DISTINCT_ENVELOPES = 32;
const LOOKUP_EVERY_MS = 50;

const say = (line: string) => process.stdout.write(`${line}\n`);

type Keys = { ca: string; server: PemCertificate; client: PemCertificate };

async function makeKeys(): Promise<Keys> {
  const ca = await createTestCa({ installationName: "bench", modulusLength: RSA_KEY_BITS });
  const [server, client] = await Promise.all([
    issueServerCertificate(ca, { modulusLength: RSA_KEY_BITS }),
    issueClientCertificate(ca, SENDER, { modulusLength: RSA_KEY_BITS }),
  ]);
  return { ca: ca.certificatePem, server, client };
}

function signedEnvelopes(client: PemCertificate): string[] {
  const signer = signerOf(client, SENDER);
  const recipient = scenarioById("reachable-kivra").recipientId;
  const pdf = pdfOfSize(PDF_BYTES);
  return Array.from({ length: DISTINCT_ENVELOPES }, () => {
    const input = exampleDelivery({
      sender: { id: `16${SENDER.organisationNumber}`, name: SENDER.organisationName },
      recipients: [recipient],
    });
    const messages = input.messages.map((m) => ({
      ...m,
      id: randomUUID(),
      attachments: [{ contentType: "application/pdf", content: pdf, filename: "beslut.pdf" }],
    }));
    return deliverSecureRequest({ ...input, messages }, { sender: signer, intermediary: signer });
  });
}

type Child = {
  url: string;
  /** Starts the child's event-loop delay measurement afresh. */
  measureFromNow: () => void;
  stop: () => Promise<EmulatorServerReport>;
};

async function startChild(keys: Keys, answerEmpty: boolean, dir: string, validationWorkers?: number): Promise<Child> {
  const configPath = path.join(dir, `emulator-${answerEmpty ? "empty" : "full"}.json`);
  const config: EmulatorServerConfig = {
    ca: keys.ca,
    serverCert: keys.server.certificatePem,
    serverKey: keys.server.privateKeyPem,
    environment: { slug: SLUG, ...{ orgnr: SENDER.organisationNumber, organisationName: SENDER.organisationName } },
    answerEmpty,
    ...(validationWorkers ? { validationWorkers } : {}),
  };
  await writeFile(configPath, JSON.stringify(config), { mode: 0o600 });
  // e.g. BENCH_EMULATOR_NODE_ARGS="--cpu-prof --cpu-prof-dir=.tmp/prof" to profile the emulator under load.
  const nodeArgs = (process.env.BENCH_EMULATOR_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "bench/emulator-server.ts", configPath], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const [first] = (await Promise.race([once(lines, "line"), once(child, "exit").then(() => [null])])) as [string | null];
  if (!first) throw new Error("the emulator child exited before listening");
  const { url } = JSON.parse(first) as { url: string };
  return {
    url,
    measureFromNow: () => child.kill("SIGUSR2"),
    stop: async () => {
      process.off("exit", kill);
      if (child.exitCode !== null) throw new Error("the emulator child exited during the run");
      const reported = once(lines, "line") as Promise<[string]>;
      child.kill("SIGTERM");
      const [line] = await reported;
      await once(child, "exit");
      return JSON.parse(line) as EmulatorServerReport;
    },
  };
}

function post(url: string, body: string, agent: Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        agent,
        headers: { "content-type": "text/xml; charset=utf-8", soapaction: '""', "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** `concurrency` senders, each posting as soon as its previous answer arrived, for `seconds`. */
async function drive(
  url: string,
  envelopes: readonly string[],
  agent: Agent,
  seconds: number,
  concurrency: number,
  expected: (r: { status: number; body: string }) => boolean,
) {
  const latencies: number[] = [];
  let unexpected = 0;
  let next = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  const sender = async () => {
    while (performance.now() < until) {
      const body = envelopes[next++ % envelopes.length] ?? "";
      const t0 = performance.now();
      try {
        const answer = await post(url, body, agent);
        if (!expected(answer)) unexpected += 1;
      } catch {
        unexpected += 1;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, sender));
  return { latencies, unexpected, elapsedSeconds: (performance.now() - started) / 1000 };
}

/** One isReachable at a time, every LOOKUP_EVERY_MS, until `stop` resolves. */
async function probeLookups(
  url: string,
  body: string,
  agent: Agent,
  stop: Promise<unknown>,
  expected: (r: { status: number; body: string }) => boolean,
) {
  const latencies: number[] = [];
  let unexpected = 0;
  let stopped = false;
  void stop.then(() => {
    stopped = true;
  });
  while (!stopped) {
    const t0 = performance.now();
    try {
      const answer = await post(url, body, agent);
      if (!expected(answer)) unexpected += 1;
    } catch {
      unexpected += 1;
    }
    const took = performance.now() - t0;
    latencies.push(took);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, LOOKUP_EVERY_MS - took)));
  }
  return { latencies: latencies.sort((a, b) => a - b), unexpected };
}

const delivered = (r: { status: number; body: string }) => {
  if (r.status !== 200) return false;
  const read = readDeliverSecureResponse(r.body);
  return read.ok && read.value.statuses[0].delivered;
};
const emptyAnswer = (r: { status: number; body: string }) => r.status === 200 && r.body.includes("<soap:Body/>");

async function measureMode(
  keys: Keys,
  envelopes: readonly string[],
  settings: EmulatorBenchSettings,
  answerEmpty: boolean,
  dir: string,
): Promise<EmulatorRun> {
  const child = await startChild(keys, answerEmpty, dir, settings.validationWorkers);
  const agent = new Agent({
    keepAlive: true,
    maxSockets: settings.concurrency,
    ca: keys.ca,
    cert: keys.client.certificatePem,
    key: keys.client.privateKeyPem,
  });
  const lookupAgent = new Agent({
    keepAlive: true,
    maxSockets: 1,
    ca: keys.ca,
    cert: keys.client.certificatePem,
    key: keys.client.privateKeyPem,
  });
  let stopped = false;
  try {
    const base = `${child.url}${environmentPath(SLUG)}`;
    const lookupRequest = isReachableRequest(`16${SENDER.organisationNumber}`, [scenarioById("reachable-kivra").recipientId]);
    const lookup = await postSoap(`${base}/Recipient/v3`, lookupRequest, {
      ca: keys.ca,
      certificate: keys.client,
    });
    let serviceUrl = `${base}/Service/v3/kivra`;
    if (!answerEmpty) {
      const read = lookup.kind === "answer" ? readIsReachableResponse(lookup.body) : null;
      const address = read?.ok ? read.value[0]?.accountStatus.serviceSupplier?.serviceAdress : undefined;
      if (!address)
        throw new Error(`isReachable gave no ServiceAdress: ${lookup.kind === "answer" ? lookup.body.slice(0, 300) : lookup.error}`);
      serviceUrl = address;
      const probe = await post(serviceUrl, envelopes[0] ?? "", agent);
      if (!delivered(probe)) throw new Error(`the probe delivery was not delivered: ${probe.status} ${probe.body.slice(0, 500)}`);
    }
    const expected = answerEmpty ? emptyAnswer : delivered;
    if (settings.warmupSeconds > 0) await drive(serviceUrl, envelopes, agent, settings.warmupSeconds, settings.concurrency, expected);
    child.measureFromNow();
    const driving = drive(serviceUrl, envelopes, agent, settings.durationSeconds, settings.concurrency, expected);
    const lookedUp = (r: { status: number; body: string }) => r.status === 200 && readIsReachableResponse(r.body).ok;
    const probing = probeLookups(`${base}/Recipient/v3`, lookupRequest, lookupAgent, driving, answerEmpty ? emptyAnswer : lookedUp);
    const [run, lookups] = await Promise.all([driving, probing]);
    stopped = true;
    const { eventLoopDelayMs } = await child.stop();
    const sorted = run.latencies.sort((a, b) => a - b);
    return {
      mode: answerEmpty ? "empty-answer" : "full-validation",
      requests: sorted.length,
      unexpected: run.unexpected,
      deliveriesPerSecond: sorted.length / run.elapsedSeconds,
      latencyMs: {
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
        max: sorted.at(-1) ?? 0,
      },
      lookups: {
        count: lookups.latencies.length,
        unexpected: lookups.unexpected,
        p50: percentile(lookups.latencies, 50),
        p99: percentile(lookups.latencies, 99),
        max: lookups.latencies.at(-1) ?? 0,
      },
      eventLoopDelayMs,
    };
  } finally {
    agent.destroy();
    lookupAgent.destroy();
    if (!stopped) await child.stop().catch(() => undefined);
  }
}

export async function measureEmulator(settings: EmulatorBenchSettings): Promise<EmulatorBench> {
  say("Emulator (deliverSecure over mutual TLS)");
  const keys = await makeKeys();
  const envelopes = signedEnvelopes(keys.client);
  const envelopeBytes = Buffer.byteLength(envelopes[0] ?? "");
  say(
    `  ${envelopes.length} signed envelopes of ${(envelopeBytes / 1024).toFixed(0)} kB, RSA ${RSA_KEY_BITS}, ${settings.concurrency} concurrent senders`,
  );
  const dir = await mkdtemp(path.join(os.tmpdir(), "ansluta-bench-emulator-"));
  try {
    const full = await measureMode(keys, envelopes, settings, false, dir);
    say(`  ${formatRun(full)}`);
    const floor = await measureMode(keys, envelopes, settings, true, dir);
    say(`  ${formatRun(floor)}`);
    return {
      settings: { ...settings, rsaKeyBits: RSA_KEY_BITS, envelopeBytes, pdfBytes: PDF_BYTES, distinctEnvelopes: DISTINCT_ENVELOPES },
      full,
      floor,
      ratio: { throughput: full.deliveriesPerSecond / floor.deliveriesPerSecond, p50: full.latencyMs.p50 / floor.latencyMs.p50 },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const formatRun = (r: EmulatorRun) =>
  `${r.mode}: ${r.deliveriesPerSecond.toFixed(1)}/s (${r.requests} requests, ${r.unexpected} unexpected), p50 ${r.latencyMs.p50.toFixed(1)} ms, p95 ${r.latencyMs.p95.toFixed(1)} ms, p99 ${r.latencyMs.p99.toFixed(1)} ms, max ${r.latencyMs.max.toFixed(1)} ms` +
  `; isReachable beside it p50 ${r.lookups.p50.toFixed(1)} ms, p99 ${r.lookups.p99.toFixed(1)} ms, max ${r.lookups.max.toFixed(1)} ms (${r.lookups.count}, ${r.lookups.unexpected} unexpected)` +
  `; event-loop delay p50 ${r.eventLoopDelayMs.p50.toFixed(1)} ms, p99 ${r.eventLoopDelayMs.p99.toFixed(1)} ms, max ${r.eventLoopDelayMs.max.toFixed(1)} ms`;

export function formatEmulatorReport(bench: EmulatorBench): string {
  return [
    `Emulator: signed deliverSecure of ${(bench.settings.envelopeBytes / 1024).toFixed(0)} kB with a PDF, ${bench.settings.concurrency} concurrent senders, ${bench.settings.durationSeconds} s`,
    `  ${formatRun(bench.full)}`,
    `  ${formatRun(bench.floor)}`,
    `  full validation / floor: ${(bench.ratio.throughput * 100).toFixed(1)} % of the floor's throughput, p50 ${bench.ratio.p50.toFixed(1)}× the floor's`,
  ].join("\n");
}

/** `npx tsx bench/emulator.ts [--duration S] [--warmup S] [--concurrency N] [--validation-workers N] [--out FILE]`: the emulator alone. */
async function main() {
  const { values } = parseArgs({
    options: {
      duration: { type: "string", default: "10" },
      warmup: { type: "string", default: "2" },
      concurrency: { type: "string", default: "8" },
      "validation-workers": { type: "string" },
      out: { type: "string", default: "reports/bench-emulator.json" },
    },
  });
  const settings = {
    durationSeconds: Number(values.duration),
    warmupSeconds: Number(values.warmup),
    concurrency: Number(values.concurrency),
    ...(values["validation-workers"] ? { validationWorkers: Number(values["validation-workers"]) } : {}),
  };
  const bench = await measureEmulator(settings);
  const cpus = os.cpus();
  const report = {
    generatedAt: new Date().toISOString(),
    machine: { cpus: cpus.length, cpuModel: cpus[0]?.model.trim(), node: process.version },
    ...bench,
  };
  const out = path.resolve(REPO_ROOT, values.out);
  await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  say(`\n${formatEmulatorReport(bench)}\nJSON: ${path.relative(REPO_ROOT, out)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
