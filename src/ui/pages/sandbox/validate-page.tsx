import { format } from "../../../i18n/index.ts";
import type { Check, CheckStatus } from "../../../sandbox/checks/check.ts";
import { Form, FormErrorSummary, Heading, Layout, PageHeading, Paragraph, SubmitButton, TextArea } from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";
import { ChecksTable } from "./checks-table.tsx";

function Results({ ctx, checks }: { ctx: PageContext; checks: Check[] }) {
  const { m } = ctx;
  const count = (status: CheckStatus) => checks.filter((c) => c.status === status).length;
  return (
    <section aria-labelledby="results-heading" className="stack">
      <Heading level={2} data-size="md" id="results-heading">
        {m.sandbox.resultsHeading}
      </Heading>
      <Paragraph role="status">{format(m.sandbox.summary, { pass: count("pass"), warn: count("warn"), fail: count("fail") })}</Paragraph>
      <ChecksTable ctx={ctx} checks={checks} caption={m.sandbox.resultsHeading} />
    </section>
  );
}

/**
 * The validator as a page: paste the XML, see the same checks as POST /api/v1/sandbox/validate.
 * `xmlNotShown`: the XML was too large to put back in the field.
 */
export function ValidatePage({
  ctx,
  xml,
  xmlNotShown,
  checks,
  errors,
}: {
  ctx: PageContext;
  xml?: string;
  xmlNotShown?: boolean;
  checks?: Check[];
  errors?: FormErrors;
}) {
  const { m } = ctx;
  return (
    <Layout ctx={ctx} title={m.sandbox.validateTitle}>
      <PageHeading lead={m.sandbox.validateLead}>{m.sandbox.validateTitle}</PageHeading>
      <FormErrorSummary ctx={ctx} errors={errors} labels={{ xml: m.sandbox.xmlLabel }} />
      <Form ctx={ctx} action="/sandbox/validate">
        <TextArea ctx={ctx} name="xml" label={m.sandbox.xmlLabel} hint={m.sandbox.xmlHint} value={xml} errors={errors} rows={14} />
        {xmlNotShown ? <Paragraph data-size="sm">{m.sandbox.xmlNotShown}</Paragraph> : null}
        <div>
          <SubmitButton>{m.sandbox.submit}</SubmitButton>
        </div>
      </Form>
      {checks ? <Results ctx={ctx} checks={checks} /> : null}
      <Paragraph data-size="sm">{m.sandbox.apiHint}</Paragraph>
    </Layout>
  );
}
