export const svValueNav = {
  valueNav: {
    label: "Nytta och risk",
    businessCase: "Business case",
    effectChain: "Effektkedja",
    benefits: "Nyttorealiseringsplan",
    risks: "Riskanalys",
    reservePlans: "Reservdrift",
  },
} as const;
