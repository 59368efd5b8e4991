import type { Database } from "../../../db/database.ts";
import type { Actor } from "../../../domain/access/actor.ts";
import { stockholmDay } from "../../../domain/follow-up/follow-up-rules.ts";
import type { PortfolioQuery } from "../../../domain/portfolio/portfolio-query.ts";
import { selectPortfolio } from "../../../domain/portfolio/portfolio-query.ts";
import { portfolioRows, readVolumePlan } from "../../../domain/portfolio/read-portfolio.ts";
import type { YearMonth } from "../../../domain/volumes/volume-series.ts";
import { downloadDisposition } from "../../../exports/export-file.ts";
import { portfolioSheet } from "../../../exports/portfolio-sheet.ts";
import { toCsv, toXlsx } from "../../../exports/spreadsheet.ts";
import { volumePlanSheet } from "../../../exports/volume-plan-sheet.ts";
import { format, messagesFor } from "../../../i18n/index.ts";
import { XLSX_MEDIA_TYPE } from "../flows/flow-import.api.ts";

export type PortfolioFile = { contentType: string; contentDisposition: string; body: Buffer };

/** The portfolio with its filters and order (every matching row, whatever page the screen shows) as a file. */
export async function portfolioFile({
  db,
  actor,
  now,
  query,
  fileFormat,
}: {
  db: Database;
  actor: Actor;
  now: Date;
  query: PortfolioQuery;
  fileFormat: "csv" | "xlsx";
}): Promise<PortfolioFile> {
  const { page: _page, pageSize: _size, ...filters } = query;
  const rows = selectPortfolio(await portfolioRows({ db, actor, now }), filters).rows;
  const table = portfolioSheet(rows);
  const title = format(messagesFor("sv").portfolio.fileName, { day: stockholmDay(now) });
  return fileFormat === "csv"
    ? { contentType: "text/csv; charset=utf-8", contentDisposition: downloadDisposition(title, "csv"), body: toCsv(table) }
    : { contentType: XLSX_MEDIA_TYPE, contentDisposition: downloadDisposition(title, "xlsx"), body: await toXlsx([table]) };
}

/** The national volume plan per month, in total, by organisation kind and by recipient type, as Swedish Excel's CSV. */
export async function volumePlanFile(ctx: {
  db: Database;
  actor: Actor;
  now: Date;
  from?: YearMonth | undefined;
  months?: number | undefined;
}): Promise<PortfolioFile> {
  const plan = await readVolumePlan(ctx);
  const title = format(messagesFor("sv").volumePlan.fileName, { from: plan.from });
  return {
    contentType: "text/csv; charset=utf-8",
    contentDisposition: downloadDisposition(title, "csv"),
    body: toCsv(volumePlanSheet(plan)),
  };
}
