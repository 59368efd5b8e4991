import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { authorize } from "../../../domain/access/policy.ts";
import { listCommunications, markCommunicationRead } from "../../../domain/communications/communications-inbox.ts";
import { permissionsFor, readableInitiative } from "../../../domain/initiatives/read-initiatives.ts";
import { requiredReports } from "../../../domain/milestones/communications.ts";
import { decideMilestone, milestoneOrThrow } from "../../../domain/milestones/decide-milestone.ts";
import { DecisionInput, PROPOSAL_MAX_LENGTH } from "../../../domain/milestones/decision-input.ts";
import { getReadiness, listDecisions } from "../../../domain/milestones/milestone-queries.ts";
import { prepareDecisionPoints } from "../../../domain/milestones/prepare-decision-points.ts";
import { DomainError, type FieldIssue } from "../../../domain/shared/domain-error.ts";
import { fieldIssues } from "../../../domain/shared/zod-issues.ts";
import { messagesFor } from "../../../i18n/index.ts";
import type { Milestone } from "../../../method/types.ts";
import type { FormErrors } from "../../../ui/page-context.ts";
import {
  CONDITION_ROWS,
  type CurrentDecision,
  DecisionFormPage,
  type DecisionFormValues,
  SUPERSEDES_FIELD,
} from "../../../ui/pages/milestones/decision-form-page.tsx";
import { InboxPage } from "../../../ui/pages/milestones/inbox-page.tsx";
import { MilestonePage } from "../../../ui/pages/milestones/milestone-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { setFlash } from "../../cookies.ts";
import { firstPerField, formValues, str } from "../../form.ts";
import { requireSession, sendPage } from "../../render.ts";

type Params = { Params: { initiativeId: string; numeral: string } };

function initiativeIdOf(value: string) {
  const r = z.uuid().safeParse(value);
  if (!r.success) throw new DomainError("NOT_FOUND", "initiative not found");
  return r.data;
}

/** The decision form's flat fields, turned into the API's decision body. */
function decisionFromForm(milestone: Milestone, v: DecisionFormValues) {
  const conditions = CONDITION_ROWS.map((i) => ({
    text: v[`condition-${i}-text`] ?? "",
    owner: v[`condition-${i}-owner`] ?? "",
    dueDate: v[`condition-${i}-dueDate`] ?? "",
  })).filter((c) => c.text || c.owner || c.dueDate);
  const volume = (v.volume ?? "").replace(/\s/g, "");
  return {
    outcome: v.outcome ?? "",
    decisionPoints: milestone.decisionPoints.map((dp) => ({
      id: dp.id,
      answer: v[`answer-${dp.id}`] ?? "",
      motivation: v[`motivation-${dp.id}`] ?? "",
    })),
    conditions,
    decidedOn: v.decidedOn ?? "",
    minutes: v.minutes ?? "",
    diarienummer: v.diarienummer ?? "",
    incompleteBasisReason: v.incompleteBasisReason ?? "",
    reported: { timeline: v.timeline ?? "", messageVolumePerYear: volume === "" ? null : Number(volume), volumeNote: v.volumeNote ?? "" },
    supersedes: v[SUPERSEDES_FIELD] || null,
  };
}

/** Where on the form each problem in the decision body belongs. */
function formErrorsOf(milestone: Milestone, issues: FieldIssue[]): FormErrors {
  const field = (path: (string | number)[]): string => {
    const [head, second, third] = path;
    if (head === "decisionPoints") {
      const id = typeof second === "number" ? milestone.decisionPoints[second]?.id : second;
      return `${third === "motivation" ? "motivation" : "answer"}-${id}`;
    }
    if (head === "conditions") return typeof second === "number" ? `condition-${second}-${third ?? "text"}` : "condition-0-text";
    if (head === "reported") return second === "messageVolumePerYear" ? "volume" : second === "volumeNote" ? "volumeNote" : "timeline";
    return String(head ?? "outcome");
  };
  return firstPerField(issues.map((i) => ({ field: field(i.path), code: i.code })));
}

export function milestonesPages({ app, db, mailQueued }: AppScope) {
  const load = async (request: FastifyRequest<Params>, reply: FastifyReply) => {
    const auth = requireSession(request, reply);
    if (!auth) return null;
    const initiative = await readableInitiative({ db, actor: auth.actor }, initiativeIdOf(request.params.initiativeId));
    const milestone = milestoneOrThrow(request.params.numeral);
    return { auth, initiative, milestone, permissions: permissionsFor(auth.actor, initiative) };
  };

  /** The milestone's current decision, which a decision made on the form supersedes. */
  const currentDecision = async (loaded: NonNullable<Awaited<ReturnType<typeof load>>>): Promise<CurrentDecision | null> => {
    const decisions = await listDecisions({
      db,
      actor: loaded.auth.actor,
      initiativeId: loaded.initiative.id,
      numeral: loaded.milestone.numeral,
    });
    const current = decisions.find((d) => d.current);
    return current
      ? { id: current.id, outcome: current.outcome, decidedOn: current.decidedOn, decidedByName: current.decidedBy.name }
      : null;
  };

  app.get<Params>("/initiatives/:initiativeId/milestones/:numeral", async (request, reply) => {
    const loaded = await load(request, reply);
    if (!loaded) return reply;
    const { auth, initiative, milestone, permissions } = loaded;
    const [readiness, decisions] = await Promise.all([
      getReadiness({ db, actor: auth.actor, initiativeId: initiative.id, numeral: milestone.numeral }),
      listDecisions({ db, actor: auth.actor, initiativeId: initiative.id, numeral: milestone.numeral }),
    ]);
    return sendPage(request, reply, (ctx) => (
      <MilestonePage
        ctx={ctx}
        initiative={initiative}
        milestone={milestone}
        readiness={readiness}
        decisions={decisions}
        canWork={permissions.work}
        canDecide={permissions.decide.includes(milestone.numeral)}
      />
    ));
  });

  app.post<Params>("/initiatives/:initiativeId/milestones/:numeral/preparations", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    // Who may prepare is settled before the form is read: the team, no one else.
    const initiative = await readableInitiative({ db, actor: auth.actor }, initiativeIdOf(request.params.initiativeId));
    authorize(auth.actor, { action: "initiative:work", organisationId: initiative.organisationId });
    const milestone = milestoneOrThrow(request.params.numeral);
    const raw = formValues(request.body);
    const proposals = Object.fromEntries(milestone.decisionPoints.map((dp) => [dp.id, str(raw, `proposal-${dp.id}`).trim()]));
    const errors: FormErrors = milestone.decisionPoints
      .filter((dp) => (proposals[dp.id] ?? "").length > PROPOSAL_MAX_LENGTH)
      .map((dp) => ({ field: `proposal-${dp.id}`, code: "too_long" }));
    if (errors.length) {
      // Shown again with everything as typed: no proposal is lost because another one was too long.
      const [readiness, decisions] = await Promise.all([
        getReadiness({ db, actor: auth.actor, initiativeId: initiative.id, numeral: milestone.numeral }),
        listDecisions({ db, actor: auth.actor, initiativeId: initiative.id, numeral: milestone.numeral }),
      ]);
      const permissions = permissionsFor(auth.actor, initiative);
      return sendPage(
        request,
        reply,
        (ctx) => (
          <MilestonePage
            ctx={ctx}
            initiative={initiative}
            milestone={milestone}
            readiness={readiness}
            decisions={decisions}
            canWork={permissions.work}
            canDecide={permissions.decide.includes(milestone.numeral)}
            proposals={proposals}
            errors={errors}
          />
        ),
        400,
      );
    }
    // An empty proposal leaves its decision point as it is: unprepared, or prepared as before.
    await prepareDecisionPoints({
      db,
      actor: auth.actor,
      now: request.now,
      initiativeId: initiative.id,
      numeral: milestone.numeral,
      proposals: Object.entries(proposals)
        .filter(([, proposal]) => proposal !== "")
        .map(([decisionPointId, proposal]) => ({ decisionPointId, proposal })),
    });
    setFlash(request, reply, messagesFor(request.locale).milestones.proposalSaved);
    return reply.redirect(`/initiatives/${initiative.id}/milestones/${milestone.numeral}`, 303);
  });

  app.get<Params>("/initiatives/:initiativeId/milestones/:numeral/decide", async (request, reply) => {
    const loaded = await load(request, reply);
    if (!loaded) return reply;
    const { auth, initiative, milestone, permissions } = loaded;
    if (!permissions.decide.includes(milestone.numeral)) throw new DomainError("FORBIDDEN", "not a decider");
    const readiness = await getReadiness({ db, actor: auth.actor, initiativeId: initiative.id, numeral: milestone.numeral });
    const current = await currentDecision(loaded);
    // Today as a Swedish calendar day, not UTC's (which is still yesterday just after midnight).
    const values: DecisionFormValues = {
      decidedOn: new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(request.now),
    };
    return sendPage(request, reply, (ctx) => (
      <DecisionFormPage
        ctx={ctx}
        initiative={initiative}
        milestone={milestone}
        missing={readiness.missing}
        basis={readiness.basis}
        preparations={readiness.preparations}
        reports={requiredReports(milestone)}
        values={values}
        current={current}
      />
    ));
  });

  app.post<Params>("/initiatives/:initiativeId/milestones/:numeral/decide", async (request, reply) => {
    const loaded = await load(request, reply);
    if (!loaded) return reply;
    const { auth, initiative, milestone, permissions } = loaded;
    if (!permissions.decide.includes(milestone.numeral)) throw new DomainError("FORBIDDEN", "not a decider");
    const raw = formValues(request.body);
    const values: DecisionFormValues = Object.fromEntries(Object.keys(raw).map((k) => [k, str(raw, k)]));
    // The form names the decision it supersedes in a hidden field, so a bad one is a tampered request.
    const supersedes = values[SUPERSEDES_FIELD];
    if (supersedes && !z.uuid().safeParse(supersedes).success) {
      throw new DomainError("VALIDATION_FAILED", "the form is not valid", {
        fields: [{ path: [SUPERSEDES_FIELD], code: "invalid_id", message: "not a decision id" }],
      });
    }
    // The form shown again names the current decision as it is now, so submitting it once more
    // is a deliberate choice to supersede whatever was decided meanwhile.
    const again = async (errors: FormErrors, status: number) => {
      const readiness = await getReadiness({ db, actor: auth.actor, initiativeId: initiative.id, numeral: milestone.numeral });
      const current = await currentDecision(loaded);
      return sendPage(
        request,
        reply,
        (ctx) => (
          <DecisionFormPage
            ctx={ctx}
            initiative={initiative}
            milestone={milestone}
            missing={readiness.missing}
            basis={readiness.basis}
            preparations={readiness.preparations}
            reports={requiredReports(milestone)}
            values={values}
            errors={errors}
            current={current}
          />
        ),
        status,
      );
    };
    const parsed = DecisionInput.safeParse(decisionFromForm(milestone, values));
    if (!parsed.success) return again(formErrorsOf(milestone, fieldIssues(parsed.error)), 400);
    try {
      await decideMilestone({
        db,
        actor: auth.actor,
        now: request.now,
        initiativeId: initiative.id,
        numeral: milestone.numeral,
        input: parsed.data,
      });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      if (e.code === "VALIDATION_FAILED" && e.details.fields) return again(formErrorsOf(milestone, e.details.fields), 400);
      if (e.code === "BASIS_INCOMPLETE") return again([{ field: "incompleteBasisReason", code: "reason_required" }], 422);
      if (e.code === "DECISION_CONFLICT") return again([{ field: SUPERSEDES_FIELD, code: "decision_conflict" }], 409);
      throw e;
    }
    mailQueued();
    setFlash(request, reply, messagesFor(request.locale).milestones.form.decided);
    return reply.redirect(`/initiatives/${initiative.id}/milestones/${milestone.numeral}`, 303);
  });

  app.get("/inbox", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const communications = await listCommunications({ db, actor: auth.actor });
    return sendPage(request, reply, (ctx) => <InboxPage ctx={ctx} communications={communications} />);
  });

  app.post<{ Params: { communicationId: string } }>("/inbox/:communicationId/read", async (request, reply) => {
    const auth = requireSession(request, reply);
    if (!auth) return reply;
    const id = z.uuid().safeParse(request.params.communicationId);
    if (!id.success) throw new DomainError("NOT_FOUND", "communication not found");
    await markCommunicationRead({ db, actor: auth.actor, now: request.now, communicationId: id.data });
    setFlash(request, reply, messagesFor(request.locale).inbox.markedRead);
    return reply.redirect("/inbox", 303);
  });
}
