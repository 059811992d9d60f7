/**
 * Things that happen to a site and show in its traffic: a referral spike when it is featured somewhere,
 * the monthly newsletter, seasonal sales. Each is fixed by the seed and the calendar, so the data and
 * the milestones that mark them agree whenever they are generated.
 */
import { civil, dayOf, daysInMonth } from "./calendar";
import { campaignName } from "./channels";
import { hashSeed, hashUnit } from "./prng";
import type { SiteProfile } from "./site-profiles";

const FEATURE_CHANCE_PER_MONTH = 0.3;
/** Extra channel weight on the day of a feature (the channels of a site weigh about 100 in all). */
const FEATURE_SPIKE = 70;
const NEWSLETTER_LIFT = [8, 3, 1.6];

export type Feature = { day: number; channelKey: string; milestone: string };

export function featureOfMonth(seed: number, profile: SiteProfile, year: number, month: number): Feature | null {
  if (!profile.features.length || hashUnit(seed, profile.key, "feature", year, month) >= FEATURE_CHANCE_PER_MONTH) return null;
  const day = dayOf(year, month, 1) + (hashSeed(seed, profile.key, "feature-day", year, month) % daysInMonth(year, month));
  const [channelKey, milestone] = profile.features[hashSeed(seed, profile.key, "feature-kind", year, month) % profile.features.length]!;
  return { day, channelKey, milestone };
}

/** The day the month's newsletter goes out: a Tuesday, Wednesday or Thursday in its first three weeks. */
export function newsletterDay(seed: number, profile: SiteProfile, year: number, month: number): number {
  const first = dayOf(year, month, 1);
  const firstWeekday = civil(first).dayOfWeek;
  const tuesday = first + ((2 - firstWeekday + 7) % 7);
  return tuesday + 7 * (hashSeed(seed, profile.key, "newsletter-week", year, month) % 3) + (hashSeed(seed, profile.key, "newsletter-day", year, month) % 3);
}

/** How a day's happenings move each channel: weight × multiply + add. */
export type Boost = { multiply: number; add: number };

export function channelBoosts(seed: number, profile: SiteProfile, day: number): Map<string, Boost> {
  const boosts = new Map<string, Boost>();
  const boost = (key: string) => {
    let value = boosts.get(key);
    if (!value) boosts.set(key, (value = { multiply: 1, add: 0 }));
    return value;
  };
  for (let back = 0; back <= 5; back++) {
    const { year, month } = civil(day - back);
    const feature = featureOfMonth(seed, profile, year, month);
    if (feature?.day === day - back) boost(feature.channelKey).add += FEATURE_SPIKE * Math.exp(-back / 1.3);
    const lift = NEWSLETTER_LIFT[back];
    if (lift && newsletterDay(seed, profile, year, month) === day - back) boost("newsletter").multiply *= lift;
  }
  return boosts;
}

export type Happening = { day: number; name: string };

/** Features and sale starts between two days (inclusive), oldest first. */
export function happeningsBetween(seed: number, profile: SiteProfile, fromDay: number, toDay: number): Happening[] {
  const found: Happening[] = [];
  const start = civil(fromDay);
  const end = civil(toDay);
  for (let year = start.year, month = start.month; year < end.year || (year === end.year && month <= end.month); month === 12 ? (year++, (month = 1)) : month++) {
    const feature = featureOfMonth(seed, profile, year, month);
    if (feature) found.push({ day: feature.day, name: feature.milestone });
  }
  for (const [channel] of profile.channels) {
    const template = profile.saleMilestones[channel.key];
    if (!template || !channel.active) continue;
    for (let year = start.year; year <= end.year; year++) {
      found.push({ day: dayOf(year, channel.active.from[0], channel.active.from[1]), name: campaignName(template, year, 1) });
    }
  }
  return found.filter((h) => h.day >= fromDay && h.day <= toDay).sort((a, b) => a.day - b.day || a.name.localeCompare(b.name));
}
