import "server-only";
import { ApiError, beforeSending } from "@/lib/api/errors";
import { getServerConfig, type ServerConfig } from "@/lib/config/server-config";
import type { LiveMeta } from "@/lib/current-visitors/answer";
import { MAX_INTERVAL_SECONDS } from "@/lib/current-visitors/interval";
import type { AggregationRow } from "@/lib/fathom/aggregations";
import type { FathomClient } from "@/lib/fathom/client";
import { currentVisitorsParamsSchema, type CurrentVisitors } from "@/lib/fathom/current-visitors";
import type { CreateEventBody, UpdateEventBody } from "@/lib/fathom/events";
import { createEventBodySchema, updateEventBodySchema } from "@/lib/fathom/events";
import { checkInput } from "@/lib/fathom/http";
import { milestoneBodySchema, type MilestoneBody } from "@/lib/fathom/milestones";
import { listAll, type FathomList, type ListParams } from "@/lib/fathom/pagination";
import type { DirectorySource } from "@/lib/fathom/site-directory";
import { createSiteBodySchema, updateSiteBodySchema, type CreateSiteBody, type UpdateSiteBody } from "@/lib/fathom/sites";
import { idSchema } from "@/lib/fathom/values";
import { aggregationParamsSchema } from "@/lib/query/aggregation-params";
import { safePatternsSchema } from "@/lib/query/regex-safety";
import { describeToken, getFathom } from "@/lib/server/connection";
import { aggregationRead } from "./aggregation-read";
import type { Governed } from "./answer-meta";
import type { BucketLevel } from "./buckets";
import type { Priority } from "./budget-state";
import { periodFreshness } from "./freshness";
import type { Governor } from "./governor";
import { getGovernor } from "./process-governor";
import { requestKey } from "./request-key";

/** The freshness rules, in seconds (CACHE_* and CURRENT_VISITORS_INTERVAL_SECONDS). */
export type GovernedSettings = {
  closedPeriodSeconds: number;
  openPeriodSeconds: number;
  listsSeconds: number;
  currentVisitorsIntervalSeconds: number;
};

export function governedSettings(config: ServerConfig): GovernedSettings {
  return {
    closedPeriodSeconds: config.CACHE_CLOSED_PERIOD_SECONDS,
    openPeriodSeconds: config.CACHE_OPEN_PERIOD_SECONDS,
    listsSeconds: config.CACHE_LISTS_SECONDS,
    currentVisitorsIntervalSeconds: config.CURRENT_VISITORS_INTERVAL_SECONDS,
  };
}

export type ReadOptions = { priority?: Priority };
export type AggregateOptions = ReadOptions & {
  /** The site's timezone, to tell a closed period from one that touches today (params.timezone wins). */
  timezone?: string | null;
  /**
   * Peek: answer only from what is kept, exactly or cut down from a kept answer with more aggregates (see
   * ./folding.ts), fresh or else marked `stale`; never spends a request and never waits for one. When nothing
   * is kept it throws `notCachedError()` (test with `isNotCached`, ./budget-errors.ts). For figures worth
   * showing only when they cost nothing, such as a saved report's preview in the list of reports.
   */
  cachedOnly?: boolean;
  /** Asked on its own: sent at once rather than after the fold window (./folding.ts, `FoldableRead.solo`). */
  solo?: boolean;
};
export type CurrentVisitorsOptions = ReadOptions & {
  detailed?: boolean;
  /** The interval before stretching (the admin's setting); default CURRENT_VISITORS_INTERVAL_SECONDS. */
  baseIntervalSeconds?: number;
};
export type GovernedCurrentVisitors = { data: CurrentVisitors; meta: LiveMeta };

/**
 * The current-visitors interval in force: the base one, doubled when less than half of the reports
 * budget is left in the window, quadrupled when none is left (or Fathom paused the class).
 */
export function stretchedIntervalSeconds(baseSeconds: number, level: Pick<BucketLevel, "available" | "capacity">): number {
  const factor = level.available === 0 ? 4 : level.available * 2 < level.capacity ? 2 : 1;
  return Math.min(MAX_INTERVAL_SECONDS, baseSeconds * factor);
}

/**
 * An id that is not in Fathom's (cached) list is answered here, without spending a request: made-up ids must
 * not drain the budget everyone shares. Items added in Fathom itself show up once the list is refreshed.
 */
function unknownItem(what: "site" | "event" | "milestone", id: string, listsSeconds: number) {
  const minutes = Math.max(1, Math.round(listsSeconds / 60));
  return beforeSending(new ApiError(
    404,
    `${what}_not_found`,
    `There is no ${what} "${id}" on this Fathom account. One just added in Fathom itself shows up here within ${minutes} min.`,
  ));
}

const siteId = (id: string) => checkInput(idSchema("site"), id, "site id");
const eventIdOf = (id: string) => checkInput(idSchema("event"), id, "event id");
const milestoneIdOf = (id: string) => checkInput(idSchema("milestone"), id, "milestone id");
const tagsOfSite = (id: string) => ({ events: `site:${id}:events`, milestones: `site:${id}:milestones`, all: `site:${id}` });
const earliest = (isoTimes: string[]) => isoTimes.reduce((a, b) => (b < a ? b : a));

/**
 * Fathom as the server may reach it: every read keyed, cached and paced by the governor, every write
 * through the management budget with the lists it changes dropped. Input is checked before any budget
 * is spent, so a bad request costs nothing.
 */
export function createGovernedFathom(deps: {
  client: FathomClient;
  tokenFingerprint: string;
  governor: Governor;
  settings: GovernedSettings;
  now?: () => number;
}) {
  const { client, tokenFingerprint: fingerprint, governor, settings } = deps;
  const now = deps.now ?? Date.now;
  const listFreshness = () => ({ ttlMs: settings.listsSeconds * 1000, persist: false });

  /** Walks a list page by page, each page a governed read of its own (each costs one request upstream). */
  async function governedList<T extends { id: string }>(
    operation: string,
    params: Record<string, string>,
    tags: string[],
    fetchPage: (page: ListParams) => Promise<FathomList<T>>,
    priority: Priority,
  ): Promise<Governed<T[]>> {
    const metas: Governed<unknown>["meta"][] = [];
    const data = await listAll<T>(async (page) => {
      const answer = await governor.read({
        key: requestKey({ operation, fingerprint, params: { ...params, ...page } }),
        cls: "management",
        priority,
        freshness: listFreshness(),
        tags,
        fetch: () => fetchPage(page),
      });
      metas.push(answer.meta);
      return answer.data;
    });
    return {
      data,
      meta: {
        fetchedAt: earliest(metas.map((meta) => meta.fetchedAt)),
        freshUntil: earliest(metas.map((meta) => meta.freshUntil)),
        cached: metas.every((meta) => meta.cached),
        stale: metas.some((meta) => meta.stale),
        shared: metas.some((meta) => meta.shared),
      },
    };
  }

  const listAllSites = ({ priority = "interactive" }: ReadOptions = {}) =>
    governedList("sites", {}, ["sites"], (page) => client.listSites(page), priority);

  /** Throws the 404 for a site that is not in the (cached) list of sites. */
  async function knownSite(id: string, priority: Priority) {
    const sites = await listAllSites({ priority });
    if (!sites.data.some((site) => site.id === id)) throw unknownItem("site", id, settings.listsSeconds);
  }

  const listAllEvents = async (id: string, { priority = "interactive" }: ReadOptions = {}) => {
    const checkedId = siteId(id);
    await knownSite(checkedId, priority);
    const tags = tagsOfSite(checkedId);
    return governedList("events", { site_id: checkedId }, [tags.events, tags.all], (page) => client.listEvents(checkedId, page), priority);
  };

  const listAllMilestones = async (id: string, { priority = "interactive" }: ReadOptions = {}) => {
    const checkedId = siteId(id);
    await knownSite(checkedId, priority);
    const tags = tagsOfSite(checkedId);
    return governedList("milestones", { site_id: checkedId }, [tags.milestones, tags.all], (page) => client.listMilestones(checkedId, page), priority);
  };

  async function knownEvent(site: string, eventId: string) {
    const events = await listAllEvents(site);
    if (!events.data.some((event) => event.id === eventId)) throw unknownItem("event", eventId, settings.listsSeconds);
  }

  async function knownMilestone(site: string, milestoneId: string) {
    const milestones = await listAllMilestones(site);
    if (!milestones.data.some((milestone) => milestone.id === milestoneId)) throw unknownItem("milestone", milestoneId, settings.listsSeconds);
  }

  return {
    /**
     * `GET /aggregations`: closed periods kept long (and across restarts), periods touching today briefly.
     * Folded (./folding.ts): reports that differ only in their aggregates are asked once, with the union of
     * them, and one whose aggregates a kept answer holds costs nothing.
     */
    async aggregate(params: unknown, { priority = "interactive", timezone, cachedOnly = false, solo = false }: AggregateOptions = {}): Promise<Governed<AggregationRow[]>> {
      const checked = checkInput(aggregationParamsSchema, params, "report");
      // A pattern that can backtrack catastrophically would tie Fathom up: refused before any budget is spent.
      checkInput(safePatternsSchema, checked, "report");
      const site = checked.site_id ?? checked.entity_id;
      const read = aggregationRead({
        params: checked,
        fingerprint,
        send: (sent) => client.aggregate(sent),
        priority,
        solo,
        freshness: periodFreshness({
          dateTo: checked.date_to,
          timeZone: checked.timezone ?? timezone ?? undefined,
          now: now(),
          closedPeriodSeconds: settings.closedPeriodSeconds,
          openPeriodSeconds: settings.openPeriodSeconds,
        }),
        tags: site ? [tagsOfSite(site).all] : [],
      });
      return cachedOnly ? governor.folding.peek(read) : governor.folding.read(read);
    },

    /**
     * `GET /current_visitors`, fetched once per interval per site for every viewer. The detailed answer
     * is always the one fetched (same cost), so simple and detailed viewers share it.
     */
    async currentVisitors(
      id: string,
      { detailed = false, priority = "poll", baseIntervalSeconds = settings.currentVisitorsIntervalSeconds }: CurrentVisitorsOptions = {},
    ): Promise<GovernedCurrentVisitors> {
      const { siteId: checkedId } = checkInput(currentVisitorsParamsSchema, { siteId: id, detailed }, "current visitors request");
      await knownSite(checkedId, priority);
      // A budget store that cannot be read (Redis down) stretches nothing; the read itself then says what it can.
      const level = await governor.level("reports").catch(() => null);
      const intervalSeconds = level ? stretchedIntervalSeconds(baseIntervalSeconds, level) : baseIntervalSeconds;
      const answer = await governor.read({
        key: requestKey({ operation: "current_visitors", fingerprint, params: { site_id: checkedId, detailed: true } }),
        cls: "reports",
        priority,
        freshness: { ttlMs: intervalSeconds * 1000, persist: false },
        tags: [tagsOfSite(checkedId).all],
        fetch: () => client.currentVisitors({ siteId: checkedId, detailed: true }),
      });
      const servedInterval = Math.round((Date.parse(answer.meta.freshUntil) - Date.parse(answer.meta.fetchedAt)) / 1000);
      const nextRefreshAt = answer.meta.stale ? new Date(now() + intervalSeconds * 1000).toISOString() : answer.meta.freshUntil;
      const data: CurrentVisitors = detailed ? answer.data : { total: answer.data.total };
      return { data, meta: { ...answer.meta, nextRefreshAt, intervalSeconds: answer.meta.stale ? intervalSeconds : servedInterval, baseIntervalSeconds } };
    },

    listAllSites,
    listAllEvents,
    listAllMilestones,

    /** The governed lists in the shape of the client's, for `loadSiteDirectory` (lib/fathom/site-directory.ts). */
    directorySource: (priority: Priority = "interactive"): DirectorySource => ({
      listAllSites: async () => (await listAllSites({ priority })).data,
      listAllEvents: async (id: string) => (await listAllEvents(id, { priority })).data,
      listAllMilestones: async (id: string) => (await listAllMilestones(id, { priority })).data,
    }),

    async createEvent(id: string, body: CreateEventBody) {
      const checkedId = siteId(id);
      checkInput(createEventBodySchema, body, "event");
      await knownSite(checkedId, "interactive");
      return governor.write({ run: () => client.createEvent(checkedId, body), invalidates: [tagsOfSite(checkedId).events] });
    },
    async updateEvent(id: string, eventId: string, body: UpdateEventBody) {
      const checkedId = siteId(id);
      eventIdOf(eventId);
      checkInput(updateEventBodySchema, body, "event");
      await knownEvent(checkedId, eventId);
      return governor.write({ run: () => client.updateEvent(checkedId, eventId, body), invalidates: [tagsOfSite(checkedId).events] });
    },
    async deleteEvent(id: string, eventId: string) {
      const checkedId = siteId(id);
      eventIdOf(eventId);
      await knownEvent(checkedId, eventId);
      return governor.write({ run: () => client.deleteEvent(checkedId, eventId), invalidates: [tagsOfSite(checkedId).events] });
    },

    async createMilestone(id: string, body: MilestoneBody) {
      const checkedId = siteId(id);
      checkInput(milestoneBodySchema, body, "milestone");
      await knownSite(checkedId, "interactive");
      return governor.write({ run: () => client.createMilestone(checkedId, body), invalidates: [tagsOfSite(checkedId).milestones] });
    },
    async updateMilestone(id: string, milestoneId: string, body: MilestoneBody) {
      const checkedId = siteId(id);
      milestoneIdOf(milestoneId);
      checkInput(milestoneBodySchema, body, "milestone");
      await knownMilestone(checkedId, milestoneId);
      return governor.write({
        run: () => client.updateMilestone(checkedId, milestoneId, body),
        invalidates: [tagsOfSite(checkedId).milestones],
      });
    },
    async deleteMilestone(id: string, milestoneId: string) {
      const checkedId = siteId(id);
      milestoneIdOf(milestoneId);
      await knownMilestone(checkedId, milestoneId);
      return governor.write({ run: () => client.deleteMilestone(checkedId, milestoneId), invalidates: [tagsOfSite(checkedId).milestones] });
    },

    async createSite(body: CreateSiteBody) {
      checkInput(createSiteBodySchema, body, "site");
      return governor.write({ run: () => client.createSite(body), invalidates: ["sites"] });
    },
    /** A new timezone changes what "today" and every date bucket mean for the site: its cached answers go too. */
    async updateSite(id: string, body: UpdateSiteBody) {
      const checkedId = siteId(id);
      const checked = checkInput(updateSiteBodySchema, body, "site");
      const invalidates = checked.timezone === undefined ? ["sites"] : ["sites", tagsOfSite(checkedId).all];
      return governor.write({ run: () => client.updateSite(checkedId, body), invalidates });
    },
    async deleteSite(id: string) {
      const checkedId = siteId(id);
      return governor.write({ run: () => client.deleteSite(checkedId), invalidates: ["sites", tagsOfSite(checkedId).all] });
    },
  };
}

export type GovernedFathom = ReturnType<typeof createGovernedFathom>;

/** The only way the server reaches Fathom: the connection's client behind the process-wide governor. */
export async function governedFathom(): Promise<GovernedFathom & { mode: Awaited<ReturnType<typeof getFathom>>["mode"] }> {
  const [connection, governor] = await Promise.all([getFathom(), getGovernor()]);
  return {
    ...createGovernedFathom({
      client: connection.client,
      tokenFingerprint: connection.tokenFingerprint,
      governor,
      settings: governedSettings(getServerConfig()),
    }),
    mode: connection.mode,
  };
}

/**
 * `GET /token` for a token being tested or saved, asked now (a test must not be answered from a cache)
 * and through the management budget like every other request to Fathom. Works while the connection in
 * use is broken, so an admin can replace an unreadable or revoked token.
 */
export async function checkToken(client: FathomClient) {
  const governor = await getGovernor();
  return governor.write({ run: () => describeToken(client) });
}
