import type { DiffPart, VersionDiff } from "../../../domain/deliverables/version-diff.ts";
import { format } from "../../../i18n/index.ts";
import { Heading, Layout, Link, PageHeading, Paragraph, SelectField, SubmitButton } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";
import { BackLink, type DeliverableView, deliverableHref, inLocale } from "./initiative-parts.tsx";

/** How a comparison is laid out: one text with the changes marked in it, or the two versions beside each other. */
export const DIFF_VIEWS = ["inline", "side"] as const;
export type DiffView = (typeof DIFF_VIEWS)[number];

/** The compare page; with from and to, the comparison of those versions. */
export const compareVersionsHref = (deliverableId: string, versions?: { from: number; to: number; view?: DiffView }) =>
  `/deliverables/${deliverableId}/compare${versions ? `?from=${versions.from}&to=${versions.to}${versions.view === "side" ? "&view=side" : ""}` : ""}`;

/**
 * One changed run as text a screen reader announces (and paper shows) as well as colour: the
 * hidden words say where an insertion or deletion begins and ends.
 */
function Part({ ctx, part }: { ctx: PageContext; part: DiffPart }) {
  const t = ctx.m.versionDiff;
  if (part.op === "equal") return <>{part.text}</>;
  const [Tag, start, end] =
    part.op === "insert" ? (["ins", t.inserted, t.insertedEnd] as const) : (["del", t.deleted, t.deletedEnd] as const);
  return (
    <Tag>
      <span className="visually-hidden">{`${start} `}</span>
      {part.text}
      <span className="visually-hidden">{` ${end}`}</span>
    </Tag>
  );
}

/**
 * Two versions of a document compared section by section, word by word: a GET form with the two
 * versions (works without JavaScript and can be linked to), then each section with its insertions
 * and deletions marked, the Markdown shown as written so every changed character is visible.
 */
export function CompareVersionsPage({
  ctx,
  deliverable,
  initiative,
  from,
  to,
  diff,
  view = "inline",
}: {
  ctx: PageContext;
  deliverable: DeliverableView;
  initiative: { id: string; name: string };
  from: number | undefined;
  to: number | undefined;
  diff: VersionDiff | null;
  view?: DiffView;
}) {
  const t = ctx.m.versionDiff;
  const title = format(t.title, { title: deliverable.title });
  const options = [...deliverable.versions].reverse().map((v) => ({
    value: String(v.version),
    label: format(t.versionOption, { version: v.version, status: ctx.m.initiatives.deliverableStatus[v.status] }),
  }));
  const headings = new Map(deliverable.template.map((s) => [s.id, inLocale(ctx, s.heading)]));
  const changed = diff?.sections.filter((s) => s.changed).length ?? 0;
  return (
    <Layout ctx={ctx} title={title}>
      <BackLink ctx={ctx} href={`/initiatives/${initiative.id}`} name={initiative.name} />
      <PageHeading lead={t.lead}>{title}</PageHeading>
      <Paragraph>
        <Link href={deliverableHref(deliverable.id)}>{t.backToDocument}</Link>
      </Paragraph>
      {deliverable.versions.length < 2 || from === undefined || to === undefined ? (
        <Paragraph data-testid="only-one-version">{t.onlyOneVersion}</Paragraph>
      ) : (
        <form method="get" action={compareVersionsHref(deliverable.id)} className="stack diff-form">
          <SelectField ctx={ctx} name="from" label={t.from} value={String(from)} options={options} />
          <SelectField ctx={ctx} name="to" label={t.to} value={String(to)} options={options} />
          <SelectField
            ctx={ctx}
            name="view"
            label={t.view}
            value={view}
            options={[
              { value: "inline", label: t.viewInline },
              { value: "side", label: t.viewSide },
            ]}
          />
          <div className="actions">
            <SubmitButton variant="secondary">{t.show}</SubmitButton>
          </div>
        </form>
      )}
      {diff && from !== undefined && to !== undefined ? (
        <div className="stack-wide" data-testid="version-diff">
          <Paragraph>
            {format(t.comparing, { from, to })} {format(t.summary, { changed, total: diff.sections.length })}
          </Paragraph>
          <Paragraph data-size="sm" className="hint">
            {t.legend}
          </Paragraph>
          {diff.sections.map((s) => (
            <section key={s.sectionId} aria-labelledby={`diff-${s.sectionId}-heading`} className="deliverable-section">
              <Heading level={2} data-size="sm" id={`diff-${s.sectionId}-heading`}>
                {headings.get(s.sectionId) ?? s.sectionId}
              </Heading>
              {s.changed && view === "side" ? (
                <div className="diff-side">
                  {(
                    [
                      [from, "delete"],
                      [to, "insert"],
                    ] as const
                  ).map(([version, op]) => (
                    <div key={op} className="diff-column">
                      <Heading level={3} data-size="xs">
                        {format(t.versionColumn, { version })}
                      </Heading>
                      <div className="diff-text">
                        {s.parts.map((part, i) =>
                          part.op === "equal" || part.op === op ? (
                            // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed sequence; their place is their identity
                            <Part key={i} ctx={ctx} part={part} />
                          ) : null,
                        )}
                      </div>
                    </div>
                  ))}
                </div>
              ) : s.changed ? (
                <div className="diff-text">
                  {s.parts.map((part, i) => (
                    // The parts are a fixed sequence for this page: their place is their identity.
                    // biome-ignore lint/suspicious/noArrayIndexKey: see above
                    <Part key={i} ctx={ctx} part={part} />
                  ))}
                </div>
              ) : (
                <Paragraph className="hint" data-testid="unchanged">
                  {s.parts.length ? t.unchanged : t.empty}
                </Paragraph>
              )}
            </section>
          ))}
        </div>
      ) : null}
    </Layout>
  );
}
