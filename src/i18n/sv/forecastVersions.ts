export const svForecastVersions = {
  forecastVersions: {
    title: "Prognosversioner",
    /** What the förvaltningsgrupp is told about the flows at milestones II–V (the communication is always Swedish). */
    reported: {
      flowTimeline: "{name}: test {test}, produktion {production}",
      notPlanned: "ej planerad",
      noFlows: "Inga meddelandeflöden registrerade",
      volumesIntro: "Digitala meddelanden per kalenderår enligt prognosen (av total volym):",
      year: "{year}: {digital} av {volume}",
      partYear: "{year} ({first}–{last}): {digital} av {volume}",
      typed: "{computed} Angivet vid beslutet: {typed}",
      typedVolume: "{count} meddelanden per år",
      note: "Kommentar: {note}",
    },
  },
} as const;
