import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedWorld, startTestApp, type TestApp, type World } from "../../tests/support/test-app.ts";
import { SYSTEM_ACTOR } from "../domain/access/actor.ts";
import { listOutbox } from "../domain/mail/list-outbox.ts";
import { inviteMember } from "../domain/members/invite-member.ts";
import { createMailDeliverer } from "./mail-deliverer.ts";

type Received = { to: string[]; data: string };

describe("mail delivery through SMTP", () => {
  let t: TestApp;
  let w: World;
  let server: SMTPServer;
  let port = 0;
  const received: Received[] = [];
  let refuse = false;

  beforeAll(async () => {
    t = await startTestApp();
    w = await seedWorld(t.db);
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onRcptTo(address, _session, callback) {
        callback(refuse ? Object.assign(new Error("mailbox unavailable"), { responseCode: 550 }) : undefined);
        void address;
      },
      onData(stream, session, callback) {
        let data = "";
        stream.on("data", (c: Buffer) => {
          data += c.toString("utf8");
        });
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    port = (server.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await t.close();
  });

  const invite = (email: string) =>
    inviteMember({
      db: t.db,
      actor: SYSTEM_ACTOR,
      now: new Date(),
      organisationId: w.orgA.id,
      input: { email, name: "Mottagare", roles: ["deltagare"] },
      publicUrl: "https://ansluta.example",
    });

  it("sends queued invitations and marks them sent", async () => {
    const deliverer = createMailDeliverer(t.db, { smtpUrl: `smtp://127.0.0.1:${port}`, from: "Ansluta <no-reply@ansluta.test>" });
    await invite("mottagare@test.example");
    const queued = (await listOutbox({ db: t.db, actor: SYSTEM_ACTOR })).find((m) => m.to === "mottagare@test.example");
    const invitationUrl = /https:\/\/ansluta\.example\/invitation\/\S+/.exec(queued?.text ?? "")?.[0];
    expect(invitationUrl).toBeDefined();
    expect(await deliverer.deliverPending()).toBe(1);
    await deliverer.stop();
    const mail = received.find((r) => r.to.includes("mottagare@test.example"));
    // The body is quoted-printable (Swedish letters): undo its soft line breaks before looking.
    expect(mail?.data.replace(/=\r?\n/g, "")).toContain(String(invitationUrl));
    const outbox = await listOutbox({ db: t.db, actor: SYSTEM_ACTOR });
    expect(outbox.find((m) => m.to === "mottagare@test.example")?.sentAt).not.toBeNull();
  });

  it("keeps mail that the server refuses, with the reason, for a later attempt", async () => {
    refuse = true;
    const deliverer = createMailDeliverer(t.db, { smtpUrl: `smtp://127.0.0.1:${port}`, from: "no-reply@ansluta.test" });
    await invite("refused@test.example");
    expect(await deliverer.deliverPending()).toBe(0);
    const pending = (await listOutbox({ db: t.db, actor: SYSTEM_ACTOR })).find((m) => m.to === "refused@test.example");
    expect(pending).toMatchObject({ sentAt: null, lastError: expect.stringContaining("mailbox unavailable") });
    refuse = false;
    expect(await deliverer.deliverPending()).toBe(1);
    await deliverer.stop();
  });

  it("sends more than a batch in one delivery instead of a batch per retry interval", async () => {
    const deliverer = createMailDeliverer(t.db, { smtpUrl: `smtp://127.0.0.1:${port}`, from: "no-reply@ansluta.test" });
    for (let i = 0; i < 45; i++) await invite(`batch-${i}@test.example`);
    expect(await deliverer.deliverPending()).toBe(45);
    await deliverer.stop();
    const pending = (await listOutbox({ db: t.db, actor: SYSTEM_ACTOR, limit: 1000 })).filter((m) => m.sentAt === null);
    expect(pending).toEqual([]);
  });

  it("leaves mail in the outbox when no SMTP server is configured", async () => {
    const deliverer = createMailDeliverer(t.db, { from: "x@ansluta.test" });
    await invite("kept@test.example");
    expect(await deliverer.deliverPending()).toBe(0);
    expect((await listOutbox({ db: t.db, actor: SYSTEM_ACTOR })).find((m) => m.to === "kept@test.example")?.sentAt).toBeNull();
  });
});
