import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, URL-safe. Only the SHA-256 is stored, so a database leak yields no usable token. */
export const newSecretToken = () => randomBytes(32).toString("base64url");
export const hashSecretToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");
