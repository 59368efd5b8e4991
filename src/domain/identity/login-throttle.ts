import { isIPv4, isIPv6 } from "node:net";

/**
 * Progressive delays instead of a lockout: a few failures cost nothing, after that each further
 * attempt must wait an interval that doubles with every failure, up to a cap. Nobody is ever
 * locked out for good, an attacker gets a handful of guesses an hour, and the right password
 * from a browser that has logged in to the account before (a known device) is never held back
 * by what others do from elsewhere.
 */
export type ThrottleRule = {
  /** Failures that cost nothing. */
  free: number;
  /** The wait after the first failure past the free ones; each further failure doubles it. */
  firstDelaySeconds: number;
  maxDelaySeconds: number;
};

export const LOGIN_THROTTLE = {
  /** One account from one address, or from one known device: the owner's typos, or one guesser. */
  accountAddress: { free: 5, firstDelaySeconds: 30, maxDelaySeconds: 15 * 60 },
  /** One account from anywhere: many addresses guessing one password. Known devices are exempt. */
  account: { free: 20, firstDelaySeconds: 30, maxDelaySeconds: 15 * 60 },
  /**
   * One address against any accounts: spraying. Far above the per-account rule and with a low
   * cap, because a kommun's whole staff may share one address; known devices are exempt.
   */
  address: { free: 100, firstDelaySeconds: 5, maxDelaySeconds: 5 * 60 },
  /** A counter with no failure for this long starts over. Longer than any cap, so waiting out a delay never resets it. */
  forgetAfterSeconds: 24 * 3600,
  /** A check still unsettled after this long died with its process; it no longer holds a place. */
  pendingStaleSeconds: 60,
} as const;

/** One throttle counter as stored: failures, and the checks under way that may still become failures. */
export type ThrottleCounter = {
  key: string;
  failures: number;
  lastFailureAt: Date | null;
  pending: number;
  pendingSince: Date | null;
};

export type ThrottleKey = {
  key: string;
  rule: ThrottleRule;
  /** The right password clears this counter (the caller's own); shared counters only forget with time. */
  clearedBySuccess: boolean;
};

export type Admission = { allowed: true; counters: ThrottleCounter[] } | { allowed: false; retryAfterSeconds: number };

/** The wait required after `failures` failures under a rule. */
export function delaySeconds(rule: ThrottleRule, failures: number): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.maxDelaySeconds, rule.firstDelaySeconds * 2 ** Math.min(failures - rule.free, 30));
}

/**
 * The counters an attempt is held to. A known device has a counter of its own and is exempt from
 * the account's and the address's, so that an attack from elsewhere does not keep the owner out;
 * its own counter still limits whoever might have copied the cookie.
 */
export function throttleKeys({ email, ip, knownDeviceId }: { email: string; ip: string; knownDeviceId: string | null }): ThrottleKey[] {
  if (knownDeviceId) return [{ key: `device:${knownDeviceId}`, rule: LOGIN_THROTTLE.accountAddress, clearedBySuccess: true }];
  const address = clientAddress(ip);
  return [
    { key: `account-address:${email} ${address}`, rule: LOGIN_THROTTLE.accountAddress, clearedBySuccess: true },
    { key: `account:${email}`, rule: LOGIN_THROTTLE.account, clearedBySuccess: false },
    { key: `address:${address}`, rule: LOGIN_THROTTLE.address, clearedBySuccess: false },
  ];
}

/**
 * Whether an attempt may check a password now, given its counters read under a lock. A check under
 * way counts as a possible failure, so N attempts at once get no more checks than the free ones
 * (and, past them, one per interval); an admitted attempt takes a pending place in every counter,
 * which settling gives back.
 */
export function admitAttempt(counters: readonly { counter: ThrottleCounter; rule: ThrottleRule }[], now: Date): Admission {
  const t = now.getTime();
  let retryAfterSeconds = 0;
  const admitted: ThrottleCounter[] = [];
  for (const { counter, rule } of counters) {
    const stale = counter.pendingSince === null || t - counter.pendingSince.getTime() > LOGIN_THROTTLE.pendingStaleSeconds * 1000;
    const pending = stale ? 0 : counter.pending;
    const forgotten = counter.lastFailureAt === null || t - counter.lastFailureAt.getTime() > LOGIN_THROTTLE.forgetAfterSeconds * 1000;
    const failures = forgotten ? 0 : counter.failures;
    const lastFailureAt = forgotten ? null : counter.lastFailureAt;
    // Past the free failures, wait out the delay after the last failure, and let one check at a time through.
    const from = lastFailureAt && pending === 0 ? lastFailureAt.getTime() : t;
    const waitUntil = failures + pending < rule.free ? t : from + delaySeconds(rule, failures + pending) * 1000;
    const mustWait = failures + pending >= rule.free && (pending > 0 || waitUntil > t);
    if (mustWait) retryAfterSeconds = Math.max(retryAfterSeconds, Math.max(1, Math.ceil((waitUntil - t) / 1000)));
    admitted.push({ key: counter.key, failures, lastFailureAt, pending: pending + 1, pendingSince: now });
  }
  return retryAfterSeconds > 0 ? { allowed: false, retryAfterSeconds } : { allowed: true, counters: admitted };
}

/** A counter that has never seen an attempt. */
export const freshCounter = (key: string): ThrottleCounter => ({ key, failures: 0, lastFailureAt: null, pending: 0, pendingSince: null });

/**
 * The address an attempt is counted under: IPv4 as it is (also when mapped into IPv6), IPv6 by its
 * /64, since one subscriber gets a whole /64 and would otherwise have 2^64 addresses to rotate.
 */
export function clientAddress(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return ip;
  const [head = "", tail = ""] = ip.toLowerCase().split("%")[0]?.split("::") ?? [];
  const headGroups = head === "" ? [] : head.split(":");
  const tailGroups = ip.includes("::") ? (tail === "" ? [] : tail.split(":")) : [];
  const groups = ip.includes("::")
    ? [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill("0"), ...tailGroups]
    : headGroups;
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}
