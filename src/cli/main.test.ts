import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabaseEnv } from "../../tests/support/test-database.ts";
import { newSecretKey } from "../secrets/secret-box.ts";
import { DEMO_USERS } from "./demo-seed.ts";
import { runCli } from "./main.ts";

const embedded = !process.env.DATABASE_URL;
/** The suite's SECRET_KEY (tests/support/test-secrets.ts): the template databases' sealed keys open with it. */
const TEST_SECRET_KEY = Buffer.alloc(32, 7).toString("base64");

/** Runs a CLI command in this process against the given environment, as `npm run cli` would. */
function withEnv(env: Record<string, string>) {
  return async (...args: string[]) => {
    const saved = { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR, SECRET_KEY: process.env.SECRET_KEY };
    delete process.env.DATABASE_URL;
    delete process.env.SECRET_KEY;
    Object.assign(process.env, env);
    try {
      return await runCli(args);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  };
}

// Each test runs the CLI as separate processes over PGlite on disk: a minute on a busy machine is normal.
describe("cli", { timeout: 180_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), "ansluta-cli-"));
  const drops: (() => Promise<void>)[] = [];
  let databases = 0;
  /** A database of its own for one test, copied from the suite's migrated template, and the CLI pointed at it. */
  async function freshDatabase() {
    const db = await createTestDatabaseEnv(path.join(dir, `db-${databases++}`));
    drops.push(db.drop);
    const env: Record<string, string> = { ...db.env, SECRET_KEY: TEST_SECRET_KEY };
    return { env, cli: withEnv(env) };
  }
  afterAll(async () => {
    for (const d of drops) await d();
    rmSync(dir, { recursive: true, force: true });
  });

  it("migrates, and creates an organisation, users and an admin", async () => {
    const { cli } = await freshDatabase();
    expect(await cli("db:migrate")).toMatchObject({ code: 0 });
    expect(await cli("org:create", "--name", "Sundsvalls kommun", "--number", "212000-2411", "--kind", "kommun")).toMatchObject({
      code: 0,
      out: expect.stringContaining("2120002411"),
    });
    expect(
      await cli(
        "user:create",
        "--email",
        "pl@test.example",
        "--password",
        "Test-password-1",
        "--name",
        "PL",
        "--organisation",
        "2120002411",
        "--roles",
        "projektledare,styrgrupp",
      ),
    ).toMatchObject({ code: 0 });
    expect(
      await cli(
        "user:create",
        "--email",
        "fg@test.example",
        "--password",
        "Test-password-1",
        "--name",
        "FG",
        "--roles",
        "forvaltningsgrupp",
      ),
    ).toMatchObject({
      code: 0,
    });
    expect(await cli("admin:create", "--email", "admin@test.example", "--password", "Test-password-1")).toMatchObject({ code: 0 });
    expect(await cli("admin:create", "--email", "pl@test.example", "--password", "whatever-at-all")).toMatchObject({
      code: 0,
      out: expect.stringContaining("is now admin"),
    });
  });

  it("refuses bad input with a clear message and a non-zero exit code", async () => {
    const { cli } = await freshDatabase();
    expect(await cli("org:create", "--name", "Sundsvalls kommun", "--number", "2120002411", "--kind", "kommun")).toMatchObject({ code: 0 });
    const badNumber = await cli("org:create", "--name", "Fel", "--number", "212000-2412", "--kind", "kommun");
    expect(badNumber.code).not.toBe(0);
    expect(badNumber.out).toContain("--number");
    expect(badNumber.out).toContain("check digit");
    const badKind = await cli("org:create", "--name", "Fel", "--number", "5566778899", "--kind", "bolag");
    expect(badKind.out).toContain("--kind");
    expect((await cli("org:create", "--name", "Dubblett", "--number", "2120002411", "--kind", "kommun")).out).toContain(
      "ORGANISATION_NUMBER_TAKEN",
    );
    const role = await cli(
      "user:create",
      "--email",
      "x@test.example",
      "--password",
      "Test-password-1",
      "--name",
      "X",
      "--organisation",
      "2120002411",
      "--roles",
      "kung",
    );
    expect(role).toMatchObject({ code: 2, out: expect.stringContaining("kung") });
    expect(
      (await cli("user:create", "--email", "y@test.example", "--password", "Test-password-1", "--name", "Y", "--roles", "projektledare"))
        .code,
    ).toBe(2);
    expect((await cli("org:create", "--name", "Saknar")).out).toContain("missing --number, --kind");
    expect((await cli("frobnicate")).code).toBe(2);
    expect((await cli("admin:create", "--email", "z@test.example", "--password", "kort")).out).toContain("at least 10");
  });

  it("registers an identity provider with its secret sealed, audited, and names the redirect URI to give the provider", async () => {
    const { cli } = await freshDatabase();
    const added = await cli(
      "oidc:add",
      "--issuer",
      "https://idp.sundsvall.se",
      "--client-id",
      "ansluta",
      "--client-secret",
      "hemlig-klient-1",
      "--name",
      "Sundsvalls kommun",
      "--domains",
      "sundsvall.se, timra.se",
    );
    expect(added).toMatchObject({ code: 0, out: expect.stringContaining("identity provider registered: Sundsvalls kommun") });
    expect(added.out).toContain("/login/oidc/callback");
    expect(added.out).toContain("e-mail domains sundsvall.se, timra.se");
    expect(added.out).not.toContain("hemlig-klient-1");
    const file = path.join(dir, "with-provider.json");
    expect(await cli("backup", "--out", file)).toMatchObject({ code: 0 });
    const text = readFileSync(file, "utf8");
    expect(text).not.toContain("hemlig-klient-1");
    const backup = JSON.parse(text) as { tables: Record<string, Record<string, unknown>[]> };
    expect(backup.tables.oidc_providers).toMatchObject([
      { issuer: "https://idp.sundsvall.se", client_id: "ansluta", client_secret: expect.stringMatching(/^v1\./), enabled: true },
    ]);
    expect(backup.tables.audit_log?.map((e) => e.action)).toContain("oidc_provider.create");
    expect(await cli("audit:verify")).toMatchObject({ code: 0 });
    const plainHttp = await cli(
      "oidc:add",
      "--issuer",
      "http://idp.sundsvall.se",
      "--client-id",
      "a",
      "--client-secret",
      "b",
      "--name",
      "X",
    );
    expect(plainHttp).toMatchObject({ code: 2, out: expect.stringContaining("--issuer:") });
    expect((await cli("oidc:add", "--issuer", "https://idp.sundsvall.se", "--name", "X")).out).toContain(
      "missing --client-id, --client-secret",
    );
  });

  it("verifies the audit log against its signed checkpoint, saying how many entries it expected and found", async () => {
    const { cli } = await freshDatabase();
    expect(await cli("org:create", "--name", "Sundsvalls kommun", "--number", "2120002411", "--kind", "kommun")).toMatchObject({ code: 0 });
    const ok = await cli("audit:verify");
    expect(ok).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^audit log intact: (\d+) entries found, \1 expected; signed checkpoint at entry \d+/),
    });
  });

  it("says when the checkpoint is not this SECRET_KEY's, exits non-zero, and is re-signed only by audit:anchor", async () => {
    const { env: scratch, cli: run } = await freshDatabase();
    expect(await run("org:create", "--name", "Timrå kommun", "--number", "212000-2429", "--kind", "kommun")).toMatchObject({ code: 0 });
    // Verifying under another SECRET_KEY: the checkpoint is not this key's.
    const otherKey = await withEnv({ ...scratch, SECRET_KEY: newSecretKey() })("audit:verify");
    expect(otherKey).toMatchObject({ code: 1, out: expect.stringContaining("(checkpoint_signature_invalid)") });
    expect(otherKey.out).toContain("unknown (no checkpoint to believe) entries expected, 1 found");
    const anchored = await run("audit:anchor");
    expect(anchored).toMatchObject({ code: 0, out: expect.stringMatching(/^audit log anchored: 2 entries signed/) });
    expect(await run("audit:verify")).toMatchObject({ code: 0, out: expect.stringContaining("2 entries found, 2 expected") });
  });

  it("backs up and restores to identical data, on a second database too", async () => {
    const { cli } = await freshDatabase();
    const { cli: other } = await freshDatabase();
    const first = path.join(dir, "first.json");
    const second = path.join(dir, "second.json");
    expect(await cli("demo:seed")).toMatchObject({ code: 0 });
    expect(await cli("backup", "--out", first)).toMatchObject({ code: 0 });
    expect(await other("restore", "--in", first)).toMatchObject({ code: 0 });
    expect(await other("backup", "--out", second)).toMatchObject({ code: 0 });
    const a = JSON.parse(readFileSync(first, "utf8")) as { tables: Record<string, unknown[]> };
    const b = JSON.parse(readFileSync(second, "utf8")) as { tables: Record<string, unknown[]> };
    expect(b.tables).toEqual(a.tables);
    expect(a.tables.users?.length).toBe(DEMO_USERS.length);
    expect(await other("audit:verify")).toMatchObject({ code: 0 });
    // The restored database keeps working: its sequences continue after the restored rows.
    expect(await other("org:create", "--name", "Efter återläsning", "--number", "2021006529", "--kind", "statlig")).toMatchObject({
      code: 0,
    });
    expect(await other("audit:verify")).toMatchObject({ code: 0 });
  });

  it("writes a backup readable by its owner only, also over an existing file", async () => {
    const { cli } = await freshDatabase();
    const out = path.join(dir, "private.json");
    writeFileSync(out, "old", { mode: 0o644 });
    expect(statSync(out).mode & 0o777).toBe(0o644);
    expect(await cli("backup", "--out", out)).toMatchObject({ code: 0, out: expect.stringContaining("(mode 0600)") });
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const fresh = path.join(dir, "fresh.json");
    expect(await cli("backup", "--out", fresh)).toMatchObject({ code: 0 });
    expect(statSync(fresh).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(out, "utf8"))).toMatchObject({ format: "ansluta-backup" });
  });

  it("refuses to restore a backup made under another SECRET_KEY, in Swedish and English, and writes nothing", async () => {
    const { cli } = await freshDatabase();
    const { env: otherEnv, cli: other } = await freshDatabase();
    const file = path.join(dir, "made-under-the-suite-key.json");
    expect(await cli("org:create", "--name", "Sundsvalls kommun", "--number", "2120002411", "--kind", "kommun")).toMatchObject({ code: 0 });
    expect(await cli("backup", "--out", file)).toMatchObject({ code: 0 });
    expect(await other("org:create", "--name", "Timrå kommun", "--number", "212000-2429", "--kind", "kommun")).toMatchObject({ code: 0 });
    const before = path.join(dir, "before-refusal.json");
    const after = path.join(dir, "after-refusal.json");
    expect(await other("backup", "--out", before)).toMatchObject({ code: 0 });
    const refused = await withEnv({ ...otherEnv, SECRET_KEY: newSecretKey() })("restore", "--in", file);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/SECRET_KEY/);
    expect(refused.out).toMatch(/inget har återställts/i);
    expect(refused.out).toMatch(/Nothing was restored/);
    expect(await other("backup", "--out", after)).toMatchObject({ code: 0 });
    const tables = (f: string) => (JSON.parse(readFileSync(f, "utf8")) as { tables: unknown }).tables;
    expect(tables(after)).toEqual(tables(before));
  });

  it.runIf(!embedded)("needs SECRET_KEY on PostgreSQL to write the audit log", async () => {
    const { SECRET_KEY: _key, ...noKey } = (await freshDatabase()).env;
    const res = await withEnv(noKey)("org:create", "--name", "Utan nyckel", "--number", "2021006537", "--kind", "statlig");
    expect(res).toMatchObject({ code: 1, out: expect.stringContaining("SECRET_KEY is not set") });
  });

  it("refuses a file that is not a backup and changes nothing", async () => {
    const { cli: other } = await freshDatabase();
    expect(await other("org:create", "--name", "X", "--number", "2021006529", "--kind", "statlig")).toMatchObject({ code: 0 });
    const junk = path.join(dir, "junk.json");
    writeFileSync(junk, JSON.stringify({ hello: "world" }));
    expect(await other("restore", "--in", junk)).toMatchObject({ code: 1, out: expect.stringContaining("not an Ansluta backup") });
    expect(await other("restore", "--in", path.join(dir, "missing.json"))).toMatchObject({
      code: 2,
      out: expect.stringContaining("cannot read"),
    });
    expect((await other("org:create", "--name", "X", "--number", "2021006529", "--kind", "statlig")).out).toContain("TAKEN");
  });

  it.runIf(embedded)("says clearly that a running server holds the embedded database", async () => {
    const { env, cli } = await freshDatabase();
    const dataDir = env.DATA_DIR ?? "";
    // Our parent process (the test runner) is alive, so it stands in for a running server.
    writeFileSync(path.join(dataDir, "ansluta.pid"), String(process.ppid));
    const res = await cli("audit:verify");
    rmSync(path.join(dataDir, "ansluta.pid"));
    expect(res.code).toBe(1);
    expect(res.out).toContain("Stoppa servern först");
  });

  it("seeds a national picture into an empty database, verifiably, and refuses one that has organisations", async () => {
    const { cli } = await freshDatabase();
    expect(await cli("demo:seed", "--scale", "0.1")).toMatchObject({ code: 2, out: expect.stringContaining("go with --national") });
    expect(await cli("demo:seed", "--national", "--scale", "2")).toMatchObject({ code: 2, out: expect.stringContaining("--scale") });
    expect(await cli("demo:seed", "--national", "--scale", "0.02")).toMatchObject({
      code: 0,
      out: expect.stringMatching(/national demo seeded in [\d.]+ s: 13 organisations, .* 20 initiatives .* 400 message flows/),
    });
    expect(await cli("audit:verify")).toMatchObject({ code: 0, out: expect.stringContaining("audit log intact: 1 entries found") });
    expect(await cli("demo:seed", "--national", "--scale", "0.02")).toMatchObject({
      code: 1,
      out: expect.stringContaining("already has organisations"),
    });
    expect(await cli("demo:seed", "--national", "--scale", "0.02", "--add")).toMatchObject({
      code: 0,
      out: expect.stringContaining("13 organisations"),
    });
  });

  it("works as a real process with exit codes (npm run cli)", async () => {
    const run = promisify(execFile);
    const env = { ...process.env, DATA_DIR: path.join(dir, "proc") };
    // Two processes at once: each spends its time starting node and tsx, not waiting for the other.
    const [ok, usage] = await Promise.allSettled([
      run(process.execPath, ["--import", "tsx", "src/cli/main.ts", "help"], { env }),
      run(process.execPath, ["--import", "tsx", "src/cli/main.ts", "org:create", "--name", "X"], { env }),
    ]);
    expect(ok).toMatchObject({ status: "fulfilled", value: { stdout: expect.stringContaining("admin:create") } });
    expect(usage).toMatchObject({ status: "rejected", reason: { code: 2, stderr: expect.stringContaining("missing --number") } });
  });
});
