/**
 * The sites the simulator starts with, and what their traffic looks like: audience, channels, pages,
 * events, rhythm. Four sites in four time zones; one (Daffy's lab) shared privately.
 */
import type { EventCurrency } from "@/lib/query/fathom-fields";
import * as ch from "./channels";
import type { Channel } from "./channels";
import type { DeviceType } from "./devices";

export type EventProfile = {
  id: string;
  name: string;
  currency: EventCurrency;
  createdAt: string;
  /** Fires on pageviews of pages whose `hostname + pathname` starts with this. */
  onPage: string;
  rate: number;
  /** Completion values in cents (log-normal). */
  value?: { medianCents: number; sigma: number };
};

export type SiteProfile = {
  /** The internal key of the site's data; stays with the site when it is renamed. */
  key: number;
  id: string;
  name: string;
  timezone: string;
  sharing: "none" | "private" | "public";
  createdAt: string;
  /** Average pageviews a day at the start of 2025; growth, seasons and campaigns move it. */
  pageviewsPerDay: number;
  growthPerYear: number;
  /** Sunday first. */
  weekly: readonly number[];
  season: { peakDayOfYear: number; amplitude: number };
  countries: Record<string, number>;
  devices: Partial<Record<DeviceType, number>>;
  hostname: string;
  /** Pages every visitor can wander to: [hostname (default the site's), pathname, weight]. */
  nav: ReadonlyArray<readonly [string | null, string, number]>;
  /** Articles published on a long tail of days, each popular for a while. */
  content: {
    hostname: string;
    index: string;
    prefix: string;
    perDay: number;
    lifeDays: number;
    words: readonly string[];
    /** Slug patterns: {a} {b} {c} distinct words, {year}, {date}. */
    templates: readonly string[];
  };
  shop: { hostname: string; paths: readonly string[] } | null;
  campaignPages: readonly string[];
  channels: ReadonlyArray<readonly [Channel, number]>;
  /** Referral spikes that may happen in a month, with the milestone they leave behind (≤ 30 chars). */
  features: ReadonlyArray<readonly [channelKey: string, milestone: string]>;
  /** Milestones left by seasonal campaigns: channel key → name template ({yyyy}). */
  saleMilestones: Readonly<Record<string, string>>;
  events: readonly EventProfile[];
};

const WORKDAYS = [0.68, 1.02, 1.05, 1.04, 1.02, 0.95, 0.62];

export const SITE_PROFILES: readonly SiteProfile[] = [
  {
    key: 0,
    id: "CDBUGS",
    name: "Bugs Bunny Portfolio",
    timezone: "America/New_York",
    sharing: "none",
    createdAt: "2020-07-27 12:01:01",
    pageviewsPerDay: 3200,
    growthPerYear: 0.22,
    weekly: WORKDAYS,
    season: { peakDayOfYear: 320, amplitude: 0.12 },
    countries: { US: 42, GB: 9, CA: 7, DE: 6, IN: 6, FR: 4, AU: 4, NL: 3, BR: 3, ES: 2, SE: 2, JP: 2, IE: 1.5, KR: 1, SG: 1, NZ: 1 },
    devices: { Desktop: 1.25, Mobile: 0.85 },
    hostname: "bugsbunny.com",
    nav: [
      [null, "/", 30], [null, "/about", 8], [null, "/portfolio", 10], [null, "/blog", 6], [null, "/contact", 4],
      [null, "/pricing", 5], [null, "/hire-me", 2], [null, "/press", 1.5], [null, "/portfolio/space-jam", 3],
      [null, "/portfolio/rabbit-seasoning", 2.5], [null, "/portfolio/whats-up-doc", 2], [null, "/portfolio/carrot-top", 1.5],
      [null, "/portfolio/hare-raising-hare", 1.2], [null, "/portfolio/wabbit-twouble", 1], [null, "/portfolio/duck-amuck", 0.8],
      [null, "/privacy", 0.3], [null, "/terms", 0.2],
    ],
    content: {
      hostname: "bugsbunny.com",
      index: "/blog",
      prefix: "/blog/",
      perDay: 0.3,
      lifeDays: 6,
      templates: ["how-to-{a}-{b}", "{a}-{b}-tips", "notes-on-{a}-and-{b}", "the-{a}-{b}-guide", "why-{a}-matters", "{a}-{b}-in-{year}", "{a}-{b}-{c}"],
      words: ["carrot", "animation", "sketch", "character", "design", "rabbit", "timing", "squash", "stretch", "color", "studio", "workflow", "storyboard", "inking", "pencil", "comedy", "gags", "layout", "frames", "poses"],
    },
    shop: {
      hostname: "shop.bugsbunny.com",
      paths: ["/", "/products/carrot-mug", "/products/whats-up-doc-poster", "/products/ears-hoodie", "/products/signed-sketch", "/products/sticker-pack", "/products/tote-bag", "/cart", "/checkout"],
    },
    campaignPages: ["/hire-me", "/pricing"],
    channels: [
      [ch.direct(), 30], [ch.google(), 26], [ch.searchEngine("bing", "www.bing.com", "Bing"), 2.5],
      [ch.searchEngine("duckduckgo", "duckduckgo.com", "DuckDuckGo"), 2.5], [ch.twitter(), 5], [ch.facebook(), 2],
      [ch.reddit(["animation", "webdev", "graphic_design", "looneytunes"]), 2.5],
      [ch.referral("hackernews", "news.ycombinator.com", "Hacker News", ["/item", "/news", "/"]), 0.6],
      [ch.referral("linkedin", "www.linkedin.com", "LinkedIn", ["/feed/", "/"]), 2],
      [ch.referral("github", "github.com", "GitHub", ["/bugsbunny", "/bugsbunny/carrot-ui", "/bugsbunny/carrot-ui/blob/main/README.md"]), 1.5],
      [ch.referral("producthunt", "www.producthunt.com", "Product Hunt", ["/posts/carrot-ui"], "home", ["producthunt"]), 0.4],
      [ch.referral("smashing", "www.smashingmagazine.com", "Smashing Magazine", ["/category/animation/", "/2024/03/character-design-tips/", "/newsletter/"]), 1],
      [ch.newsletter(["header-link", "hero-button", "read-more", "footer-link"]), 3],
      [ch.paidSearch("hire-an-illustrator", ["cartoon illustrator", "hire illustrator", "bugs bunny artist", "character design freelance"]), 3],
      [ch.seasonalSale("black-friday", "black-friday-{yyyy}", [11, 24], [12, 2]), 9],
      [ch.seasonalSale("spring-sale", "spring-sale-{yyyy}", [4, 8], [4, 21]), 5],
    ],
    features: [
      ["hackernews", "Featured on Hacker News"],
      ["producthunt", "Launched on Product Hunt"],
      ["smashing", "Smashing Magazine feature"],
      ["reddit", "Front page of r/animation"],
    ],
    saleMilestones: { "black-friday": "Black Friday sale {yyyy}", "spring-sale": "Spring sale {yyyy}" },
    events: [
      { id: "ABCDEFGH", name: "Signed up to newsletter", currency: "dollar", createdAt: "2020-08-21 15:24:00", onPage: "bugsbunny.com/blog/", rate: 0.012 },
      { id: "IJKLMNOP", name: "Purchased product", currency: "dollar", createdAt: "2020-08-21 15:24:00", onPage: "shop.bugsbunny.com/products/", rate: 0.035, value: { medianCents: 2800, sigma: 0.6 } },
      { id: "QHZRKWTA", name: "Contact form submitted", currency: "dollar", createdAt: "2021-02-03 10:12:45", onPage: "bugsbunny.com/contact", rate: 0.16 },
      { id: "MKDLVXPE", name: "Downloaded media kit", currency: "dollar", createdAt: "2022-05-17 08:30:00", onPage: "bugsbunny.com/press", rate: 0.22 },
    ],
  },
  {
    key: 1,
    id: "PDNGTON",
    name: "Paddington Marmalade Co.",
    timezone: "Europe/London",
    sharing: "public",
    createdAt: "2021-03-02 09:14:27",
    pageviewsPerDay: 1100,
    growthPerYear: 0.15,
    weekly: [1.1, 0.96, 0.98, 0.98, 1.0, 0.98, 1.05],
    season: { peakDayOfYear: 345, amplitude: 0.22 },
    countries: { GB: 60, US: 8, IE: 6, FR: 4, DE: 4, NL: 3, CA: 3, AU: 3, ES: 2, SE: 1 },
    devices: { Mobile: 1.2 },
    hostname: "www.marmalade.co.uk",
    nav: [
      [null, "/", 30], [null, "/shop", 14], [null, "/recipes", 7], [null, "/about", 5], [null, "/stockists", 4],
      [null, "/contact", 2], [null, "/delivery", 2], [null, "/gift-cards", 1.5],
    ],
    content: {
      hostname: "www.marmalade.co.uk",
      index: "/recipes",
      prefix: "/recipes/",
      perDay: 0.15,
      lifeDays: 10,
      templates: ["{a}-{b}", "{a}-and-{b}-{c}", "easy-{a}-{b}", "{a}-{b}-recipe", "classic-{a}-{b}"],
      words: ["seville", "orange", "marmalade", "toast", "glaze", "cake", "lemon", "ginger", "lime", "tart", "pudding", "sandwich", "breakfast", "duck", "roast", "bread", "butter", "scones"],
    },
    shop: {
      hostname: "www.marmalade.co.uk",
      paths: ["/shop/seville-orange", "/shop/thick-cut", "/shop/lime-and-ginger", "/shop/three-fruit", "/shop/gift-box", "/shop/subscription", "/basket", "/checkout"],
    },
    campaignPages: ["/shop", "/shop/gift-box"],
    channels: [
      [ch.direct(), 28], [ch.google(), 30], [ch.searchEngine("bing", "www.bing.com", "Bing"), 4],
      [ch.searchEngine("ecosia", "www.ecosia.org", "Ecosia"), 1], [ch.instagram(), 8], [ch.facebook(), 5],
      [ch.referral("pinterest", "www.pinterest.co.uk", "Pinterest", ["/", "/pin/559853797437212345/", "/pin/421946273993648612/"]), 5],
      [ch.referral("guardian", "www.theguardian.com", "The Guardian", ["/food/2024/jan/20/best-marmalades", "/food"]), 0.5],
      [ch.referral("bbcgoodfood", "www.bbcgoodfood.com", "BBC Good Food", ["/recipes/collection/marmalade-recipes"]), 1],
      [ch.newsletter(["hero-button", "recipe-of-the-month", "footer-link"]), 5],
      [ch.seasonalSale("christmas", "christmas-gifts-{yyyy}", [12, 1], [12, 22]), 18],
      [ch.seasonalSale("marmalade-week", "marmalade-week-{yyyy}", [1, 20], [2, 2]), 10],
    ],
    features: [
      ["guardian", "Featured in The Guardian"],
      ["bbcgoodfood", "BBC Good Food mention"],
      ["pinterest", "Pinterest pin went viral"],
    ],
    saleMilestones: { christmas: "Christmas gifts {yyyy}", "marmalade-week": "Marmalade week {yyyy}" },
    events: [
      { id: "QPLMZXCV", name: "Order placed", currency: "pound", createdAt: "2021-03-05 11:00:00", onPage: "www.marmalade.co.uk/checkout", rate: 0.42, value: { medianCents: 1850, sigma: 0.5 } },
      { id: "RTYUIOPA", name: "Newsletter signup", currency: "pound", createdAt: "2021-06-14 16:45:10", onPage: "www.marmalade.co.uk/recipes/", rate: 0.015 },
    ],
  },
  {
    key: 2,
    id: "SKIPPYAU",
    name: "Skippy's Surf School",
    timezone: "Australia/Sydney",
    sharing: "none",
    createdAt: "2022-01-11 22:03:51",
    pageviewsPerDay: 520,
    growthPerYear: 0.3,
    weekly: [1.25, 0.9, 0.88, 0.9, 0.95, 1.05, 1.3],
    season: { peakDayOfYear: 15, amplitude: 0.35 },
    countries: { AU: 62, NZ: 10, US: 7, GB: 6, JP: 3, DE: 3, FR: 2, CA: 2, IE: 1, NL: 1 },
    devices: { Mobile: 1.7, Desktop: 0.7 },
    hostname: "skippysurf.com.au",
    nav: [
      [null, "/", 30], [null, "/lessons", 12], [null, "/lessons/beginners", 7], [null, "/lessons/private", 4],
      [null, "/prices", 8], [null, "/book", 6], [null, "/vouchers", 2], [null, "/gallery", 4], [null, "/about", 3], [null, "/contact", 2],
    ],
    content: {
      hostname: "skippysurf.com.au",
      index: "/surf-report",
      prefix: "/surf-report/",
      perDay: 0.5,
      lifeDays: 2,
      templates: ["{date}-{a}", "{date}-{a}-{b}"],
      words: ["bondi", "manly", "cronulla", "swell", "offshore", "glassy", "morning", "arvo", "northerly", "southerly", "groundswell", "tide", "reef", "point", "beachie"],
    },
    shop: null,
    campaignPages: ["/lessons/beginners", "/book"],
    channels: [
      [ch.direct(), 25], [ch.google(), 34], [ch.searchEngine("bing", "www.bing.com", "Bing"), 2], [ch.instagram(), 12], [ch.facebook(), 8],
      [ch.referral("tripadvisor", "www.tripadvisor.com.au", "TripAdvisor", ["/Attraction_Review-g255060-d2381523-Reviews-Skippys_Surf_School-Sydney.html"], "home"), 6],
      [ch.referral("smh", "www.smh.com.au", "Sydney Morning Herald", ["/lifestyle/best-surf-schools-sydney"]), 0.3],
      [ch.newsletter(["swell-alert", "book-now"]), 2],
      [ch.paidSearch("surf-lessons-sydney", ["surf lessons sydney", "learn to surf bondi", "surf school", "private surf lesson"]), 4],
    ],
    features: [
      ["smh", "Sydney Morning Herald review"],
      ["tripadvisor", "TripAdvisor Travellers' Choice"],
      ["instagram", "Instagram reel went viral"],
    ],
    saleMilestones: {},
    events: [
      { id: "WAVEBKNG", name: "Booked a lesson", currency: "dollar", createdAt: "2022-01-12 08:00:00", onPage: "skippysurf.com.au/book", rate: 0.28, value: { medianCents: 8900, sigma: 0.35 } },
      { id: "GFTVCHRS", name: "Gift voucher purchased", currency: "dollar", createdAt: "2022-11-28 19:20:00", onPage: "skippysurf.com.au/vouchers", rate: 0.12, value: { medianCents: 12000, sigma: 0.4 } },
    ],
  },
  {
    key: 3,
    id: "DAFFYLAB",
    name: "Daffy's Secret Lab",
    timezone: "Asia/Tokyo",
    sharing: "private",
    createdAt: "2023-04-01 03:33:33",
    pageviewsPerDay: 160,
    growthPerYear: 0.1,
    weekly: WORKDAYS,
    season: { peakDayOfYear: 100, amplitude: 0.05 },
    countries: { JP: 65, US: 10, KR: 5, SG: 3, GB: 2, DE: 2, IN: 2 },
    devices: { Desktop: 1.6, Mobile: 0.6, Tablet: 0.5 },
    hostname: "lab.daffyduck.jp",
    nav: [[null, "/", 25], [null, "/experiments", 12], [null, "/docs", 10], [null, "/login", 8], [null, "/pricing", 3], [null, "/changelog", 4]],
    content: {
      hostname: "lab.daffyduck.jp",
      index: "/notes",
      prefix: "/notes/",
      perDay: 0.08,
      lifeDays: 8,
      templates: ["{a}-{b}", "{a}-{b}-{c}", "on-{a}"],
      words: ["despicable", "rocket", "disintegrator", "prototype", "duck", "dodgers", "century", "ray", "gun", "lab", "notes"],
    },
    shop: null,
    campaignPages: ["/pricing"],
    channels: [
      [ch.direct(), 45], [ch.google(), 20], [ch.searchEngine("yahoo-japan", "search.yahoo.co.jp", "Yahoo! Japan"), 8], [ch.twitter(), 10],
      [ch.referral("github", "github.com", "GitHub", ["/daffy/secret-lab", "/daffy/secret-lab/issues"]), 8],
      [ch.referral("hackernews", "news.ycombinator.com", "Hacker News", ["/item"]), 0.3],
    ],
    features: [["github", "Trending on GitHub"], ["hackernews", "Show HN launch"]],
    saleMilestones: {},
    events: [
      { id: "LGNDAFFY", name: "Signed in", currency: "none", createdAt: "2023-04-02 00:00:00", onPage: "lab.daffyduck.jp/login", rate: 0.7 },
      { id: "TRLDAFFY", name: "Started trial", currency: "dollar", createdAt: "2023-06-30 12:00:00", onPage: "lab.daffyduck.jp/pricing", rate: 0.06 },
    ],
  },
];
