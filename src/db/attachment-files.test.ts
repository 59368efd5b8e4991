import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { attachmentFiles } from "./attachment-files.ts";

const synced = vi.hoisted(() => [] as string[]);
vi.mock("node:fs/promises", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs/promises")>();
  return {
    ...fs,
    open: async (...args: Parameters<typeof fs.open>) => {
      const handle = await fs.open(...args);
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        synced.push(String(args[0]));
        return sync();
      };
      return handle;
    },
  };
});

const dirs: string[] = [];
afterEach(async () => {
  synced.length = 0;
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("attachments in a directory (ATTACHMENT_DIR)", () => {
  it("takes the same file uploaded many times at once: each write has a temporary name of its own", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ansluta-files-"));
    dirs.push(dir);
    const files = attachmentFiles(dir);
    const bytes = new TextEncoder().encode("samma avtal, uppladdat av flera på en gång");
    const hash = sha256(bytes);
    await Promise.all(Array.from({ length: 20 }, () => files.put(hash, bytes)));
    expect(sha256(await files.get(hash))).toBe(hash);
    expect(await readdir(join(dir, hash.slice(0, 2)))).toEqual([hash]);
  });

  it("has the file and its name on disk before put answers: the file is synced, then its directory after the rename", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ansluta-files-"));
    dirs.push(dir);
    const bytes = new TextEncoder().encode("avtal");
    const hash = sha256(bytes);
    await attachmentFiles(dir).put(hash, bytes);
    const sub = join(dir, hash.slice(0, 2));
    // The new ab/ directory's entry, the file, then its name.
    expect(synced).toHaveLength(3);
    expect(synced[0]).toBe(dir);
    expect(synced[1]).toMatch(new RegExp(`^${sub}/${hash}\\.[0-9a-f]{32}\\.tmp$`));
    expect(synced[2]).toBe(sub);
  });
});
