import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

/*
 * Issue 16: the server's resident memory when idle after warm-up (goal ≤ 300 MB) and its peak under
 * the highest connection level (goal ≤ 500 MB at 200). Read from /proc of the child, as `top` would
 * show it: what the operator's machine has to hold, not only the V8 heap.
 */

/** VmRSS of a process in bytes, from a /proc/<pid>/status text; null when the line is missing. */
export function parseVmRss(status: string): number | null {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return match ? Number(match[1]) * 1024 : null;
}

/** The process's resident set now, in bytes; null off Linux or once it has exited. */
export function rssBytes(pid: number): number | null {
  try {
    return parseVmRss(readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    return null;
  }
}

/** The median of a few samples over a second, so one GC or allocation burst does not decide "idle". */
export async function idleRss(pid: number, samples = 10, everyMs = 100): Promise<number | null> {
  const values: number[] = [];
  for (let i = 0; i < samples; i++) {
    const value = rssBytes(pid);
    if (value !== null) values.push(value);
    await sleep(everyMs);
  }
  if (!values.length) return null;
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)] ?? null;
}

/**
 * Seconds of quiet before "idle" is read. V8 keeps the heap it grew into under load until its memory
 * reducer runs, which it does once allocation has been low for a while: measured on this server,
 * 20–25 s after the load stopped (PGlite: 345 → 281 MB, the heap 117 → 54 MB). Read sooner, "idle"
 * is the tail of the load, not the steady state an idle server holds.
 */
export const SETTLE_SECONDS = 40;

/** The resident set once the server has been quiet for `settleSeconds`: the median of its last second. */
export async function settledIdleRss(pid: number, settleSeconds = SETTLE_SECONDS): Promise<number | null> {
  await sleep(Math.max(0, settleSeconds - 1) * 1000);
  return idleRss(pid);
}

/** Samples the process's RSS every `everyMs` until stopped; resolves with the highest seen. */
export function samplePeakRss(pid: number, everyMs = 100): { stop: () => number | null } {
  let peak: number | null = null;
  const take = () => {
    const value = rssBytes(pid);
    if (value !== null && (peak === null || value > peak)) peak = value;
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      take();
      return peak;
    },
  };
}
