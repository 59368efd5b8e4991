import type { Widen } from "../messages.ts";
import type { svVolumes } from "../sv/volumes.ts";

export const enVolumes: Widen<typeof svVolumes> = {
  volumes: {
    title: "Actual volumes",
    lead: "Message volumes as they turned out, to compare with the forecast when benefits are followed up (Realisera nyttor). Production volumes from Mina meddelanden will come later; today there is only the test series from the initiative's test environment.",
    link: "Actual volumes (test series)",
    testSeriesLabel: "Test series from Ansluta's emulator – not real volumes",
    testTag: "Test data",
    testSeriesIntro:
      "The calls the organisation's system made to the initiative's test environment, by calendar month in Swedish time. They show that the follow-up works end to end but say nothing about how many messages are really sent.",
    productionSeriesLabel: "Production volumes ({source})",
    productionTag: "Production",
    excludedLoadTests:
      "{count} calls during load tests are not counted: they are synthetic bursts at a rate the organisation chose, not volumes.",
    noMonths: "The test environment has not received any lookups or deliveries yet.",
    noProduction: "No production volumes have been reported yet.",
    monthsCaption: "{label}: lookups and deliveries by month",
    month: "Month",
    lookups: "Lookups (isReachable)",
    deliveries: "Deliveries",
    delivered: "Delivered",
    notDelivered: "Not delivered",
    faults: "Faults",
    timeouts: "Timeouts",
    refused: "Refused",
    total: "Total",
    operatorsCaption: "{label}: deliveries by mailbox operator over the whole period",
    operator: "Mailbox operator",
  },
};
