#!/usr/bin/env node
/**
 * `npm test`: every check and test the project has, in order: type-check, lint, unit tests (Vitest),
 * then the end-to-end journeys (Playwright) against a fresh production build, the standalone simulator
 * and throwaway data folders. Ends with one line `N passed, N failed` over all of them (each static
 * check counts as one), and exits non-zero when anything failed.
 *
 *   npm test                 everything
 *   npm test -- --no-e2e     skip the browser journeys (quick local loop)
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { buildIfNeeded, root } from "./build-if-needed.mjs";

const args = new Set(process.argv.slice(2));
const results = path.join(root, "test-results");
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const bin = (name) => path.join(root, "node_modules", ".bin", name);

let passed = 0;
let failed = 0;
const lines = [];

function run(label, command, commandArgs, extraEnv = {}) {
  console.log(`\n━━ ${label} ━━`);
  const started = Date.now();
  const result = spawnSync(command, commandArgs, { cwd: root, env: { ...env, ...extraEnv }, stdio: "inherit" });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: result.status === 0, seconds };
}

function check(label, command, commandArgs) {
  const { ok, seconds } = run(label, command, commandArgs);
  if (ok) passed++;
  else failed++;
  lines.push(`${label}: ${ok ? "passed" : "FAILED"} (${seconds} s)`);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** Titles of the Playwright tests that failed or were flaky, from its JSON report (suites nest). */
function failedE2e(report) {
  const titles = [];
  const walk = (suite, trail) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === "unexpected" || test.status === "flaky") {
          titles.push(`${[...trail, spec.title].join(" › ")} (${test.status}, ${spec.file}:${spec.line})`);
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...trail, child.title]);
  };
  for (const suite of report?.suites ?? []) walk(suite, []);
  return titles;
}

check("typecheck", bin("tsc"), ["--noEmit"]);
check("lint", bin("eslint"), ["--max-warnings=0", "."]);

const unitReport = path.join(results, "unit.json");
const unit = run("unit tests (vitest)", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${unitReport}`]);
const unitJson = readJson(unitReport);
if (unitJson) {
  passed += unitJson.numPassedTests;
  failed += unitJson.numFailedTests + (unit.ok || unitJson.numFailedTests ? 0 : 1);
  lines.push(`unit tests: ${unitJson.numPassedTests} passed, ${unitJson.numFailedTests} failed (${unit.seconds} s)`);
  for (const file of unitJson.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status !== "failed") continue;
      const reason = String(test.failureMessages?.[0] ?? "").split("\n")[0].slice(0, 300);
      lines.push(`  FAILED ${path.relative(root, file.name)} › ${test.fullName}: ${reason}`);
    }
  }
} else {
  failed++;
  lines.push(`unit tests: FAILED to run (${unit.seconds} s)`);
}

if (!args.has("--no-e2e")) {
  console.log("\n━━ production build for the end-to-end tests ━━");
  if (buildIfNeeded() !== 0) {
    failed++;
    lines.push("e2e: the production build FAILED");
  } else {
    const e2eReport = path.join(results, "e2e.json");
    const e2e = run("end-to-end tests (playwright)", bin("playwright"), ["test"], { E2E_JSON_REPORT: e2eReport });
    const stats = readJson(e2eReport)?.stats;
    if (stats) {
      const bad = stats.unexpected + stats.flaky;
      passed += stats.expected;
      failed += bad + (e2e.ok || bad ? 0 : 1);
      lines.push(`e2e tests: ${stats.expected} passed, ${bad} failed${stats.skipped ? `, ${stats.skipped} skipped` : ""} (${e2e.seconds} s)`);
      for (const title of failedE2e(readJson(e2eReport))) lines.push(`  FAILED ${title}`);
    } else {
      failed++;
      lines.push(`e2e tests: FAILED to run (${e2e.seconds} s)`);
    }
  }
}

console.log("\n━━ summary ━━");
for (const line of lines) console.log(line);
if (!existsSync(results)) mkdirSync(results);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
