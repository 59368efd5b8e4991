import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { count, eq, isNull } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/database.ts";
import { loginAttempts, outbox, remindersSent } from "../../src/db/schema.ts";
import { LOGIN_THROTTLE } from "../../src/domain/identity/login-throttle.ts";
import { type RoundRobinProxy, startRoundRobinProxy } from "../support/round-robin-proxy.ts";
import { apiOver, openDatabaseOf, type ServerProcess, seededDatabaseEnv, startServerProcess } from "../support/server-process.ts";
import { PASSWORD, type World } from "../support/test-app.ts";

/** A round of reminders on each server every 0.02 minutes (1.2 s): many rounds in a few seconds, some of them at once. */
const REMINDER_INTERVAL_MINUTES = 0.02;
const ROUND_MS = REMINDER_INTERVAL_MINUTES * 60_000;
/** How long mail and reminders have to arrive: generous for a busy 2-core machine running two servers. */
const SETTLE_MS = 30_000;

type Received = { from: string; to: string; text: string };

/** A browser over real HTTP: keeps cookies, follows no redirects, sends the Origin a browser sends with a form. */
function browserVia(baseUrl: string) {
  const jar = new Map<string, string>();
  const remember = async (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = value === "" || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /expires=.*1970/i.test(a));
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
    return { status: res.status, location: res.headers.get("location"), body: await res.text() };
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  return {
    get: async (url: string) => remember(await fetch(`${baseUrl}${url}`, { headers: { cookie: cookie() }, redirect: "manual" })),
    post: async (url: string, form: Record<string, string | string[]>) => {
      const body = new URLSearchParams();
      for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
      return remember(
        await fetch(`${baseUrl}${url}`, {
          method: "POST",
          headers: { cookie: cookie(), origin: baseUrl, "content-type": "application/x-www-form-urlencoded" },
          body,
          redirect: "manual",
        }),
      );
    },
  };
}

/** The form token a page carries in its forms. */
const formToken = (html: string) => {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error("no form token on the page");
  return token;
};

/** Today plus `days` in Stockholm, as the reminder rules count days. */
const stockholmDayPlus = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });

/** How many mails each server's deliverer sent (each server sends from its own address). */
const bySender = (mails: readonly Received[]) => {
  const n = new Map<string, number>();
  for (const m of mails) n.set(m.from, (n.get(m.from) ?? 0) + 1);
  return [...n].map(([from, k]) => `${from} ${k}`).join(", ");
};

/** Waits until `check` holds, polling; fails with what `state` says when it does not within `ms`. */
async function until(check: () => Promise<boolean>, ms: number, state: () => Promise<string>) {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > ms) throw new Error(`not within ${ms} ms: ${await state()}`);
    await sleep(200);
  }
}

// PGlite is a database inside one process: a second app server cannot open it.
describe.runIf(process.env.DATABASE_URL)(
  "two app servers behind a round-robin proxy, one PostgreSQL (PostgreSQL only: the embedded database belongs to one process)",
  () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ansluta-servers-"));
    let drop: () => Promise<void> = async () => {};
    let world: World;
    let direct: DatabaseHandle;
    let proxy: RoundRobinProxy;
    let smtp: SMTPServer;
    const received: Received[] = [];
    let servers: ServerProcess[] = [];

    beforeAll(async () => {
      const made = await seededDatabaseEnv(path.join(dir, "data"));
      drop = made.drop;
      world = made.world;
      direct = await openDatabaseOf(made.env);
      smtp = new SMTPServer({
        authOptional: true,
        disabledCommands: ["STARTTLS"],
        onData(stream, session, callback) {
          let text = "";
          stream.on("data", (c: Buffer) => {
            text += c.toString("utf8");
          });
          stream.on("end", () => {
            const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
            // Quoted-printable breaks long lines with a soft "=" break: undone, the links read whole.
            for (const to of session.envelope.rcptTo) received.push({ from, to: to.address, text: text.replace(/=\r?\n/g, "") });
            callback();
          });
        },
      });
      await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
      const smtpPort = (smtp.server.address() as { port: number }).port;
      proxy = await startRoundRobinProxy();
      // Everything the same but the sender, so the sink can tell which server's deliverer sent a mail.
      servers = await Promise.all(
        ["a", "b"].map((name) =>
          startServerProcess(made.env, {
            env: {
              PUBLIC_URL: proxy.baseUrl,
              SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
              MAIL_FROM: `server-${name}@ansluta.test`,
              REMINDER_INTERVAL_MINUTES: String(REMINDER_INTERVAL_MINUTES),
            },
          }),
        ),
      );
      proxy.setBackends(servers.map((s) => s.baseUrl));
    }, 240_000);

    afterAll(async () => {
      for (const s of servers) s.kill("SIGTERM");
      await Promise.all(servers.map((s) => s.exited));
      await proxy?.close();
      await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
      await direct?.close();
      await drop();
      rmSync(dir, { recursive: true, force: true });
    }, 60_000);

    /** Which backends served the requests since `from` (a length of proxy.served). */
    const servedSince = (from: number) => proxy.served.slice(from);

    it("keeps a browser signed in across both servers: a form from one is accepted by the other, a forged or missing token by neither", async () => {
      const browser = browserVia(proxy.baseUrl);
      let mark = proxy.served.length;
      const loginPage = await browser.get("/login");
      expect(loginPage.status).toBe(200);
      const login = await browser.post("/login", { email: world.emails.admin, password: PASSWORD, _csrf: formToken(loginPage.body) });
      expect(login.status, login.body).toBe(303);
      // The signed-out form's token came from one server; the other took it and started the session.
      expect(servedSince(mark)).toEqual([expect.any(Number), expect.any(Number)]);
      expect(new Set(servedSince(mark)).size).toBe(2);

      // Signed in on both: the start page twice, once from each.
      mark = proxy.served.length;
      for (let i = 0; i < 2; i++) {
        const home = await browser.get("/");
        expect(home.status).toBe(200);
        expect(home.body).toContain('action="/logout"');
      }
      expect(new Set(servedSince(mark)).size).toBe(2);

      // A form's token from one server, posted to the other, in both directions.
      const invite = `/organisations/${world.orgA.id}/members/invite`;
      for (let i = 0; i < 2; i++) {
        mark = proxy.served.length;
        const form = await browser.get(invite);
        expect(form.status).toBe(200);
        const sent = await browser.post(invite, {
          email: `form-${i}@test.example`,
          name: `Formulär ${i}`,
          roles: "deltagare",
          _csrf: formToken(form.body),
        });
        expect(sent.status, sent.body).toBe(201);
        const [shown, posted] = servedSince(mark);
        expect(shown).not.toBe(posted);
      }

      // A forged token, and none: refused by each server (two requests in a row reach both).
      for (const token of ["forged-forged-forged-forged-forged-forged", undefined]) {
        mark = proxy.served.length;
        for (let i = 0; i < 2; i++) {
          const refused = await browser.post(invite, {
            email: "never@test.example",
            name: "Aldrig",
            roles: "deltagare",
            ...(token ? { _csrf: token } : {}),
          });
          expect(refused.status).toBe(403);
        }
        expect(new Set(servedSince(mark)).size).toBe(2);
      }
      const [never] = await direct.db.select({ n: count() }).from(outbox).where(eq(outbox.toAddress, "never@test.example"));
      expect(never?.n).toBe(0);

      // Signed out on one server is signed out on both.
      const home = await browser.get("/");
      expect((await browser.post("/logout", { _csrf: formToken(home.body) })).status).toBe(303);
      mark = proxy.served.length;
      for (let i = 0; i < 2; i++) {
        const after = await browser.get("/");
        expect(after.status).toBe(303);
        expect(after.location).toMatch(/^\/login/);
      }
      expect(new Set(servedSince(mark)).size).toBe(2);
    });

    it("counts failed logins across both servers: the limit comes at the same count as on one, and a burst gets no more checks", async () => {
      const login = (email: string, password: string) =>
        fetch(`${proxy.baseUrl}/api/v1/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email, password }),
        });
      const mark = proxy.served.length;
      // The free failures, alternating between the servers, then even the right password must wait.
      for (let i = 0; i < LOGIN_THROTTLE.accountAddress.free; i++) expect((await login(world.emails.sgA, "wrong")).status).toBe(401);
      const held = await login(world.emails.sgA, PASSWORD);
      expect(held.status).toBe(429);
      expect(held.headers.get("retry-after")).toBe(String(LOGIN_THROTTLE.accountAddress.firstDelaySeconds));
      const sequence = servedSince(mark);
      expect(sequence.every((server, i) => i === 0 || server !== sequence[i - 1])).toBe(true);

      // 40 wrong passwords at once, half to each server: still only the free number of checks.
      const burst = await Promise.all(Array.from({ length: 40 }, () => login(world.emails.readerA, "wrong")));
      const [checked] = await direct.db.select({ n: count() }).from(loginAttempts).where(eq(loginAttempts.email, world.emails.readerA));
      const statuses = burst.map((r) => r.status);
      expect(checked?.n).toBeGreaterThan(0);
      expect(checked?.n).toBeLessThanOrEqual(LOGIN_THROTTLE.accountAddress.free);
      expect(statuses.filter((s) => s === 401)).toHaveLength(checked?.n ?? -1);
      expect(statuses.filter((s) => s === 429)).toHaveLength(40 - (checked?.n ?? 0));
    });

    it("sends each mail in the outbox once, with both servers' deliverers at work", async () => {
      const admin = await apiOver(proxy.baseUrl, world.emails.admin, PASSWORD);
      const invitees = Array.from({ length: 40 }, (_, i) => `invitee-${i}@test.example`);
      // Eight at a time through the proxy: each server queues mail and kicks its own deliverer while the other's runs.
      for (let i = 0; i < invitees.length; i += 8) {
        const answers = await Promise.all(
          invitees
            .slice(i, i + 8)
            .map((email) =>
              admin("POST", `/api/v1/organisations/${world.orgA.id}/members`, { email, name: email.split("@")[0], roles: ["deltagare"] }),
            ),
        );
        expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
      }
      const unsent = async () => (await direct.db.select({ n: count() }).from(outbox).where(isNull(outbox.sentAt)))[0]?.n ?? -1;
      const arrived = () => received.filter((m) => invitees.includes(m.to));
      await until(
        async () => (await unsent()) === 0 && arrived().length >= invitees.length,
        SETTLE_MS,
        async () => `${await unsent()} unsent, ${arrived().length} of ${invitees.length} arrived`,
      );
      // A while longer: a second sending would show now.
      await sleep(2_000);
      for (const email of invitees)
        expect(
          arrived().filter((m) => m.to === email),
          email,
        ).toHaveLength(1);
      console.info(`mail: ${arrived().length} invitations sent once each; by sender: ${bySender(arrived())}`);
    });

    it("mails each reminder once while both servers' reminder jobs run a round every 1.2 s", async () => {
      const pl = await apiOver(proxy.baseUrl, world.emails.plA, PASSWORD);
      const plannedOn = stockholmDayPlus(3);
      const initiatives: string[] = [];
      // Three waves of planned decisions, some rounds apart, so that rounds on both servers find work.
      for (let wave = 0; wave < 3; wave++) {
        const made = await Promise.all(
          Array.from({ length: 4 }, async (_, i) => {
            const res = await pl("POST", "/api/v1/initiatives", { organisationId: world.orgA.id, name: `Påminnelse ${wave}-${i}` });
            expect(res.status).toBe(201);
            const { id } = (await res.json()) as { id: string };
            const planned = await pl("PUT", `/api/v1/initiatives/${id}/milestones/I/plan`, { plannedOn });
            expect(planned.status, await planned.text()).toBe(200);
            return id;
          }),
        );
        initiatives.push(...made);
        await sleep(2 * ROUND_MS);
      }
      const recorded = async () => direct.db.select().from(remindersSent);
      const mine = (rows: Awaited<ReturnType<typeof recorded>>) => rows.filter((r) => initiatives.some((id) => r.subjectKey.includes(id)));
      const about = (id: string) => received.filter((m) => m.text.includes(`/initiatives/${id}/milestones/I`));
      const unsent = async () => (await direct.db.select({ n: count() }).from(outbox).where(isNull(outbox.sentAt)))[0]?.n ?? -1;
      await until(
        async () => mine(await recorded()).length === initiatives.length && (await unsent()) === 0,
        SETTLE_MS,
        async () => `${mine(await recorded()).length} of ${initiatives.length} reminders recorded, ${await unsent()} mails unsent`,
      );
      // Several more rounds on each server: none may remind again.
      await sleep(4 * ROUND_MS);
      const rows = mine(await recorded());
      expect(rows).toHaveLength(initiatives.length);
      let mails = 0;
      for (const id of initiatives) {
        const row = rows.find((r) => r.subjectKey.includes(id));
        expect(row?.kind).toBe("ahead");
        const sent = about(id);
        expect(sent.length, id).toBe(row?.recipients);
        // To each recipient once.
        expect(new Set(sent.map((m) => m.to)).size).toBe(sent.length);
        mails += sent.length;
      }
      const queued = (await direct.db.select().from(outbox)).filter((m) => initiatives.some((id) => m.bodyText.includes(id)));
      expect(queued).toHaveLength(mails);
      const rounds = servers.map((s) => (s.output().match(/reminders: \d+ due/g) ?? []).length);
      console.info(
        `reminders: ${rows.length} recorded once each, ${mails} mails sent once each; rounds that queued mail: server a ${rounds[0]}, server b ${rounds[1]}`,
      );
    });

    it("has sent every mail in the outbox exactly once, and nothing else", async () => {
      const all = await direct.db.select().from(outbox);
      expect(all.every((m) => m.sentAt !== null)).toBe(true);
      expect(received).toHaveLength(all.length);
      console.info(
        `proxy: ${proxy.served.length} requests, server a ${proxy.served.filter((s) => s === 0).length}, server b ${proxy.served.filter((s) => s === 1).length}; ` +
          `outbox ${all.length}, received ${received.length}; by sender: ${bySender(received)}`,
      );
    });
  },
);
