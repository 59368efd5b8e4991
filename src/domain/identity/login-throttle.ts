/**
 * How many failed logins are tolerated before Ansluta makes the caller wait. Counted per e-mail
 * (guessing one account) and per client address (spraying many accounts), over a sliding window.
 */
export const LOGIN_THROTTLE = {
  windowMinutes: 15,
  maxFailuresPerEmail: 5,
  maxFailuresPerIp: 20,
} as const;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function loginThrottle(input: {
  failuresForEmail: number;
  failuresFromIp: number;
  oldestCountedFailureAt: Date | null;
  now: Date;
}): ThrottleVerdict {
  const over = input.failuresForEmail >= LOGIN_THROTTLE.maxFailuresPerEmail || input.failuresFromIp >= LOGIN_THROTTLE.maxFailuresPerIp;
  if (!over) return { allowed: true };
  const windowMs = LOGIN_THROTTLE.windowMinutes * 60_000;
  const freesAt = (input.oldestCountedFailureAt?.getTime() ?? input.now.getTime()) + windowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((freesAt - input.now.getTime()) / 1000)) };
}
