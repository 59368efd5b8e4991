import { format } from "../../../i18n/index.ts";
import { Layout, Link, PageHeading, Paragraph } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";

/**
 * "On to the identity provider": the answer to a form (log out, link an account, an address alone on
 * the login form) whose next step is at the provider. The page sends the browser on at once; the
 * link is there for a browser that does not follow the refresh. A redirect would be blocked: the
 * pages' content security policy lets forms lead only to Ansluta itself (form-action 'self').
 */
export function ContinuePage({ ctx, to, name }: { ctx: PageContext; to: string; name: string }) {
  const t = ctx.m.oidc.continue;
  return (
    <Layout ctx={ctx} title={format(t.title, { name })} redirectTo={to}>
      <PageHeading>{format(t.title, { name })}</PageHeading>
      <Paragraph>{t.text}</Paragraph>
      <Paragraph>
        <Link href={to} data-testid="continue">
          {format(t.link, { name })}
        </Link>
      </Paragraph>
    </Layout>
  );
}
