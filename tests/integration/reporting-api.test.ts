import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, reportingSubmissions } from "../../src/db/schema.ts";
import { currentForecastMonth } from "../../src/domain/flows/initiative-forecast.ts";
import { stockholmDay } from "../../src/domain/follow-up/follow-up-rules.ts";
import { Benefit, Measurement } from "../../src/http/routes/benefits/benefits.schema.ts";
import { Flow } from "../../src/http/routes/flows/flows.schema.ts";
import { Round, RoundDetail, RoundList, Submission, SubmissionWithRound } from "../../src/http/routes/reporting/reporting.schema.ts";
import { type Api, getJson, postJson, useTestWorld } from "../support/test-world.ts";

/**
 * Reporting rounds (issue 14): the förvaltningsgrupp opens a round, each initiative's projektledare
 * submits a frozen report to it, the round shows who has and who has not with each report against
 * the one before, and a closed round takes no more.
 */
describe("reporting rounds", () => {
  const world = useTestWorld();
  let roundNumber = 0;
  const open = async (over: Record<string, unknown> = {}) =>
    postJson(
      await world.loginAs("fg"),
      "/api/v1/reporting-rounds",
      { name: `Halvårsrapport ${++roundNumber}`, deadline: "2099-06-30", ...over },
      Round,
    );
  const submit = (api: Api, roundId: string, body: Record<string, unknown>) =>
    api.post(`/api/v1/reporting-rounds/${roundId}/submissions`, body);
  const fields = (res: { json: () => unknown }) => (res.json() as { fields?: { path: string; code: string }[] }).fields ?? [];

  describe("opening a round", () => {
    it("opens a round for the förvaltningsgrupp, reminding 7 days before and 3 after unless told", async () => {
      const fg = await world.loginAs("fg");
      const round = await postJson(fg, "/api/v1/reporting-rounds", { name: "  Halvårsrapport 2027-1 ", deadline: "2099-03-31" }, Round);
      expect(round).toMatchObject({
        name: "Halvårsrapport 2027-1",
        deadline: "2099-03-31",
        remindDaysBefore: 7,
        remindDaysAfter: 3,
        open: true,
        closedAt: null,
      });
      const told = await postJson(
        fg,
        "/api/v1/reporting-rounds",
        { name: "Helårsrapport 2027", deadline: "2099-12-31", remindDaysBefore: 14, remindDaysAfter: 0 },
        Round,
      );
      expect(told).toMatchObject({ remindDaysBefore: 14, remindDaysAfter: 0 });
      const audit = await world.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "reporting_round.create"), eq(auditLog.entityId, round.id)));
      expect(audit).toHaveLength(1);
    });

    it("refuses everyone but the förvaltningsgrupp: 403 for the administrator and every organisation role, 401 without a token", async () => {
      for (const person of ["admin", "plA", "vaA", "sgA", "readerA", "consultant", "plB"] as const) {
        const res = await (await world.loginAs(person)).post("/api/v1/reporting-rounds", { name: `Av ${person}`, deadline: "2099-01-01" });
        expect(res.statusCode, person).toBe(403);
      }
      const anonymous = await world.app.inject({
        method: "POST",
        url: "/api/v1/reporting-rounds",
        payload: { name: "Anonym", deadline: "2099-01-01" },
      });
      expect(anonymous.statusCode).toBe(401);
    });

    it("refuses an empty name, a deadline that is no date or has passed, and reminder days out of range, naming each field", async () => {
      const fg = await world.loginAs("fg");
      const yesterday = stockholmDay(new Date(Date.now() - 86_400_000));
      const cases: [Record<string, unknown>, string, string][] = [
        [{ name: "", deadline: "2099-01-01" }, "name", "required"],
        [{ name: "   ", deadline: "2099-01-01" }, "name", "required"],
        [{ deadline: "2099-01-01" }, "name", "required"],
        [{ name: "x".repeat(201), deadline: "2099-01-01" }, "name", "too_long"],
        [{ name: "Fel datum" }, "deadline", "required"],
        [{ name: "Fel datum", deadline: "2099-02-30" }, "deadline", "date"],
        [{ name: "Fel datum", deadline: "31/12/2099" }, "deadline", "date"],
        [{ name: "Passerad", deadline: yesterday }, "deadline", "deadline_past"],
        [{ name: "Dagar", deadline: "2099-01-01", remindDaysBefore: 91 }, "remindDaysBefore", "reminder_days_range"],
        [{ name: "Dagar", deadline: "2099-01-01", remindDaysAfter: -1 }, "remindDaysAfter", "reminder_days_range"],
        [{ name: "Dagar", deadline: "2099-01-01", remindDaysAfter: 1.5 }, "remindDaysAfter", "whole_number"],
      ];
      for (const [body, path, code] of cases) {
        const res = await fg.post("/api/v1/reporting-rounds", body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().code).toBe("VALIDATION_FAILED");
        expect(fields(res), JSON.stringify(body)).toContainEqual(expect.objectContaining({ path, code }));
      }
      // Today, in Stockholm, is still in time.
      await postJson(fg, "/api/v1/reporting-rounds", { name: "Sista dag i dag", deadline: stockholmDay(new Date()) }, Round);
    });

    it("refuses a second round of the same name, whatever its case and spaces: 409", async () => {
      const fg = await world.loginAs("fg");
      await postJson(fg, "/api/v1/reporting-rounds", { name: "Kvartalsrapport Q1", deadline: "2099-01-01" }, Round);
      const again = await fg.post("/api/v1/reporting-rounds", { name: " kvartalsrapport q1 ", deadline: "2099-02-01" });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: "ALREADY_EXISTS" });
      expect(fields(again)).toContainEqual(expect.objectContaining({ path: "name", code: "round_name_taken" }));
    });
  });

  describe("submitting", () => {
    it("freezes the initiative's plan, forecast, benefits, phase and last decision, with the comment, once", async () => {
      const pl = await world.loginAs("plA");
      const initiative = await world.seedInitiative({ name: "Rapporterande initiativ", phase: 2 });
      const flow = await postJson(
        pl,
        `/api/v1/initiatives/${initiative.id}/flows`,
        {
          name: "Beslut om bygglov",
          recipientType: "privatperson",
          annualVolume: 12_000,
          plannedTestDate: "2020-01-01",
          plannedProductionDate: "2020-02-01",
          tactic: "formedlare",
          status: "i_produktion",
        },
        Flow,
      );
      const benefit = await postJson(
        pl,
        `/api/v1/initiatives/${initiative.id}/benefits`,
        {
          name: "Lägre portokostnad",
          metric: "Kronor per år",
          unit: "kr",
          category: "finansiell",
          beneficiary: "organisation",
          baselineValue: 100,
          baselineDate: "2020-01-01",
          targetValue: 50,
          targetDate: "2030-01-01",
        },
        Benefit,
      );
      await postJson(pl, `/api/v1/benefits/${benefit.id}/measurements`, { date: "2021-01-31", value: 75 }, Measurement);
      const round = await open();
      const submission = await postJson(
        pl,
        `/api/v1/reporting-rounds/${round.id}/submissions`,
        { initiativeId: initiative.id, comment: "Allt enligt plan." },
        Submission,
      );
      expect(submission).toMatchObject({
        roundId: round.id,
        initiativeId: initiative.id,
        organisationId: world.orgA.id,
        comment: "Allt enligt plan.",
        submittedByName: "pl-a",
      });
      const { snapshot } = submission;
      expect(snapshot.initiative).toEqual({ id: initiative.id, name: "Rapporterande initiativ" });
      expect(snapshot.organisation).toMatchObject({ id: world.orgA.id, name: "Sundsvalls kommun", kind: "kommun" });
      expect(snapshot.phase).toEqual({ current: 2, completed: false });
      expect(snapshot.lastDecision).toMatchObject({ numeral: "I", outcome: "go" });
      expect(snapshot.flows).toEqual([
        {
          id: flow.id,
          name: "Beslut om bygglov",
          recipientType: "privatperson",
          annualVolume: 12_000,
          plannedTestDate: "2020-01-01",
          plannedProductionDate: "2020-02-01",
          status: "i_produktion",
          tactic: "formedlare",
        },
      ]);
      // 60 months from the month the round was opened, and digital messages per calendar year summed from them.
      expect(snapshot.forecast.from).toBe(currentForecastMonth(new Date(round.createdAt)));
      expect(snapshot.forecast.months).toHaveLength(60);
      expect(snapshot.forecast.months[0]?.month).toBe(snapshot.forecast.from);
      const total = snapshot.forecast.months.reduce((n, m) => n + m.digital, 0);
      expect(total).toBeGreaterThan(0);
      expect(snapshot.forecast.digitalPerYear.reduce((n, y) => n + y.digital, 0)).toBe(total);
      expect(snapshot.forecast.digitalPerYear[0]?.year).toBe(Number(snapshot.forecast.from.slice(0, 4)));
      expect(snapshot.benefits).toEqual([
        expect.objectContaining({
          id: benefit.id,
          name: "Lägre portokostnad",
          category: "finansiell",
          beneficiary: "organisation",
          expected: 50,
          realised: 75,
          realisedOn: "2021-01-31",
          realisation: "delvis",
        }),
      ]);

      // The same answer read back, and the audit names the frozen snapshot by its hash.
      const read = await getJson(pl, `/api/v1/reporting-rounds/${round.id}/submissions/${submission.id}`, SubmissionWithRound);
      expect(read).toMatchObject({ id: submission.id, roundName: round.name, deadline: round.deadline, snapshot });
      const [entry] = await world.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "reporting_submission.create"), eq(auditLog.entityId, submission.id)));
      expect(entry?.organisationId).toBe(world.orgA.id);
      expect(entry?.after).toMatchObject({
        roundId: round.id,
        initiativeId: initiative.id,
        snapshotSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });

      // Frozen: a change to the plan afterwards leaves the submission as it was.
      await pl.put(`/api/v1/flows/${flow.id}`, { name: "Omdöpt", recipientType: "privatperson", annualVolume: 1 });
      const after = await getJson(pl, `/api/v1/reporting-rounds/${round.id}/submissions/${submission.id}`, SubmissionWithRound);
      expect(after.snapshot).toEqual(snapshot);

      const second = await submit(pl, round.id, { initiativeId: initiative.id });
      expect(second.statusCode).toBe(409);
      expect(second.json()).toMatchObject({ code: "ALREADY_EXISTS" });
    });

    it("takes a report only from the initiative's projektledare: 404 for another organisation, 403 for other roles and the förvaltningsgrupp", async () => {
      const { id } = await world.seedInitiative({ name: "Bara projektledaren" });
      const round = await open();
      expect((await submit(await world.loginAs("plB"), round.id, { initiativeId: id })).statusCode).toBe(404);
      for (const person of ["consultant", "vaA", "sgA", "readerA", "fg", "admin"] as const) {
        expect((await submit(await world.loginAs(person), round.id, { initiativeId: id })).statusCode, person).toBe(403);
      }
      // B's projektledare for her own initiative, and A's for A's: each 201.
      const own = await world.seedInitiative({ name: "B:s initiativ", by: "plB" });
      expect((await submit(await world.loginAs("plB"), round.id, { initiativeId: own.id })).statusCode).toBe(201);
      expect((await submit(await world.loginAs("plA"), round.id, { initiativeId: id })).statusCode).toBe(201);
      const stored = await world.db.select().from(reportingSubmissions).where(eq(reportingSubmissions.roundId, round.id));
      expect(stored).toHaveLength(2);
    });

    it("refuses a comment over 2,000 characters, a malformed or unknown initiative, and an unknown round", async () => {
      const pl = await world.loginAs("plA");
      const { id } = await world.seedInitiative({ name: "Lång kommentar" });
      const round = await open();
      const long = await submit(pl, round.id, { initiativeId: id, comment: "x".repeat(2001) });
      expect(long.statusCode).toBe(400);
      expect(fields(long)).toContainEqual(expect.objectContaining({ path: "comment", code: "too_long" }));
      const malformed = await submit(pl, round.id, { initiativeId: "inte-ett-id" });
      expect(malformed.statusCode).toBe(400);
      expect(fields(malformed)).toContainEqual(expect.objectContaining({ path: "initiativeId" }));
      expect((await submit(pl, round.id, { initiativeId: "00000000-0000-4000-8000-000000000000" })).statusCode).toBe(404);
      expect((await submit(pl, "00000000-0000-4000-8000-000000000000", { initiativeId: id })).statusCode).toBe(404);
      expect((await pl.post("/api/v1/reporting-rounds/inte-ett-id/submissions", { initiativeId: id })).statusCode).toBe(400);
      const exactly = await submit(pl, round.id, { initiativeId: id, comment: "å".repeat(2000) });
      expect(exactly.statusCode).toBe(201);
    });

    it("closes a round for the förvaltningsgrupp only, twice without error, and a closed round takes no more reports: 409", async () => {
      const pl = await world.loginAs("plA");
      const fg = await world.loginAs("fg");
      const { id } = await world.seedInitiative({ name: "För sent" });
      const round = await open();
      expect((await pl.post(`/api/v1/reporting-rounds/${round.id}/close`, {})).statusCode).toBe(403);
      expect((await (await world.loginAs("admin")).post(`/api/v1/reporting-rounds/${round.id}/close`, {})).statusCode).toBe(403);
      const closed = await postJson(fg, `/api/v1/reporting-rounds/${round.id}/close`, {}, Round, 200);
      expect(closed).toMatchObject({ open: false, closedAt: expect.any(String) });
      const again = await postJson(fg, `/api/v1/reporting-rounds/${round.id}/close`, {}, Round, 200);
      expect(again.closedAt).toBe(closed.closedAt);
      expect((await fg.post("/api/v1/reporting-rounds/00000000-0000-4000-8000-000000000000/close", {})).statusCode).toBe(404);
      const late = await submit(pl, round.id, { initiativeId: id });
      expect(late.statusCode).toBe(409);
      expect(late.json()).toMatchObject({ code: "ROUND_CLOSED" });
      const closes = await world.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "reporting_round.close"), eq(auditLog.entityId, round.id)));
      expect(closes).toHaveLength(1);
    });

    it("stores one report of many sent at once for one initiative: one 201, the rest 409", async () => {
      const pl = await world.loginAs("plA");
      const { id } = await world.seedInitiative({ name: "Samtidiga rapporter" });
      const round = await open();
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => submit(pl, round.id, { initiativeId: id, comment: `Försök ${i}` })),
      );
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      const stored = await world.db.select().from(reportingSubmissions).where(eq(reportingSubmissions.roundId, round.id));
      expect(stored).toHaveLength(1);
      const winner = Submission.parse(answers.find((a) => a.statusCode === 201)?.json());
      expect(stored[0]?.id).toBe(winner.id);
      const audited = await world.db.select().from(auditLog).where(eq(auditLog.action, "reporting_submission.create"));
      expect(audited.filter((e) => (e.after as { roundId?: string }).roundId === round.id)).toHaveLength(1);
    });
  });

  describe("at the same moment", () => {
    it("opens one round of a name sent several times at once: one 201, the rest 409", async () => {
      const fg = await world.loginAs("fg");
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => fg.post("/api/v1/reporting-rounds", { name: "Samtidig omgång", deadline: "2099-01-01" })),
      );
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      const list = await getJson(fg, "/api/v1/reporting-rounds", RoundList);
      expect(list.rounds.filter((r) => r.name === "Samtidig omgång")).toHaveLength(1);
      const created = Round.parse(answers.find((a) => a.statusCode === 201)?.json());
      const audited = await world.db.select().from(auditLog).where(eq(auditLog.action, "reporting_round.create"));
      expect(audited.filter((e) => e.entityId === created.id)).toHaveLength(1);
    });

    it("closes a round once when closed several times at once: every answer 200 with the same moment, one audit entry", async () => {
      const fg = await world.loginAs("fg");
      const round = await open();
      const answers = await Promise.all(Array.from({ length: 6 }, () => fg.post(`/api/v1/reporting-rounds/${round.id}/close`, {})));
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(new Set(answers.map((a) => Round.parse(a.json()).closedAt)).size).toBe(1);
      const closes = await world.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "reporting_round.close"), eq(auditLog.entityId, round.id)));
      expect(closes).toHaveLength(1);
    });

    it("lets a report and a close at the same moment end either way, never a report stored that was refused, nor one lost that was taken", async () => {
      const pl = await world.loginAs("plA");
      const fg = await world.loginAs("fg");
      const { id } = await world.seedInitiative({ name: "Stängs samtidigt" });
      const round = await open();
      const [report, close] = await Promise.all([
        submit(pl, round.id, { initiativeId: id }),
        fg.post(`/api/v1/reporting-rounds/${round.id}/close`, {}),
      ]);
      expect(close.statusCode).toBe(200);
      const stored = await world.db.select().from(reportingSubmissions).where(eq(reportingSubmissions.roundId, round.id));
      if (report.statusCode === 201) expect(stored).toHaveLength(1);
      else {
        expect(report.json()).toMatchObject({ code: "ROUND_CLOSED" });
        expect(stored).toHaveLength(0);
      }
    });
  });

  describe("reading a round", () => {
    it("shows the förvaltningsgrupp every organisation's active initiatives, submitted or missing, with counts", async () => {
      const fg = await world.loginAs("fg");
      const submitted = await world.seedInitiative({ name: "Inlämnat" });
      const missing = await world.seedInitiative({ name: "Saknas" });
      const ofB = await world.seedInitiative({ name: "B saknas", by: "plB" });
      const round = await open();
      await postJson(
        await world.loginAs("plA"),
        `/api/v1/reporting-rounds/${round.id}/submissions`,
        { initiativeId: submitted.id, comment: "Klart" },
        Submission,
      );

      const detail = await getJson(fg, `/api/v1/reporting-rounds/${round.id}`, RoundDetail);
      expect(detail.permissions).toEqual({ close: true });
      const a = detail.organisations.find((o) => o.organisationId === world.orgA.id);
      const b = detail.organisations.find((o) => o.organisationId === world.orgB.id);
      expect(a?.initiatives.find((i) => i.initiativeId === submitted.id)).toMatchObject({
        status: "submitted",
        submission: { submittedByName: "pl-a", comment: "Klart" },
        comparison: null,
      });
      expect(a?.initiatives.find((i) => i.initiativeId === missing.id)).toMatchObject({ status: "missing", submission: null });
      expect(b?.initiatives.find((i) => i.initiativeId === ofB.id)).toMatchObject({ status: "missing" });
      expect(detail.counts.submitted).toBe(1);
      expect(detail.counts.initiatives).toBe(detail.organisations.reduce((n, o) => n + o.initiatives.length, 0));
      expect(detail.counts.missing).toBe(detail.counts.initiatives - 1);
      expect(detail.counts.organisations).toBe(2);

      const list = await getJson(fg, "/api/v1/reporting-rounds", RoundList);
      expect(list.rounds.find((r) => r.id === round.id)).toMatchObject({ name: round.name, submitted: 1 });
      expect((await fg.get("/api/v1/reporting-rounds/00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    });

    it("shows a projektledare the round with her own organisation's initiatives only, and nothing to other roles", async () => {
      const ofA = await world.seedInitiative({ name: "A:s rapport" });
      const round = await open();
      await postJson(
        await world.loginAs("plA"),
        `/api/v1/reporting-rounds/${round.id}/submissions`,
        { initiativeId: ofA.id, comment: "Hemligt för B" },
        Submission,
      );
      const plB = await world.loginAs("plB");
      const res = await plB.get(`/api/v1/reporting-rounds/${round.id}`);
      const seen = RoundDetail.parse(res.json());
      expect(seen.organisations.map((o) => o.organisationId)).toEqual([world.orgB.id]);
      expect(seen.permissions).toEqual({ close: false });
      expect(res.body).not.toContain(world.orgA.id);
      expect(res.body).not.toContain("Hemligt för B");
      const list = await getJson(plB, "/api/v1/reporting-rounds", RoundList);
      expect(list.rounds.find((r) => r.id === round.id)).toMatchObject({ name: round.name, deadline: round.deadline, submitted: null });
      const seenByA = await getJson(await world.loginAs("plA"), `/api/v1/reporting-rounds/${round.id}`, RoundDetail);
      expect(seenByA.organisations.map((o) => o.organisationId)).toEqual([world.orgA.id]);
      for (const person of ["readerA", "vaA", "consultant", "admin"] as const) {
        expect((await (await world.loginAs(person)).get(`/api/v1/reporting-rounds/${round.id}`)).statusCode, person).toBe(403);
        expect((await (await world.loginAs(person)).get("/api/v1/reporting-rounds")).statusCode, person).toBe(403);
      }
    });

    it("compares each report with the initiative's report to the round before: digital messages per year, planned production per flow", async () => {
      const pl = await world.loginAs("plA");
      const fg = await world.loginAs("fg");
      const { id } = await world.seedInitiative({ name: "Jämförs" });
      const flowBody = { name: "Påminnelser", recipientType: "privatperson", annualVolume: 12_000, plannedProductionDate: "2020-03-01" };
      const flow = await postJson(pl, `/api/v1/initiatives/${id}/flows`, flowBody, Flow);
      const first = await open();
      await postJson(pl, `/api/v1/reporting-rounds/${first.id}/submissions`, { initiativeId: id }, Submission);
      // Twice the volume, production a month later, and a flow added.
      await pl.put(`/api/v1/flows/${flow.id}`, { ...flowBody, annualVolume: 24_000, plannedProductionDate: "2020-03-31" });
      const added = await postJson(
        pl,
        `/api/v1/initiatives/${id}/flows`,
        { name: "Nytt flöde", recipientType: "foretag", annualVolume: 100 },
        Flow,
      );
      const second = await open();
      const report = await postJson(pl, `/api/v1/reporting-rounds/${second.id}/submissions`, { initiativeId: id }, Submission);

      const detail = await getJson(fg, `/api/v1/reporting-rounds/${second.id}`, RoundDetail);
      const row = detail.organisations.flatMap((o) => o.initiatives).find((i) => i.initiativeId === id);
      const comparison = row?.comparison;
      expect(comparison?.previousRoundName).toBe(first.name);
      const [year] = report.snapshot.forecast.digitalPerYear;
      const firstYear = comparison?.digitalPerYear[0];
      expect(firstYear?.year).toBe(year?.year);
      expect(firstYear?.now).toBe(year?.digital);
      expect(firstYear?.difference).toBe((firstYear?.now ?? 0) - (firstYear?.previous ?? 0));
      expect(firstYear?.difference).toBeGreaterThan(0);
      expect(comparison?.productionDates).toEqual(
        expect.arrayContaining([
          { flowId: flow.id, name: "Påminnelser", previous: "2020-03-01", now: "2020-03-31", differenceDays: 30 },
          { flowId: added.id, name: "Nytt flöde", previous: null, now: null, differenceDays: null },
        ]),
      );
    });
  });

  describe("reading a submission", () => {
    it("shows the frozen report to the förvaltningsgrupp and the organisation's members; 404 to others, 403 to the administrator", async () => {
      const { id } = await world.seedInitiative({ name: "Läsbar rapport" });
      const round = await open();
      const other = await open();
      const submission = await postJson(
        await world.loginAs("plA"),
        `/api/v1/reporting-rounds/${round.id}/submissions`,
        { initiativeId: id },
        Submission,
      );
      const url = `/api/v1/reporting-rounds/${round.id}/submissions/${submission.id}`;
      for (const person of ["fg", "plA", "vaA", "readerA", "consultant"] as const) {
        expect((await (await world.loginAs(person)).get(url)).statusCode, person).toBe(200);
      }
      expect((await (await world.loginAs("plB")).get(url)).statusCode).toBe(404);
      expect((await (await world.loginAs("admin")).get(url)).statusCode).toBe(403);
      // Under another round's id it is not found, even for the förvaltningsgrupp.
      expect((await (await world.loginAs("fg")).get(`/api/v1/reporting-rounds/${other.id}/submissions/${submission.id}`)).statusCode).toBe(
        404,
      );
    });
  });
});
