export const svForecastVersions = {
  forecastVersions: {
    title: "Prognosversioner",
    /** What the förvaltningsgrupp is told about the flows at milestones II–V (the communication is always Swedish). */
    /** On the decision form at milestones II–V: what will be reported, and the decider's note. */
    decisionForm: {
      previewIntro:
        "Tidplanen och meddelandevolymerna hämtas från initiativets meddelandeflöden och volymprognos när beslutet registreras. Så här ser de ut nu:",
      previewTimeline: "Tidplan",
      previewVolumes: "Meddelandevolymer",
      versionsLink: "Prognosversioner och jämförelser",
      note: "Kommentar till förvaltningsgruppen",
      noteHint: "Läggs till sist i meddelandet till förvaltningsgruppen.",
    },
    reported: {
      flowTimeline: "{name}: test {test}, produktion {production}",
      notPlanned: "ej planerad",
      noFlows: "Inga meddelandeflöden registrerade",
      volumesIntro: "Digitala meddelanden per kalenderår enligt prognosen (av total volym):",
      year: "{year}: {digital} av {volume}",
      oneMonth: "{year} ({first}): {digital} av {volume}",
      partYear: "{year} ({first}–{last}): {digital} av {volume}",
      typed: "{computed} Angivet vid beslutet: {typed}",
      typedVolume: "{count} meddelanden per år",
      note: "Kommentar: {note}",
    },
  },
} as const;
