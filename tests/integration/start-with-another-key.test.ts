import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { pgliteDir } from "../../src/db/embedded-database.ts";
import { migrateDatabase } from "../../src/db/migrate.ts";
import { openDatabase } from "../../src/db/open-database.ts";
import { SYSTEM_ACTOR } from "../../src/domain/access/actor.ts";
import { createOrganisation } from "../../src/domain/organisations/create-organisation.ts";
import type { OrganisationNumber } from "../../src/domain/organisations/organisation-number.ts";
import { ensureSandboxAuthority } from "../../src/domain/sandbox/sandbox-authority.ts";
import { createUser } from "../../src/domain/users/create-user.ts";
import { LoginResponse } from "../../src/http/routes/identity/identity.schema.ts";
import { newSecretKey } from "../../src/secrets/secret-box.ts";
import { PASSWORD } from "../support/test-app.ts";
import { createTestDatabaseEnv } from "../support/test-database.ts";
import { TEST_SECRETS } from "../support/test-secrets.ts";

/**
 * A database restored without its original SECRET_KEY (or a server given the wrong one): the server
 * must start and serve, say clearly what it cannot use, and answer the one thing that needs the
 * sealed keys with SANDBOX_CA_UNUSABLE, never crash with SecretBoxError. A real server process starts
 * (tsx compiles the whole app), so the test gets more than the suite's 30 s.
 */
async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, "close");
  return port;
}

// Not the test world: the server under test is a process of its own, started by `npm start`'s entry point over a database made here.
describe("starting with another SECRET_KEY than the database's", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "ansluta-key-"));
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves the app, logs what the key cannot open, keeps the emulator off and answers certificate requests with 503", async () => {
    // A database whose sandbox authority and audit checkpoint are sealed and signed under the suite's key.
    const { env: databaseEnv, drop } = await createTestDatabaseEnv(path.join(dir, "data"));
    cleanups.push(drop);
    const handle = await openDatabase(
      "DATABASE_URL" in databaseEnv
        ? { kind: "postgres", url: databaseEnv.DATABASE_URL as string }
        : { kind: "pglite", dataDir: pgliteDir(databaseEnv.DATA_DIR as string) },
    );
    await migrateDatabase(handle);
    await ensureSandboxAuthority(handle.db, { now: new Date(), secrets: TEST_SECRETS });
    const org = await createOrganisation({
      db: handle.db,
      actor: SYSTEM_ACTOR,
      now: new Date(),
      input: { name: "Sundsvalls kommun", number: "2120002411" as OrganisationNumber, kind: "kommun" },
    });
    await createUser({
      db: handle.db,
      actor: SYSTEM_ACTOR,
      now: new Date(),
      input: {
        email: "pl@test.example",
        name: "PL",
        password: PASSWORD,
        systemRoles: [],
        membership: { organisationNumber: org.number, roles: ["projektledare"] },
      },
    });
    await handle.close();

    const port = await freePort();
    const { DATABASE_URL: _u, DATA_DIR: _d, SECRET_KEY: _k, PORT: _p, SANDBOX_PORT: _s, ...inherited } = process.env;
    const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: {
        ...inherited,
        ...databaseEnv,
        SECRET_KEY: newSecretKey(),
        PORT: String(port),
        SANDBOX_PORT: String(await freePort()),
        HOST: "127.0.0.1",
        LOG_LEVEL: "info",
        NODE_ENV: "test",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (b: Buffer) => {
      output += b.toString("utf8");
    });
    child.stderr?.on("data", (b: Buffer) => {
      output += b.toString("utf8");
    });
    cleanups.push(async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, "exit");
        child.kill("SIGTERM");
        await exited;
      }
    });

    const base = `http://127.0.0.1:${port}`;
    const started = performance.now();
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
      const up = await fetch(`${base}/healthz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (up) break;
      if (performance.now() - started > 90_000) throw new Error(`no /healthz within 90 s:\n${output}`);
      await sleep(100);
    }

    expect(output).not.toContain("SecretBoxError");
    expect(output).toContain("the sandbox's test CA does not open with this SECRET_KEY");
    expect(output).toContain("the emulator does not start");
    expect(output).toContain("the audit log's signed checkpoint does not verify with this key");
    expect(output).not.toContain("Mina meddelanden emulator listening");

    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "pl@test.example", password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const { token } = LoginResponse.parse(await login.json());
    const auth = { authorization: `Bearer ${token}` };
    expect((await fetch(`${base}/api/v1/sandbox/ca.pem`, { headers: auth })).status).toBe(200);
    const certificate = await fetch(`${base}/api/v1/organisations/${org.id}/sandbox/certificate`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: "{}",
    });
    expect(certificate.status).toBe(503);
    expect(await certificate.json()).toMatchObject({ code: "SANDBOX_CA_UNUSABLE", message: expect.stringContaining("SECRET_KEY") });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  }, 120_000);
});
