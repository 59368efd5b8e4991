import type { OrganisationRole } from "../../../domain/access/roles.ts";
import { format } from "../../../i18n/index.ts";
import { methodV12 } from "../../../method/v1.2/index.ts";
import {
  ChoiceGroup,
  Form,
  FormErrorSummary,
  Layout,
  Link,
  PageHeading,
  Paragraph,
  SubmitButton,
  TextArea,
  TextField,
} from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";

export type NewInitiativeValues = {
  name: string;
  description: string;
  targetGroup: string;
  plannedGoLive: string;
  steeringGroup: string[];
};

export type Candidate = { userId: string; name: string; email: string; roles: readonly OrganisationRole[] };

/** The form starts with the members who hold the styrgrupp role chosen, as the API does without a choice. */
export const defaultValues = (members: readonly Candidate[]): NewInitiativeValues => ({
  name: "",
  description: "",
  targetGroup: "",
  plannedGoLive: "",
  steeringGroup: members.filter((x) => x.roles.includes("styrgrupp")).map((x) => x.userId),
});

const isOwner = (member: Candidate) => member.roles.includes("verksamhetsagare");

export function InitiativeFormPage({
  ctx,
  organisation,
  members,
  values,
  errors,
}: {
  ctx: PageContext;
  organisation: { id: string; name: string };
  members: readonly Candidate[];
  values: NewInitiativeValues;
  errors?: FormErrors | undefined;
}) {
  const { m } = ctx;
  const t = m.initiatives;
  // The verksamhetsägare always joins the styrgrupp, so offering them a checkbox would be a false choice.
  const owners = members.filter(isOwner);
  // Only those the organisation made styrgrupp can be chosen: naming someone does not make a decider.
  const candidates = members.filter((x) => !isOwner(x) && x.roles.includes("styrgrupp"));
  // Roles go in the label, not an option hint: ChoiceGroup gives the first option's hint the group hint's id.
  const memberLabel = (x: Candidate) => (x.roles.length ? `${x.name} (${x.roles.map((r) => m.roles[r]).join(", ")})` : x.name);
  return (
    <Layout ctx={ctx} title={t.form.title}>
      <PageHeading lead={format(t.form.lead, { organisation: organisation.name, version: methodV12.version })}>{t.form.title}</PageHeading>
      <FormErrorSummary
        ctx={ctx}
        errors={errors}
        labels={{
          name: t.name,
          description: t.form.description,
          targetGroup: t.targetGroup,
          plannedGoLive: t.plannedGoLive,
          steeringGroup: t.form.steeringGroup,
        }}
      />
      <Form ctx={ctx} action="/initiatives/new">
        <input type="hidden" name="organisationId" value={organisation.id} />
        <TextField ctx={ctx} name="name" label={t.name} hint={t.form.nameHint} value={values.name} errors={errors} autoComplete="off" />
        <TextArea
          ctx={ctx}
          name="description"
          label={`${t.form.description} ${m.common.optional}`}
          hint={t.form.descriptionHint}
          value={values.description}
          errors={errors}
          rows={4}
        />
        <TextField
          ctx={ctx}
          name="targetGroup"
          label={`${t.targetGroup} ${m.common.optional}`}
          hint={t.form.targetGroupHint}
          value={values.targetGroup}
          errors={errors}
          autoComplete="off"
        />
        <TextField
          ctx={ctx}
          name="plannedGoLive"
          type="date"
          width="short"
          label={`${t.plannedGoLive} ${m.common.optional}`}
          hint={t.form.plannedGoLiveHint}
          value={values.plannedGoLive}
          errors={errors}
        />
        {candidates.length ? (
          <ChoiceGroup
            ctx={ctx}
            name="steeringGroup"
            type="checkbox"
            legend={t.form.steeringGroup}
            hint={t.form.steeringGroupHint}
            errors={errors}
            options={candidates.map((x) => ({ value: x.userId, label: memberLabel(x) }))}
            selected={values.steeringGroup}
          />
        ) : (
          <Paragraph>{t.form.noCandidates}</Paragraph>
        )}
        <Paragraph>{owners.length ? format(t.form.owners, { names: owners.map((x) => x.name).join(", ") }) : t.form.noOwner}</Paragraph>
        <div className="actions">
          <SubmitButton>{t.form.submit}</SubmitButton>
          <Link href="/initiatives">{m.common.cancel}</Link>
        </div>
      </Form>
    </Layout>
  );
}
