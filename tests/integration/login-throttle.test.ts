import { and, count, eq, like } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readConfig } from "../../src/config.ts";
import type { Database, DatabaseHandle } from "../../src/db/database.ts";
import { loginAttempts, loginThrottle } from "../../src/db/schema.ts";
import { LOGIN_THROTTLE } from "../../src/domain/identity/login-throttle.ts";
import { buildApp } from "../../src/http/app.ts";
import { browser, PASSWORD, seedWorld, type World } from "../support/test-app.ts";
import { createTestDatabase } from "../support/test-database.ts";
import { TEST_SECRETS } from "../support/test-secrets.ts";

/** How many times a password was actually verified for an e-mail: every verification is logged, and only verifications are. */
async function verifications(db: Database, email: string, ip?: string) {
  const [row] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(ip ? and(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip)) : eq(loginAttempts.email, email));
  return Number(row?.n ?? 0);
}

const apiLogin = (app: FastifyInstance, email: string, password: string, headers: Record<string, string> = {}) =>
  app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password }, headers });

// Its own app rather than the test world: the test moves the app's clock (buildApp's `clock`) past the delays.
describe("login throttling", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let w: World;
  // The tests move time forward instead of waiting out the delays; each test starts at the present.
  let clock = new Date();
  beforeEach(() => {
    clock = new Date();
  });
  const wait = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000);
  };
  // Behind one proxy (TRUST_PROXY=1), as in production: the client's address is the last X-Forwarded-For entry.
  const from = (address: string, forged?: string) => ({ "x-forwarded-for": forged ? `${forged}, ${address}` : address });

  beforeAll(async () => {
    handle = await createTestDatabase();
    const config = readConfig({ LOG_LEVEL: "silent", PUBLIC_URL: "http://ansluta.test", TRUST_PROXY: "1" });
    app = await buildApp({ handle, config, secrets: TEST_SECRETS, logger: false, clock: () => clock });
    await app.ready();
    w = await seedWorld(handle.db);
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it("verifies the password at most the free number of times for 100 wrong passwords at once, and answers the rest 429 with Retry-After", async () => {
    const email = w.emails.readerA;
    const answers = await Promise.all(Array.from({ length: 100 }, () => apiLogin(app, email, "wrong-password", from("198.51.100.1"))));
    const checked = await verifications(handle.db, email);
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(LOGIN_THROTTLE.accountAddress.free);
    expect(answers.filter((a) => a.statusCode === 401)).toHaveLength(checked);
    const limited = answers.filter((a) => a.statusCode === 429);
    expect(limited).toHaveLength(100 - checked);
    for (const a of limited) {
      expect(Number(a.headers["retry-after"])).toBeGreaterThan(0);
      expect(a.json()).toMatchObject({ code: "LOGIN_RATE_LIMITED", retryAfterSeconds: Number(a.headers["retry-after"]) });
    }
  });

  it("answers the right password sent many times at once 200 or 429, never a server error, and leaves no check pending", async () => {
    const email = w.emails.consultant;
    // One browser's worth at once from one address, and a whole office at once from many: the counters are shared.
    const answers = await Promise.all([
      ...Array.from({ length: 8 }, () => apiLogin(app, email, PASSWORD, from("198.51.100.20"))),
      ...Array.from({ length: 8 }, (_, i) => apiLogin(app, email, PASSWORD, from(`198.51.100.${30 + i}`))),
    ]);
    expect(answers.map((a) => a.statusCode).filter((s) => s !== 200 && s !== 429)).toEqual([]);
    expect(answers.filter((a) => a.statusCode === 200).length).toBeGreaterThanOrEqual(8);
    const counters = await handle.db
      .select()
      .from(loginThrottle)
      .where(like(loginThrottle.key, `%${email}%`));
    for (const c of counters) expect(c, c.key).toMatchObject({ pending: 0, failures: 0 });
  });

  it("delays progressively instead of locking out: one more check once the delay is over, then twice as long", async () => {
    const email = w.emails.sgA;
    const address = "198.51.100.2";
    for (let i = 0; i < LOGIN_THROTTLE.accountAddress.free; i++)
      expect((await apiLogin(app, email, "wrong", from(address))).statusCode).toBe(401);
    const first = await apiLogin(app, email, PASSWORD, from(address));
    expect(first.statusCode).toBe(429);
    expect(first.headers["retry-after"]).toBe(String(LOGIN_THROTTLE.accountAddress.firstDelaySeconds));
    wait(LOGIN_THROTTLE.accountAddress.firstDelaySeconds);
    expect((await apiLogin(app, email, "wrong", from(address))).statusCode).toBe(401);
    expect((await apiLogin(app, email, PASSWORD, from(address))).headers["retry-after"]).toBe(
      String(2 * LOGIN_THROTTLE.accountAddress.firstDelaySeconds),
    );
    wait(2 * LOGIN_THROTTLE.accountAddress.firstDelaySeconds);
    // The right password after the wait gets in, and clears this address's count for the account.
    expect((await apiLogin(app, email, PASSWORD, from(address))).statusCode).toBe(200);
    expect((await apiLogin(app, email, "wrong", from(address))).statusCode).toBe(401);
  });

  it("counts the address the proxy saw, not what the client wrote in X-Forwarded-For", async () => {
    const email = w.emails.vaA;
    for (let i = 0; i < LOGIN_THROTTLE.accountAddress.free; i++) {
      const res = await apiLogin(app, email, "wrong", from("198.51.100.3", `10.0.0.${i}`));
      expect(res.statusCode).toBe(401);
    }
    // A fresh forged address on the left changes nothing: the same client is still waiting.
    expect((await apiLogin(app, email, "wrong", from("198.51.100.3", "10.9.9.9"))).statusCode).toBe(429);
    expect((await apiLogin(app, email, "wrong", from("198.51.100.3", "198.51.100.99"))).statusCode).toBe(429);
    expect(await verifications(handle.db, email, "198.51.100.3")).toBe(LOGIN_THROTTLE.accountAddress.free);
    expect(await verifications(handle.db, email, "10.9.9.9")).toBe(0);
    // The per-address counter, too, is the proxy-seen address's, and no forged address got one.
    const counters = await handle.db.select().from(loginThrottle).where(like(loginThrottle.key, "address:%"));
    expect(counters.find((c) => c.key === "address:198.51.100.3")).toMatchObject({ failures: LOGIN_THROTTLE.accountAddress.free });
    expect(counters.filter((c) => c.key.startsWith("address:10."))).toEqual([]);
    // Another client (another last entry) is counted on its own.
    expect((await apiLogin(app, email, PASSWORD, from("198.51.100.4", "198.51.100.3"))).statusCode).toBe(200);
  });

  it("does not lock a kommun's shared address because some of its people mistype", async () => {
    const shared = "198.51.100.5";
    for (let i = 0; i < 30; i++) expect((await apiLogin(app, `person${i}@kommun.example`, "wrong", from(shared))).statusCode).toBe(401);
    expect((await apiLogin(app, w.emails.plA, PASSWORD, from(shared))).statusCode).toBe(200);
  });

  it("lets the owner in from a known device while the account is attacked from elsewhere and from her own address", async () => {
    const email = w.emails.plB;
    const office = "198.51.100.6";
    const owner = browser(app);
    await owner.get("/login");
    const first = await app.inject({
      method: "POST",
      url: "/login",
      headers: {
        ...from(office),
        cookie: `ansluta_csrf=${owner.jar.get("ansluta_csrf")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      payload: new URLSearchParams({ _csrf: owner.jar.get("ansluta_csrf") ?? "", email, password: PASSWORD, next: "/" }).toString(),
    });
    expect(first.statusCode).toBe(303);
    const device = first.cookies.find((c) => c.name === "ansluta_device");
    expect(device).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/", maxAge: 180 * 86_400 });
    // A botnet: many addresses, past the account's own limit; and a guesser at her office.
    for (let i = 0; i < LOGIN_THROTTLE.account.free; i++) await apiLogin(app, email, "wrong", from(`203.0.113.${i}`));
    for (let i = 0; i < LOGIN_THROTTLE.accountAddress.free; i++) await apiLogin(app, email, "wrong", from(office));
    // Another browser, even at the office, must wait; her own browser gets in with the right password.
    const stranger = await apiLogin(app, email, PASSWORD, from(office));
    expect(stranger.statusCode).toBe(429);
    expect(Number(stranger.headers["retry-after"])).toBeGreaterThan(0);
    const known = await apiLogin(app, email, PASSWORD, { ...from(office), cookie: `ansluta_device=${device?.value}` });
    expect(known.statusCode).toBe(200);
    // A cookie that was altered, or that belongs to another account, is not a known device.
    const altered = `${device?.value.slice(0, -2)}xx`;
    expect((await apiLogin(app, email, PASSWORD, { ...from(office), cookie: `ansluta_device=${altered}` })).statusCode).toBe(429);
    expect((await apiLogin(app, w.emails.plA, "wrong", { cookie: `ansluta_device=${device?.value}` })).statusCode).toBe(401);
    // The device has a limit of its own: a copied cookie does not make guessing free.
    for (let i = 0; i < LOGIN_THROTTLE.accountAddress.free; i++) {
      await apiLogin(app, email, "wrong", { ...from("192.0.2.77"), cookie: `ansluta_device=${device?.value}` });
    }
    expect((await apiLogin(app, email, PASSWORD, { ...from("192.0.2.77"), cookie: `ansluta_device=${device?.value}` })).statusCode).toBe(
      429,
    );
  });

  it("shows the wait on the login page with 429 and Retry-After", async () => {
    const b = browser(app);
    await b.get("/login");
    const email = w.emails.consultant;
    for (let i = 0; i < LOGIN_THROTTLE.accountAddress.free; i++) await b.post("/login", { email, password: "wrong", next: "/" });
    const res = await b.post("/login", { email, password: PASSWORD, next: "/" });
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
    expect(res.body).toContain("För många misslyckade inloggningsförsök");
    // The first delay is half a minute: said in seconds, not rounded up to "1 minuter".
    expect(res.body).toMatch(/Vänta \d+ sekunder och försök igen/);
  });
});
