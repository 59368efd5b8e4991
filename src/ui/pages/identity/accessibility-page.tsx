import { Layout, PageHeading, Paragraph } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";

export function AccessibilityPage({ ctx }: { ctx: PageContext }) {
  const { m } = ctx;
  return (
    <Layout ctx={ctx} title={m.accessibility.title}>
      <PageHeading>{m.accessibility.title}</PageHeading>
      {m.accessibility.body.map((p) => (
        <Paragraph key={p}>{p}</Paragraph>
      ))}
    </Layout>
  );
}
