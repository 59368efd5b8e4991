import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * Attachments kept in a directory (ATTACHMENT_DIR) instead of the database: each file under its
 * SHA-256 (ab/abcdef…), so the same bytes are stored once and a name can never point outside the
 * directory. A file is written whole under a temporary name and then renamed, so a reader never
 * sees half of one. Files are never removed: an attachment is kept as long as what it belongs to.
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
      await mkdir(join(dir, sha256.slice(0, 2)), { recursive: true });
      const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temporary, bytes, { mode: 0o600 });
      await rename(temporary, path);
    },
    get: async (sha256) => {
      const bytes = new Uint8Array(await readFile(pathOf(sha256)));
      if (createHash("sha256").update(bytes).digest("hex") !== sha256) throw new Error(`attachment file ${sha256} is damaged`);
      return bytes;
    },
  };
}
