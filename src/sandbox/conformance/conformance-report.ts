import type { Block, DocumentLanguage, DocumentModel } from "../../exports/document-model.ts";
import { formatDateTime, type Locale, messagesFor } from "../../i18n/index.ts";
import type { ConformancePerformance, ConformanceResult, ConformanceSummary } from "./evaluate-conformance.ts";

/**
 * The conformance report as a document (docx.ts and pdf.ts render it): what it is and is not, the
 * summary, every case with its result and reason, the performance figures, and the failing checks
 * behind each failed case. Check messages are the emulator's, in English in both languages.
 */

const languages: Record<Locale, DocumentLanguage> = { sv: "sv-SE", en: "en-GB" };

export function conformanceReport({
  organisationName,
  initiativeName,
  generatedAt,
  locale,
  results,
  summary,
  performance,
}: {
  organisationName: string;
  initiativeName?: string | undefined;
  generatedAt: Date;
  locale: Locale;
  results: readonly ConformanceResult[];
  summary: ConformanceSummary;
  performance: ConformancePerformance;
}): DocumentModel {
  const t = messagesFor(locale).conformanceReport;
  const number = (value: number, digits = 0) => new Intl.NumberFormat(languages[locale], { maximumFractionDigits: digits }).format(value);
  const ms = (value: number) => `${number(value, 1)} ms`;
  const blocks: Block[] = [
    { kind: "paragraph", text: t.disclaimer },
    { kind: "heading", level: 2, text: t.summary },
    {
      kind: "table",
      header: [t.measure, t.value],
      rows: [
        [t.passed, number(summary.passed)],
        [t.failed, number(summary.failed)],
        [t.notRun, number(summary.notRun)],
        [t.total, number(summary.total)],
      ],
    },
    { kind: "heading", level: 2, text: t.cases },
    {
      kind: "table",
      header: t.caseHeader,
      rows: results.map((r) => [r.id, r.title[locale], t.status[r.status], r.reason[locale]]),
    },
    { kind: "heading", level: 2, text: t.performance },
    {
      kind: "table",
      header: [t.measure, t.value],
      rows: [
        [
          t.period,
          performance.from && performance.to
            ? `${formatDateTime(locale, performance.from)} – ${formatDateTime(locale, performance.to)}`
            : t.none,
        ],
        [t.lookups, number(performance.lookups)],
        [t.deliveries, number(performance.deliveries)],
        [t.delivered, number(performance.delivered)],
        [t.throughput, performance.deliveriesPerSecond === null ? t.none : number(performance.deliveriesPerSecond, 1)],
        ...(["p50", "p95", "p99"] as const).map((p) => [
          `${t.latency} ${p}`,
          performance.latencyMs ? ms(performance.latencyMs[p]) : t.none,
        ]),
        [t.notDelivered, number(performance.errors.notDelivered)],
        [t.faults, number(performance.errors.faults)],
        [t.timeouts, number(performance.errors.timeouts)],
        [t.refused, number(performance.errors.refused)],
        [
          t.faultCodes,
          performance.faultCodes.length ? performance.faultCodes.map((f) => `${f.errorCode}: ${number(f.count)}`).join(", ") : t.none,
        ],
      ],
    },
  ];
  const failures = results.filter((r) => r.status === "fail");
  if (failures.length) {
    blocks.push({ kind: "heading", level: 2, text: t.failures }, { kind: "paragraph", text: t.checkLanguage });
    for (const r of failures) {
      blocks.push({ kind: "heading", level: 3, text: `${r.id} ${r.title[locale]}` }, { kind: "paragraph", text: r.reason[locale] });
      blocks.push(
        r.failingChecks.length
          ? { kind: "table", header: t.checkHeader, rows: r.failingChecks.map((f) => [f.callId, f.check.id, f.check.message]) }
          : { kind: "paragraph", text: t.noFailingChecks },
      );
    }
  }
  return {
    title: t.title,
    language: languages[locale],
    subject: t.subject,
    author: organisationName,
    createdAt: generatedAt,
    metadata: [
      `${t.organisation}: ${organisationName}`,
      ...(initiativeName ? [`${t.initiative}: ${initiativeName}`] : []),
      `${t.generatedAt}: ${formatDateTime(locale, generatedAt)}`,
    ],
    blocks,
  };
}
