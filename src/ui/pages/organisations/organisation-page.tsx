import type { OrganisationRole } from "../../../domain/access/roles.ts";
import { COUNTIES, COUNTY_CODES, isCounty } from "../../../domain/organisations/counties.ts";
import { formatOrganisationNumber } from "../../../domain/organisations/organisation-number.ts";
import type { OrganisationView } from "../../../domain/organisations/organisation-view.ts";
import { format, formatDate } from "../../../i18n/index.ts";
import {
  ActionButton,
  ChoiceGroup,
  Form,
  FormErrorSummary,
  Heading,
  Layout,
  Link,
  PageHeading,
  Paragraph,
  ScrollableTable,
  SelectField,
  SubmitButton,
  Table,
  Tag,
} from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";
import { type OrganisationSignIn, SignInSettings } from "./sign-in-settings.tsx";

/** The settings form's field: "yes" when fastställa needs a second person. */
export const SECOND_APPROVER_FIELD = "requiresSecondApprover";
/** The settings form's county select: a letter code, or "" for none stated. */
export const COUNTY_FIELD = "county";

export type MemberRow = { userId: string; name: string; email: string; roles: OrganisationRole[]; active: boolean };

export type PendingInvitationRow = { invitationId: string; name: string; email: string; roles: OrganisationRole[]; expiresAt: string };

export function OrganisationPage({
  ctx,
  organisation,
  members,
  invitations,
  settingsErrors,
  signIn,
  signInErrors,
}: {
  ctx: PageContext;
  organisation: OrganisationView;
  /** How the members sign in, and the providers to choose from. */
  signIn: OrganisationSignIn;
  /** The sign-in form came back with errors. */
  signInErrors?: FormErrors | undefined;
  members: MemberRow[];
  /** Shown to those who manage members; null for everyone else. */
  invitations: PendingInvitationRow[] | null;
  /** The settings form came back with errors. */
  settingsErrors?: FormErrors | undefined;
}) {
  const { m } = ctx;
  const manage = organisation.permissions.manageMembers;
  return (
    <Layout ctx={ctx} title={organisation.name}>
      <PageHeading lead={`${m.organisations.kinds[organisation.kind]} · ${formatOrganisationNumber(organisation.number)}`}>
        {organisation.name}
      </PageHeading>
      <section aria-labelledby="members-heading" className="stack-wide">
        <Heading level={2} data-size="md" id="members-heading">
          {m.members.title}
        </Heading>
        {manage ? (
          <Paragraph>
            <Link href={`/organisations/${organisation.id}/members/invite`}>{m.members.invite}</Link>
          </Paragraph>
        ) : null}
        {members.length ? (
          <ScrollableTable caption={m.members.title}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{m.members.name}</Table.HeaderCell>
                <Table.HeaderCell>{m.members.email}</Table.HeaderCell>
                <Table.HeaderCell>{m.members.roles}</Table.HeaderCell>
                <Table.HeaderCell>{m.members.status}</Table.HeaderCell>
                {manage ? <Table.HeaderCell>{m.common.actions}</Table.HeaderCell> : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {members.map((member) => (
                <Table.Row key={member.userId}>
                  <Table.Cell>{member.name}</Table.Cell>
                  <Table.Cell>{member.email}</Table.Cell>
                  <Table.Cell>
                    <ul className="tag-list">
                      {member.roles.map((r) => (
                        <li key={r}>
                          <Tag data-color="info">{m.roles[r]}</Tag>
                        </li>
                      ))}
                    </ul>
                  </Table.Cell>
                  <Table.Cell>
                    <Tag data-color={member.active ? "success" : "warning"}>{member.active ? m.members.active : m.members.invited}</Tag>
                  </Table.Cell>
                  {manage ? (
                    <Table.Cell>
                      <Link href={`/organisations/${organisation.id}/members/${member.userId}`}>
                        {m.members.editRoles}
                        <span className="visually-hidden"> {format(m.members.forName, { name: member.name })}</span>
                      </Link>
                    </Table.Cell>
                  ) : null}
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollableTable>
        ) : (
          <Paragraph>{m.members.empty}</Paragraph>
        )}
      </section>
      {invitations ? <PendingInvitations ctx={ctx} organisationId={organisation.id} invitations={invitations} /> : null}
      <ApprovalSettings ctx={ctx} organisation={organisation} errors={settingsErrors} />
      <SignInSettings ctx={ctx} organisationId={organisation.id} signIn={signIn} errors={signInErrors} />
    </Layout>
  );
}

function PendingInvitations({
  ctx,
  organisationId,
  invitations,
}: {
  ctx: PageContext;
  organisationId: string;
  invitations: PendingInvitationRow[];
}) {
  const { m } = ctx;
  return (
    <section aria-labelledby="invitations-heading" className="stack-wide">
      <Heading level={2} data-size="md" id="invitations-heading">
        {m.members.pendingTitle}
      </Heading>
      {invitations.length ? (
        <ScrollableTable caption={m.members.pendingCaption}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{m.members.name}</Table.HeaderCell>
              <Table.HeaderCell>{m.members.email}</Table.HeaderCell>
              <Table.HeaderCell>{m.members.roles}</Table.HeaderCell>
              <Table.HeaderCell>{m.members.expires}</Table.HeaderCell>
              <Table.HeaderCell>{m.common.actions}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {invitations.map((i) => (
              <Table.Row key={i.invitationId}>
                <Table.Cell>{i.name}</Table.Cell>
                <Table.Cell>{i.email}</Table.Cell>
                <Table.Cell>{i.roles.map((r) => m.roles[r]).join(", ")}</Table.Cell>
                <Table.Cell>{formatDate(ctx.locale, i.expiresAt)}</Table.Cell>
                <Table.Cell>
                  <ActionButton ctx={ctx} action={`/organisations/${organisationId}/invitations/${i.invitationId}/withdraw`}>
                    {m.members.withdraw}
                    <span className="visually-hidden"> {format(m.members.forName, { name: i.name })}</span>
                  </ActionButton>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ScrollableTable>
      ) : (
        <Paragraph>{m.members.pendingEmpty}</Paragraph>
      )}
    </section>
  );
}

/** Whether fastställa needs a second person: the rule for every member to read, a form for those who set it. */
function ApprovalSettings({
  ctx,
  organisation,
  errors,
}: {
  ctx: PageContext;
  organisation: OrganisationView;
  errors?: FormErrors | undefined;
}) {
  const t = ctx.m.organisations.settings;
  const on = organisation.settings.requiresSecondApprover;
  return (
    <section aria-labelledby="settings-heading" className="stack">
      <Heading level={2} data-size="md" id="settings-heading">
        {t.heading}
      </Heading>
      <Paragraph data-testid="approval-rule">{on ? t.secondPersonOn : t.secondPersonOff}</Paragraph>
      <Paragraph data-testid="county">
        {t.county}: {organisation.county && isCounty(organisation.county) ? COUNTIES[organisation.county] : t.noCounty}
      </Paragraph>
      {organisation.permissions.manageSettings ? (
        <Form ctx={ctx} action={`/organisations/${organisation.id}/settings`}>
          <FormErrorSummary ctx={ctx} errors={errors} labels={{ [SECOND_APPROVER_FIELD]: t.legend, [COUNTY_FIELD]: t.county }} />
          <ChoiceGroup
            ctx={ctx}
            name={SECOND_APPROVER_FIELD}
            type="radio"
            legend={t.legend}
            hint={t.hint}
            options={[
              { value: "yes", label: t.secondPerson },
              { value: "no", label: t.anyone },
            ]}
            selected={[on ? "yes" : "no"]}
            errors={errors}
          />
          <SelectField
            ctx={ctx}
            name={COUNTY_FIELD}
            label={t.county}
            hint={t.countyHint}
            value={organisation.county ?? ""}
            options={[{ value: "", label: t.noCounty }, ...COUNTY_CODES.map((code) => ({ value: code, label: COUNTIES[code] }))]}
            errors={errors}
          />
          <div>
            <SubmitButton variant="secondary">{t.save}</SubmitButton>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
