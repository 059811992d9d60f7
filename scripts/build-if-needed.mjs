/**
 * Builds the production app when there is no build or a source file is newer than it. Shared by
 * `npm start` and the end-to-end runner. Builds hold /tmp/sounding-build.lock so two never overlap.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
/** The production server (Next.js behind Sounding's edge): `node scripts/serve.mjs` with PORT and HOST. */
export const serveScript = path.join(root, "scripts", "serve.mjs");

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "package.json",
  "package-lock.json",
  "next.config.mjs",
  "proxy.ts",
  "instrumentation.ts",
  "tailwind.config.ts",
  "postcss.config.mjs",
  // The edge's helpers are bundled into the app too (the client address, TRUST_PROXY).
  "scripts/edge-guard.mjs",
];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export const distDir = process.env.NEXT_DIST_DIR || ".next";

export function needsBuild() {
  const buildId = path.join(root, distDir, "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((source) => newestMtime(path.join(root, source)) > built);
}

/** Returns the build's exit status (0 when nothing needed doing). */
export function buildIfNeeded() {
  if (!needsBuild()) return 0;
  console.log("[sounding] Building the production app (later starts reuse the build)…");
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  const useFlock = existsSync("/usr/bin/flock");
  const command = useFlock ? "/usr/bin/flock" : process.execPath;
  const args = useFlock ? ["/tmp/sounding-build.lock", process.execPath, nextBin, "build"] : [nextBin, "build"];
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  return result.status ?? 1;
}
