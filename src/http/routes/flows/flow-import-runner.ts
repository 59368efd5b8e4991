import type { ActualsImport, ActualsImportContext } from "../../../domain/actuals/import/parse-actuals-import.ts";
import type { MeasurementImport, MeasurementImportContext } from "../../../domain/benefits/import/parse-measurement-import.ts";
import type { FlowImport, ImportProblem } from "../../../domain/flows/import/parse-flow-import.ts";
import { DEFAULT_SHEET_LIMITS, isZip, type SheetLimits } from "../../../domain/flows/import/read-sheet.ts";
import { projectModule } from "../../../project-root.ts";
import { defaultValidationPoolSize } from "../../../sandbox/checks/validation-pool.ts";
import { runOnWorker, workerSlots } from "../../../workers/bounded-worker.ts";

/**
 * An uploaded spreadsheet is read on a worker thread of its own, never on the event loop
 * (workers/bounded-worker.ts): a file built to be costly holds up its own thread, not everyone's
 * requests; the thread has a capped heap, and one still working at the end of its time budget is
 * terminated. Either way the import answers one
 * error for the file (import_timeout, import_too_costly) and nothing is saved. A thread per import
 * rather than a pool: imports are rare, and a fresh thread starts with a clean, capped heap.
 * The same runner reads both imports, told apart by the job's kind: flows (parse-flow-import.ts)
 * and actual volumes (parse-actuals-import.ts, with the initiative's flows to match names against), and
 * a benefit's measurements (benefits/import/parse-measurement-import.ts, with the benefit's baseline date).
 */

export type ImportJob =
  | { kind: "flows" }
  | { kind: "actuals"; context: ActualsImportContext }
  | { kind: "measurements"; context: MeasurementImportContext };
type ResultOf<J extends ImportJob> = J extends { kind: "actuals" }
  ? ActualsImport
  : J extends { kind: "measurements" }
    ? MeasurementImport
    : FlowImport;
export type ImportRequest = { bytes: Uint8Array; limits: SheetLimits; job: ImportJob };
export type ImportReply = { ready: true } | { result: FlowImport | ActualsImport | MeasurementImport } | { error: string };

export type FlowImportRunnerOptions = {
  /** How long reading one file may take, from when its thread is ready (10 s). */
  timeoutMs?: number;
  /** The worker's old-generation heap in MB (256): an XLSX that unpacks into more stops the thread, not the server. */
  maxHeapMb?: number;
  /** Imports read at once in this process; more are refused with TOO_MANY_VALIDATIONS (429) until one is done. */
  maxConcurrent?: number;
  limits?: SheetLimits;
};

export const DEFAULT_IMPORT_TIMEOUT_MS = 10_000;

const WORKER_MODULE = projectModule("src", "http", "routes", "flows", "flow-import-worker.ts");

export type ImportRunner = <J extends ImportJob>(bytes: Uint8Array, job: J) => Promise<ResultOf<J>>;
export type FlowImportRunner = (bytes: Uint8Array) => Promise<FlowImport>;

const fileProblem = (code: "import_timeout" | "import_too_costly", message: string): ImportProblem => ({
  row: 0,
  column: null,
  field: null,
  code,
  message,
  value: null,
});

export function createFlowImportRunner(options: FlowImportRunnerOptions = {}): FlowImportRunner {
  const run = createImportRunner(options);
  return (bytes) => run(bytes, { kind: "flows" });
}

export function createImportRunner(options: FlowImportRunnerOptions = {}): ImportRunner {
  const timeoutMs = options.timeoutMs ?? DEFAULT_IMPORT_TIMEOUT_MS;
  const maxHeapMb = options.maxHeapMb ?? 256;
  const maxConcurrent = options.maxConcurrent ?? defaultValidationPoolSize();
  const limits = options.limits ?? DEFAULT_SHEET_LIMITS;
  const slot = workerSlots(
    maxConcurrent,
    (running) => `${running} imports are being read, the most this server reads at once: send it again`,
  );

  return <J extends ImportJob>(bytes: Uint8Array, job: J) => {
    const format = isZip(bytes) ? "xlsx" : "csv";
    // Both results have this shape when nothing was read.
    const failed = (problem: ImportProblem) => ({ format, rows: [], errors: [problem], ignoredColumns: [] }) as unknown as ResultOf<J>;
    const request: ImportRequest = { bytes, limits, job };
    return slot(() =>
      runOnWorker<ResultOf<J>>({
        module: WORKER_MODULE,
        name: "the import",
        maxHeapMb,
        timeoutMs,
        request,
        onReply: (reply) => {
          const answer = reply as Exclude<ImportReply, { ready: true }>;
          return "result" in answer
            ? { result: answer.result as ResultOf<J> }
            : { error: new Error(`the import worker failed: ${answer.error}`) };
        },
        onTimeout: () => failed(fileProblem("import_timeout", `Reading the file took longer than ${timeoutMs / 1000} s and was stopped`)),
        onOutOfMemory: () => failed(fileProblem("import_too_costly", "Reading the file needs more memory than an import may use")),
      }),
    );
  };
}

let shared: ImportRunner | null = null;
/** The process's runner, for both imports' API and pages alike: its limit on imports at once is the process's. */
const sharedRunner = () => {
  shared ??= createImportRunner();
  return shared;
};
export const readFlowImport: FlowImportRunner = (bytes) => sharedRunner()(bytes, { kind: "flows" });
export const readActualsImport = (bytes: Uint8Array, context: ActualsImportContext): Promise<ActualsImport> =>
  sharedRunner()(bytes, { kind: "actuals", context });
export const readMeasurementImport = (bytes: Uint8Array, context: MeasurementImportContext): Promise<MeasurementImport> =>
  sharedRunner()(bytes, { kind: "measurements", context });
