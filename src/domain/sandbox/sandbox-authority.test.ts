import { X509Certificate } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/database.ts";
import { migrateDatabase } from "../../db/migrate.ts";
import { openDatabase } from "../../db/open-database.ts";
import { findSandboxAuthority, insertSandboxAuthorityUnlessPresent } from "../../db/repositories/sandbox-repository.ts";
import { createTestCa, issueServerCertificate, readCertificates } from "../../sandbox/tls/test-ca.ts";
import { newSecretKey, parseSecretKey, secretBox } from "../../secrets/secret-box.ts";
import { DomainError } from "../shared/domain-error.ts";
import { ensureSandboxAuthority, readSandboxAuthority, readSandboxCaCertificate } from "./sandbox-authority.ts";

// A bare database, as before the first start: the suite's template already has an authority.
let handle: DatabaseHandle | undefined;
async function bareDatabase() {
  handle = await openDatabase({ kind: "pglite-memory" });
  await migrateDatabase(handle);
  return handle.db;
}
afterEach(async () => {
  await handle?.close();
  handle = undefined;
});

const secrets = secretBox(parseSecretKey(newSecretKey()));

// Each test migrates a fresh database and makes RSA keys: seconds on an idle machine, more on a busy CI one.
describe("the sandbox authority", { timeout: 120_000 }, () => {
  it("is made once per installation, even when two app servers start together", async () => {
    const db = await bareDatabase();
    await expect(readSandboxCaCertificate(db)).rejects.toThrow(DomainError);
    const now = new Date();
    const [first, second] = await Promise.all([ensureSandboxAuthority(db, { now, secrets }), ensureSandboxAuthority(db, { now, secrets })]);
    expect(first).toEqual(second);
    expect(await readSandboxAuthority(db, secrets)).toEqual(first);
    expect(await readSandboxCaCertificate(db)).toBe(first.caCertificatePem);
    const [ca, server] = readCertificates([first.caCertificatePem, first.serverCertificatePem]);
    expect(ca?.ca).toBe(true);
    expect(server && ca && server.checkIssued(ca)).toBe(true);
  });

  it("keeps its private keys sealed, so the database and its backups never hold them in plain text", async () => {
    const db = await bareDatabase();
    const opened = await ensureSandboxAuthority(db, { now: new Date(), secrets });
    expect(opened.caPrivateKeyPem).toContain("BEGIN PRIVATE KEY");
    const row = await findSandboxAuthority(db);
    expect(row?.caPrivateKeyPem).toMatch(/^v1\./);
    expect(row?.serverPrivateKeyPem).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain("PRIVATE KEY");
    const otherKey = secretBox(parseSecretKey(newSecretKey()));
    await expect(readSandboxAuthority(db, otherKey)).rejects.toMatchObject({ code: "SANDBOX_CA_UNUSABLE" });
    await expect(ensureSandboxAuthority(db, { now: new Date(), secrets: otherKey })).rejects.toMatchObject({ code: "SANDBOX_CA_UNUSABLE" });
  });

  it("issues the server certificate again, from the same CA, when it has less than 30 days left", async () => {
    const db = await bareDatabase();
    const made = new Date("2024-01-10T08:00:00Z");
    const first = await ensureSandboxAuthority(db, { now: made, secrets });
    const validTo = new Date(new X509Certificate(first.serverCertificatePem).validTo);
    expect(await ensureSandboxAuthority(db, { now: new Date(validTo.getTime() - 31 * 86_400_000), secrets })).toEqual(first);
    const late = new Date(validTo.getTime() - 29 * 86_400_000);
    const renewed = await ensureSandboxAuthority(db, { now: late, secrets });
    expect(renewed.caCertificatePem).toBe(first.caCertificatePem);
    expect(renewed.serverCertificatePem).not.toBe(first.serverCertificatePem);
    expect(new Date(new X509Certificate(renewed.serverCertificatePem).validTo).getTime()).toBeGreaterThan(
      late.getTime() + 700 * 86_400_000,
    );
    expect(await readSandboxAuthority(db, secrets)).toEqual(renewed);
  });

  it("seals the keys of an authority stored before keys were sealed", async () => {
    const db = await bareDatabase();
    const now = new Date();
    const ca = await createTestCa({ now, modulusLength: 1024 });
    const server = await issueServerCertificate(ca, { now, hostnames: ["localhost"], modulusLength: 1024 });
    await insertSandboxAuthorityUnlessPresent(db, {
      caCertificatePem: ca.certificatePem,
      caPrivateKeyPem: ca.privateKeyPem,
      serverCertificatePem: server.certificatePem,
      serverPrivateKeyPem: server.privateKeyPem,
      createdAt: now,
    });
    const opened = await ensureSandboxAuthority(db, { now, secrets });
    expect(opened.caPrivateKeyPem).toBe(ca.privateKeyPem);
    expect((await findSandboxAuthority(db))?.caPrivateKeyPem).toMatch(/^v1\./);
    expect((await readSandboxAuthority(db, secrets)).serverPrivateKeyPem).toBe(server.privateKeyPem);
  });
});
