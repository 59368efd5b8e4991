import type { SignInRefusal } from "../../../domain/oidc/sign-in-rules.ts";
import { Layout, Link, PageHeading, Paragraph } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";

/** A sign-in with an identity provider that did not go through: why, in plain words, and the way back. No session was made. */
export function OidcRefusedPage({ ctx, reason }: { ctx: PageContext; reason: SignInRefusal }) {
  const { m } = ctx;
  return (
    <Layout ctx={ctx} title={m.oidc.refused.title}>
      <PageHeading>{m.oidc.refused.title}</PageHeading>
      <Paragraph data-reason={reason}>{m.oidc.refused.reasons[reason]}</Paragraph>
      <Paragraph>{m.oidc.refused.noSession}</Paragraph>
      <Paragraph>
        <Link href="/login">{m.oidc.refused.back}</Link>
      </Paragraph>
    </Layout>
  );
}
