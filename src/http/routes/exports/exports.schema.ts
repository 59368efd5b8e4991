import { z } from "zod";
import { exportFormats } from "../../../exports/export-file.ts";

export const ExportParams = z.object({ deliverableId: z.uuid({ error: "invalid_id" }) });

export const ExportQuery = z.object({
  format: z.enum(exportFormats, { error: "invalid_format" }).meta({ description: "docx or pdf (tagged, PDF/UA)" }),
  version: z.coerce
    .number({ error: "invalid" })
    .int({ error: "invalid" })
    .positive({ error: "invalid" })
    .optional()
    .meta({ description: "Which version; the latest when left out" }),
});

/** Page links carry only a version; anything else in it is a version that does not exist. */
export const PageExportQuery = z.object({ version: z.coerce.number().int().positive().optional() });

/** A milestone's decision package: the initiative and the milestone's numeral (I–VIII; another one is 404 UNKNOWN_MILESTONE). */
export const PackageParams = z.object({ initiativeId: z.uuid({ error: "invalid_id" }), numeral: z.string().min(1).max(10) });

export const PackageQuery = z.object({
  decision: z.uuid({ error: "invalid_id" }).optional().meta({
    description: "A decision on this milestone (a superseded one); the current decision, or the beslutsunderlag before any, when left out",
  }),
});

/** Page links carry only a decision; anything else in it is a decision that does not exist. */
export const PagePackageQuery = z.object({ decision: z.uuid().optional() });
