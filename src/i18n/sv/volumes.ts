export const svVolumes = {
  volumes: {
    title: "Faktiska volymer",
    lead: "Meddelandevolymerna som de blev, att jämföra med prognosen när nyttorna följs upp (Realisera nyttor). Produktionsvolymer från Mina meddelanden kommer senare; i dag finns bara testserien från initiativets testmiljö.",
    link: "Faktiska volymer (testserie)",
    testSeriesLabel: "Testserie från Anslutas emulator – inte verkliga volymer",
    testTag: "Testdata",
    testSeriesIntro:
      "Anropen som organisationens system har gjort mot initiativets testmiljö, per kalendermånad i svensk tid. De visar att uppföljningen fungerar hela vägen men säger ingenting om hur många meddelanden som skickas på riktigt.",
    productionSeriesLabel: "Produktionsvolymer ({source})",
    productionTag: "Produktion",
    excludedLoadTests:
      "{count} anrop under lasttester räknas inte med: de är konstgjorda toppar i en takt som organisationen själv valde, inte volymer.",
    noMonths: "Testmiljön har inte tagit emot några uppslag eller leveranser ännu.",
    noProduction: "Inga produktionsvolymer är inrapporterade ännu.",
    monthsCaption: "{label}: uppslag och leveranser per månad",
    month: "Månad",
    lookups: "Uppslag (isReachable)",
    deliveries: "Leveranser",
    delivered: "Levererade",
    notDelivered: "Ej levererade",
    faults: "Fel",
    timeouts: "Tidsgräns",
    refused: "Avvisade",
    total: "Totalt",
    operatorsCaption: "{label}: leveranser per brevlådeoperatör under hela perioden",
    operator: "Brevlådeoperatör",
  },
} as const;
