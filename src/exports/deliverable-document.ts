import type { getDeliverable } from "../domain/deliverables/deliverables.ts";
import { type GeneratedTables, generatedBlocks } from "../domain/deliverables/generated-tables.ts";
import { format, formatDateTime, type Locale, messagesFor } from "../i18n/index.ts";
import { deliverableType } from "../method/lookup.ts";
import { methodV12 } from "../method/v1.2/index.ts";
import type { Block, ChartBlock, DocumentDraft, DocumentLanguage } from "./document-model.ts";
import { markdownBlocks } from "./markdown-blocks.ts";

type Deliverable = Pick<Awaited<ReturnType<typeof getDeliverable>>, "title" | "typeId" | "template" | "versions"> & {
  currentGenerated?: GeneratedTables | null;
};
export type DeliverableVersion = Deliverable["versions"][number];

const languages: Record<Locale, DocumentLanguage> = { sv: "sv-SE", en: "en-GB" };

/**
 * A deliverable's version as a document: the title, a table of facts about it (type, owner
 * organisation, version, status, dates), then every section of its template with its text.
 */
export function deliverableDocument({
  deliverable,
  version,
  locale,
  exportedAt,
  initiativeName,
  organisationName,
}: {
  deliverable: Deliverable;
  version: DeliverableVersion;
  locale: Locale;
  exportedAt: Date;
  initiativeName?: string | undefined;
  organisationName?: string | undefined;
}): DocumentDraft {
  const m = messagesFor(locale);
  const t = m.exports;
  const type = deliverableType(methodV12, deliverable.typeId);
  const typeName = type ? type.name[locale] : deliverable.typeId;
  const facts: [string, string | undefined][] = [
    [t.documentType, typeName],
    [t.organisation, organisationName],
    [t.initiative, initiativeName],
    [t.version, String(version.version)],
    [t.status, m.initiatives.deliverableStatus[version.status]],
    [t.createdAt, formatDateTime(locale, version.createdAt)],
    [t.updatedAt, formatDateTime(locale, version.updatedAt)],
    [t.approvedAt, version.approvedAt ? formatDateTime(locale, version.approvedAt) : undefined],
    [t.approvedBy, version.approvedBy?.name ?? undefined],
  ];
  const blocks: (Block | ChartBlock)[] = [
    {
      kind: "table",
      header: [t.fact, t.value],
      rows: facts.filter((f): f is [string, string] => f[1] !== undefined),
    },
  ];
  for (const section of deliverable.template) {
    blocks.push({ kind: "heading", level: 2, text: section.heading[locale] });
    const text = markdownBlocks(version.sections[section.id] ?? "");
    blocks.push(...(text.length ? text : [{ kind: "paragraph" as const, text: t.emptySection }]));
  }
  const tables = generatedTablesOf(deliverable, version);
  if (tables) blocks.push(...generatedBlocks(tables, locale));
  return {
    title: deliverable.title,
    language: languages[locale],
    subject: typeName,
    author: organisationName,
    createdAt: exportedAt,
    metadata: [format(t.exportedAt, { date: formatDateTime(locale, exportedAt) })],
    blocks,
  };
}

/**
 * The tables Ansluta writes into this version: frozen in it when it was fastställd, computed now
 * while it is not. A version fastställd before there were tables has none.
 */
export function generatedTablesOf(
  deliverable: Pick<Deliverable, "currentGenerated">,
  version: Pick<DeliverableVersion, "status" | "generated">,
): GeneratedTables | null {
  return version.status === "faststalld" ? version.generated : (deliverable.currentGenerated ?? null);
}
