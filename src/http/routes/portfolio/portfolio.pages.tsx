import { PortfolioQuery, type PortfolioQuery as Query } from "../../../domain/portfolio/portfolio-query.ts";
import { readNationalBenefits, readNationalPlan, readPortfolio } from "../../../domain/portfolio/read-portfolio.ts";
import { NationalBenefitsPage } from "../../../ui/pages/portfolio/national-benefits-page.tsx";
import { NationalPlanPage } from "../../../ui/pages/portfolio/national-plan-page.tsx";
import { PortfolioPage } from "../../../ui/pages/portfolio/portfolio-page.tsx";
import type { AppScope } from "../../app-scope.ts";
import { pathValue } from "../../path-id.ts";
import { portfolioFile } from "./portfolio-file.ts";

/** The screen shows 50 initiatives at a time; the downloads carry every one that matches. */
const PAGE_SIZE = 50;

/** The förvaltningsgrupp's portfolio page and its downloads (issue 14). */
export function portfolioPages({ page, db }: AppScope) {
  page({
    method: "GET",
    url: "/portfolio",
    access: "session",
    query: PortfolioQuery,
    load: async ({ actor, now, query }) => {
      const result = await readPortfolio({ db, actor, now, query: { ...query, page: query.page ?? 1, pageSize: PAGE_SIZE } });
      return { page: result, query: query as Query };
    },
    render:
      ({ loaded }) =>
      (ctx) => <PortfolioPage ctx={ctx} page={loaded.page} query={loaded.query} />,
  });

  page({
    method: "GET",
    url: "/portfolio/plan",
    access: "session",
    load: ({ actor, now }) => readNationalPlan({ db, actor, now }),
    render:
      ({ loaded }) =>
      (ctx) => (
        <NationalPlanPage
          ctx={ctx}
          quarters={loaded.quarters}
          forecast={loaded.forecast}
          metrics={loaded.metrics}
          volumePlan={loaded.volumePlan}
        />
      ),
  });

  page({
    method: "GET",
    url: "/portfolio/benefits",
    access: "session",
    load: ({ actor }) => readNationalBenefits({ db, actor }),
    render:
      ({ loaded }) =>
      (ctx) => <NationalBenefitsPage ctx={ctx} benefits={loaded} />,
  });

  for (const fileFormat of ["csv", "xlsx"] as const) {
    page({
      method: "GET",
      url: `/portfolio.${fileFormat}`,
      access: "session",
      handle: async ({ actor, now, reply, request }) => {
        // A filter that does not parse is a file that does not exist (404), as for any malformed URL of a page.
        const query = pathValue(PortfolioQuery, request.query);
        const file = await portfolioFile({ db, actor, now, query, fileFormat });
        return reply
          .type(file.contentType)
          .header("content-disposition", file.contentDisposition)
          .header("cache-control", "no-store")
          .send(file.body);
      },
    });
  }
}
