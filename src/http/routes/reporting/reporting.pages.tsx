import { z } from "zod";
import { can } from "../../../domain/access/policy.ts";
import { parseNumber } from "../../../domain/flows/import/import-values.ts";
import { CreateRoundInput, SubmissionInput } from "../../../domain/reporting/reporting-input.ts";
import { closeRound, createRound, roundsToManage, roundToManage } from "../../../domain/reporting/reporting-rounds.ts";
import { getSubmission, initiativeReporting, submitReport } from "../../../domain/reporting/submit-report.ts";
import { forbidden } from "../../../domain/shared/domain-error.ts";
import { format } from "../../../i18n/index.ts";
import { commentField, InitiativeReportingPage } from "../../../ui/pages/reporting/initiative-reporting-page.tsx";
import { initiativeReportingHref, roundHref } from "../../../ui/pages/reporting/reporting-parts.tsx";
import { RoundPage } from "../../../ui/pages/reporting/round-page.tsx";
import { EMPTY_ROUND, type RoundFormValues, RoundsPage } from "../../../ui/pages/reporting/rounds-page.tsx";
import { SubmissionPage } from "../../../ui/pages/reporting/submission-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { type FormValues, normaliseText, str } from "../../form.ts";
import { redirect } from "../../page-route.ts";
import { ids } from "../../path-id.ts";

/** A number as typed; what is no number stays text for the schema to name. */
const typedNumber = (text: string) => {
  if (text.trim() === "") return undefined;
  const read = parseNumber(text);
  return read.ok ? read.value : text;
};

const readRound = (values: FormValues): RoundFormValues => ({
  name: str(values, "name"),
  deadline: str(values, "deadline").trim(),
  remindDaysBefore: str(values, "remindDaysBefore"),
  remindDaysAfter: str(values, "remindDaysAfter"),
});

const CommentInput = SubmissionInput.pick({ comment: true });

/**
 * Reporting rounds' pages (issue 14): the förvaltningsgrupp's rounds, opening and closing one, who
 * has submitted to it; an initiative's reporting, where its projektledare reviews and submits; and a
 * submitted report as it was frozen.
 */
export function reportingPages({ page, db }: AppScope) {
  page({
    method: "GET",
    url: "/reporting-rounds",
    access: "session",
    load: ({ actor }) => roundsToManage({ db, actor }),
    render:
      ({ loaded }) =>
      (ctx) => <RoundsPage ctx={ctx} rounds={loaded} values={EMPTY_ROUND} />,
  });

  page({
    method: "POST",
    url: "/reporting-rounds",
    access: "session",
    load: ({ actor }) => roundsToManage({ db, actor }),
    form: {
      read: readRound,
      schema: CreateRoundInput,
      input: (shown) => ({
        ...shown,
        remindDaysBefore: typedNumber(shown.remindDaysBefore),
        remindDaysAfter: typedNumber(shown.remindDaysAfter),
      }),
    },
    render:
      ({ loaded, form }) =>
      (ctx) => <RoundsPage ctx={ctx} rounds={loaded} values={form?.values ?? EMPTY_ROUND} errors={form?.errors} />,
    handle: async ({ actor, now, m, data }) => {
      const round = await createRound({ db, actor, now, input: data });
      return redirect(roundHref(round.id), format(m.reporting.created, { name: round.name }));
    },
  });

  page({
    method: "GET",
    url: "/reporting-rounds/:roundId",
    access: "session",
    params: ids("roundId"),
    load: ({ actor, now, params }) => roundToManage({ db, actor, now, roundId: params.roundId }),
    render:
      ({ loaded }) =>
      (ctx) => <RoundPage ctx={ctx} round={loaded} />,
  });

  page({
    method: "POST",
    url: "/reporting-rounds/:roundId/close",
    access: "session",
    params: ids("roundId"),
    handle: async ({ actor, now, m, params }) => {
      const round = await closeRound({ db, actor, now, roundId: params.roundId });
      return redirect(roundHref(round.id), format(m.reporting.closedNotice, { name: round.name }));
    },
  });

  page({
    method: "GET",
    url: "/reporting-rounds/:roundId/submissions/:submissionId",
    access: "session",
    params: ids("roundId", "submissionId"),
    load: ({ actor, params }) => getSubmission({ db, actor, roundId: params.roundId, submissionId: params.submissionId }),
    render:
      ({ actor, loaded }) =>
      (ctx) => <SubmissionPage ctx={ctx} submission={loaded} back={can(actor, { action: "reporting:manage" }) ? "round" : "initiative"} />,
  });

  page({
    method: "GET",
    url: "/initiatives/:initiativeId/reporting",
    access: "session",
    params: ids("initiativeId"),
    load: ({ actor, now, params }) => initiativeReporting({ db, actor, now, initiativeId: params.initiativeId }),
    render:
      ({ loaded }) =>
      (ctx) => <InitiativeReportingPage ctx={ctx} reporting={loaded} />,
  });

  page({
    method: "POST",
    url: "/initiatives/:initiativeId/reporting/:roundId",
    access: "session",
    params: z.object({ initiativeId: z.uuid(), roundId: z.uuid() }),
    load: async ({ actor, now, params }) => {
      const reporting = await initiativeReporting({ db, actor, now, initiativeId: params.initiativeId });
      // Only the projektledare hears what was wrong with the form; anyone else is refused before it is read.
      if (!reporting.canSubmit) throw forbidden("not the initiative's projektledare");
      return { ...reporting, roundId: params.roundId };
    },
    form: {
      read: (values, loaded) => ({ comment: normaliseText(str(values, commentField(loaded.roundId))) }),
      schema: CommentInput,
      issues: (issues, loaded) => issues.map((i) => ({ field: commentField(loaded.roundId), code: i.code })),
    },
    render:
      ({ loaded, form }) =>
      (ctx) => (
        <InitiativeReportingPage
          ctx={ctx}
          reporting={loaded}
          errorsFor={loaded.roundId}
          comment={form?.values.comment}
          errors={form?.errors}
        />
      ),
    handle: async ({ actor, now, m, params, data, loaded }) => {
      await submitReport({ db, actor, now, roundId: params.roundId, input: { initiativeId: params.initiativeId, comment: data.comment } });
      const round = loaded.open.find((o) => o.round.id === params.roundId)?.round.name ?? "";
      return redirect(initiativeReportingHref(params.initiativeId), format(m.reporting.submittedNotice, { round }));
    },
    refused: (error, { m, params }) =>
      error.code === "ROUND_CLOSED"
        ? redirect(initiativeReportingHref(params.initiativeId), m.reporting.roundClosed)
        : error.code === "ALREADY_EXISTS"
          ? redirect(initiativeReportingHref(params.initiativeId), m.reporting.alreadySubmitted)
          : undefined,
  });
}
