import type { Database } from "../../db/database.ts";
import { recordLoginAttempt } from "../../db/repositories/credential-repository.ts";
import {
  lockThrottleCounters,
  pruneThrottleCounters,
  saveThrottleCounters,
  settleThrottleCounters,
} from "../../db/repositories/login-throttle-repository.ts";
import { passwordBlockingProvider } from "../../db/repositories/oidc-repository.ts";
import { findUserByEmail, type UserRow } from "../../db/repositories/user-repository.ts";
import { DomainError } from "../shared/domain-error.ts";
import { admitAttempt, freshCounter, LOGIN_THROTTLE, throttleKeys } from "./login-throttle.ts";
import { verifyPassword } from "./password.ts";

/** A browser that has logged in before, as its signed cookie says (checked by the HTTP layer). */
export type KnownDevice = { deviceId: string; userId: string };

/**
 * Checks e-mail and password under the login throttle. Admission and counting are atomic: the
 * counters are locked, an admitted check takes a pending place before the password is verified,
 * so attempts at the same moment never get more checks than the throttle allows. Every check is
 * logged in login_attempts, whoever it names. A member of an organisation that signs its people in
 * with its own identity provider is refused even with the right password (issue 15).
 */
export async function authenticatePassword({
  db,
  email,
  password,
  ip,
  now,
  knownDevice = null,
}: {
  db: Database;
  email: string;
  password: string;
  ip: string;
  now: Date;
  knownDevice?: KnownDevice | null;
}): Promise<UserRow> {
  const normalised = email.trim().toLowerCase();
  const user = await findUserByEmail(db, normalised);
  // The device counts as known only for the account that logged in on it.
  const knownDeviceId = user && knownDevice?.userId === user.id ? knownDevice.deviceId : null;
  const keys = throttleKeys({ email: normalised, ip, knownDeviceId });
  const admission = await db.transaction(async (tx) => {
    const locked = await lockThrottleCounters(
      tx,
      keys.map((k) => k.key),
    );
    const verdict = admitAttempt(
      keys.map((k) => ({ counter: locked.get(k.key) ?? freshCounter(k.key), rule: k.rule })),
      now,
    );
    if (verdict.allowed) await saveThrottleCounters(tx, verdict.counters);
    return verdict;
  });
  if (!admission.allowed) {
    throw new DomainError("LOGIN_RATE_LIMITED", "too many failed logins", { retryAfterSeconds: admission.retryAfterSeconds });
  }
  let ok = false;
  try {
    ok = await verifyPassword(user?.passwordHash ?? null, password);
  } finally {
    await settleThrottleCounters(db, {
      keys: keys.map((k) => k.key),
      clear: keys.filter((k) => k.clearedBySuccess).map((k) => k.key),
      failed: !ok,
      now,
    });
  }
  await recordLoginAttempt(db, { email: normalised, ip, succeeded: ok, at: now });
  if (!ok || !user) throw new DomainError("INVALID_CREDENTIALS", "wrong e-mail or password");
  await pruneThrottleCounters(db, new Date(now.getTime() - LOGIN_THROTTLE.forgetAfterSeconds * 1000));
  // Told only after the right password, so the answer says nothing about an address to someone guessing.
  const signInProvider = await passwordBlockingProvider(db, user.id);
  if (signInProvider) {
    throw new DomainError("PASSWORD_LOGIN_DISABLED", "the organisation signs its members in with its identity provider", {
      signInProvider,
    });
  }
  return user;
}
