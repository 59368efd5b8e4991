import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.ts";
import { conformanceEventOf } from "../../src/db/repositories/sandbox-event-mapper.ts";
import { environmentEventsOf } from "../../src/db/repositories/sandbox-setup-repository.ts";
import type { IssuedSandboxCertificate } from "../../src/domain/sandbox/issue-sandbox-certificate.ts";
import { readSandboxAuthority } from "../../src/domain/sandbox/sandbox-authority.ts";
import { sandboxCertificateBundle } from "../../src/domain/sandbox/sandbox-certificate-bundle.ts";
import { validateSubmission } from "../../src/sandbox/checks/validate-submission.ts";
import { CONFORMANCE_CASES } from "../../src/sandbox/conformance/conformance-cases.ts";
import { evaluateConformance } from "../../src/sandbox/conformance/evaluate-conformance.ts";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/emulator/start-sandbox.ts";
import { scenarioById } from "../../src/sandbox/recipients/scenarios.ts";
import { insertTestEnvironment } from "../../src/sandbox/testing/database-environment.ts";
import { apiAs, seedWorld, startTestApp, type TestApp, type World } from "../support/test-app.ts";
import { TEST_SECRETS } from "../support/test-secrets.ts";

/**
 * `npm run cli -- sandbox:send`, the reference sender for users, against the emulator wired into
 * the product: the certificate file exactly as the environment page hands it out, real mutual TLS,
 * and every call recorded in the database as it would be for the organisation's own system.
 */

describe("sandbox:send, the reference sender", () => {
  let t: TestApp;
  let w: World;
  let sandbox: RunningSandbox;
  let dir: string;
  let certificateFile: string;
  const slugs = { single: "sendenv001", cases: "sendenv002" };
  const environmentIds: Record<string, string> = {};

  const send = (slug: string, ...flags: string[]) =>
    runCli(["sandbox:send", "--environment", slug, "--certificate", certificateFile, "--url", sandbox.url, ...flags]);

  const eventsOf = async (slug: string) =>
    (
      (await t.db.execute(
        sql`select operation, outcome, request_bytes, recipient_ids from sandbox_events where environment_id = ${environmentIds[slug]} order by at`,
      )) as unknown as { rows: { operation: string; outcome: string; request_bytes: number; recipient_ids: string[] }[] }
    ).rows;

  beforeAll(async () => {
    t = await startTestApp();
    w = await seedWorld(t.db);
    const pl = await apiAs(t.app, w.emails.plA);
    const issued = (await pl.post(`/api/v1/organisations/${w.orgA.id}/sandbox/certificate`)).json() as IssuedSandboxCertificate;
    dir = mkdtempSync(path.join(tmpdir(), "sandbox-send-"));
    certificateFile = path.join(dir, "certificate.pem");
    writeFileSync(certificateFile, sandboxCertificateBundle(issued, w.orgA.name));
    for (const slug of Object.values(slugs))
      environmentIds[slug] = (await insertTestEnvironment(t.db, { organisationId: w.orgA.id, slug })).id;
    sandbox = await startSandbox({ db: t.db, authority: await readSandboxAuthority(t.db, TEST_SECRETS), host: "127.0.0.1", port: 0 });
  });
  afterAll(async () => {
    await sandbox?.close();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("looks a reachable recipient up, delivers a signed message that passes every check, and saves the exact request", async () => {
    const saved = path.join(dir, "request.xml");
    const res = await send(slugs.single, "--to", scenarioById("reachable-kivra").recipientId, "--save", saved);
    expect(res.out).toMatch(
      /isReachable: Type Secure, SenderAccepted true, Pending false, operator .+ at https:\/\/.+\/Service\/v3\/kivra/,
    );
    expect(res.out).toMatch(/deliverSecure to .+: delivered, TransId \S+/);
    expect(res.out).toMatch(/checks of the message: \d+ pass, \d+ warn, 0 fail/);
    expect(res.code).toBe(0);

    const request = readFileSync(saved);
    await sandbox.close();
    sandbox = await startSandbox({ db: t.db, authority: await readSandboxAuthority(t.db, TEST_SECRETS), host: "127.0.0.1", port: 0 });
    const events = await eventsOf(slugs.single);
    expect(events.map((e) => [e.operation, e.outcome])).toEqual([
      ["isReachable", "answered"],
      ["deliverSecure", "delivered"],
    ]);
    // The file holds the bytes the emulator received, signed as avsändare and förmedlare.
    expect(events[1]?.request_bytes).toBe(request.length);
    const checks = validateSubmission(request.toString("utf8"));
    expect(checks.filter((c) => c.status === "fail")).toEqual([]);
    expect(checks.find((c) => c.id === "signature.sender")?.status).toBe("pass");
    expect(checks.find((c) => c.id === "signature.intermediary")?.status).toBe("pass");
  });

  it("sends nothing to a recipient without a mailbox, and prints an operator's fault with its ErrorCode and CallId", async () => {
    const noMailbox = await send(slugs.single, "--to", scenarioById("no-mailbox").recipientId);
    expect(noMailbox.out).toContain("no digital delivery (no-mailbox): send on paper; no deliverSecure made");
    expect(noMailbox.code).toBe(0);

    const fault = await send(slugs.single, "--to", scenarioById("operator-fault").recipientId);
    expect(fault.out).toMatch(/deliverSecure to .+: SOAP fault soap:Server \(HTTP 500\): .+\[ErrorCode \d+, CallId [0-9a-f-]{36}\]/);
    expect(fault.code).toBe(1);
  });

  it("sends an HTML body and a PDF of the user's own", async () => {
    const html = path.join(dir, "brev.html");
    const pdf = path.join(dir, "egen.pdf");
    writeFileSync(html, "<html><head><title>Brev</title></head><body><p>Ett eget brev.</p></body></html>");
    writeFileSync(pdf, "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");
    const saved = path.join(dir, "own.xml");
    const res = await send(
      slugs.single,
      "--to",
      scenarioById("reachable-billo").recipientId,
      "--html",
      html,
      "--attach",
      pdf,
      "--save",
      saved,
    );
    expect(res.out).toMatch(/delivered, TransId/);
    expect(res.code).toBe(0);
    const request = readFileSync(saved, "utf8");
    expect(request).toContain(Buffer.from(readFileSync(html)).toString("base64"));
    expect(request).toContain(">egen.pdf</Filename>");
  });

  it("refuses a wrong invocation before calling anyone", async () => {
    expect((await send(slugs.single)).code).toBe(2);
    expect((await send(slugs.single, "--case", "MM-99")).out).toContain("--case: one of MM-01");
    expect((await runCli(["sandbox:send", "--environment", "NOT A SLUG", "--certificate", certificateFile, "--to", "x"])).code).toBe(2);
  });

  it("runs every conformance case as a conformant sender, and the emulator's record passes all of them", async () => {
    // The sender gives up on the held call first; the emulator records the timeout when it closes.
    const res = await send(slugs.cases, "--case", "all", "--timeout", "2");
    for (const c of CONFORMANCE_CASES) expect(res.out).toContain(`${c.id}:`);
    await sandbox.close();
    sandbox = await startSandbox({ db: t.db, authority: await readSandboxAuthority(t.db, TEST_SECRETS), host: "127.0.0.1", port: 0 });
    const events = (await environmentEventsOf(t.db, environmentIds[slugs.cases] ?? "")).map(conformanceEventOf);
    const evaluation = evaluateConformance(CONFORMANCE_CASES, events);
    expect(evaluation.results.filter((r) => r.status !== "pass").map((r) => `${r.id} ${r.status}: ${r.reason.en}`)).toEqual([]);
    expect(evaluation.summary).toEqual({ total: 15, passed: 15, failed: 0, notRun: 0 });
  }, 120_000);

  it("works as a real process (npm run cli)", async () => {
    const run = promisify(execFile);
    const { stdout } = await run(
      process.execPath,
      [
        "--import",
        "tsx",
        "src/cli/main.ts",
        "sandbox:send",
        "--environment",
        slugs.single,
        "--certificate",
        certificateFile,
        "--url",
        sandbox.url,
        "--to",
        scenarioById("reachable-organisation").recipientId,
      ],
      { env: { ...process.env } },
    );
    expect(stdout).toMatch(/delivered, TransId/);
  }, 60_000);
});
