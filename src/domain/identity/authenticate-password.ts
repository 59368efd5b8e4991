import type { Database } from "../../db/database.ts";
import { recentLoginFailures, recordLoginAttempt } from "../../db/repositories/credential-repository.ts";
import { findUserByEmail, type UserRow } from "../../db/repositories/user-repository.ts";
import { DomainError } from "../shared/domain-error.ts";
import { LOGIN_THROTTLE, loginThrottle } from "./login-throttle.ts";
import { verifyPassword } from "./password.ts";

/** Checks e-mail and password under the login rate limit; every attempt is counted, whoever it names. */
export async function authenticatePassword({
  db,
  email,
  password,
  ip,
  now,
}: {
  db: Database;
  email: string;
  password: string;
  ip: string;
  now: Date;
}): Promise<UserRow> {
  const normalised = email.trim().toLowerCase();
  const since = new Date(now.getTime() - LOGIN_THROTTLE.windowMinutes * 60_000);
  const verdict = loginThrottle({ ...(await recentLoginFailures(db, { email: normalised, ip, since })), now });
  if (!verdict.allowed) {
    throw new DomainError("LOGIN_RATE_LIMITED", "too many failed logins", { retryAfterSeconds: verdict.retryAfterSeconds });
  }
  const user = await findUserByEmail(db, normalised);
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  await recordLoginAttempt(db, { email: normalised, ip, succeeded: ok, at: now });
  if (!ok || !user) throw new DomainError("INVALID_CREDENTIALS", "wrong e-mail or password");
  return user;
}
