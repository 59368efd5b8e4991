import { ORGANISATION_KINDS } from "../../../domain/access/roles.ts";
import { Form, FormErrorSummary, Layout, PageHeading, SelectField, SubmitButton, TextField } from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";

export function OrganisationFormPage({
  ctx,
  values = {},
  errors,
}: {
  ctx: PageContext;
  values?: Partial<Record<"name" | "number" | "kind", string>>;
  errors?: FormErrors;
}) {
  const { m } = ctx;
  return (
    <Layout ctx={ctx} title={m.organisations.createTitle}>
      <PageHeading>{m.organisations.createTitle}</PageHeading>
      <FormErrorSummary
        ctx={ctx}
        errors={errors}
        labels={{ name: m.organisations.name, number: m.organisations.number, kind: m.organisations.kind }}
      />
      <Form ctx={ctx} action="/organisations">
        <TextField ctx={ctx} name="name" label={m.organisations.name} value={values.name} errors={errors} autoComplete="organization" />
        <TextField
          ctx={ctx}
          name="number"
          label={m.organisations.number}
          hint={m.organisations.numberHint}
          value={values.number}
          errors={errors}
          width="short"
        />
        <SelectField
          ctx={ctx}
          name="kind"
          label={m.organisations.kind}
          value={values.kind}
          errors={errors}
          options={ORGANISATION_KINDS.map((k) => ({ value: k, label: m.organisations.kinds[k] }))}
        />
        <div>
          <SubmitButton>{m.common.create}</SubmitButton>
        </div>
      </Form>
    </Layout>
  );
}
