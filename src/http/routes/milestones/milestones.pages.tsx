import { z } from "zod";
import type { Actor } from "../../../domain/access/actor.ts";
import { milestoneFollowUp } from "../../../domain/follow-up/conditions.ts";
import { MilestonePlanInput } from "../../../domain/follow-up/follow-up-input.ts";
import { planMilestone } from "../../../domain/follow-up/plan-milestone.ts";
import { permissionsFor, readableInitiative } from "../../../domain/initiatives/read-initiatives.ts";
import { listMembers } from "../../../domain/members/manage-members.ts";
import { requiredReports } from "../../../domain/milestones/communications.ts";
import { decideMilestone, milestoneOrThrow } from "../../../domain/milestones/decide-milestone.ts";
import { DecisionInput, PROPOSAL_MAX_LENGTH } from "../../../domain/milestones/decision-input.ts";
import { getReadiness, listDecisions } from "../../../domain/milestones/milestone-queries.ts";
import { prepareDecisionPoints } from "../../../domain/milestones/prepare-decision-points.ts";
import { previewReportedFigures } from "../../../domain/milestones/preview-reported-figures.ts";
import { DomainError, type FieldIssue, forbidden } from "../../../domain/shared/domain-error.ts";
import type { Milestone } from "../../../method/types.ts";
import type { FormErrors } from "../../../ui/page-context.ts";
import {
  CONDITION_ROWS,
  type CurrentDecision,
  DecisionFormPage,
  type DecisionFormValues,
  SUPERSEDES_FIELD,
} from "../../../ui/pages/milestones/decision-form-page.tsx";
import { MilestonePage } from "../../../ui/pages/milestones/milestone-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { firstPerField, str } from "../../form.ts";
import { type FormState, type PageView, redirect } from "../../page-route.ts";

const MilestonePageParams = z.object({ initiativeId: z.uuid(), numeral: z.string() });
type MilestonePageParams = z.infer<typeof MilestonePageParams>;

/** The decision form's flat fields, turned into the API's decision body. */
function decisionFromForm(milestone: Milestone, v: DecisionFormValues) {
  const conditions = CONDITION_ROWS.map((i) => ({
    text: v[`condition-${i}-text`] ?? "",
    owner: v[`condition-${i}-owner`] ?? "",
    ownerUserId: v[`condition-${i}-ownerUserId`] || null,
    dueDate: v[`condition-${i}-dueDate`] ?? "",
  })).filter((c) => c.text || c.owner || c.ownerUserId || c.dueDate);
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
    // The timeline and volumes are computed from the flows; the form adds only the decider's note.
    reported: { note: v.note ?? "" },
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
    if (head === "reported") return "note";
    return String(head ?? "outcome");
  };
  return firstPerField(issues.map((i) => ({ field: field(i.path), code: i.code })));
}

export function milestonesPages({ page, db, mailQueued }: AppScope) {
  /** The initiative the actor may read, the milestone in the method, and what the actor may do there. */
  const load = async ({ actor, params }: { actor: Actor; params: MilestonePageParams }) => {
    const initiative = await readableInitiative({ db, actor }, params.initiativeId);
    const milestone = milestoneOrThrow(params.numeral);
    return { initiative, milestone, permissions: permissionsFor(actor, initiative) };
  };
  type Loaded = Awaited<ReturnType<typeof load>>;

  /** The same, for the initiative's team, who prepare the decision and plan its day: anyone else is refused before a form is read. */
  const loadForTeam = async (input: { actor: Actor; params: MilestonePageParams }) => {
    const loaded = await load(input);
    if (!loaded.permissions.work) throw forbidden("not in the team");
    return loaded;
  };

  /** The same, for those who decide this milestone. */
  const loadForDecider = async (input: { actor: Actor; params: MilestonePageParams }) => {
    const loaded = await load(input);
    if (!loaded.permissions.decide.includes(loaded.milestone.numeral)) throw forbidden("not a decider");
    return loaded;
  };

  /** The milestone's page; after a refused preparation, with the proposals as typed and what was wrong. */
  const milestonePage = async ({
    actor,
    now,
    loaded: { initiative, milestone, permissions },
    form,
    planForm,
  }: {
    actor: Actor;
    now: Date;
    loaded: Loaded;
    form?: FormState<Record<string, string>> | undefined;
    planForm?: FormState<{ plannedOn: string }> | undefined;
  }): Promise<PageView> => {
    const [readiness, decisions, followUp] = await Promise.all([
      getReadiness({ db, actor, initiativeId: initiative.id, numeral: milestone.numeral }),
      listDecisions({ db, actor, initiativeId: initiative.id, numeral: milestone.numeral }),
      milestoneFollowUp({ db, actor, now, initiativeId: initiative.id, numeral: milestone.numeral }),
    ]);
    return (ctx) => (
      <MilestonePage
        ctx={ctx}
        initiative={initiative}
        milestone={milestone}
        readiness={readiness}
        decisions={decisions}
        canWork={permissions.work}
        canDecide={permissions.decide.includes(milestone.numeral)}
        {...(form ? { proposals: form.values, errors: form.errors } : {})}
        {...followUp}
        {...(planForm ? { planForm } : {})}
      />
    );
  };

  page({
    method: "GET",
    url: "/initiatives/:initiativeId/milestones/:numeral",
    access: "session",
    params: MilestonePageParams,
    load,
    render: milestonePage,
  });

  page({
    method: "POST",
    url: "/initiatives/:initiativeId/milestones/:numeral/preparations",
    access: "session",
    params: MilestonePageParams,
    load: loadForTeam,
    form: {
      read: (values, { milestone }) =>
        Object.fromEntries(milestone.decisionPoints.map((dp) => [dp.id, str(values, `proposal-${dp.id}`).trim()])),
      // Shown again with everything as typed: no proposal is lost because another one was too long.
      schema: z.record(z.string(), z.string().max(PROPOSAL_MAX_LENGTH, { error: "too_long" })),
      issues: (issues) => firstPerField(issues.map((i) => ({ field: `proposal-${String(i.path[0])}`, code: i.code }))),
    },
    render: milestonePage,
    handle: async ({ actor, now, m, loaded: { initiative, milestone }, data }) => {
      // An empty proposal leaves its decision point as it is: unprepared, or prepared as before.
      await prepareDecisionPoints({
        db,
        actor,
        now,
        initiativeId: initiative.id,
        numeral: milestone.numeral,
        proposals: Object.entries(data)
          .filter(([, proposal]) => proposal !== "")
          .map(([decisionPointId, proposal]) => ({ decisionPointId, proposal })),
      });
      return redirect(`/initiatives/${initiative.id}/milestones/${milestone.numeral}`, m.milestones.proposalSaved);
    },
  });

  page({
    method: "POST",
    url: "/initiatives/:initiativeId/milestones/:numeral/plan",
    access: "session",
    params: MilestonePageParams,
    load: loadForTeam,
    form: {
      read: (values) => ({ plannedOn: str(values, "plannedOn").trim() }),
      schema: MilestonePlanInput,
      // An empty field takes the plan away.
      input: ({ plannedOn }) => ({ plannedOn: plannedOn === "" ? null : plannedOn }),
    },
    // A date that does not parse shows the milestone page again, with the date as typed at the plan form.
    render: ({ form, ...input }) => milestonePage({ ...input, planForm: form }),
    handle: async ({ actor, now, m, loaded: { initiative, milestone }, data }) => {
      const saved = await planMilestone({
        db,
        actor,
        now,
        initiativeId: initiative.id,
        numeral: milestone.numeral,
        plannedOn: data.plannedOn,
      });
      return redirect(
        `/initiatives/${initiative.id}/milestones/${milestone.numeral}#plan`,
        saved.plannedOn ? m.plans.saved : m.plans.cleared,
      );
    },
  });

  /**
   * The decision form. Shown again, it names the current decision as it is now, so submitting it
   * once more is a deliberate choice to supersede whatever was decided meanwhile.
   */
  const decisionPage = async ({
    actor,
    now,
    loaded: { initiative, milestone },
    form,
  }: {
    actor: Actor;
    now: Date;
    loaded: Loaded;
    form?: FormState<DecisionFormValues> | undefined;
  }): Promise<PageView> => {
    const reports = requiredReports(milestone);
    const [readiness, decisions, members, preview] = await Promise.all([
      getReadiness({ db, actor, initiativeId: initiative.id, numeral: milestone.numeral }),
      listDecisions({ db, actor, initiativeId: initiative.id, numeral: milestone.numeral }),
      listMembers({ db, actor, organisationId: initiative.organisationId }),
      reports.timeline || reports.messageVolumes ? previewReportedFigures({ db, actor, now, initiativeId: initiative.id }) : null,
    ]);
    const latest = decisions.find((d) => d.current);
    const current: CurrentDecision | null = latest
      ? { id: latest.id, outcome: latest.outcome, decidedOn: latest.decidedOn, decidedByName: latest.decidedBy.name }
      : null;
    // Today as a Swedish calendar day, not UTC's (which is still yesterday just after midnight).
    const values: DecisionFormValues = form?.values ?? {
      decidedOn: new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(now),
    };
    return (ctx) => (
      <DecisionFormPage
        ctx={ctx}
        initiative={initiative}
        milestone={milestone}
        missing={readiness.missing}
        basis={readiness.basis}
        preparations={readiness.preparations}
        reports={reports}
        preview={preview}
        values={values}
        errors={form?.errors}
        current={current}
        members={members}
      />
    );
  };

  page({
    method: "GET",
    url: "/initiatives/:initiativeId/milestones/:numeral/decide",
    access: "session",
    params: MilestonePageParams,
    load: loadForDecider,
    render: decisionPage,
  });

  page({
    method: "POST",
    url: "/initiatives/:initiativeId/milestones/:numeral/decide",
    access: "session",
    params: MilestonePageParams,
    load: loadForDecider,
    form: {
      read: (raw) => {
        const values: DecisionFormValues = Object.fromEntries(Object.keys(raw).map((k) => [k, str(raw, k)]));
        // The form names the decision it supersedes in a hidden field, so a bad one is a tampered request.
        const supersedes = values[SUPERSEDES_FIELD];
        if (supersedes && !z.uuid().safeParse(supersedes).success) {
          throw new DomainError("VALIDATION_FAILED", "the form is not valid", {
            fields: [{ path: [SUPERSEDES_FIELD], code: "invalid_id", message: "not a decision id" }],
          });
        }
        return values;
      },
      schema: DecisionInput,
      input: (values, _raw, { milestone }) => decisionFromForm(milestone, values),
      issues: (issues, { milestone }) => formErrorsOf(milestone, issues),
    },
    render: decisionPage,
    handle: async ({ actor, now, m, loaded: { initiative, milestone }, data }) => {
      await decideMilestone({ db, actor, now, initiativeId: initiative.id, numeral: milestone.numeral, input: data });
      mailQueued();
      return redirect(`/initiatives/${initiative.id}/milestones/${milestone.numeral}`, m.milestones.form.decided);
    },
    refused: (e) =>
      e.code === "BASIS_INCOMPLETE"
        ? { errors: [{ field: "incompleteBasisReason", code: "reason_required" }], status: 422 }
        : e.code === "DECISION_CONFLICT"
          ? { errors: [{ field: SUPERSEDES_FIELD, code: "decision_conflict" }], status: 409 }
          : undefined,
  });
}
