import { z } from "zod";
import { ORGANISATION_KINDS } from "../../../domain/access/roles.ts";
import { OPEN_DATA_LICENCE, OPEN_DATA_SCHEMA_VERSION, VOLUME_BANDS } from "../../../domain/portfolio/open-data.ts";

/** The open-data export's schema: stable, versioned by `schemaVersion`; new fields may be added, none renamed. */
export const OpenDataConnection = z
  .object({
    organisationName: z.string(),
    organisationNumber: z.string().meta({ description: "Organisationsnummer, ten digits" }),
    organisationKind: z.enum(ORGANISATION_KINDS),
    county: z.string().nullable().meta({ description: "County (län) letter code, e.g. AB, or null if not stated" }),
    initiativeName: z.string(),
    status: z.enum(["connected", "connecting"]).meta({ description: "connected once a message flow is in production" }),
    phase: z.int().min(1).max(8).meta({ description: "Current phase of the method Metod för anslutning till Mina meddelanden v1.2" }),
    completed: z.boolean().meta({ description: "All eight milestones passed" }),
    plannedProductionQuarter: z.string().nullable().meta({ description: "YYYY-Qn of the first planned production, or null" }),
    volumeBand: z
      .enum(VOLUME_BANDS)
      .meta({ description: "Digital messages in the coming 12 months, as a band (lower-upper; 1000000- is one million or more)" }),
  })
  .meta({ description: "One connection: an initiative its organisation marked publishable" });

export const OpenDataBody = z
  .object({
    schemaVersion: z.literal(OPEN_DATA_SCHEMA_VERSION),
    licence: z.object({ id: z.literal(OPEN_DATA_LICENCE.id), url: z.string() }),
    generatedAt: z.string(),
    connections: z.array(OpenDataConnection),
  })
  .meta({
    description:
      "Public open data (CC0): the organisations connected or connecting to Mina meddelanden through Ansluta, only initiatives their organisation marked publishable",
  });
