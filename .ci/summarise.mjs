// Sums the JSON reports of every runner into the one line CI reads: "N passed, N failed".
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
const missing = [];
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
  } else {
    // Vitest
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    // A test file that fails to load has no failed tests of its own; count the file.
    if (!r.numFailedTests && r.numFailedTestSuites) failed += r.numFailedTestSuites;
  }
}
for (const m of missing) console.error(`no report ${m}: that runner did not finish`);
failed += missing.length;
failed += Number(process.env.EXTRA_FAILURES ?? 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
