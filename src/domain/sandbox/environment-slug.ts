import { randomInt } from "node:crypto";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
const LENGTH = 10;

/**
 * A new environment's slug: ten lower-case letters and digits (ENVIRONMENT_SLUG_PATTERN), about
 * 52 bits from a cryptographic source. It is not a secret (mutual TLS decides who may call), but
 * a guessable slug would let one organisation's addresses hint at another's.
 */
export function newEnvironmentSlug(): string {
  let slug = "";
  for (let i = 0; i < LENGTH; i++) slug += ALPHABET[randomInt(ALPHABET.length)];
  return slug;
}
