import type { Method } from "../types.ts";
import { deliverableTypes } from "./deliverable-types.ts";
import { milestones } from "./milestones.ts";
import { phases } from "./phases.ts";

/** "Metod för anslutning till Mina meddelanden", version 1.2 (Förvaltningsgruppen för Mina meddelanden, 2015-12-16). */
export const methodV12: Method = {
  id: "mina-meddelanden-anslutning",
  version: "1.2",
  name: {
    sv: "Metod för anslutning till Mina meddelanden",
    en: "Method for connecting to Mina meddelanden",
  },
  phases,
  milestones,
  deliverableTypes,
};
