import { parentPort } from "node:worker_threads";
import { parseActualsImport } from "../../../domain/actuals/import/parse-actuals-import.ts";
import { parseMeasurementImport } from "../../../domain/benefits/import/parse-measurement-import.ts";
import { parseFlowImport } from "../../../domain/flows/import/parse-flow-import.ts";
import type { SheetLimits } from "../../../domain/flows/import/read-sheet.ts";
import type { ImportReply, ImportRequest } from "./flow-import-runner.ts";

/** An import's worker thread (flow-import-runner.ts): reads and checks one file of flows, actuals or a benefit's measurements, posts the result, and is done. */

if (!parentPort) throw new Error("flow-import-worker.ts runs as a worker thread of flow-import-runner.ts");
const port = parentPort;
port.once("message", async ({ bytes, limits, job }: ImportRequest) => {
  let reply: ImportReply;
  try {
    reply = {
      result:
        job.kind === "actuals"
          ? await parseActualsImport(bytes, job.context, limits as SheetLimits)
          : job.kind === "measurements"
            ? await parseMeasurementImport(bytes, job.context, limits as SheetLimits)
            : await parseFlowImport(bytes, limits as SheetLimits),
    };
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
// Loaded and listening: the time budget starts only now.
port.postMessage({ ready: true } satisfies ImportReply);
