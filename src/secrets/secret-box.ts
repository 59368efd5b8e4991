import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Encryption at rest for the few secrets Ansluta must keep (the sandbox's test-CA and server
 * keys): AES-256-GCM from node:crypto, a fresh 96-bit nonce per value, the purpose bound in as
 * associated data so a value cannot be moved to another column and still open. Sealed text is
 * `v1.<nonce>.<tag>.<ciphertext>` in base64url, so it survives JSON backups unchanged.
 */

const VERSION = "v1";
const KEY_BYTES = 32;

export type SecretBox = {
  seal(plaintext: string, purpose: string): string;
  /** Throws SecretBoxError when the value was sealed with another key, for another purpose, or altered. */
  open(sealed: string, purpose: string): string;
  /**
   * A 32-byte key for another use (signing the audit log's checkpoints), derived from SECRET_KEY
   * with HKDF-SHA256 under its own label, so the sealing key itself only ever seals.
   */
  deriveKey(label: string): Buffer;
  /**
   * HMAC-SHA256 of `data` in base64url, under a key derived (HKDF) from the secret key for this
   * purpose alone: tokens Ansluta hands out and checks without storing them (the CSRF token of a
   * session, a known-device cookie). Without SECRET_KEY nobody can make one that verifies.
   */
  mac(data: string, purpose: string): string;
  /** Whether `mac` is this key's MAC of `data` for the purpose, compared in constant time. */
  verifyMac(data: string, mac: string, purpose: string): boolean;
};

export class SecretBoxError extends Error {}

export function secretBox(key: Buffer): SecretBox {
  if (key.length !== KEY_BYTES) throw new SecretBoxError(`the secret key must be ${KEY_BYTES} bytes, not ${key.length}`);
  const macKeys = new Map<string, Buffer>();
  const macKey = (purpose: string) => {
    let derived = macKeys.get(purpose);
    if (!derived) {
      derived = Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), `ansluta mac ${purpose}`, KEY_BYTES));
      macKeys.set(purpose, derived);
    }
    return derived;
  };
  const mac = (data: string, purpose: string) => createHmac("sha256", macKey(purpose)).update(data, "utf8").digest("base64url");
  return {
    mac,
    verifyMac(data, given, purpose) {
      const expected = Buffer.from(mac(data, purpose));
      const actual = Buffer.from(given);
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    },
    seal(plaintext, purpose) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, nonce);
      cipher.setAAD(Buffer.from(purpose, "utf8"));
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [VERSION, nonce, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
    },
    open(sealed, purpose) {
      const [version, nonce, tag, ciphertext, ...rest] = sealed.split(".");
      if (version !== VERSION || !nonce || !tag || ciphertext === undefined || rest.length) {
        throw new SecretBoxError("not a sealed value (expected v1.<nonce>.<tag>.<ciphertext>)");
      }
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(nonce, "base64url"));
        decipher.setAAD(Buffer.from(purpose, "utf8"));
        decipher.setAuthTag(Buffer.from(tag, "base64url"));
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
      } catch {
        throw new SecretBoxError("the sealed value does not open with this key: another SECRET_KEY, or the value was altered");
      }
    },
    deriveKey(label) {
      return Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), `ansluta ${label}`, KEY_BYTES));
    },
  };
}

/** A new random key, as SECRET_KEY takes it (base64, 32 bytes). */
export const newSecretKey = () => randomBytes(KEY_BYTES).toString("base64");

/** SECRET_KEY's value: base64 (or base64url) of exactly 32 bytes. */
export function parseSecretKey(text: string): Buffer {
  const key = Buffer.from(text.trim(), "base64");
  if (key.length !== KEY_BYTES)
    throw new SecretBoxError(`SECRET_KEY must be ${KEY_BYTES} bytes in base64 (${newSecretKey().length} characters)`);
  return key;
}
