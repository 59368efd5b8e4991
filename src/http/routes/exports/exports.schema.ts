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
