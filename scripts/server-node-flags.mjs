// The Node flags the server runs with. package.json's start script writes them out (npm cannot import
// them; tests/integration/server-node-flags.test.ts compares), and the bench, the process tests and the
// browser tests spawn the server with them, so what they measure is what `npm start` runs.
//
// --max-semi-space-size=2 (MB): V8's young generation may otherwise grow to 3 × 16 MB under load,
// and with a young generation that large few objects reach the old one, so V8 seldom runs the full
// collection after which its memory reducer hands the grown heap back: measured on PGlite after the
// bench's first load, default 380 MB still after 45 s idle; 4 MB 292 MB; 2 MB 281 MB (goal 300). The
// price is more frequent young collections: on PostgreSQL the page throughput falls ~10 % at 4 and
// ~20 % at 2 (1,700 vs 2,100 req/s here), /healthz alike, so the ratios the goals judge stay the same.
// Memory is what an embedded server on a small machine runs out of; a PostgreSQL deployment that
// wants the throughput back can run `node --max-semi-space-size=16 scripts/start.mjs`.
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=2"];
