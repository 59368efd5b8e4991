import type { Database } from "../../db/database.ts";
import {
  findSandboxAuthority,
  insertSandboxAuthorityUnlessPresent,
  type SandboxAuthorityRow,
} from "../../db/repositories/sandbox-repository.ts";
import { createTestCa, issueServerCertificate } from "../../sandbox/tls/test-ca.ts";

export type SandboxAuthorityOptions = {
  now: Date;
  /** Names the emulator's server certificate carries besides localhost and the loopback addresses. */
  hostnames?: readonly string[];
};

/**
 * The installation's test CA and the emulator's server certificate: read, or made and stored on
 * first use. Keys are generated outside the transaction (they take a moment); the transaction
 * writes them only if no other app server got there first, and everyone uses the row that won.
 */
export async function loadOrCreateSandboxAuthority(db: Database, options: SandboxAuthorityOptions): Promise<SandboxAuthorityRow> {
  const existing = await findSandboxAuthority(db);
  if (existing) return existing;
  const ca = await createTestCa({ now: options.now });
  const server = await issueServerCertificate(ca, {
    now: options.now,
    hostnames: [...new Set(["localhost", ...(options.hostnames ?? [])])],
  });
  return db.transaction(async (tx) => {
    await insertSandboxAuthorityUnlessPresent(tx, {
      caCertificatePem: ca.certificatePem,
      caPrivateKeyPem: ca.privateKeyPem,
      serverCertificatePem: server.certificatePem,
      serverPrivateKeyPem: server.privateKeyPem,
      createdAt: options.now,
    });
    const stored = await findSandboxAuthority(tx);
    if (!stored) throw new Error("the sandbox authority was not stored");
    return stored;
  });
}
