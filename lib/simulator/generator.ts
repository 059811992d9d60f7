/**
 * Generates one site-day of pageviews and event completions, as visits: each visit has one visitor
 * (place + device), one source (channel, referrer, UTM tags) and a walk through the site's pages with
 * time on each page; events fire on the pages they belong to. The day's volume follows the hour of day
 * in the site's time zone, the day of week, the season, growth and the day's happenings. A day depends
 * only on the seed, the site and the day, never on what else was generated.
 */
import { civil, MINUTES_PER_DAY } from "./calendar";
import { campaignName, isActive, type Channel } from "./channels";
import { ChunkBuilder, FLAG_BOUNCE, FLAG_UNIQUE, FLAG_VISIT, type Chunk } from "./chunk";
import { ContentCatalog } from "./content";
import { DEVICES, deviceWeights } from "./devices";
import type { DimensionTables } from "./dimensions";
import { COUNTRY_CODES, PLACES, placeWeights } from "./geo";
import { channelBoosts } from "./happenings";
import { cumulate, hashSeed, logNormal, mulberry32, poisson, weightedIndex, type Random } from "./prng";
import type { SiteProfile } from "./site-profiles";
import { offsetAt } from "./time-zone";

/** Share of a day's visits that start in each local hour (midnight first). */
const HOURLY = [0.22, 0.15, 0.12, 0.1, 0.1, 0.15, 0.3, 0.55, 0.85, 1.0, 1.1, 1.15, 1.1, 1.1, 1.15, 1.1, 1.0, 0.92, 0.88, 0.9, 0.85, 0.72, 0.55, 0.36];
const HOURLY_TOTAL = HOURLY.reduce((a, b) => a + b, 0);
const PAGES_PER_VISIT = 2.1;
const DAY_2025 = Date.UTC(2025, 0, 1) / 86_400_000;
const MAX_PAGES = 12;

const enum PageKind {
  Nav = 0,
  Article = 1,
  Shop = 2,
  Campaign = 3,
  ContentIndex = 4,
}

/** The registrable domain of a hostname (`shop.bugsbunny.com` → `bugsbunny.com`). */
export function domainOf(hostname: string): string {
  const labels = hostname.split(".");
  const secondLevel = labels.length >= 3 && /^(co|com|org|net|ac|gov)$/.test(labels[labels.length - 2] ?? "") && (labels.at(-1)?.length ?? 0) === 2;
  return labels.slice(secondLevel ? -3 : -2).join(".");
}

export class SiteGenerator {
  private readonly placeTotals: Float64Array;
  private readonly deviceTotals: Float64Array;
  private readonly navTotals: Float64Array;
  private readonly shopTotals: Float64Array | null;
  private readonly visitorIds: Int32Array;
  /** Source ids by campaign period (year·12 + month, or 0), then by the visit's variant. */
  private readonly sourceIds = new Map<number, Map<number, number>>();
  /** Page ids by kind and index (articles by publication day). */
  private readonly pageIds = new Map<number, Int32Array>();
  /** Per page id: indexes of the events that fire on it. */
  private readonly pageEvents: number[][] = [];
  private readonly content: ContentCatalog;
  private readonly seen = new Int32Array(MAX_PAGES);
  private readonly fired = new Int32Array(MAX_PAGES * 4);

  constructor(
    readonly profile: SiteProfile,
    private readonly seed: number,
    private readonly tables: DimensionTables,
  ) {
    this.placeTotals = cumulate(placeWeights(profile.countries));
    this.deviceTotals = cumulate(deviceWeights(profile.devices));
    this.navTotals = cumulate(profile.nav.map(([, , weight]) => weight));
    this.shopTotals = profile.shop ? cumulate(profile.shop.paths.map((_, i) => 1 / (1 + i * 0.35))) : null;
    this.visitorIds = new Int32Array(PLACES.length * DEVICES.length).fill(-1);
    this.content = new ContentCatalog(profile, seed);
  }

  generateDay(day: number): Chunk {
    const { profile } = this;
    const random = mulberry32(hashSeed(this.seed, profile.key, "day", day));
    const builder = new ChunkBuilder(Math.ceil(profile.pageviewsPerDay * 2), 64);
    const { month, dayOfMonth, year } = civil(day);

    const boosts = channelBoosts(this.seed, profile, day);
    let nominal = 0;
    const weights = profile.channels.map(([channel, weight]) => {
      if (channel.active) return isActive(channel, month, dayOfMonth) ? weight : 0;
      nominal += weight;
      const boost = boosts.get(channel.key);
      return boost ? weight * boost.multiply + boost.add : weight;
    });
    const channelTotals = cumulate(weights);
    const lift = (channelTotals.at(-1) ?? 0) / Math.max(1, nominal);
    const articles = this.content.weightsOn(day);
    const growth = Math.pow(1 + profile.growthPerYear, (day - DAY_2025) / 365.25);
    const visitsPerDay = (profile.pageviewsPerDay / PAGES_PER_VISIT) * growth * lift * logNormal(random, 1, 0.07);

    for (let hour = 0; hour < 24; hour++) {
      const hourStart = day * MINUTES_PER_DAY + hour * 60;
      const local = civil(Math.floor((hourStart + offsetAt(profile.timezone, hourStart)) / MINUTES_PER_DAY));
      const localHour = ((Math.floor((hourStart + offsetAt(profile.timezone, hourStart)) / 60) % 24) + 24) % 24;
      const season = 1 + profile.season.amplitude * Math.cos((2 * Math.PI * (local.dayOfYear - profile.season.peakDayOfYear)) / 365.25);
      const expected = (visitsPerDay * (HOURLY[localHour] ?? 1) * (profile.weekly[local.dayOfWeek] ?? 1) * season) / HOURLY_TOTAL;
      const visits = poisson(random, expected);
      for (let v = 0; v < visits; v++) {
        const channel = weightedIndex(random, channelTotals);
        this.visit(random, builder, hourStart + Math.floor(random() * 60), channel, articles, year, month);
      }
    }
    return builder.build();
  }

  private visit(
    random: Random,
    builder: ChunkBuilder,
    start: number,
    channelIndex: number,
    articles: ReturnType<ContentCatalog["weightsOn"]>,
    year: number,
    month: number,
  ) {
    const place = weightedIndex(random, this.placeTotals);
    const device = weightedIndex(random, this.deviceTotals);
    const visitor = this.visitorId(place, device);
    const channel = this.profile.channels[channelIndex]![0];
    const source = this.sourceId(random, channelIndex, place, year, month);
    const mobile = DEVICES[device]?.deviceType === "Mobile";
    let pages = 1;
    if (random() >= channel.bounce + (mobile ? 0.06 : 0)) {
      pages = 2;
      while (pages < MAX_PAGES && random() > 0.45) pages++;
    }

    const seen = this.seen;
    const fired = this.fired;
    let firedCount = 0;
    let page = this.landing(random, channel, articles);
    let elapsed = 0;
    for (let i = 0; i < pages; i++) {
      let flags = FLAG_UNIQUE;
      for (let s = 0; s < i; s++) if (seen[s] === page) flags = 0;
      if (i === 0) flags |= FLAG_VISIT | (pages === 1 ? FLAG_BOUNCE : 0);
      const last = i === pages - 1;
      let duration = 0;
      if (!last) duration = Math.min(1500, Math.max(3, logNormal(random, 38, 0.9)));
      else if (random() < (pages === 1 ? 0.45 : 0.55)) duration = Math.min(1800, Math.max(1, logNormal(random, pages === 1 ? 18 : 28, 1)));
      const minute = start + Math.floor(elapsed / 60);
      builder.addPageview(minute, visitor, source, page, flags, duration);
      for (const event of this.pageEvents[page] ?? []) {
        const spec = this.profile.events[event]!;
        if (random() >= spec.rate) continue;
        const value = spec.value ? logNormal(random, spec.value.medianCents, spec.value.sigma) : 0;
        let unique = FLAG_UNIQUE;
        for (let f = 0; f < firedCount; f++) if (fired[f] === event) unique = 0;
        builder.addEvent(minute, visitor, source, page, event, unique, value);
        if (firedCount < fired.length) fired[firedCount++] = event;
      }
      seen[i] = page;
      elapsed += duration;
      if (!last) page = i > 0 && random() < 0.1 ? (seen[i - 1] ?? page) : this.wander(random, articles);
    }
  }

  private landing(random: Random, channel: Channel, articles: ReturnType<ContentCatalog["weightsOn"]>): number {
    switch (channel.landing) {
      case "home":
        return random() < 0.8 ? this.page(PageKind.Nav, 0) : this.page(PageKind.Nav, weightedIndex(random, this.navTotals));
      case "content":
        return this.article(random, articles);
      case "shop":
        return this.shopTotals ? this.page(PageKind.Shop, weightedIndex(random, this.shopTotals)) : this.campaign(random);
      case "campaign":
        return this.campaign(random);
    }
  }

  private wander(random: Random, articles: ReturnType<ContentCatalog["weightsOn"]>): number {
    const roll = random();
    if (roll < 0.55) return this.page(PageKind.Nav, weightedIndex(random, this.navTotals));
    if (roll < 0.85 || !this.shopTotals) return this.article(random, articles);
    return this.page(PageKind.Shop, weightedIndex(random, this.shopTotals));
  }

  private article(random: Random, articles: ReturnType<ContentCatalog["weightsOn"]>): number {
    if (!articles.articles.length || random() < 0.1) return this.page(PageKind.ContentIndex, 0);
    return this.page(PageKind.Article, weightedIndex(random, articles.totals), articles.articles);
  }

  private campaign(random: Random): number {
    return this.page(PageKind.Campaign, Math.floor(random() * this.profile.campaignPages.length));
  }

  private page(kind: PageKind, index: number, articles?: ReturnType<ContentCatalog["weightsOn"]>["articles"]): number {
    // Articles are keyed by their publication day, which is stable, not by their index in today's list.
    const ref = kind === PageKind.Article ? (articles?.[index]?.day ?? 0) : index;
    let ids = this.pageIds.get(kind);
    if (!ids || ids.length <= ref) {
      const next = new Int32Array(Math.max(64, ref * 2)).fill(-1);
      if (ids) next.set(ids);
      this.pageIds.set(kind, (ids = next));
    }
    const known = ids[ref] ?? -1;
    if (known >= 0) return known;
    const { profile } = this;
    let hostname = profile.hostname;
    let pathname = "/";
    if (kind === PageKind.Nav) {
      const [host, path] = profile.nav[index]!;
      hostname = host ?? profile.hostname;
      pathname = path;
    } else if (kind === PageKind.Article) {
      hostname = profile.content.hostname;
      pathname = articles?.[index]?.pathname ?? profile.content.index;
    } else if (kind === PageKind.ContentIndex) {
      hostname = profile.content.hostname;
      pathname = profile.content.index;
    } else if (kind === PageKind.Shop && profile.shop) {
      hostname = profile.shop.hostname;
      pathname = profile.shop.paths[index] ?? "/";
    } else if (kind === PageKind.Campaign) {
      pathname = profile.campaignPages[index] ?? "/";
    }
    const id = this.tables.page.intern([hostname, pathname, domainOf(hostname)]);
    ids[ref] = id;
    if (!this.pageEvents[id]) {
      this.pageEvents[id] = profile.events.flatMap((event, i) => (`${hostname}${pathname}`.startsWith(event.onPage) ? [i] : []));
    }
    return id;
  }

  private visitorId(place: number, device: number): number {
    const slot = place * DEVICES.length + device;
    const known = this.visitorIds[slot] ?? -1;
    if (known >= 0) return known;
    const p = PLACES[place]!;
    const d = DEVICES[device]!;
    const id = this.tables.visitor.intern([p.countryCode, p.region, p.state, p.city, d.deviceType, d.os, d.browser]);
    this.visitorIds[slot] = id;
    return id;
  }

  private sourceId(random: Random, channelIndex: number, place: number, year: number, month: number): number {
    const channel = this.profile.channels[channelIndex]![0];
    const country = typeof channel.referrer === "function" ? COUNTRY_CODES.indexOf(PLACES[place]!.countryCode) + 1 : 0;
    const r = random();
    const path = Math.min(63, Math.floor(channel.referrerPaths.length * r * r));
    const utm = channel.utm;
    const content = utm?.contents ? Math.floor(random() * utm.contents.length) : 0;
    const t = random();
    const term = utm?.terms ? Math.floor(utm.terms.length * t * t) : 0;
    const ref = channel.refs ? Math.floor(random() * channel.refs.length) : 0;
    const period = !utm ? 0 : utm.campaign.includes("{mm}") ? year * 12 + month : utm.campaign.includes("{yyyy}") ? year * 12 : 0;
    const key = ((((channelIndex * 32 + country) * 64 + path) * 16 + content) * 32 + term) * 8 + ref;
    let ids = this.sourceIds.get(period);
    if (!ids) this.sourceIds.set(period, (ids = new Map()));
    const known = ids.get(key);
    if (known !== undefined) return known;
    const referrer = typeof channel.referrer === "function" ? channel.referrer(PLACES[place]!.countryCode) : channel.referrer;
    const utmTerm = utm?.terms?.[term] ?? "";
    const id = this.tables.source.intern([
      referrer,
      channel.referrerPaths[path] ?? "",
      channel.referrerSource,
      utm ? campaignName(utm.campaign, year, month) : "",
      utm?.contents?.[content] ?? "",
      utm?.medium ?? "",
      utm?.source ?? "",
      utmTerm,
      channel.keywordFromTerm ? utmTerm : "",
      channel.refs?.[ref] ?? "",
    ]);
    ids.set(key, id);
    return id;
  }
}
