import type { Config } from "./config.ts";

const TALKATIVE = new Set<Config["LOG_LEVEL"]>(["info", "debug", "trace"]);

/**
 * A plain line on stdout about what the start is doing, for the person who just typed `npm start`:
 * loading, a first start's database and demo take long enough on a busy machine to look like a hang.
 * Quiet when LOG_LEVEL is warn or above, like the rest of the log.
 */
export function startupNotice(config: Pick<Config, "LOG_LEVEL">, text: string): void {
  if (TALKATIVE.has(config.LOG_LEVEL)) console.log(`Ansluta: ${text}`);
}
