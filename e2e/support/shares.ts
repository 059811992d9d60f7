/**
 * Client shares for journeys that need one before they start (the journey under test still uses the
 * pages): a dashboard of saved reports made through the API, and a share of it. Names carry a suffix
 * unique to the run.
 */
import { expect, type APIRequestContext } from "@playwright/test";
import { createReport, postJson, storedQuery } from "./saved-items";

export type ShareAnswer = { id: number; slug: string; url: string; state: string };

/** Share settings as `shareSettingsSchema` (lib/shares/share.ts) wants them, with the given changes. */
export function shareSettings(changes: Record<string, unknown> = {}) {
  return {
    clientName: "Acme Client",
    window: { presets: [], defaultPreset: null, floor: null, ceiling: null },
    lockedFilters: [],
    lockedLabel: "",
    milestones: { mode: "all" },
    branding: { accent: null, intro: "", madeWith: true },
    embedOrigins: [],
    refreshMinutes: 15,
    ...changes,
  };
}

/** A dashboard of two saved reports (a daily series and top pages) and a note; `range` as its stored queries'. */
export async function createShareableDashboard(request: APIRequestContext, suffix: string, range: Record<string, unknown> = { preset: "last_30_days" }) {
  const daily = await createReport(request, `Daily visits ${suffix}`, storedQuery({ metrics: ["visits", "pageviews"], grouping: "day", range }));
  const pages = await createReport(
    request,
    `Top pages ${suffix}`,
    storedQuery({ metrics: ["pageviews"], grouping: "none", by: ["pathname"], sort: { field: "pageviews", direction: "desc" }, limit: 10, range }),
  );
  const answer = await postJson(request, "/api/dashboards", {
    name: `Client board ${suffix}`,
    layout: {
      tiles: [
        { id: "tile-daily", size: "wide", kind: "report", reportId: daily.id, view: "all", pinRange: false, pinFilters: false },
        { id: "tile-pages", size: "medium", kind: "report", reportId: pages.id, view: "table", pinRange: false, pinFilters: false },
        { id: "tile-note", size: "full", kind: "text", markdown: "**Notes** for the client." },
      ],
      range: null,
      filters: [],
    },
  });
  expect(answer.status(), await answer.text()).toBe(201);
  const dashboard = (await answer.json()) as { id: number; name: string };
  return { dashboard, reports: [daily, pages] };
}

export async function createShare(request: APIRequestContext, body: Record<string, unknown>): Promise<ShareAnswer> {
  const answer = await postJson(request, "/api/shares", body);
  expect(answer.status(), await answer.text()).toBe(201);
  return (await answer.json()) as ShareAnswer;
}

export async function shareAction(request: APIRequestContext, id: number, action: "pause" | "resume" | "rotate" | "revoke"): Promise<ShareAnswer> {
  const answer = await postJson(request, `/api/shares/${id}/state`, { action });
  expect(answer.status(), await answer.text()).toBe(200);
  return (await answer.json()) as ShareAnswer;
}
