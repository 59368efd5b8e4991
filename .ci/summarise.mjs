// Sums the JSON reports of every runner into the one line CI reads: "N passed, N failed".
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
const missing = [];
// The names of what failed, printed before the total so that a CI log cut to its end still says which.
const failures = [];
const firstLine = (messages) => String(messages?.[0] ?? "").split("\n")[0].slice(0, 300);
function* failedPlaywrightTests(suites) {
  for (const s of suites) {
    yield* failedPlaywrightTests(s.suites ?? []);
    for (const spec of s.specs ?? []) if (spec.ok === false) yield `${spec.file} > ${spec.title}`;
  }
}
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    missing.push(file);
    continue;
  }
  const r = JSON.parse(readFileSync(file, "utf8"));
  if (r.stats) {
    // Playwright
    passed += r.stats.expected + (r.stats.flaky ?? 0);
    failed += r.stats.unexpected;
    for (const t of failedPlaywrightTests(r.suites ?? [])) failures.push(`${file}: ${t}`);
  } else {
    // Vitest
    for (const f of r.testResults ?? []) {
      const failedTests = (f.assertionResults ?? []).filter((t) => t.status === "failed");
      for (const t of failedTests) failures.push(`${file}: ${f.name} > ${t.fullName}: ${firstLine(t.failureMessages)}`);
      // "pending" at the end of a run is a test that started and never finished: its worker process died
      // (vitest reports the file as passed and the crash only as an unhandled error). Skipped tests are "skipped".
      const unfinished = (f.assertionResults ?? []).filter((t) => t.status === "pending");
      for (const t of unfinished) failures.push(`${file}: ${f.name} > ${t.fullName}: never finished (its worker died)`);
      failed += unfinished.length;
      // A file that failed to load, or whose beforeAll failed, has no failed tests of its own (they are
      // skipped): count the file once, whatever the other files did.
      if (f.status === "failed" && !failedTests.length) {
        failures.push(`${file}: ${f.name}: ${firstLine([f.message]) || "failed before its tests ran (loading or a hook)"}`);
        failed += 1;
      }
    }
    passed += r.numPassedTests;
    failed += r.numFailedTests;
  }
}
for (const f of failures) console.error(`FAILED ${f}`);
for (const m of missing) console.error(`no report ${m}: that runner did not finish`);
failed += missing.length;
failed += Number(process.env.EXTRA_FAILURES ?? 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
