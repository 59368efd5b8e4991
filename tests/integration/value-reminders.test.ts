import { describe, expect, it } from "vitest";
import { benefitMeasurements, benefits } from "../../src/db/schema.ts";
import { SYSTEM_ACTOR } from "../../src/domain/access/actor.ts";
import { runReminders } from "../../src/domain/follow-up/run-reminders.ts";
import { listOutbox } from "../../src/domain/mail/list-outbox.ts";
import { Risk } from "../../src/http/routes/risks/risks.schema.ts";
import { MyTasks } from "../../src/http/routes/tasks/tasks.schema.ts";
import { type Api, getJson, postJson, useTestWorld } from "../support/test-world.ts";

const tasksOf = async (api: Api) => (await getJson(api, "/api/v1/me/tasks", MyTasks)).tasks;

/**
 * Issue 12's reminders: an overdue risk review reaches its owner's task list (the projektledare's
 * without a member owner), a due benefit measurement its measurer's, and each is mailed once.
 */
describe("reminders of risks and benefits", () => {
  const world = useTestWorld();
  const mailsLinking = async (path: string) =>
    (await listOutbox({ db: world.db, actor: SYSTEM_ACTOR, limit: 1000 })).filter((m) => m.text.includes(path));

  /** A benefit of the plan, written straight to its table: its API is another part of the issue. */
  const seedBenefit = async (initiativeId: string, over: Partial<typeof benefits.$inferInsert> = {}) => {
    const [row] = await world.db
      .insert(benefits)
      .values({
        initiativeId,
        name: "Lägre portokostnad",
        metric: "Kronor per år",
        unit: "kr",
        baselineValue: 120_000,
        baselineDate: "2020-01-31",
        targetValue: 40_000,
        targetDate: "2030-12-31",
        frequencyMonths: 1,
        ...over,
      })
      .returning();
    if (!row) throw new Error("no benefit");
    return row;
  };

  it("puts an overdue risk review in its owner's tasks, and in the projektledare's when no member owns it", async () => {
    const [pl, consultant] = [await world.loginAs("plA"), await world.loginAs("consultant")];
    const { id } = await world.seedInitiative({ name: "Risker att följa upp" });
    const url = `/api/v1/initiatives/${id}/risks`;
    const base = { category: "leverantor", probability: 3, consequence: 4 };
    const owned = await postJson(
      pl,
      url,
      { ...base, title: "Sen leverans", ownerUserId: world.users.consultant, reviewDate: "2020-01-15" },
      Risk,
    );
    const unowned = await postJson(pl, url, { ...base, title: "Ny jurist", owner: "Extern jurist", reviewDate: "2020-02-01" }, Risk);
    await postJson(
      pl,
      url,
      { ...base, title: "Stängd", ownerUserId: world.users.consultant, reviewDate: "2020-01-15", status: "stangd" },
      Risk,
    );
    await postJson(pl, url, { ...base, title: "Framtida", ownerUserId: world.users.consultant, reviewDate: "2999-01-01" }, Risk);

    const consultantRisks = (await tasksOf(consultant)).filter((t) => t.kind === "review_risk");
    expect(consultantRisks).toEqual([
      { kind: "review_risk", initiativeId: id, title: "Följ upp risken Sen leverans", dueDate: "2020-01-15", href: `/risks/${owned.id}` },
    ]);
    const plRisks = (await tasksOf(pl)).filter((t) => t.kind === "review_risk" && t.initiativeId === id);
    expect(plRisks.map((t) => t.href)).toEqual([`/risks/${unowned.id}`]);

    // The start page lists it under its own heading, linked, overdue said in words.
    const start = await (await world.browserAs("consultant")).get("/");
    expect(start.body).toContain("Risker att följa upp");
    expect(start.body).toContain(`href="/risks/${owned.id}"`);
    expect(start.body).toContain("Försenad");
  });

  it("puts a due benefit measurement in the measurer's tasks, counting from the latest measurement", async () => {
    const [pl, consultant] = [await world.loginAs("plA"), await world.loginAs("consultant")];
    const { id } = await world.seedInitiative({ name: "Nyttor att mäta" });
    const measured = await seedBenefit(id, { measuredByUserId: world.users.consultant, ownerUserId: world.users.vaA });
    const ownerOnly = await seedBenefit(id, { name: "Kortare handläggning", ownerUserId: world.users.consultant });
    await seedBenefit(id, { name: "Utan frekvens", frequencyMonths: null, measuredByUserId: world.users.consultant });
    const nobody = await seedBenefit(id, { name: "Ingen mätare" });

    const due = (await tasksOf(consultant)).filter((t) => t.kind === "measure_benefit");
    expect(due).toEqual(
      expect.arrayContaining([
        {
          kind: "measure_benefit",
          initiativeId: id,
          title: "Mät nyttan Lägre portokostnad",
          dueDate: "2020-02-29",
          href: `/benefits/${measured.id}`,
        },
        expect.objectContaining({ href: `/benefits/${ownerOnly.id}` }),
      ]),
    );
    expect(due).toHaveLength(2);
    expect((await tasksOf(pl)).filter((t) => t.kind === "measure_benefit").map((t) => t.href)).toEqual([`/benefits/${nobody.id}`]);

    // Measured today: the next is a month away, so nothing is due.
    const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date());
    await world.db.insert(benefitMeasurements).values({ benefitId: measured.id, date: today, value: 100_000 });
    expect((await tasksOf(consultant)).filter((t) => t.kind === "measure_benefit").map((t) => t.href)).toEqual([
      `/benefits/${ownerOnly.id}`,
    ]);
  });

  it("mails each overdue review and due measurement once, to the member responsible, however many rounds run", async () => {
    const pl = await world.loginAs("plA");
    const { id } = await world.seedInitiative({ name: "Påminnelser om risker" });
    const risk = await postJson(
      pl,
      `/api/v1/initiatives/${id}/risks`,
      {
        title: "Avtalet löper ut",
        category: "juridik",
        probability: 2,
        consequence: 5,
        ownerUserId: world.users.consultant,
        reviewDate: "2027-03-01",
      },
      Risk,
    );
    const benefit = await seedBenefit(id, { baselineDate: "2027-01-31", measuredByUserId: world.users.consultant });
    const run = (iso: string) => runReminders({ db: world.db, now: new Date(iso), daysAhead: 7, baseUrl: "http://ansluta.test" });

    expect(await run("2027-02-27T08:00:00Z")).toMatchObject({ ran: true });
    expect(await mailsLinking(`/risks/${risk.id}`)).toHaveLength(0);
    expect(await mailsLinking(`/benefits/${benefit.id}`)).toHaveLength(0);

    // 28 February: the measurement (31 January + 1 month) is due; the review (1 March) not yet overdue.
    await run("2027-02-28T08:00:00Z");
    const [measurementMail] = await mailsLinking(`/benefits/${benefit.id}`);
    expect(measurementMail).toMatchObject({ to: world.emails.consultant });
    expect(measurementMail?.subject).toBe("Dags att mäta nyttan Lägre portokostnad (Påminnelser om risker)");
    expect(await mailsLinking(`/risks/${risk.id}`)).toHaveLength(0);

    const rounds = await Promise.all(Array.from({ length: 6 }, () => run("2027-03-02T08:00:00Z")));
    expect(rounds.filter((r) => r.ran).length).toBeGreaterThanOrEqual(1);
    await run("2027-03-05T08:00:00Z");
    const riskMails = await mailsLinking(`/risks/${risk.id}`);
    expect(riskMails).toHaveLength(1);
    expect(riskMails[0]).toMatchObject({
      to: world.emails.consultant,
      subject: "Följ upp risken Avtalet löper ut (Påminnelser om risker)",
    });
    expect(riskMails[0]?.text).toContain(`http://ansluta.test/risks/${risk.id}`);
    expect(await mailsLinking(`/benefits/${benefit.id}`)).toHaveLength(1);
  });
});
