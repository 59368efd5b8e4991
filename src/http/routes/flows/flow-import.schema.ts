import { z } from "zod";
import { ForecastQuery } from "./flows.schema.ts";

export const ImportQuery = z.object({
  commit: z
    .enum(["true", "false"], { error: "invalid_choice" })
    .optional()
    .transform((v) => v === "true")
    .meta({ description: "true: save the flows (201) when no row has an error; with errors 400 and nothing is saved" }),
});

export const ImportProblem = z.object({
  row: z.int().meta({ description: "The spreadsheet's row (the header is row 1); 0 for the file as a whole" }),
  column: z.string().nullable().meta({ description: "The column as its header names it" }),
  field: z.string().nullable().meta({ description: "The FlowInput field path, e.g. annualVolume or seasonality.3" }),
  code: z.string().meta({
    description:
      "encoding, empty_file, unreadable_file, too_many_rows, xlsx_too_large, import_timeout, import_too_costly, missing_header, duplicate_header, missing_month, no_rows, not_a_number, not_a_date, not_a_boolean, unknown_choice, or a FlowInput field code (required, whole_number, negative, too_large, date, seasonality_sum, test_after_production, …)",
  }),
  message: z.string(),
  value: z.string().nullable().meta({ description: "The cell as written, when it could not be read" }),
});

export const ImportPreview = z
  .object({
    format: z.enum(["csv", "xlsx"]).meta({ description: "How the file was read: told by its bytes (a ZIP is XLSX), not by Content-Type" }),
    rows: z.array(
      z.object({
        row: z.int(),
        flow: z
          .record(z.string(), z.unknown())
          .meta({ description: "The row as the FlowInput it becomes (POST …/flows's body, defaults filled in)" }),
      }),
    ),
    errors: z.array(ImportProblem),
    ignoredColumns: z.array(z.string()).meta({ description: "Headers no field takes; they are not read" }),
    committed: z.literal(false),
  })
  .meta({ description: "An import read and checked: the rows it would save and every error. Nothing is saved while there is one" });

export const ForecastFileQuery = ForecastQuery;
