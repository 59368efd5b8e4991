import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { newSecretKey, parseSecretKey, type SecretBox, secretBox } from "./secret-box.ts";

/**
 * Where the installation's secret key comes from. On PostgreSQL the app servers are stateless and
 * share nothing but the database, so the key must come from the environment (SECRET_KEY), never
 * from the database it protects. On the embedded database everything lives in DATA_DIR anyway, so
 * a first start writes a key file there (mode 0600) to keep `npm start` a one-command affair.
 */
export type SecretKeySource = { SECRET_KEY?: string | undefined; DATABASE_URL?: string | undefined; DATA_DIR: string };

export const SECRET_KEY_FILE = "secret.key";

export class MissingSecretKeyError extends Error {}

export async function loadSecretBox(source: SecretKeySource): Promise<SecretBox> {
  if (source.SECRET_KEY) return secretBox(parseSecretKey(source.SECRET_KEY));
  if (source.DATABASE_URL) {
    throw new MissingSecretKeyError(
      "SECRET_KEY is not set: with DATABASE_URL every app server needs the same key (32 random bytes in base64, e.g. `openssl rand -base64 32`)",
    );
  }
  const path = join(source.DATA_DIR, SECRET_KEY_FILE);
  const existing = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (existing !== null) return secretBox(parseSecretKey(existing));
  await mkdir(source.DATA_DIR, { recursive: true });
  const key = newSecretKey();
  // "wx": two processes starting at once cannot both write a key; the loser reads the winner's.
  await writeFile(path, `${key}\n`, { flag: "wx", mode: 0o600 }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
  await chmod(path, 0o600);
  return secretBox(parseSecretKey(await readFile(path, "utf8")));
}
