import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initiatives, reportingReminders } from "../../src/db/schema.ts";
import { runReminders } from "../../src/domain/follow-up/run-reminders.ts";
import { queueReportingReminders } from "../../src/domain/reporting/queue-reporting-reminders.ts";
import { Round, Submission } from "../../src/http/routes/reporting/reporting.schema.ts";
import { createMailDeliverer } from "../../src/mail/mail-deliverer.ts";
import { postJson, useTestWorld } from "../support/test-world.ts";

type Received = { to: string[]; data: string };

/**
 * A reporting round's reminders (issue 14), delivered through a real SMTP server in the test
 * process: the projektledare of each active initiative that has not submitted is mailed once,
 * the given days before the deadline and again the given days after it, never before the day, never
 * twice however many reminder rounds run at once, and never for a report that is in or a round closed.
 */
describe("reporting round reminders by mail", () => {
  const world = useTestWorld();
  let server: SMTPServer;
  let port = 0;
  const received: Received[] = [];

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
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
  });

  /** Everything queued goes out through the SMTP server. */
  const deliver = async () => {
    const deliverer = createMailDeliverer(world.db, { smtpUrl: `smtp://127.0.0.1:${port}`, from: "Ansluta <no-reply@ansluta.test>" });
    await deliverer.deliverPending();
    await deliverer.stop();
  };
  /** The delivered mails about a round (its name in the subject), quoted-printable soft breaks undone. */
  const mailsOf = (roundName: string) =>
    received
      .map((r) => ({ to: r.to, subject: decodedSubject(r.data), text: decodedText(r.data) }))
      .filter((r) => r.subject.includes(roundName));
  const run = (iso: string) => runReminders({ db: world.db, now: new Date(iso), daysAhead: 7, baseUrl: "https://ansluta.example" });

  it("mails the projektledare of each initiative missing a report the days before and after the deadline, once each", async () => {
    const fg = await world.loginAs("fg");
    const missingA = await world.seedInitiative({ name: "Saknar rapport" });
    const submittedA = await world.seedInitiative({ name: "Har rapporterat" });
    const missingB = await world.seedInitiative({ name: "B saknar rapport", by: "plB" });
    const round = await postJson(fg, "/api/v1/reporting-rounds", { name: "Halvårsrapport 2099-1", deadline: "2099-06-30" }, Round);
    await postJson(
      await world.loginAs("plA"),
      `/api/v1/reporting-rounds/${round.id}/submissions`,
      { initiativeId: submittedA.id },
      Submission,
    );

    // Eight days before the deadline: nothing yet.
    await run("2099-06-22T08:00:00Z");
    await deliver();
    expect(mailsOf(round.name)).toHaveLength(0);

    // Seven days before (Stockholm): one "before" to each missing initiative's projektledare, however many rounds run at once.
    const rounds = await Promise.all(Array.from({ length: 6 }, () => run("2099-06-23T08:00:00Z")));
    expect(rounds.some((r) => r.ran)).toBe(true);
    await run("2099-06-24T08:00:00Z");
    await deliver();
    const before = mailsOf(round.name);
    expect(before).toHaveLength(2);
    const toA = before.find((m) => m.to.includes(world.emails.plA));
    const toB = before.find((m) => m.to.includes(world.emails.plB));
    expect(toA?.subject).toBe("Påminnelse: rapport till Halvårsrapport 2099-1 senast 30 juni 2099 (Saknar rapport)");
    expect(toA?.text).toContain(`https://ansluta.example/initiatives/${missingA.id}/reporting`);
    expect(toB?.text).toContain(`https://ansluta.example/initiatives/${missingB.id}/reporting`);
    expect(before.some((m) => m.text.includes(submittedA.id))).toBe(false);

    // B reports after the first reminder; two days after the deadline nothing, three days after one "after" to A only.
    await postJson(
      await world.loginAs("plB"),
      `/api/v1/reporting-rounds/${round.id}/submissions`,
      { initiativeId: missingB.id },
      Submission,
    );
    await run("2099-07-02T08:00:00Z");
    await deliver();
    expect(mailsOf(round.name)).toHaveLength(2);
    await Promise.all([run("2099-07-03T08:00:00Z"), run("2099-07-03T08:00:00Z")]);
    await run("2099-07-10T08:00:00Z");
    await deliver();
    const after = mailsOf(round.name).filter((m) => m.subject.startsWith("Rapport saknas"));
    expect(after).toHaveLength(1);
    expect(after[0]?.to).toEqual([world.emails.plA]);
    expect(after[0]?.subject).toBe("Rapport saknas: Halvårsrapport 2099-1 (Saknar rapport)");
  });

  it("records each reminder once even when two rounds run without the lock, and sends nothing for a closed round", async () => {
    const fg = await world.loginAs("fg");
    const initiative = await world.seedInitiative({ name: "Utan lås" });
    const round = await postJson(
      fg,
      "/api/v1/reporting-rounds",
      { name: "Utan lås 2099", deadline: "2099-09-30", remindDaysBefore: 3 },
      Round,
    );
    const closed = await postJson(fg, "/api/v1/reporting-rounds", { name: "Stängd 2099", deadline: "2099-09-30" }, Round);
    await postJson(fg, `/api/v1/reporting-rounds/${closed.id}/close`, {}, Round, 200);
    const initiatives = [{ id: initiative.id, name: initiative.name, organisationId: world.orgA.id, projectManagerId: world.users.plA }];
    // Straight into the round's part, two transactions at once and no advisory lock: the key alone keeps it once.
    const runs = await Promise.all(
      Array.from({ length: 4 }, () =>
        world.db.transaction((tx) =>
          queueReportingReminders(tx, { now: new Date("2099-09-28T08:00:00Z"), baseUrl: "https://ansluta.example", initiatives }),
        ),
      ),
    );
    // The other mails are this initiative's "after" for the earlier test's round, whose deadline has passed.
    expect(runs.reduce((n, r) => n + r.mails, 0)).toBe(2);
    await deliver();
    expect(mailsOf("Utan lås 2099")).toHaveLength(1);
    expect(mailsOf("Stängd 2099")).toHaveLength(0);
    const recorded = (await world.db.select().from(reportingReminders)).filter((r) => r.roundId === round.id);
    expect(recorded).toEqual([expect.objectContaining({ initiativeId: initiative.id, kind: "before" })]);
  });

  it("mails the organisation's projektledare when the one the initiative names no longer holds the role", async () => {
    const fg = await world.loginAs("fg");
    const initiative = await world.seedInitiative({ name: "Utan projektledare" });
    // A läsare named as the initiative's projektledare (say, after her role was changed): she is not the one to report.
    await world.db.update(initiatives).set({ projectManagerId: world.users.readerA }).where(eq(initiatives.id, initiative.id));
    const round = await postJson(fg, "/api/v1/reporting-rounds", { name: "Reservmottagare 2099", deadline: "2099-11-30" }, Round);
    await run("2099-11-25T08:00:00Z");
    await deliver();
    const mails = mailsOf(round.name).filter((m) => m.text.includes(initiative.id));
    expect(mails.map((m) => m.to)).toEqual([[world.emails.plA]]);
  });
});

/** A quoted-printable UTF-8 body as text. */
const decodedText = (data: string) =>
  Buffer.from(
    data
      .slice(data.indexOf("\r\n\r\n") + 4)
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
    "latin1",
  ).toString("utf8");

/** A mail's Subject header, decoded from RFC 2047 encoded words (Swedish letters travel encoded). */
function decodedSubject(data: string): string {
  const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(data)?.[1] ?? "";
  return header
    .replace(/\r?\n[ \t]/g, " ")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
      enc.toLowerCase() === "b"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(
            text.replace(/_/g, " ").replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            "latin1",
          ).toString("utf8"),
    )
    .trim();
}
