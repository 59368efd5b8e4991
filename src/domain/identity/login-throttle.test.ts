import { describe, expect, it } from "vitest";
import {
  admitAttempt,
  clientAddress,
  delaySeconds,
  freshCounter,
  LOGIN_THROTTLE,
  type ThrottleCounter,
  type ThrottleRule,
  throttleKeys,
} from "./login-throttle.ts";

const now = new Date("2026-11-27T10:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const rule = LOGIN_THROTTLE.accountAddress;
const counter = (patch: Partial<ThrottleCounter>): ThrottleCounter => ({ ...freshCounter("k"), ...patch });
const admit = (c: ThrottleCounter, r: ThrottleRule = rule) => admitAttempt([{ counter: c, rule: r }], now);

describe("login throttle", () => {
  it("lets the free failures through, and then delays each further attempt twice as long, up to the cap", () => {
    expect([0, 4].map((n) => delaySeconds(rule, n))).toEqual([0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 50].map((n) => delaySeconds(rule, n))).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
    expect(delaySeconds(rule, 1_000_000)).toBe(900);
  });

  it("admits an attempt below the free failures and gives it a pending place", () => {
    expect(admit(counter({ failures: 4, lastFailureAt: ago(1) }))).toEqual({
      allowed: true,
      counters: [{ key: "k", failures: 4, lastFailureAt: ago(1), pending: 1, pendingSince: now }],
    });
  });

  it("makes the attempt after the free failures wait out the delay since the last failure, and says how long", () => {
    expect(admit(counter({ failures: 5, lastFailureAt: ago(10) }))).toEqual({ allowed: false, retryAfterSeconds: 20 });
    expect(admit(counter({ failures: 7, lastFailureAt: ago(100) }))).toEqual({ allowed: false, retryAfterSeconds: 20 });
    expect(admit(counter({ failures: 5, lastFailureAt: ago(31) }))).toMatchObject({ allowed: true });
  });

  it("counts checks under way as possible failures, so attempts at the same moment get no more than the free checks", () => {
    let c = counter({});
    let admitted = 0;
    for (let i = 0; i < 100; i++) {
      const verdict = admit(c);
      if (!verdict.allowed) continue;
      admitted++;
      c = verdict.counters[0] as ThrottleCounter;
    }
    expect(admitted).toBe(rule.free);
    expect(admit(c)).toMatchObject({ allowed: false, retryAfterSeconds: 30 });
  });

  it("past the free failures, lets one check at a time through once the delay is over", () => {
    expect(admit(counter({ failures: 5, lastFailureAt: ago(40), pending: 1, pendingSince: ago(1) }))).toMatchObject({ allowed: false });
  });

  it("forgets failures after a quiet day, and checks that never settled after a minute", () => {
    expect(admit(counter({ failures: 30, lastFailureAt: ago(LOGIN_THROTTLE.forgetAfterSeconds + 1) }))).toMatchObject({
      allowed: true,
      counters: [{ failures: 0, lastFailureAt: null, pending: 1 }],
    });
    expect(admit(counter({ failures: 0, pending: 9, pendingSince: ago(LOGIN_THROTTLE.pendingStaleSeconds + 1) }))).toMatchObject({
      allowed: true,
      counters: [{ pending: 1 }],
    });
  });

  it("admits only when every counter allows it, and then waits for the longest", () => {
    const open = { counter: counter({ key: "a" }), rule };
    const waiting = { counter: counter({ key: "b", failures: 20, lastFailureAt: ago(5) }), rule: LOGIN_THROTTLE.account };
    const longer = { counter: counter({ key: "c", failures: 6, lastFailureAt: ago(5) }), rule };
    expect(admitAttempt([open, waiting, longer], now)).toEqual({ allowed: false, retryAfterSeconds: 55 });
    expect(admitAttempt([open], now)).toMatchObject({ allowed: true });
  });

  it("holds an attempt to its account+address, its account and its address, and a known device only to its own counter", () => {
    expect(throttleKeys({ email: "a@x.se", ip: "192.0.2.1", knownDeviceId: null })).toEqual([
      { key: "account-address:a@x.se 192.0.2.1", rule: LOGIN_THROTTLE.accountAddress, clearedBySuccess: true },
      { key: "account:a@x.se", rule: LOGIN_THROTTLE.account, clearedBySuccess: false },
      { key: "address:192.0.2.1", rule: LOGIN_THROTTLE.address, clearedBySuccess: false },
    ]);
    expect(throttleKeys({ email: "a@x.se", ip: "192.0.2.1", knownDeviceId: "d1" })).toEqual([
      { key: "device:d1", rule: LOGIN_THROTTLE.accountAddress, clearedBySuccess: true },
    ]);
  });

  it("tolerates a shared address far more than one account", () => {
    expect(LOGIN_THROTTLE.address.free).toBeGreaterThanOrEqual(10 * LOGIN_THROTTLE.accountAddress.free);
    expect(LOGIN_THROTTLE.address.maxDelaySeconds).toBeLessThan(LOGIN_THROTTLE.account.maxDelaySeconds);
  });

  it("counts IPv4 as it is and IPv6 by its /64", () => {
    expect(clientAddress("203.0.113.9")).toBe("203.0.113.9");
    expect(clientAddress("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(clientAddress("2001:db8:aa:bb:1:2:3:4")).toBe("2001:db8:aa:bb::/64");
    expect(clientAddress("2001:0db8:00aa:00bb:ffff::1")).toBe("2001:db8:aa:bb::/64");
    expect(clientAddress("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientAddress("::1")).toBe("0:0:0:0::/64");
    expect(clientAddress("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });
});
