import type { DeliverableStatus } from "../../../domain/deliverables/deliverable-status.ts";
import type { getDeliverable } from "../../../domain/deliverables/deliverables.ts";
import type { ActivityStatus } from "../../../domain/initiatives/initiative-input.ts";
import type { getInitiative } from "../../../domain/initiatives/read-initiatives.ts";
import type { MilestoneStatus } from "../../../domain/milestones/milestone-rules.ts";
import { format, formatDate } from "../../../i18n/index.ts";
import type { LocalisedText } from "../../../method/types.ts";
import { Link, Tag } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";

/** Shared by the initiative pages: the use cases' results as the pages receive them, and status tags. */

export type InitiativeOverview = Awaited<ReturnType<typeof getInitiative>>;
export type DeliverableView = Awaited<ReturnType<typeof getDeliverable>>;
export type MemberName = { userId: string; name: string };

export const initiativeHref = (id: string) => `/initiatives/${id}`;
export const phaseAnchor = (phaseNumber: number) => `fas-${phaseNumber}`;
/** An activity's item on the overview: where saving it lands, with its confirmation beside it. */
export const activityAnchor = (activityId: string) => `activity-${activityId}`;
export const activityHref = (initiativeId: string, activityId: string) => `/initiatives/${initiativeId}/activities/${activityId}`;
export const deliverableHref = (id: string) => `/deliverables/${id}`;
export const deliverableVersionHref = (id: string, version: number) => `/deliverables/${id}?version=${version}`;
export const milestoneHref = (initiativeId: string, numeral: string) => `/initiatives/${initiativeId}/milestones/${numeral}`;

export const inLocale = (ctx: PageContext, text: LocalisedText) => text[ctx.locale];

/** A planned go-live is a calendar day; read at noon UTC it is the same day in Stockholm. */
export const formatDay = (ctx: PageContext, day: string | null) =>
  day ? formatDate(ctx.locale, `${day}T12:00:00Z`) : ctx.m.initiatives.notSet;

const ACTIVITY_COLOURS: Record<ActivityStatus, string> = {
  not_started: "neutral",
  in_progress: "info",
  done: "success",
  not_applicable: "neutral",
};

const DELIVERABLE_COLOURS: Record<DeliverableStatus, string> = { utkast: "neutral", for_granskning: "info", faststalld: "success" };

const MILESTONE_COLOURS: Record<MilestoneStatus, string> = {
  not_decided: "neutral",
  go: "success",
  go_with_conditions: "info",
  rework: "warning",
  stop: "danger",
};

/** Statuses are always words; colour only repeats what the word says. */
export function ActivityStatusTag({ ctx, status, id }: { ctx: PageContext; status: ActivityStatus; id?: string }) {
  return (
    <Tag data-color={ACTIVITY_COLOURS[status]} id={id}>
      {ctx.m.initiatives.activityStatus[status]}
    </Tag>
  );
}

export function DeliverableStatusTag({ ctx, status }: { ctx: PageContext; status: DeliverableStatus }) {
  return <Tag data-color={DELIVERABLE_COLOURS[status]}>{ctx.m.initiatives.deliverableStatus[status]}</Tag>;
}

const isMilestoneStatus = (s: string): s is MilestoneStatus => Object.hasOwn(MILESTONE_COLOURS, s);

/** Takes a string because getInitiative widens the status; the database only holds known outcomes. */
export function MilestoneStatusTag({ ctx, status }: { ctx: PageContext; status: string }) {
  if (!isMilestoneStatus(status)) return <Tag data-color="neutral">{status}</Tag>;
  return <Tag data-color={MILESTONE_COLOURS[status]}>{ctx.m.milestones.outcomes[status]}</Tag>;
}

export function BackLink({ ctx, href, name }: { ctx: PageContext; href: string; name: string }) {
  return (
    <p className="back-link">
      <Link href={href}>{format(ctx.m.initiatives.backTo, { name })}</Link>
    </p>
  );
}
