/**
 * The account's sites, events and milestones, in memory: seeded from the site profiles and changed
 * through the management endpoints. Lists keep creation order (Fathom sorts by `created_at`). New ids
 * come from a generator seeded like everything else, so the same calls give the same ids.
 */
import type { EventCurrency } from "@/lib/query/fathom-fields";
import { MS_PER_DAY } from "./calendar";
import { happeningsBetween } from "./happenings";
import { hashSeed, mulberry32, type Random } from "./prng";
import { SITE_PROFILES } from "./site-profiles";
import { formatUtc } from "./time-zone";

export type Sharing = "none" | "private" | "public";
export type SiteRecord = { id: string; name: string; sharing: Sharing; timezone: string; createdAt: string; dataKey: number | null };
export type EventRecord = { id: string; siteId: string; name: string; currency: EventCurrency; createdAt: string; dataKey: number | null };
export type MilestoneRecord = { id: string; siteId: string; name: string; date: string; createdAt: string; updatedAt: string };

/** Milestones each seeded site starts with: its latest happenings in the window. */
const SEEDED_MILESTONES = 6;
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

export function uuidFrom(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = "4";
  hex[16] = ((parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export class AccountState {
  readonly sites: SiteRecord[] = [];
  private readonly events = new Map<string, EventRecord[]>();
  private readonly milestones = new Map<string, MilestoneRecord[]>();
  private readonly random: Random;

  constructor(seed: number, firstDay: number, today: number) {
    this.random = mulberry32(hashSeed(seed, "ids"));
    for (const profile of SITE_PROFILES) {
      const { id, name, sharing, timezone, createdAt, key } = profile;
      this.sites.push({ id, name, sharing, timezone, createdAt, dataKey: key });
      this.events.set(
        id,
        profile.events.map((event, index) => ({ id: event.id, siteId: id, name: event.name, currency: event.currency, createdAt: event.createdAt, dataKey: index })),
      );
      const happenings = happeningsBetween(seed, profile, firstDay, today).slice(-SEEDED_MILESTONES);
      this.milestones.set(
        id,
        happenings.map((happening) => {
          const created = formatUtc((happening.day + 1) * MS_PER_DAY + (hashSeed(seed, id, happening.day) % 600) * 60_000 + 8 * 3_600_000);
          const random = mulberry32(hashSeed(seed, "milestone", id, happening.day, happening.name));
          const date = formatUtc(happening.day * MS_PER_DAY).slice(0, 10);
          return { id: uuidFrom(random), siteId: id, name: happening.name, date, createdAt: created, updatedAt: created };
        }),
      );
    }
  }

  private code(length: number, taken: (id: string) => boolean): string {
    for (;;) {
      const id = Array.from({ length }, () => LETTERS[Math.floor(this.random() * LETTERS.length)]).join("");
      if (!taken(id)) return id;
    }
  }

  site(id: string): SiteRecord | undefined {
    return this.sites.find((site) => site.id === id);
  }

  addSite(fields: Omit<SiteRecord, "id" | "dataKey">): SiteRecord {
    const site = { ...fields, id: this.code(6 + Math.floor(this.random() * 3), (id) => !!this.site(id)), dataKey: null };
    this.sites.push(site);
    this.events.set(site.id, []);
    this.milestones.set(site.id, []);
    return site;
  }

  removeSite(id: string): void {
    const index = this.sites.findIndex((site) => site.id === id);
    if (index >= 0) this.sites.splice(index, 1);
    this.events.delete(id);
    this.milestones.delete(id);
  }

  eventsOf(siteId: string): EventRecord[] {
    return this.events.get(siteId) ?? [];
  }

  /** An event by its id, on any site. */
  eventById(id: string): EventRecord | undefined {
    for (const events of this.events.values()) {
      const event = events.find((candidate) => candidate.id === id);
      if (event) return event;
    }
    return undefined;
  }

  addEvent(siteId: string, fields: Pick<EventRecord, "name" | "currency" | "createdAt">): EventRecord {
    const event: EventRecord = { ...fields, siteId, id: this.code(8, (id) => !!this.eventById(id)), dataKey: null };
    this.eventsOf(siteId).push(event);
    return event;
  }

  removeEvent(siteId: string, id: string): void {
    const events = this.eventsOf(siteId);
    const index = events.findIndex((event) => event.id === id);
    if (index >= 0) events.splice(index, 1);
  }

  milestonesOf(siteId: string): MilestoneRecord[] {
    return this.milestones.get(siteId) ?? [];
  }

  addMilestone(siteId: string, fields: Pick<MilestoneRecord, "name" | "date" | "createdAt">): MilestoneRecord {
    const milestone = { ...fields, siteId, id: uuidFrom(this.random), updatedAt: fields.createdAt };
    this.milestonesOf(siteId).push(milestone);
    return milestone;
  }

  removeMilestone(siteId: string, id: string): void {
    const milestones = this.milestonesOf(siteId);
    const index = milestones.findIndex((milestone) => milestone.id === id);
    if (index >= 0) milestones.splice(index, 1);
  }
}
