import type { Block, DocumentLanguage, DocumentModel } from "../../exports/document-model.ts";
import { formatDateTime, type Locale } from "../../i18n/index.ts";
import type { ConformancePerformance, ConformanceResult, ConformanceStatus, ConformanceSummary } from "./evaluate-conformance.ts";

/**
 * The conformance report as a document (docx.ts and pdf.ts render it): what it is and is not, the
 * summary, every case with its result and reason, the performance figures, and the failing checks
 * behind each failed case. Check messages are the emulator's, in English in both languages.
 */

const languages: Record<Locale, DocumentLanguage> = { sv: "sv-SE", en: "en-GB" };

const TEXT = {
  sv: {
    title: "Konformitetsrapport – Mina meddelanden (testmiljö i Ansluta)",
    subject: "Test- och konformitetsrapport",
    organisation: "Organisation",
    initiative: "Initiativ",
    generatedAt: "Skapad",
    disclaimer:
      "Rapporten är underlag från Anslutas emulator av Mina meddelanden v3 (Recipient, Authority och Service). Den är inte Diggs officiella anslutnings- eller acceptanstest: de officiella testfallen är inte publika, så fallen MM-01–MM-15 är Anslutas egna, skrivna utifrån det publicerade kontraktet. Den ersätter inte förvaltningsgruppens verifiering mot den tilldelade testmiljön. Mottagarna är syntetiska. Felkoderna (ErrorCode) följer emulatorns egen tolkning, inte en officiell.",
    summary: "Sammanfattning",
    measure: "Mått",
    value: "Värde",
    passed: "Godkända",
    failed: "Underkända",
    notRun: "Ej genomförda",
    total: "Totalt",
    cases: "Testfall",
    caseHeader: ["Nr", "Titel", "Resultat", "Motivering"],
    status: { pass: "Godkänt", fail: "Underkänt", not_run: "Ej genomfört" } satisfies Record<ConformanceStatus, string>,
    performance: "Prestanda",
    period: "Period",
    lookups: "Anrop isReachable",
    deliveries: "Leveranser (deliverSecure)",
    delivered: "Levererade (Delivered=true)",
    throughput: "Leveranser per sekund",
    latency: "Svarstid leverans",
    notDelivered: "Delivered=false",
    faults: "SOAP-fel",
    timeouts: "Tidsgränser (inget svar)",
    refused: "Avvisade anrop",
    faultCodes: "Felkoder (emulatorns tolkning)",
    none: "–",
    failures: "Underkända fall",
    checkHeader: ["Anrop", "Kontroll", "Meddelande"],
    noFailingChecks: "Inga underkända kontroller; se motiveringen.",
    checkLanguage: "Kontrollernas meddelanden är på engelska, som i emulatorns testkörningsvy.",
  },
  en: {
    title: "Conformance report – Mina meddelanden (Ansluta test environment)",
    subject: "Test and conformance report",
    organisation: "Organisation",
    initiative: "Initiative",
    generatedAt: "Generated",
    disclaimer:
      "This report is evidence from Ansluta's emulator of Mina meddelanden v3 (Recipient, Authority and Service). It is not Digg's official connection or acceptance test: the official test cases are not public, so cases MM-01–MM-15 are Ansluta's own, written from the published contract. It does not replace the management group's verification against the assigned test environment. The recipients are synthetic. The ErrorCodes follow the emulator's own mapping, not an official one.",
    summary: "Summary",
    measure: "Measure",
    value: "Value",
    passed: "Passed",
    failed: "Failed",
    notRun: "Not run",
    total: "Total",
    cases: "Test cases",
    caseHeader: ["No.", "Title", "Result", "Reason"],
    status: { pass: "Passed", fail: "Failed", not_run: "Not run" } satisfies Record<ConformanceStatus, string>,
    performance: "Performance",
    period: "Period",
    lookups: "isReachable calls",
    deliveries: "Deliveries (deliverSecure)",
    delivered: "Delivered (Delivered=true)",
    throughput: "Deliveries per second",
    latency: "Delivery response time",
    notDelivered: "Delivered=false",
    faults: "SOAP faults",
    timeouts: "Timeouts (no answer)",
    refused: "Refused calls",
    faultCodes: "Error codes (emulator's mapping)",
    none: "–",
    failures: "Failed cases",
    checkHeader: ["Call", "Check", "Message"],
    noFailingChecks: "No failing checks; see the reason.",
    checkLanguage: "Check messages are in English, as in the emulator's test-run view.",
  },
} as const;

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
  const t = TEXT[locale];
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
    metadata: [
      `${t.organisation}: ${organisationName}`,
      ...(initiativeName ? [`${t.initiative}: ${initiativeName}`] : []),
      `${t.generatedAt}: ${formatDateTime(locale, generatedAt)}`,
    ],
    blocks,
  };
}
