/**
 * Every API route and page of the app, read from the source tree at test time, so the attack journeys cover
 * a route the day it is added, without anyone remembering to list it: `app/api/**\/route.ts` with each
 * exported method and the role its `route({ access })` asks for, and `app/**\/page.tsx`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { root } from "../../scripts/build-if-needed.mjs";

export type Access = "public" | "viewer" | "editor" | "admin";
export type ApiRoute = {
  /** e.g. `/api/sites/[siteId]/milestones/[milestoneId]` */
  template: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Null for a handler that does not go through route() (e.g. the health check). */
  access: Access | null;
  /** The route declares a JSON body. */
  hasBody: boolean;
  params: string[];
};

function walk(dir: string, name: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return walk(full, name);
    return entry === name ? [full] : [];
  });
}

/** `app/(team)/sites/[siteId]/page.tsx` → `/sites/[siteId]` (route groups dropped). */
function templateOf(file: string): string {
  const dir = path.relative(path.join(root, "app"), path.dirname(file));
  const segments = dir.split(path.sep).filter((segment) => segment && !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`.replace(/\/$/, "") || "/";
}

const paramsOf = (template: string) => [...template.matchAll(/\[([^\]]+)\]/g)].map((match) => match[1]!);

export function apiRoutes(): ApiRoute[] {
  return walk(path.join(root, "app", "api"), "route.ts").flatMap((file) => {
    const source = readFileSync(file, "utf8");
    const template = templateOf(file);
    const routes: ApiRoute[] = [];
    for (const match of source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b([\s\S]*?)(?=\nexport |$)/g)) {
      const [, method, rest] = match as unknown as [string, ApiRoute["method"], string];
      const options = /^\s*=\s*route\(\s*\{([\s\S]*?)\}\s*,/.exec(rest)?.[1];
      const access = options ? ((/access:\s*"(\w+)"/.exec(options)?.[1] as Access | undefined) ?? null) : null;
      routes.push({ template, method, access, hasBody: options ? /\bbody\b/.test(options) : false, params: paramsOf(template) });
    }
    return routes;
  });
}

export function pageTemplates(): string[] {
  return walk(path.join(root, "app"), "page.tsx").map((file) => templateOf(file));
}

/** Fills `[name]` segments: `values[name]` is used as written (already encoded, or hostile on purpose). */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\[([^\]]+)\]/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for [${name}] in ${template}`);
    return value;
  });
}

const RANK: Record<Access, number> = { public: 0, viewer: 1, editor: 2, admin: 3 };
/** True when a member of `role` (or nobody, for null) may call a route that asks for `access`. */
export const allowed = (role: Exclude<Access, "public"> | null, access: Access) => RANK[role ?? "public"] >= RANK[access];
