import type { AppScope } from "../../app-scope.ts";
import { ids, pathValue } from "../../path-id.ts";
import { ForecastFileQuery } from "./flow-import.schema.ts";
import { FORECAST_FILE_FORMATS, forecastFile } from "./forecast-file.ts";

/**
 * The forecast page's download links: the same files as the API's, for a signed-in browser. A period
 * that does not parse is a file that does not exist (404), as for any malformed URL of a page.
 */
export function forecastFilePages({ page, db }: AppScope) {
  for (const fileFormat of FORECAST_FILE_FORMATS) {
    page({
      method: "GET",
      url: `/initiatives/:initiativeId/forecast.${fileFormat}`,
      access: "session",
      params: ids("initiativeId"),
      handle: async ({ actor, now, reply, request, params: { initiativeId } }) => {
        const query = pathValue(ForecastFileQuery, request.query);
        const file = await forecastFile({ db, actor, now, initiativeId, ...query, fileFormat });
        return reply
          .type(file.contentType)
          .header("content-disposition", file.contentDisposition)
          .header("cache-control", "no-store")
          .send(file.body);
      },
    });
  }
}
