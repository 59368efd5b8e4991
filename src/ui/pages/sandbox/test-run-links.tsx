import { Heading, Link } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";
import { loadTestsHref, testRunCallsHref } from "./test-run-parts.tsx";

/** Where the test environment's page leads on to: every call in full, and load tests. */
export function TestRunLinks({ ctx, initiativeId }: { ctx: PageContext; initiativeId: string }) {
  const t = ctx.m.sandboxRuns;
  return (
    <nav aria-labelledby="test-run-links-heading" className="stack">
      <Heading level={2} data-size="md" id="test-run-links-heading">
        {t.linksHeading}
      </Heading>
      <ul>
        <li>
          <Link href={testRunCallsHref(initiativeId)}>{t.linkCalls}</Link>
        </li>
        <li>
          <Link href={loadTestsHref(initiativeId)}>{t.linkLoadTests}</Link>
        </li>
      </ul>
    </nav>
  );
}
