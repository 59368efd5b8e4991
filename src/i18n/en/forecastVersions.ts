import type { Widen } from "../messages.ts";
import type { svForecastVersions } from "../sv/forecastVersions.ts";

export const enForecastVersions: Widen<typeof svForecastVersions> = {
  forecastVersions: {
    title: "Forecast versions",
    decisionForm: {
      previewIntro:
        "The timeline and message volumes are taken from the initiative's message flows and volume forecast when the decision is recorded. This is what they say now (the message is in Swedish):",
      previewTimeline: "Timeline",
      previewVolumes: "Message volumes",
      versionsLink: "Forecast versions and comparisons",
      note: "Note to the förvaltningsgrupp",
      noteHint: "Added at the end of the message to the förvaltningsgrupp.",
    },
    reported: {
      flowTimeline: "{name}: test {test}, production {production}",
      notPlanned: "not planned",
      noFlows: "No message flows registered",
      volumesIntro: "Digital messages per calendar year according to the forecast (of the total volume):",
      year: "{year}: {digital} of {volume}",
      oneMonth: "{year} ({first}): {digital} of {volume}",
      partYear: "{year} ({first}–{last}): {digital} of {volume}",
      typed: "{computed} Stated at the decision: {typed}",
      typedVolume: "{count} messages per year",
      note: "Note: {note}",
    },
  },
};
