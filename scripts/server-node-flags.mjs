// The Node flags the server runs with. package.json's start script writes them out (npm cannot import
// them; tests/integration/server-node-flags.test.ts compares), and the bench, the process tests and the
// browser tests spawn the server with them, so what they measure is what `npm start` runs.
//
// --max-semi-space-size=2 (MB): V8's young generation may otherwise grow to 3 × 16 MB under load and
// the old generation keeps the room it grew into. Measured on PGlite (bench --quick): idle RSS after
// the first load 366 → 308 MB, at the same or better throughput (a small young generation is
// collected often but cheaply; the app's requests leave little alive).
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=2"];
