import { CreateRoundInput, SubmissionInput } from "../../../domain/reporting/reporting-input.ts";
import { closeRound, createRound, getRound, listRounds } from "../../../domain/reporting/reporting-rounds.ts";
import { getSubmission, submitReport } from "../../../domain/reporting/submit-report.ts";
import type { AppScope } from "../../app-scope.ts";
import { Round, RoundDetail, RoundList, RoundParams, Submission, SubmissionParams, SubmissionWithRound } from "./reporting.schema.ts";

/** Reporting rounds (issue 14): opened and closed by the förvaltningsgrupp, submitted to by each initiative's projektledare. */
export function reportingApi({ db, api }: AppScope) {
  api({
    method: "POST",
    url: "/api/v1/reporting-rounds",
    summary:
      "Open a reporting round (förvaltningsgrupp only): a name no other round has and a deadline not before today in Stockholm; reminders the given days before and after it",
    tag: "reporting",
    access: "authenticated",
    body: CreateRoundInput,
    conflict: "ALREADY_EXISTS: another round has this name (any case, surrounding spaces ignored)",
    response: { status: 201, schema: Round },
    handler: ({ actor, now, body }) => createRound({ db, actor, now, input: body }),
  });

  api({
    method: "GET",
    url: "/api/v1/reporting-rounds",
    summary: "The reporting rounds, the latest deadline first: for the förvaltningsgrupp and projektledare",
    tag: "reporting",
    access: "authenticated",
    response: { status: 200, schema: RoundList },
    handler: async ({ actor }) => ({ rounds: await listRounds({ db, actor }) }),
  });

  api({
    method: "GET",
    url: "/api/v1/reporting-rounds/:roundId",
    summary:
      "A round: per organisation each initiative not completed, submitted or missing, with its report compared with its previous one. The förvaltningsgrupp sees every organisation, a projektledare her own",
    tag: "reporting",
    access: "authenticated",
    params: RoundParams,
    response: { status: 200, schema: RoundDetail },
    handler: ({ actor, now, params }) => getRound({ db, actor, now, roundId: params.roundId }),
  });

  api({
    method: "POST",
    url: "/api/v1/reporting-rounds/:roundId/close",
    summary:
      "Close a round (förvaltningsgrupp only): it takes no more submissions and sends no more reminders; closing a closed round changes nothing",
    tag: "reporting",
    access: "authenticated",
    params: RoundParams,
    response: { status: 200, schema: Round },
    handler: ({ actor, now, params }) => closeRound({ db, actor, now, roundId: params.roundId }),
  });

  api({
    method: "POST",
    url: "/api/v1/reporting-rounds/:roundId/submissions",
    summary:
      "Submit an initiative's report to an open round (its organisation's projektledare): its plan, forecast, benefits, phase and last decision are frozen now",
    tag: "reporting",
    access: "authenticated",
    params: RoundParams,
    body: SubmissionInput,
    conflict: "ALREADY_EXISTS: the initiative has submitted to this round already; ROUND_CLOSED: the round is closed",
    response: { status: 201, schema: Submission },
    handler: ({ actor, now, params, body }) => submitReport({ db, actor, now, roundId: params.roundId, input: body }),
  });

  api({
    method: "GET",
    url: "/api/v1/reporting-rounds/:roundId/submissions/:submissionId",
    summary: "A submitted report as it was frozen: for the förvaltningsgrupp and the members of the initiative's organisation",
    tag: "reporting",
    access: "authenticated",
    params: SubmissionParams,
    response: { status: 200, schema: SubmissionWithRound },
    handler: ({ actor, params }) => getSubmission({ db, actor, roundId: params.roundId, submissionId: params.submissionId }),
  });
}
