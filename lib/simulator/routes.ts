/**
 * The Fathom API v1 routes the simulator answers, with the rate-limit class each belongs to and the
 * query parameters each reads (the request log names any others: Fathom passes over them, and a test
 * can see that a client sent something nobody read).
 */
import { AGGREGATION_PARAMETERS } from "./aggregation-request";
import { refuseWith, type Answer } from "./answers";
import * as m from "./management";
import { LIST_PARAMETERS } from "./pagination";
import type { RateClass } from "./rate-limits";

export type RouteContext = m.ManagementContext & {
  reports: { aggregations(ctx: m.ManagementContext): Answer | Promise<Answer>; currentVisitors(ctx: m.ManagementContext): Answer };
};

type Route = { method: string; pattern: string; kind: RateClass; handle: (ctx: RouteContext) => Answer | Promise<Answer>; reads?: readonly string[] };

const ROUTES: Route[] = [
  { method: "GET", pattern: "/v1/account", kind: "other", handle: m.account },
  { method: "GET", pattern: "/v1/token", kind: "other", handle: m.token },
  { method: "GET", pattern: "/v1/sites", kind: "other", handle: m.listSites, reads: LIST_PARAMETERS },
  { method: "POST", pattern: "/v1/sites", kind: "other", handle: m.createSite, reads: m.SITE_FIELDS },
  { method: "GET", pattern: "/v1/sites/:site", kind: "other", handle: m.getSite },
  { method: "POST", pattern: "/v1/sites/:site", kind: "other", handle: m.updateSite, reads: m.SITE_FIELDS },
  { method: "DELETE", pattern: "/v1/sites/:site", kind: "other", handle: m.deleteSite },
  { method: "DELETE", pattern: "/v1/sites/:site/data", kind: "other", handle: m.retired },
  { method: "GET", pattern: "/v1/sites/:site/events", kind: "other", handle: m.listEvents, reads: LIST_PARAMETERS },
  { method: "POST", pattern: "/v1/sites/:site/events", kind: "other", handle: m.createEvent, reads: m.EVENT_FIELDS },
  { method: "GET", pattern: "/v1/sites/:site/events/:event", kind: "other", handle: m.getEvent },
  { method: "POST", pattern: "/v1/sites/:site/events/:event", kind: "other", handle: m.updateEvent, reads: m.EVENT_FIELDS },
  { method: "DELETE", pattern: "/v1/sites/:site/events/:event", kind: "other", handle: m.deleteEvent },
  { method: "DELETE", pattern: "/v1/sites/:site/events/:event/data", kind: "other", handle: m.retired },
  { method: "GET", pattern: "/v1/sites/:site/milestones", kind: "other", handle: m.listMilestones, reads: LIST_PARAMETERS },
  { method: "POST", pattern: "/v1/sites/:site/milestones", kind: "other", handle: m.createMilestone, reads: m.MILESTONE_FIELDS },
  { method: "GET", pattern: "/v1/sites/:site/milestones/:milestone", kind: "other", handle: m.getMilestone },
  { method: "POST", pattern: "/v1/sites/:site/milestones/:milestone", kind: "other", handle: m.updateMilestone, reads: m.MILESTONE_FIELDS },
  { method: "DELETE", pattern: "/v1/sites/:site/milestones/:milestone", kind: "other", handle: m.deleteMilestone },
  { method: "GET", pattern: "/v1/aggregations", kind: "reports", handle: (ctx) => ctx.reports.aggregations(ctx), reads: AGGREGATION_PARAMETERS },
  { method: "GET", pattern: "/v1/current_visitors", kind: "reports", handle: (ctx) => ctx.reports.currentVisitors(ctx), reads: ["site_id", "detailed"] },
];

function matchPattern(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split("/");
  const got = pathname.replace(/\/+$/, "").split("/");
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const part = want[i]!;
    const value = got[i]!;
    if (part.startsWith(":")) {
      if (!value) return null;
      try {
        params[part.slice(1)] = decodeURIComponent(value);
      } catch {
        return null; // a malformed escape cannot name anything
      }
    } else if (part !== value) return null;
  }
  return params;
}

export type Match = { kind: RateClass; params: Record<string, string>; handle: Route["handle"] };

/** The route for a request, or a 404/405 refusal (thrown) for a path or method Fathom does not have. */
export function matchRoute(method: string, pathname: string): Match {
  let pathMatched = false;
  for (const route of ROUTES) {
    const params = matchPattern(route.pattern, pathname);
    if (!params) continue;
    pathMatched = true;
    if (route.method === method) return { kind: route.kind, params, handle: route.handle };
  }
  if (pathMatched) refuseWith(405, `The ${method} method is not supported for this route.`);
  return refuseWith(404, "Not found.");
}

/** The query parameter names a request carried that its endpoint does not read. */
export function ignoredParameters(method: string, pathname: string, names: readonly string[]): string[] {
  const route = ROUTES.find((candidate) => candidate.method === method && matchPattern(candidate.pattern, pathname));
  const reads = new Set(route?.reads ?? []);
  return names.filter((name) => !reads.has(name));
}

/** The rate class of a path even when it is not a route (unknown paths count against the hourly budget). */
export function rateClassOf(pathname: string): RateClass {
  return /^\/v1\/(aggregations|current_visitors)\/?$/.test(pathname) ? "reports" : "other";
}
