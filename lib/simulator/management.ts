/**
 * The account and management endpoints: account, token, sites, events and milestones (list, get,
 * create, update, delete), with Fathom's answers, validation messages and 404s, and the two retired
 * wipe endpoints (410).
 */
import { EVENT_CURRENCIES, MAX_MILESTONE_NAME_LENGTH, MAX_NAME_LENGTH, SITE_SHARING, type EventCurrency } from "@/lib/query/fathom-fields";
import type { AccountState, EventRecord, MilestoneRecord, Sharing, SiteRecord } from "./account-state";
import { refuseWith, type Answer } from "./answers";
import { paginate } from "./pagination";
import { formatUtc } from "./time-zone";
import { truthy, Validator, type Input } from "./validation";

export type ManagementContext = {
  state: AccountState;
  now: Date;
  /** The query string as PHP parses it (php-input.ts). */
  query: Input;
  /** Query string and body together, as Laravel reads input. */
  input: Input;
  path: Record<string, string>;
};

/** Sites created without a time zone get the account's default. */
export const ACCOUNT_TIMEZONE = "UTC";

const ok = (body: unknown, status = 200): Answer => ({ status, body });

export const presentSite = (site: SiteRecord) => ({
  id: site.id,
  object: "site",
  name: site.name,
  sharing: site.sharing,
  created_at: site.createdAt,
  timezone: site.timezone,
});

/** `currency` is only filled in on create and update answers; lists and gets say null (Fathom does). */
export const presentEvent = (event: EventRecord, withCurrency = false) => ({
  id: event.id,
  object: "event",
  name: event.name,
  currency: withCurrency ? event.currency : null,
  created_at: event.createdAt,
});

export const presentMilestone = (milestone: MilestoneRecord) => ({
  id: milestone.id,
  object: "milestone",
  name: milestone.name,
  milestone_date: `${milestone.date} 00:00:00`,
  created_at: milestone.createdAt,
  updated_at: milestone.updatedAt,
});

export function siteOr404(state: AccountState, id: string | undefined): SiteRecord {
  const site = id ? state.site(id) : undefined;
  return site ?? refuseWith(404, "The site you requested was not found, or this token cannot access it.");
}

function eventOr404(ctx: ManagementContext): EventRecord {
  const site = siteOr404(ctx.state, ctx.path.site);
  const event = ctx.state.eventsOf(site.id).find((candidate) => candidate.id === ctx.path.event);
  return event ?? refuseWith(404, "The event you requested was not found, or this token cannot access it.");
}

function milestoneOr404(ctx: ManagementContext): MilestoneRecord {
  const site = siteOr404(ctx.state, ctx.path.site);
  const milestone = ctx.state.milestonesOf(site.id).find((candidate) => candidate.id === ctx.path.milestone);
  return milestone ?? refuseWith(404, "The milestone you requested was not found, or this token cannot access it.");
}

const now = (ctx: ManagementContext) => formatUtc(ctx.now.getTime());

export const account = (): Answer => ok({ id: 500302232, object: "account", name: "Bugs Bunny", email: "bugs@bugsbunny.com" });

export const token = (ctx: ManagementContext): Answer =>
  ok({
    name: "Sounding simulator",
    version: 4,
    abilities: ["*"],
    last_used_at: now(ctx),
    expires_at: null,
    created_at: "2024-01-01 12:00:00",
    updated_at: now(ctx),
  });

export const retired = (): Answer => refuseWith(410, "This endpoint has been retired. It is no longer possible to wipe data via the API.");

// Sites

export const SITE_FIELDS = ["name", "sharing", "share_password", "timezone", "multi_domain", "multi_domain_option"] as const;
export const EVENT_FIELDS = ["name", "currency"] as const;
export const MILESTONE_FIELDS = ["name", "milestone_date"] as const;

function validateSite(ctx: ManagementContext, creating: boolean) {
  const { input } = ctx;
  const validator = new Validator(input);
  if (creating) validator.required("name");
  validator
    .string("name", MAX_NAME_LENGTH)
    .oneOf("sharing", SITE_SHARING)
    .requiredIf("share_password", input.sharing === "private", "sharing is private")
    .string("share_password", MAX_NAME_LENGTH)
    .timezone("timezone")
    .boolean("multi_domain")
    .requiredIf("multi_domain_option", truthy(input.multi_domain), "multi domain is true")
    .oneOf("multi_domain_option", ["combined", "separate"])
    .check();
}

export const listSites = (ctx: ManagementContext): Answer => ok(paginate(ctx.state.sites, ctx.query, "/v1/sites", presentSite));

export const getSite = (ctx: ManagementContext): Answer => ok(presentSite(siteOr404(ctx.state, ctx.path.site)));

export function createSite(ctx: ManagementContext): Answer {
  validateSite(ctx, true);
  const { input } = ctx;
  const site = ctx.state.addSite({
    name: input.name as string,
    sharing: ((input.sharing as Sharing | undefined) ?? "none") || "none",
    timezone: (input.timezone as string | undefined) || ACCOUNT_TIMEZONE,
    createdAt: now(ctx),
  });
  return ok(presentSite(site));
}

export function updateSite(ctx: ManagementContext): Answer {
  const site = siteOr404(ctx.state, ctx.path.site);
  validateSite(ctx, false);
  const { input } = ctx;
  if (typeof input.name === "string" && input.name) site.name = input.name;
  if (typeof input.sharing === "string" && input.sharing) site.sharing = input.sharing as Sharing;
  if (typeof input.timezone === "string" && input.timezone) site.timezone = input.timezone;
  return ok(presentSite(site));
}

export function deleteSite(ctx: ManagementContext): Answer {
  const site = siteOr404(ctx.state, ctx.path.site);
  ctx.state.removeSite(site.id);
  return ok({ id: site.id, object: "site", deleted: true });
}

// Events

export function listEvents(ctx: ManagementContext): Answer {
  const site = siteOr404(ctx.state, ctx.path.site);
  return ok(paginate(ctx.state.eventsOf(site.id), ctx.query, `/v1/sites/${site.id}/events`, (event) => presentEvent(event)));
}

export const getEvent = (ctx: ManagementContext): Answer => ok(presentEvent(eventOr404(ctx)));

export function createEvent(ctx: ManagementContext): Answer {
  const site = siteOr404(ctx.state, ctx.path.site);
  new Validator(ctx.input).required("name").string("name", MAX_NAME_LENGTH).oneOf("currency", EVENT_CURRENCIES).check();
  const currency = (ctx.input.currency as EventCurrency | undefined) || "dollar";
  const event = ctx.state.addEvent(site.id, { name: ctx.input.name as string, currency, createdAt: now(ctx) });
  return ok(presentEvent(event, true));
}

export function updateEvent(ctx: ManagementContext): Answer {
  const event = eventOr404(ctx);
  new Validator(ctx.input).string("name", MAX_NAME_LENGTH).oneOf("currency", EVENT_CURRENCIES).check();
  if (typeof ctx.input.name === "string" && ctx.input.name) event.name = ctx.input.name;
  if (typeof ctx.input.currency === "string" && ctx.input.currency) event.currency = ctx.input.currency as EventCurrency;
  return ok(presentEvent(event, true));
}

export function deleteEvent(ctx: ManagementContext): Answer {
  const event = eventOr404(ctx);
  ctx.state.removeEvent(event.siteId, event.id);
  return ok({ id: event.id, object: "event", deleted: true });
}

// Milestones

const validateMilestone = (ctx: ManagementContext) =>
  new Validator(ctx.input).required("name").string("name", MAX_MILESTONE_NAME_LENGTH).required("milestone_date").date("milestone_date").check();

export function listMilestones(ctx: ManagementContext): Answer {
  const site = siteOr404(ctx.state, ctx.path.site);
  return ok(paginate(ctx.state.milestonesOf(site.id), ctx.query, `/v1/sites/${site.id}/milestones`, presentMilestone));
}

export const getMilestone = (ctx: ManagementContext): Answer => ok(presentMilestone(milestoneOr404(ctx)));

export function createMilestone(ctx: ManagementContext): Answer {
  const site = siteOr404(ctx.state, ctx.path.site);
  validateMilestone(ctx);
  const milestone = ctx.state.addMilestone(site.id, { name: ctx.input.name as string, date: ctx.input.milestone_date as string, createdAt: now(ctx) });
  return ok(presentMilestone(milestone), 201);
}

export function updateMilestone(ctx: ManagementContext): Answer {
  const milestone = milestoneOr404(ctx);
  validateMilestone(ctx);
  milestone.name = ctx.input.name as string;
  milestone.date = ctx.input.milestone_date as string;
  milestone.updatedAt = now(ctx);
  return ok(presentMilestone(milestone));
}

export function deleteMilestone(ctx: ManagementContext): Answer {
  const milestone = milestoneOr404(ctx);
  ctx.state.removeMilestone(milestone.siteId, milestone.id);
  return ok({ id: milestone.id, object: "milestone", deleted: true });
}
