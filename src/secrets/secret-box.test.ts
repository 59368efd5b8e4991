import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { newSecretKey, parseSecretKey, SecretBoxError, secretBox } from "./secret-box.ts";
import { loadSecretBox, MissingSecretKeyError, SECRET_KEY_FILE } from "./secret-key.ts";

const box = () => secretBox(parseSecretKey(newSecretKey()));

describe("secretBox", () => {
  it("opens what it sealed, and never shows the plaintext in the sealed text", () => {
    const b = box();
    const sealed = b.seal("-----BEGIN PRIVATE KEY-----\nabc\n", "ca-key");
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain("PRIVATE KEY");
    expect(b.open(sealed, "ca-key")).toBe("-----BEGIN PRIVATE KEY-----\nabc\n");
  });

  it("seals the same value differently each time (a fresh nonce)", () => {
    const b = box();
    expect(b.seal("x", "p")).not.toBe(b.seal("x", "p"));
  });

  it("refuses another key, another purpose and an altered value", () => {
    const b = box();
    const sealed = b.seal("secret", "ca-key");
    expect(() => box().open(sealed, "ca-key")).toThrow(SecretBoxError);
    expect(() => b.open(sealed, "server-key")).toThrow(SecretBoxError);
    const parts = sealed.split(".");
    const flipped = Buffer.from(parts[3] ?? "", "base64url");
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => b.open([...parts.slice(0, 3), flipped.toString("base64url")].join("."), "ca-key")).toThrow(SecretBoxError);
    expect(() => b.open("-----BEGIN PRIVATE KEY-----", "ca-key")).toThrow(/not a sealed value/);
  });

  it("derives a separate key per label, never the sealing key itself, the same for the same SECRET_KEY", () => {
    const key = parseSecretKey(newSecretKey());
    const audit = secretBox(key).deriveKey("audit-checkpoint v1");
    expect(audit).toHaveLength(32);
    expect(audit.equals(key)).toBe(false);
    expect(secretBox(Buffer.from(key)).deriveKey("audit-checkpoint v1").equals(audit)).toBe(true);
    expect(secretBox(key).deriveKey("another use").equals(audit)).toBe(false);
    expect(box().deriveKey("audit-checkpoint v1").equals(audit)).toBe(false);
  });

  it("MACs under a key of its own per purpose, and verifies only its own MAC of the same data", () => {
    const b = box();
    const mac = b.mac("session-hash", "csrf");
    expect(mac).toMatch(/^[\w-]{43}$/);
    expect(b.mac("session-hash", "csrf")).toBe(mac);
    expect(b.mac("session-hash", "known-device")).not.toBe(mac);
    expect(box().mac("session-hash", "csrf")).not.toBe(mac);
    expect(b.verifyMac("session-hash", mac, "csrf")).toBe(true);
    expect(b.verifyMac("session-hash2", mac, "csrf")).toBe(false);
    expect(b.verifyMac("session-hash", mac, "known-device")).toBe(false);
    expect(b.verifyMac("session-hash", mac.slice(1), "csrf")).toBe(false);
    expect(b.verifyMac("session-hash", "", "csrf")).toBe(false);
  });

  it("takes only 32-byte keys", () => {
    expect(() => parseSecretKey(Buffer.alloc(16).toString("base64"))).toThrow(/32 bytes/);
  });
});

describe("loadSecretBox", () => {
  it("uses SECRET_KEY when set", async () => {
    const key = newSecretKey();
    const sealed = secretBox(parseSecretKey(key)).seal("v", "p");
    const loaded = await loadSecretBox({ SECRET_KEY: key, DATA_DIR: "/nonexistent" });
    expect(loaded.open(sealed, "p")).toBe("v");
  });

  it("requires SECRET_KEY on PostgreSQL", async () => {
    await expect(loadSecretBox({ DATABASE_URL: "postgres://x", DATA_DIR: "/tmp" })).rejects.toThrow(MissingSecretKeyError);
  });

  it("on the embedded database writes a private key file once and reads it back after", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ansluta-secret-"));
    const first = await loadSecretBox({ DATA_DIR: dir });
    const sealed = first.seal("v", "p");
    const second = await loadSecretBox({ DATA_DIR: dir });
    expect(second.open(sealed, "p")).toBe("v");
    expect((await stat(join(dir, SECRET_KEY_FILE))).mode & 0o777).toBe(0o600);
    expect(parseSecretKey(await readFile(join(dir, SECRET_KEY_FILE), "utf8"))).toHaveLength(32);
  });
});
