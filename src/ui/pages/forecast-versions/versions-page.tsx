import type { VersionView } from "../../../domain/forecast-versions/version-view.ts";
import { format, formatDateTime } from "../../../i18n/index.ts";
import {
  Form,
  FormErrorSummary,
  Heading,
  Layout,
  Link,
  PageHeading,
  Paragraph,
  ScrollableTable,
  SubmitButton,
  Table,
  TextArea,
} from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";
import { FlowNav } from "../flows/flow-parts.tsx";
import { BackLink, initiativeHref } from "../initiatives/initiative-parts.tsx";
import { CompareForm } from "./compare-page.tsx";
import { actualsImportHref, compareHref, flowActualsHref, monthName, versionKind, versionsHref } from "./forecast-version-parts.tsx";

/**
 * An initiative's forecast versions: the baselines its decisions froze and the re-forecasts its team
 * saved, with a form to save one (the team) and to choose two to compare (everyone who reads).
 */
export function VersionsPage({
  ctx,
  initiative,
  versions,
  canSave,
  flows,
  values,
  errors,
}: {
  ctx: PageContext;
  initiative: { id: string; name: string };
  versions: readonly VersionView[];
  canSave: boolean;
  flows: readonly { id: string; name: string }[];
  values?: { reason: string } | undefined;
  errors?: FormErrors | undefined;
}) {
  const t = ctx.m.forecastVersions.versions;
  const title = format(t.title, { initiative: initiative.name });
  return (
    <Layout ctx={ctx} title={title}>
      <BackLink ctx={ctx} href={initiativeHref(initiative.id)} name={initiative.name} />
      <PageHeading lead={t.lead}>{title}</PageHeading>
      <FlowNav ctx={ctx} initiativeId={initiative.id} current="versions" />
      <FormErrorSummary ctx={ctx} errors={errors} labels={{ reason: t.reasonLabel }} />
      {versions.length ? (
        <ScrollableTable caption={t.caption}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.kind}</Table.HeaderCell>
              <Table.HeaderCell>{t.createdAt}</Table.HeaderCell>
              <Table.HeaderCell>{t.createdBy}</Table.HeaderCell>
              <Table.HeaderCell>{t.from}</Table.HeaderCell>
              <Table.HeaderCell>{t.reason}</Table.HeaderCell>
              <Table.HeaderCell>
                <span className="visually-hidden">{t.compareWithCurrent}</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {versions.map((v) => (
              <Table.Row key={v.id} data-testid="forecast-version">
                <Table.Cell>{versionKind(ctx, v)}</Table.Cell>
                <Table.Cell>{formatDateTime(ctx.locale, v.createdAt)}</Table.Cell>
                <Table.Cell>{v.createdByName}</Table.Cell>
                <Table.Cell>{monthName(ctx.locale, v.from)}</Table.Cell>
                <Table.Cell>{v.reason ?? ""}</Table.Cell>
                <Table.Cell>
                  <Link href={compareHref(initiative.id, v.id)}>{t.compareWithCurrent}</Link>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ScrollableTable>
      ) : (
        <Paragraph>{t.none}</Paragraph>
      )}
      {versions.length ? (
        <section aria-labelledby="compare-heading" className="stack">
          <Heading level={2} data-size="md" id="compare-heading">
            {t.compareHeading}
          </Heading>
          <CompareForm ctx={ctx} initiativeId={initiative.id} versions={versions} />
        </section>
      ) : null}
      <section aria-labelledby="save-heading" className="stack">
        <Heading level={2} data-size="md" id="save-heading">
          {t.saveHeading}
        </Heading>
        {canSave ? (
          <Form ctx={ctx} action={versionsHref(initiative.id)}>
            <Paragraph>{t.saveIntro}</Paragraph>
            <TextArea ctx={ctx} name="reason" label={t.reasonLabel} hint={t.reasonHint} value={values?.reason} rows={3} errors={errors} />
            <div className="actions">
              <SubmitButton>{t.save}</SubmitButton>
            </div>
          </Form>
        ) : (
          <Paragraph>{t.readOnly}</Paragraph>
        )}
      </section>
      <section aria-labelledby="actuals-heading" className="stack">
        <Heading level={2} data-size="md" id="actuals-heading">
          {t.actualsHeading}
        </Heading>
        <Paragraph>{t.actualsIntro}</Paragraph>
        {flows.length ? (
          <ul>
            {flows.map((f) => (
              <li key={f.id}>
                <Link href={flowActualsHref(f.id)}>{f.name}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <Paragraph>{t.noFlows}</Paragraph>
        )}
        {canSave && flows.length ? (
          <Paragraph>
            <Link href={actualsImportHref(initiative.id)}>{ctx.m.forecastVersions.actualsImport.link}</Link>
          </Paragraph>
        ) : null}
      </section>
    </Layout>
  );
}
