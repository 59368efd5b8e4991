import {
  readNationalBenefits,
  readPortfolio,
  readPortfolioForecast,
  readProcessMetrics,
  readVolumePlan,
} from "../../../domain/portfolio/read-portfolio.ts";
import type { AppScope } from "../../app-scope.ts";
import { XLSX_MEDIA_TYPE } from "../flows/flow-import.api.ts";
import {
  NationalBenefitsBody,
  PortfolioBody,
  PortfolioForecastBody,
  PortfolioForecastQuery,
  PortfolioQuery,
  PortfolioVolumePlanBody,
  PortfolioVolumePlanQuery,
  ProcessMetricsBody,
} from "./portfolio.schema.ts";
import { portfolioFile, volumePlanFile } from "./portfolio-file.ts";

/** The förvaltningsgrupp's view across organisations (issue 14); nobody else's, the administrator's neither. */
export function portfolioApi({ db, api }: AppScope) {
  api({
    method: "GET",
    url: "/api/v1/portfolio",
    summary:
      "Every organisation's initiatives: phase, last decision, planned test and production, digital messages the next 12 months, flags; filter by kind, county, phase, flag, tactic or text; sort; page (förvaltningsgrupp only)",
    tag: "portfolio",
    access: "authenticated",
    query: PortfolioQuery,
    response: { status: 200, schema: PortfolioBody },
    handler: async ({ actor, query, now }) => {
      const page = await readPortfolio({ db, actor, now, query });
      return { initiatives: page.rows, total: page.total, page: page.page, pageSize: page.pageSize, pages: page.pages };
    },
  });

  for (const fileFormat of ["csv", "xlsx"] as const) {
    api({
      method: "GET",
      url: `/api/v1/portfolio.${fileFormat}`,
      summary: `The portfolio with the same filters and order as GET /api/v1/portfolio, as ${fileFormat === "csv" ? "Swedish Excel's CSV" : "an Excel workbook with real numbers"} (förvaltningsgrupp only)`,
      tag: "portfolio",
      access: "authenticated",
      query: PortfolioQuery,
      response: { status: 200, files: [fileFormat === "csv" ? "text/csv" : XLSX_MEDIA_TYPE] },
      handler: async ({ actor, query, reply, now }) => {
        const file = await portfolioFile({ db, actor, now, query, fileFormat });
        reply.type(file.contentType).header("content-disposition", file.contentDisposition).header("cache-control", "no-store");
        return file.body;
      },
    });
  }

  api({
    method: "GET",
    url: "/api/v1/portfolio/metrics",
    summary:
      "Lead time per phase across organisations: median and quartiles in days for phases completed, and for initiatives in the phase now (förvaltningsgrupp only)",
    tag: "portfolio",
    access: "authenticated",
    response: { status: 200, schema: ProcessMetricsBody },
    handler: async ({ actor, now }) => ({ phases: await readProcessMetrics({ db, actor, now }) }),
  });

  api({
    method: "GET",
    url: "/api/v1/portfolio/forecast",
    summary:
      "The national volume forecast: the sum of every initiative's current forecast per month (default this month and 60 months, at most 240), by organisation kind and by recipient type (förvaltningsgrupp only)",
    tag: "portfolio",
    access: "authenticated",
    query: PortfolioForecastQuery,
    response: { status: 200, schema: PortfolioForecastBody },
    handler: async ({ actor, query, now }) => {
      const national = await readPortfolioForecast({ db, actor, now, from: query.from, months: query.months });
      return { from: national.from, months: national.months, byKind: national.byKind, byRecipientType: national.byRecipientType };
    },
  });

  api({
    method: "GET",
    url: "/api/v1/portfolio/benefits",
    summary:
      "Benefits nationally: every initiative's benefits realised against expected (targets and latest measurements summed per unit, counts by realisation) and the business cases' expected benefit lines, by category, by beneficiary and in total (förvaltningsgrupp only)",
    tag: "portfolio",
    access: "authenticated",
    response: { status: 200, schema: NationalBenefitsBody },
    handler: ({ actor }) => readNationalBenefits({ db, actor }),
  });

  // The national volume plan (issue 14)
  api({
    method: "GET",
    url: "/api/v1/portfolio/volume-plan",
    summary:
      "The national volume plan per month (default from 12 months back, 72 months, at most 240): the sums of the initiatives' current forecasts, latest baselines, latest re-forecasts (each initiative's newest frozen version: its latest baseline if it has no re-forecast or froze a baseline later) and actuals, by organisation kind and by recipient type (förvaltningsgrupp only)",
    tag: "portfolio",
    access: "authenticated",
    query: PortfolioVolumePlanQuery,
    response: { status: 200, schema: PortfolioVolumePlanBody },
    handler: async ({ actor, query, now }) => readVolumePlan({ db, actor, now, from: query.from, months: query.months }),
  });

  api({
    method: "GET",
    url: "/api/v1/portfolio/volume-plan.csv",
    summary:
      "The national volume plan as Swedish Excel's CSV: a row per month for the whole country, then per organisation kind and per recipient type (förvaltningsgrupp only)",
    tag: "portfolio",
    access: "authenticated",
    query: PortfolioVolumePlanQuery,
    response: { status: 200, files: ["text/csv"] },
    handler: async ({ actor, query, reply, now }) => {
      const file = await volumePlanFile({ db, actor, now, from: query.from, months: query.months });
      reply.type(file.contentType).header("content-disposition", file.contentDisposition).header("cache-control", "no-store");
      return file.body;
    },
  });
}
