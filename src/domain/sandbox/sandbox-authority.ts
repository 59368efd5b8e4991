import { X509Certificate } from "node:crypto";
import { isIP } from "node:net";
import type { Database } from "../../db/database.ts";
import {
  findSandboxAuthority,
  findSandboxCaCertificate,
  insertSandboxAuthorityUnlessPresent,
  replaceSandboxServerCertificate,
  resealSandboxAuthority,
  type SandboxAuthorityRow,
} from "../../db/repositories/sandbox-repository.ts";
import { LOOPBACK_NAMES } from "../../sandbox/emulator/public-url.ts";
import { certificateNames, createTestCa, issueServerCertificate, type TestCa } from "../../sandbox/tls/test-ca.ts";
import { type SecretBox, SecretBoxError } from "../../secrets/secret-box.ts";
import { DomainError } from "../shared/domain-error.ts";

/** The installation's test CA and the emulator's server certificate, with their keys opened. */
export type SandboxAuthority = {
  caCertificatePem: string;
  caPrivateKeyPem: string;
  serverCertificatePem: string;
  serverPrivateKeyPem: string;
};

export type EnsureSandboxAuthorityOptions = {
  now: Date;
  secrets: SecretBox;
  /**
   * Every DNS name and IP address the emulator's server certificate is to carry (sandboxServerNames
   * in config.ts); the loopback names alone by default. A certificate whose names differ is re-issued.
   */
  serverNames?: readonly string[];
};

/** The associated data each key is sealed with, so a sealed key cannot be swapped into the other column. */
const PURPOSE = { ca: "sandbox_authorities.ca_private_key_pem", server: "sandbox_authorities.server_private_key_pem" } as const;

/** Keys written before they were sealed (the first emulator release) are plain PEM. */
const isPlainPem = (value: string) => value.startsWith("-----BEGIN");

/** A server certificate this close to its end is re-issued at start-up, so a long-running installation never serves an expired one. */
const RENEW_BEFORE_MS = 30 * 86_400_000;

/**
 * Made at start-up, before anyone can ask for a certificate, so no read ever has to write. Keys are
 * generated outside the transaction (they take a moment); the insert keeps the row of whichever
 * app server got there first, and everyone uses that one. A row from before keys were sealed is
 * sealed now, so plain keys do not linger in the database or its backups. The server certificate is
 * issued again by the same CA when the configured names changed or it is about to run out, so
 * senders keep trusting the emulator without fetching anything new.
 */
export async function ensureSandboxAuthority(db: Database, options: EnsureSandboxAuthorityOptions): Promise<SandboxAuthority> {
  const serverNames = [...new Set(options.serverNames ?? LOOPBACK_NAMES)];
  const existing = await findSandboxAuthority(db);
  if (existing) {
    const opened = openAuthority(existing, options.secrets);
    if (isPlainPem(existing.caPrivateKeyPem) || isPlainPem(existing.serverPrivateKeyPem)) {
      await resealSandboxAuthority(db, {
        caPrivateKeyPem: options.secrets.seal(opened.caPrivateKeyPem, PURPOSE.ca),
        serverPrivateKeyPem: options.secrets.seal(opened.serverPrivateKeyPem, PURPOSE.server),
      });
    }
    if (serverCertificateFits(opened.serverCertificatePem, serverNames, options.now)) return opened;
    const ca = { certificatePem: opened.caCertificatePem, privateKeyPem: opened.caPrivateKeyPem };
    const server = await issueEmulatorCertificate(ca, serverNames, options.now);
    // Two app servers starting together each issue one; the first swap wins and both use it.
    await replaceSandboxServerCertificate(db, opened.serverCertificatePem, {
      serverCertificatePem: server.certificatePem,
      serverPrivateKeyPem: options.secrets.seal(server.privateKeyPem, PURPOSE.server),
    });
    return readSandboxAuthority(db, options.secrets);
  }
  const ca = await createTestCa({ now: options.now });
  const server = await issueEmulatorCertificate(ca, serverNames, options.now);
  await insertSandboxAuthorityUnlessPresent(db, {
    caCertificatePem: ca.certificatePem,
    caPrivateKeyPem: options.secrets.seal(ca.privateKeyPem, PURPOSE.ca),
    serverCertificatePem: server.certificatePem,
    serverPrivateKeyPem: options.secrets.seal(server.privateKeyPem, PURPOSE.server),
    createdAt: options.now,
  });
  return readSandboxAuthority(db, options.secrets);
}

/** Carries exactly the configured names (in any order), and stays valid for a while yet. */
function serverCertificateFits(certificatePem: string, names: readonly string[], now: Date): boolean {
  const carried = new Set(certificateNames(certificatePem));
  const wanted = new Set(names);
  const sameNames = carried.size === wanted.size && [...wanted].every((n) => carried.has(n));
  return sameNames && new Date(new X509Certificate(certificatePem).validTo).getTime() - now.getTime() > RENEW_BEFORE_MS;
}

function issueEmulatorCertificate(ca: TestCa, names: readonly string[], now: Date) {
  return issueServerCertificate(ca, {
    now,
    hostnames: names.filter((n) => isIP(n) === 0),
    ipAddresses: names.filter((n) => isIP(n) !== 0),
  });
}

/** The authority with its keys opened, for issuing certificates and serving TLS. */
export async function readSandboxAuthority(db: Database, secrets: SecretBox): Promise<SandboxAuthority> {
  const row = await findSandboxAuthority(db);
  if (!row) throw notReady();
  return openAuthority(row, secrets);
}

/** The test CA's certificate alone: public, so no key is opened to hand it out. */
export async function readSandboxCaCertificate(db: Database): Promise<string> {
  const pem = await findSandboxCaCertificate(db);
  if (!pem) throw notReady();
  return pem;
}

/**
 * Sealed under another SECRET_KEY (a restore without the original key, or a changed key): the rest of
 * Ansluta works, but the test CA cannot issue certificates or serve TLS until the right key is set, or
 * the row is deleted so that the next start makes a new authority (docs/decisions/007).
 */
export const sandboxCaUnusable = () =>
  new DomainError(
    "SANDBOX_CA_UNUSABLE",
    "the sandbox's test CA does not open with this SECRET_KEY: it was sealed under another key. Set the SECRET_KEY it was made with, or delete the row in sandbox_authorities and restart to make a new test CA (organisations then fetch new certificates)",
  );

function openAuthority(row: SandboxAuthorityRow, secrets: SecretBox): SandboxAuthority {
  const open = (value: string, purpose: string) => {
    if (isPlainPem(value)) return value;
    try {
      return secrets.open(value, purpose);
    } catch (e) {
      if (e instanceof SecretBoxError) throw sandboxCaUnusable();
      throw e;
    }
  };
  return {
    caCertificatePem: row.caCertificatePem,
    caPrivateKeyPem: open(row.caPrivateKeyPem, PURPOSE.ca),
    serverCertificatePem: row.serverCertificatePem,
    serverPrivateKeyPem: open(row.serverPrivateKeyPem, PURPOSE.server),
  };
}

/** Only an installation that skipped start-up (a bare database) has none: say so rather than make one in a read. */
const notReady = () => new DomainError("NOT_FOUND", "the sandbox's test CA has not been made yet: it is made when Ansluta starts");
