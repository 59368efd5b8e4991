import { describe, expect, it } from "vitest";
import { LOGIN_THROTTLE, loginThrottle } from "./login-throttle.ts";

const now = new Date("2026-11-27T10:00:00Z");

describe("login throttle", () => {
  it("lets a caller through below the limits", () => {
    expect(loginThrottle({ failuresForEmail: 4, failuresFromIp: 19, oldestCountedFailureAt: now, now })).toEqual({ allowed: true });
  });

  it("stops guessing at one account and says when to come back", () => {
    const oldest = new Date(now.getTime() - 5 * 60_000);
    expect(
      loginThrottle({ failuresForEmail: LOGIN_THROTTLE.maxFailuresPerEmail, failuresFromIp: 5, oldestCountedFailureAt: oldest, now }),
    ).toEqual({ allowed: false, retryAfterSeconds: 10 * 60 });
  });

  it("stops one address spraying many accounts", () => {
    expect(loginThrottle({ failuresForEmail: 0, failuresFromIp: 20, oldestCountedFailureAt: now, now })).toMatchObject({
      allowed: false,
    });
  });
});
