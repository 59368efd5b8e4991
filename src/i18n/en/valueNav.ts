import type { Widen } from "../messages.ts";
import type { svValueNav } from "../sv/valueNav.ts";

export const enValueNav: Widen<typeof svValueNav> = {
  valueNav: {
    label: "Value and risk",
    businessCase: "Business case",
    effectChain: "Effect chain",
    benefits: "Benefit realisation plan",
    risks: "Risk analysis",
    reservePlans: "Reserve operation",
  },
};
