import { z } from "zod";
import { ImportProblem } from "../flows/flow-import.schema.ts";

export const ActualsImportPreview = z
  .object({
    format: z.enum(["csv", "xlsx"]).meta({ description: "How the file was read: told by its bytes (a ZIP is XLSX), not by Content-Type" }),
    rows: z.array(
      z.object({
        row: z.int().meta({ description: "The spreadsheet's row (the header is row 1)" }),
        flowId: z.uuid(),
        flowName: z.string().meta({ description: "The flow's name as the initiative has it (the file's may differ in case)" }),
        month: z.string().meta({ description: "YYYY-MM" }),
        digital: z.int(),
        paper: z.int(),
      }),
    ),
    errors: z.array(ImportProblem).meta({
      description:
        "Every problem by row and column: encoding, empty_file, unreadable_file, too_many_rows, xlsx_too_large, import_timeout, import_too_costly, missing_header, duplicate_header, no_rows, required, unknown_flow, ambiguous_flow, not_a_month, future_month, duplicate_row, not_a_number, whole_number, negative, too_large",
    }),
    ignoredColumns: z.array(z.string()).meta({ description: "Headers no column of the import takes; they are not read" }),
    committed: z.literal(false),
  })
  .meta({
    description: "An actuals import read and checked: the months it would save and every error. Nothing is saved while there is one",
  });

export const ActualsImportCommitted = z.object({ committed: z.literal(true), months: z.int() });
