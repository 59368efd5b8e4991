import { describe, expect, it } from "vitest";
import { MIN_WORKER_HEAP_MB } from "../../../workers/bounded-worker.ts";
import { createFlowImportRunner, createImportRunner } from "./flow-import-runner.ts";

const csv = (rows: number) => new Uint8Array(Buffer.from(`Namn;Mottagartyp;Årsvolym\n${"Bygglov;privatperson;12 000\n".repeat(rows)}`));

describe("reading an import on a worker thread", () => {
  it("gives the same rows and errors as reading it in place", async () => {
    const result = await createFlowImportRunner()(csv(3));
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.row, r.flow.annualVolume])).toEqual([
      [2, 12000],
      [3, 12000],
      [4, 12000],
    ]);
  });

  it("reads an actuals import on the same runner when the job says so", async () => {
    const bytes = new Uint8Array(Buffer.from("Flöde;Månad;Digitala;Papper\nFaktura;2026-01;3;4\n"));
    const result = await createImportRunner()(bytes, {
      kind: "actuals",
      context: { flows: [{ id: "f", name: "Faktura" }], currentMonth: "2026-12" },
    });
    expect(result).toMatchObject({ errors: [], rows: [{ row: 2, flowId: "f", month: "2026-01", digital: 3, paper: 4 }] });
  });

  it("stops a reading over its time budget and answers one error for the file", async () => {
    const result = await createFlowImportRunner({ timeoutMs: 1 })(csv(5000));
    expect(result.rows).toEqual([]);
    expect(result.errors).toMatchObject([{ row: 0, code: "import_timeout" }]);
  });

  it("answers a reading that runs out of its capped heap with one error for the file, and the server goes on", async () => {
    const result = await createFlowImportRunner({ maxHeapMb: MIN_WORKER_HEAP_MB })(csv(5000));
    expect(result.rows).toEqual([]);
    expect(result.errors).toMatchObject([{ row: 0, code: "import_too_costly" }]);
  });

  it("refuses more imports at once than it may read", async () => {
    const run = createFlowImportRunner({ maxConcurrent: 1 });
    const first = run(csv(1));
    expect(() => run(csv(1))).toThrow(expect.objectContaining({ code: "TOO_MANY_VALIDATIONS" }));
    await first;
    await expect(run(csv(1))).resolves.toMatchObject({ errors: [] });
  });
});
