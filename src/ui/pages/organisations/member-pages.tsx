import { ORGANISATION_ROLES } from "../../../domain/access/roles.ts";
import type { OrganisationView } from "../../../domain/organisations/organisation-view.ts";
import { format } from "../../../i18n/index.ts";
import {
  ActionButton,
  ChoiceGroup,
  Form,
  FormErrorSummary,
  Layout,
  Link,
  PageHeading,
  Paragraph,
  SubmitButton,
  TextField,
} from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";
import type { MemberRow } from "./organisation-page.tsx";

/** Only the roles the person may grant are offered; the others are granted by an administratör or a verksamhetsägare. */
const roleOptions = (ctx: PageContext, organisation: OrganisationView) =>
  ORGANISATION_ROLES.filter((r) => organisation.permissions.grantableRoles.includes(r)).map((r) => ({
    value: r,
    label: ctx.m.roles[r],
    hint: ctx.m.roleHints[r],
  }));

export function InviteMemberPage({
  ctx,
  organisation,
  values = { email: "", name: "", roles: [] },
  errors,
}: {
  ctx: PageContext;
  organisation: OrganisationView;
  values?: { email: string; name: string; roles: string[] };
  errors?: FormErrors;
}) {
  const { m } = ctx;
  const title = format(m.members.inviteTitle, { organisation: organisation.name });
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>{title}</PageHeading>
      <FormErrorSummary ctx={ctx} errors={errors} labels={{ name: m.members.name, email: m.members.email, roles: m.members.roles }} />
      <Form ctx={ctx} action={`/organisations/${organisation.id}/members/invite`}>
        <TextField ctx={ctx} name="name" label={m.members.name} value={values.name} errors={errors} autoComplete="off" />
        <TextField ctx={ctx} name="email" type="email" label={m.members.email} value={values.email} errors={errors} autoComplete="off" />
        <ChoiceGroup
          ctx={ctx}
          name="roles"
          type="checkbox"
          legend={m.members.roles}
          errors={errors}
          options={roleOptions(ctx, organisation)}
          selected={values.roles}
        />
        <div className="actions">
          <SubmitButton>{m.members.inviteSubmit}</SubmitButton>
          <Link href={`/organisations/${organisation.id}`}>{m.common.cancel}</Link>
        </div>
      </Form>
    </Layout>
  );
}

export function InvitedPage({
  ctx,
  organisation,
  email,
  mailIsSent,
}: {
  ctx: PageContext;
  organisation: OrganisationView;
  email: string;
  /** False when no SMTP server is configured and mail stays in the outbox. */
  mailIsSent: boolean;
}) {
  const { m } = ctx;
  const title = format(m.members.invited_notice, { email });
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>{title}</PageHeading>
      <Paragraph>{format(m.members.invitationSent, { email })}</Paragraph>
      {mailIsSent ? null : <Paragraph>{m.members.invitationOutbox}</Paragraph>}
      <Paragraph>
        <Link href={`/organisations/${organisation.id}`}>{m.common.back}</Link>
      </Paragraph>
    </Layout>
  );
}

export function EditMemberPage({
  ctx,
  organisation,
  member,
  roles,
  errors,
}: {
  ctx: PageContext;
  organisation: OrganisationView;
  member: MemberRow;
  roles: string[];
  errors?: FormErrors;
}) {
  const { m } = ctx;
  const title = format(m.members.editRolesFor, { name: member.name });
  const kept = member.roles.filter((r) => !organisation.permissions.grantableRoles.includes(r));
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading lead={member.email}>{title}</PageHeading>
      <FormErrorSummary ctx={ctx} errors={errors} labels={{ roles: m.members.roles }} />
      <Form ctx={ctx} action={`/organisations/${organisation.id}/members/${member.userId}`}>
        {kept.length ? (
          <Paragraph>
            {format(m.members.keptRoles, { roles: kept.map((r) => m.roles[r]).join(", ") })}
            {kept.map((r) => (
              <input key={r} type="hidden" name="roles" value={r} />
            ))}
          </Paragraph>
        ) : null}
        <ChoiceGroup
          ctx={ctx}
          name="roles"
          type="checkbox"
          legend={m.members.roles}
          errors={errors}
          options={roleOptions(ctx, organisation)}
          selected={roles}
        />
        <div className="actions">
          <SubmitButton>{m.common.save}</SubmitButton>
          <Link href={`/organisations/${organisation.id}`}>{m.common.cancel}</Link>
        </div>
      </Form>
      <ActionButton ctx={ctx} action={`/organisations/${organisation.id}/members/${member.userId}/remove`} variant="secondary">
        {m.members.remove}
      </ActionButton>
    </Layout>
  );
}
