import { mkdtemp, rm } from "node:fs/promises";
import { request } from "node:https";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEMO_PASSWORD } from "../src/cli/demo-seed.ts";
import { percentile } from "../src/sandbox/conformance/evaluate-conformance.ts";
import { startServer } from "./server-process.ts";
import { bearerToken } from "./sign-in.ts";

/*
 * `npx tsx bench/costly-upload.ts`: the security probe's upload, measured from outside. A server
 * (src/main.ts, embedded database with the demo, the emulator on SANDBOX_PORT) gets N copies at
 * once of a 4.7 MB document of 1.2 million empty elements, posted by a läsare to the validator and
 * then by a projektledare's test certificate to the emulator, while another client asks /healthz
 * every 20 ms, one at a time. Reported: how long the uploads took to be answered and how long
 * /healthz took meanwhile (what every other user of the process waits).
 */

const USAGE = `Usage: npx tsx bench/costly-upload.ts [--uploads N] [--rounds N]
  --uploads N   copies posted at once (default 4, as the probe did)
  --rounds N    times each is repeated (default 2)`;

const FLAT = `<r>${"<e/>".repeat(1_200_000)}</r>`;
const PROBE_EVERY_MS = 20;

type Round = { target: "validator" | "emulator"; uploadsMs: number; statuses: number[]; healthz: number[] };

const say = (line: string) => process.stdout.write(`${line}\n`);

async function api<T>(baseUrl: string, token: string, method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

type Certificate = { certificatePem: string; privateKeyPem: string; caCertificatePem: string };

function postToEmulator(url: string, certificate: Certificate, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        ca: certificate.caCertificatePem,
        cert: certificate.certificatePem,
        key: certificate.privateKeyPem,
        agent: false,
        headers: { "content-type": "text/xml; charset=utf-8", soapaction: '""' },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** Runs the uploads while asking /healthz, one request at a time, until they are all answered. */
async function measure(baseUrl: string, target: Round["target"], uploads: () => Promise<number>[]): Promise<Round> {
  const healthz: number[] = [];
  let done = false;
  const probing = (async () => {
    while (!done) {
      const asked = performance.now();
      const response = await fetch(`${baseUrl}/healthz`);
      await response.body?.cancel();
      if (response.status !== 200) throw new Error(`/healthz answered ${response.status}`);
      healthz.push(performance.now() - asked);
      await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
    }
  })();
  const started = performance.now();
  const statuses = await Promise.all(uploads());
  const uploadsMs = performance.now() - started;
  done = true;
  await probing;
  return { target, uploadsMs, statuses, healthz };
}

async function main() {
  const { values } = parseArgs({
    options: {
      uploads: { type: "string", default: "4" },
      rounds: { type: "string", default: "2" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return say(USAGE);
  const uploads = Number(values.uploads);
  const rounds = Number(values.rounds);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "ansluta-costly-"));
  const sandboxPort = 20_000 + Math.floor(Math.random() * 20_000);
  process.env.SANDBOX_PORT = String(sandboxPort);
  const server = await startServer({ DATA_DIR: dataDir });
  try {
    const reader = await bearerToken(server.baseUrl, { email: "lasare@sundsvall.example", password: DEMO_PASSWORD });
    const lead = await bearerToken(server.baseUrl, { email: "projektledare@sundsvall.example", password: DEMO_PASSWORD });
    const { initiatives } = await api<{ initiatives: { id: string; organisationId: string }[] }>(
      server.baseUrl,
      lead,
      "GET",
      "/api/v1/initiatives",
    );
    const initiative = initiatives[0];
    if (!initiative) throw new Error("the demo has no initiative");
    const environment = await api<{ slug: string }>(
      server.baseUrl,
      lead,
      "PUT",
      `/api/v1/initiatives/${initiative.id}/sandbox/environment`,
      {
        enabled: true,
        intermediaryOrgNr: null,
      },
    );
    const certificate = await api<Certificate>(
      server.baseUrl,
      lead,
      "POST",
      `/api/v1/organisations/${initiative.organisationId}/sandbox/certificate`,
    );
    const emulatorUrl = `https://127.0.0.1:${sandboxPort}/e/${environment.slug}/Service/v3/kivra`;

    const results: Round[] = [];
    for (let round = 0; round < rounds; round++) {
      results.push(
        await measure(server.baseUrl, "validator", () =>
          Array.from({ length: uploads }, async () => {
            const response = await fetch(`${server.baseUrl}/api/v1/sandbox/validate`, {
              method: "POST",
              headers: { "content-type": "application/xml", authorization: `Bearer ${reader}` },
              body: FLAT,
            });
            await response.body?.cancel();
            return response.status;
          }),
        ),
        await measure(server.baseUrl, "emulator", () =>
          Array.from({ length: uploads }, () => postToEmulator(emulatorUrl, certificate, FLAT)),
        ),
      );
    }
    say(
      `${uploads} uploads of ${(Buffer.byteLength(FLAT) / 1e6).toFixed(1)} MB at once, ${rounds} rounds; /healthz asked every ${PROBE_EVERY_MS} ms`,
    );
    say("| target | round | uploads answered after ms | statuses | /healthz calls | p50 ms | p99 ms | max ms |");
    say("|---|--:|--:|---|--:|--:|--:|--:|");
    results.forEach((r, i) => {
      const sorted = [...r.healthz].sort((a, b) => a - b);
      const p = (q: number) => (sorted.length ? percentile(sorted, q).toFixed(1) : "–");
      say(
        `| ${r.target} | ${Math.floor(i / 2) + 1} | ${r.uploadsMs.toFixed(0)} | ${r.statuses.join(" ")} | ${r.healthz.length} | ${p(50)} | ${p(99)} | ${p(100)} |`,
      );
    });
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
