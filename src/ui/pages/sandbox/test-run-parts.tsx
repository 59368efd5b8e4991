import { format, type Locale } from "../../../i18n/index.ts";
import type { EventOutcome } from "../../../sandbox/emulator/events.ts";
import { Tag } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";

export const testRunCallsHref = (initiativeId: string) => `/initiatives/${initiativeId}/sandbox/calls`;
export const testRunCallHref = (initiativeId: string, callId: string) => `${testRunCallsHref(initiativeId)}/${callId}`;
export const deliveredBodyHref = (initiativeId: string, callId: string, position: number) =>
  `${testRunCallHref(initiativeId, callId)}/messages/${position}/body`;
export const deliveredAttachmentHref = (initiativeId: string, callId: string, position: number, index: number) =>
  `${testRunCallHref(initiativeId, callId)}/messages/${position}/attachments/${index}`;
export const loadTestsHref = (initiativeId: string) => `/initiatives/${initiativeId}/sandbox/load-tests`;
export const loadTestHref = (initiativeId: string, loadTestId: string) => `${loadTestsHref(initiativeId)}/${loadTestId}`;

export const EVENT_OUTCOMES = [
  "answered",
  "delivered",
  "not-delivered",
  "fault",
  "timeout",
  "refused",
] as const satisfies readonly EventOutcome[];

const OUTCOME_COLOURS: Record<EventOutcome, string> = {
  answered: "neutral",
  delivered: "success",
  "not-delivered": "warning",
  fault: "danger",
  timeout: "danger",
  refused: "danger",
};

const isOutcome = (value: string): value is EventOutcome => Object.hasOwn(OUTCOME_COLOURS, value);

/** Outcomes are words; the colour only repeats what the word says. */
export function OutcomeTag({ ctx, outcome }: { ctx: PageContext; outcome: string }) {
  if (!isOutcome(outcome)) return <code>{outcome}</code>;
  return <Tag data-color={OUTCOME_COLOURS[outcome]}>{ctx.m.sandboxRuns.outcomes[outcome]}</Tag>;
}

const intl: Record<Locale, string> = { sv: "sv-SE", en: "en-GB" };

export const formatNumber = (locale: Locale, value: number, digits = 0) =>
  new Intl.NumberFormat(intl[locale], { maximumFractionDigits: digits }).format(value);

/** Sizes as a person reads them: bytes under 10 kB, kilobytes above. */
export function formatBytes(ctx: PageContext, bytes: number): string {
  const t = ctx.m.sandboxRuns;
  return bytes < 10_240
    ? format(t.bytes, { count: formatNumber(ctx.locale, bytes) })
    : format(t.kilobytes, { count: formatNumber(ctx.locale, bytes / 1024) });
}

export const formatMs = (ctx: PageContext, ms: number) => formatNumber(ctx.locale, ms, ms < 10 ? 1 : 0);

/** The initiative's test-environment page, where these pages are linked from. */
export const sandboxHref = (initiativeId: string) => `/initiatives/${initiativeId}/sandbox`;
