import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";

/**
 * Attachments kept in a directory (ATTACHMENT_DIR) instead of the database: each file under its
 * SHA-256 (ab/abcdef…), so the same bytes are stored once and a name can never point outside the
 * directory. A file is written whole under a temporary name of its own (random, so the same file
 * uploaded twice at once is two writes that cannot meet) and then renamed, so a reader never sees
 * half of one. The file is synced before the rename and its directory after it, so once `put` has
 * answered the file survives a crash: the database row stored next points at bytes that are on disk.
 * Files are never removed: an attachment is kept as long as what it belongs to.
 */
export type AttachmentFiles = {
  dir: string;
  put: (sha256: string, bytes: Uint8Array) => Promise<void>;
  get: (sha256: string) => Promise<Uint8Array>;
};

const SHA256 = /^[0-9a-f]{64}$/;

export function attachmentFiles(dir: string): AttachmentFiles {
  const pathOf = (sha256: string) => {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return join(dir, sha256.slice(0, 2), sha256);
  };
  return {
    dir,
    put: async (sha256, bytes) => {
      if (createHash("sha256").update(bytes).digest("hex") !== sha256) throw new Error("the bytes do not have this SHA-256");
      const path = pathOf(sha256);
      const parent = join(dir, sha256.slice(0, 2));
      // A new ab/ directory is itself an entry of the directory above it.
      if (await mkdir(parent, { recursive: true })) await syncDirectory(dir);
      const temporary = `${path}.${randomBytes(16).toString("hex")}.tmp`;
      try {
        const file = await open(temporary, "wx", 0o600);
        try {
          await file.writeFile(bytes);
          await file.sync();
        } finally {
          await file.close();
        }
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      await syncDirectory(parent);
    },
    get: async (sha256) => {
      const bytes = new Uint8Array(await readFile(pathOf(sha256)));
      if (createHash("sha256").update(bytes).digest("hex") !== sha256) throw new Error(`attachment file ${sha256} is damaged`);
      return bytes;
    },
  };
}

async function syncDirectory(path: string) {
  const directory = await open(path, "r");
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}
