import { OPEN_DATA_LICENCE, OPEN_DATA_SCHEMA_VERSION, type OpenDataConnection } from "../../../domain/portfolio/open-data.ts";
import { readOpenData } from "../../../domain/portfolio/read-open-data.ts";
import { toCsv } from "../../../exports/spreadsheet.ts";
import type { AppScope } from "../../app-scope.ts";
import { OpenDataBody } from "./open-data.schema.ts";

/** The CSV's columns: the JSON's field names, so one documentation serves both. */
const COLUMNS = [
  "organisationName",
  "organisationNumber",
  "organisationKind",
  "county",
  "initiativeName",
  "status",
  "phase",
  "completed",
  "plannedProductionQuarter",
  "volumeBand",
] as const satisfies readonly (keyof OpenDataConnection)[];

const LICENCE_LINK = `<${OPEN_DATA_LICENCE.url}>; rel="license"`;

/** Open data for anyone, without signing in (issue 14). Only initiatives marked publishable by their organisation. */
export function openDataApi({ db, api }: AppScope) {
  api({
    method: "GET",
    url: "/api/v1/open-data/connections.json",
    summary:
      "Open data (CC0): who is connected or connecting to Mina meddelanden, phase, planned production quarter and a volume band; only initiatives marked publishable. No sign-in",
    tag: "open-data",
    access: "public",
    response: { status: 200, schema: OpenDataBody },
    handler: async ({ reply, now }) => {
      const connections = await readOpenData({ db, now });
      reply.header("link", LICENCE_LINK).header("cache-control", "public, max-age=60").header("access-control-allow-origin", "*");
      return {
        schemaVersion: OPEN_DATA_SCHEMA_VERSION,
        licence: { id: OPEN_DATA_LICENCE.id, url: OPEN_DATA_LICENCE.url },
        generatedAt: now.toISOString(),
        connections,
      };
    },
  });

  api({
    method: "GET",
    url: "/api/v1/open-data/connections.csv",
    summary:
      "The same open data as connections.json as CSV (UTF-8 with BOM, ';'), one row per connection, columns named as the JSON's fields; licence CC0 in the Link header",
    tag: "open-data",
    access: "public",
    response: { status: 200, files: ["text/csv"] },
    handler: async ({ reply, now }) => {
      const connections = await readOpenData({ db, now });
      const csv = toCsv({
        name: "connections",
        columns: COLUMNS.map((header) => ({ header })),
        rows: connections.map((c) => COLUMNS.map((k) => (typeof c[k] === "boolean" ? String(c[k]) : c[k]))),
      });
      reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="connections.csv"')
        .header("link", LICENCE_LINK)
        .header("cache-control", "public, max-age=60")
        .header("access-control-allow-origin", "*");
      return csv;
    },
  });
}
