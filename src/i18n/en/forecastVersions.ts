import type { Widen } from "../messages.ts";
import type { svForecastVersions } from "../sv/forecastVersions.ts";

export const enForecastVersions: Widen<typeof svForecastVersions> = {
  forecastVersions: {
    title: "Forecast versions",
    reported: {
      flowTimeline: "{name}: test {test}, production {production}",
      notPlanned: "not planned",
      noFlows: "No message flows registered",
      volumesIntro: "Digital messages per calendar year according to the forecast (of the total volume):",
      year: "{year}: {digital} of {volume}",
      partYear: "{year} ({first}–{last}): {digital} of {volume}",
      typed: "{computed} Stated at the decision: {typed}",
      typedVolume: "{count} messages per year",
      note: "Note: {note}",
    },
  },
};
