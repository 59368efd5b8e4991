import type { SecretBox } from "../../secrets/secret-box.ts";

/** The label the audit log's signing key is derived under from SECRET_KEY (HKDF), never the sealing key itself. */
const AUDIT_KEY_LABEL = "audit-checkpoint v1";

export const auditKeyOf = (secrets: SecretBox): Buffer => secrets.deriveKey(AUDIT_KEY_LABEL);

let processKey: Buffer | undefined;

/**
 * Every use case records its audit entry inside its own transaction through recordAudit, and every
 * entry moves the signed checkpoint, so every writer needs the key. It is set once per process where
 * SECRET_KEY is loaded (the server's start, the CLI, the test set-up) instead of being threaded
 * through every use case.
 */
export function setAuditKey(secrets: SecretBox): void {
  processKey = auditKeyOf(secrets);
}

export function auditKey(): Buffer {
  if (!processKey) throw new Error("the audit log's signing key is not set: call setAuditKey(secrets) where SECRET_KEY is loaded");
  return processKey;
}
