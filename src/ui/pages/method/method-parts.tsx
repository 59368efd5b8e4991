import { format } from "../../../i18n/index.ts";
import type { DeliverableType, LocalisedText, Method, Milestone, Phase } from "../../../method/types.ts";
import { Link, Tag } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";

/** Shared by the method guide's pages: links, titles in the reader's language, and navigation. */

export const phaseHref = (phase: Phase) => `/method/phases/${phase.number}`;
export const milestoneHref = (milestone: Milestone) => `/method/milestones/${milestone.numeral}`;
export const deliverableTypeHref = (type: DeliverableType) => `/method/deliverables/${type.id}`;

export const inLocale = (ctx: PageContext, text: LocalisedText) => text[ctx.locale];

export const phaseTitle = (ctx: PageContext, phase: Phase) =>
  format(ctx.m.method.phaseTitle, { number: phase.number, name: inLocale(ctx, phase.name) });

export const milestoneTitle = (ctx: PageContext, milestone: Milestone) =>
  format(ctx.m.method.milestoneTitle, { numeral: milestone.numeral, name: inLocale(ctx, milestone.name) });

/** Throws only for a method that would fail checkMethodIntegrity, which the server refuses to start with. */
export function milestoneAfter(method: Method, phase: Phase): Milestone {
  const milestone = method.milestones.find((candidate) => candidate.afterPhase === phase.number);
  if (milestone === undefined) throw new Error(`Method ${method.id} v${method.version} has no milestone after phase ${phase.number}`);
  return milestone;
}

/** Throws only for a method that would fail checkMethodIntegrity, which the server refuses to start with. */
export function referencedDeliverableType(method: Method, id: string): DeliverableType {
  const type = method.deliverableTypes.find((candidate) => candidate.id === id);
  if (type === undefined) throw new Error(`Method ${method.id} v${method.version} has no deliverable type ${id}`);
  return type;
}

/** Whether a document blocks the decision or only supports it, in words (never colour alone). */
export function BasisTag({ ctx, required }: { ctx: PageContext; required: boolean }) {
  return <Tag data-color={required ? "info" : "neutral"}>{required ? ctx.m.method.required : ctx.m.method.optional}</Tag>;
}

/** Phase 1, milestone I, phase 2, milestone II …: the order an initiative goes through. */
function steps(ctx: PageContext, method: Method): { href: string; title: string }[] {
  return method.phases.flatMap((phase) => {
    const milestone = milestoneAfter(method, phase);
    return [
      { href: phaseHref(phase), title: phaseTitle(ctx, phase) },
      { href: milestoneHref(milestone), title: milestoneTitle(ctx, milestone) },
    ];
  });
}

/** Previous and next step in method order, so the guide can be read from start to end. */
export function StepNav({ ctx, method, currentHref }: { ctx: PageContext; method: Method; currentHref: string }) {
  const { m } = ctx;
  const all = steps(ctx, method);
  const index = all.findIndex((step) => step.href === currentHref);
  const previous = index > 0 ? all[index - 1] : undefined;
  const next = index >= 0 ? all[index + 1] : undefined;
  return (
    <nav aria-label={m.method.stepNav}>
      <ul>
        {previous ? (
          <li>
            <Link href={previous.href}>{format(m.method.previous, { title: previous.title })}</Link>
          </li>
        ) : null}
        {next ? (
          <li>
            <Link href={next.href}>{format(m.method.next, { title: next.title })}</Link>
          </li>
        ) : null}
        <li>
          <Link href="/method">{m.method.toOverview}</Link>
        </li>
      </ul>
    </nav>
  );
}
