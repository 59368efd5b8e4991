import { Paragraph } from "@digdir/designsystemet-react";
import { Layout, Link, PageHeading } from "../components/index.ts";
import type { PageContext } from "../page-context.ts";

export type ErrorKind = "notFound" | "forbidden" | "server" | "csrf" | "badRequest" | "busy" | "databaseUnavailable";

export function ErrorPage({ ctx, kind, referenceId }: { ctx: PageContext; kind: ErrorKind; referenceId?: string }) {
  const { errors } = ctx.m;
  const title = {
    notFound: errors.notFoundTitle,
    forbidden: errors.forbiddenTitle,
    server: errors.serverTitle,
    csrf: errors.csrfTitle,
    badRequest: errors.badRequestTitle,
    busy: errors.busyTitle,
    databaseUnavailable: errors.databaseUnavailableTitle,
  }[kind];
  const text = {
    notFound: errors.notFoundText,
    forbidden: errors.forbiddenText,
    server: errors.serverText,
    csrf: errors.csrfText,
    badRequest: errors.badRequestText,
    busy: errors.busyText,
    databaseUnavailable: errors.databaseUnavailableText,
  }[kind];
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading>{title}</PageHeading>
      <Paragraph>{text}</Paragraph>
      {referenceId ? (
        <Paragraph>
          {errors.reference}: <code>{referenceId}</code>
        </Paragraph>
      ) : null}
      <Paragraph>
        <Link href="/">{errors.backToStart}</Link>
      </Paragraph>
    </Layout>
  );
}
