import type { Widen } from "../messages.ts";
import type { svForecastVersions } from "../sv/forecastVersions.ts";

export const enForecastVersions: Widen<typeof svForecastVersions> = {
  forecastVersions: {
    title: "Forecast versions",
  },
};
