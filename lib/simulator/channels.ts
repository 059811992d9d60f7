/**
 * Where visits come from: search engines, social sites, referring articles, newsletters and paid
 * campaigns. A channel fixes the referrer fields and the UTM tags a visit carries, which page it tends
 * to land on and how likely it is to bounce. Site profiles pick channels and weight them.
 */
import { hashSeed } from "./prng";

/** Where a visit from this channel lands: the home page, an article, a shop page or a campaign page. */
export type Landing = "home" | "content" | "shop" | "campaign";

export type Channel = {
  key: string;
  /** Referrer hostname with its scheme ("" for none); search engines vary by the visitor's country. */
  referrer: string | ((countryCode: string) => string);
  /** Referrer pathnames, most common first (drawn with a long tail). */
  referrerPaths: readonly string[];
  referrerSource: string;
  utm?: {
    source: string;
    medium: string;
    /** May contain {yyyy} and {mm}: the campaign of the visit's month or year. */
    campaign: string;
    contents?: readonly string[];
    terms?: readonly string[];
  };
  /** The search keyword is the UTM term (paid search). */
  keywordFromTerm?: boolean;
  refs?: readonly string[];
  landing: Landing;
  bounce: number;
  /** Seasonal campaigns run only on these days of the year (month 1–12, day of month). */
  active?: { from: [number, number]; to: [number, number] };
};

const GOOGLE_HOSTS: Record<string, string> = {
  GB: "www.google.co.uk",
  CA: "www.google.ca",
  DE: "www.google.de",
  FR: "www.google.fr",
  NL: "www.google.nl",
  IE: "www.google.ie",
  ES: "www.google.es",
  SE: "www.google.se",
  IN: "www.google.co.in",
  BR: "www.google.com.br",
  AU: "www.google.com.au",
  NZ: "www.google.co.nz",
  JP: "www.google.co.jp",
  KR: "www.google.co.kr",
  SG: "www.google.com.sg",
};
const googleFor = (countryCode: string) => `https://${GOOGLE_HOSTS[countryCode] ?? "www.google.com"}`;

/** `count` stable, made-up path segments (t.co codes, Reddit thread ids). */
function codes(label: string, count: number, length: number): string[] {
  const alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return Array.from({ length: count }, (_, i) => {
    let code = "";
    for (let j = 0; j < length; j++) code += alphabet[hashSeed(label, i, j) % alphabet.length];
    return code;
  });
}

export const direct = (): Channel => ({ key: "direct", referrer: "", referrerPaths: [""], referrerSource: "", landing: "home", bounce: 0.42 });

export const google = (): Channel => ({ key: "google", referrer: googleFor, referrerPaths: ["/"], referrerSource: "Google", landing: "content", bounce: 0.58 });

export const searchEngine = (key: string, hostname: string, source: string): Channel => ({
  key,
  referrer: `https://${hostname}`,
  referrerPaths: ["/"],
  referrerSource: source,
  landing: "content",
  bounce: 0.55,
});

export const twitter = (): Channel => ({
  key: "twitter",
  referrer: "https://t.co",
  referrerPaths: codes("t.co", 60, 10).map((code) => `/${code}`),
  referrerSource: "Twitter",
  landing: "content",
  bounce: 0.7,
});

export const facebook = (): Channel => ({
  key: "facebook",
  referrer: "https://l.facebook.com",
  referrerPaths: ["/l.php", "/"],
  referrerSource: "Facebook",
  landing: "content",
  bounce: 0.66,
});

export const instagram = (): Channel => ({
  key: "instagram",
  referrer: "https://l.instagram.com",
  referrerPaths: ["/"],
  referrerSource: "Instagram",
  landing: "home",
  bounce: 0.6,
});

export const reddit = (subreddits: readonly string[]): Channel => ({
  key: "reddit",
  referrer: "https://www.reddit.com",
  referrerPaths: codes("reddit", 45, 6).map((id, i) => `/r/${subreddits[i % subreddits.length]}/comments/${id.toLowerCase()}/`),
  referrerSource: "Reddit",
  landing: "content",
  bounce: 0.72,
});

/** A site that links to this one from a few of its pages. */
export const referral = (key: string, hostname: string, source: string, paths: readonly string[], landing: Landing = "content", refs?: readonly string[]): Channel => ({
  key,
  referrer: `https://${hostname}`,
  referrerPaths: paths,
  referrerSource: source,
  landing,
  bounce: 0.62,
  refs,
});

/** A monthly newsletter: no referrer (mail clients send none), UTM tags name the issue. */
export const newsletter = (contents: readonly string[]): Channel => ({
  key: "newsletter",
  referrer: "",
  referrerPaths: [""],
  referrerSource: "",
  utm: { source: "newsletter", medium: "email", campaign: "newsletter-{yyyy}-{mm}", contents },
  landing: "content",
  bounce: 0.35,
});

/** Paid search: Google as the referrer, the bought term as `utm_term` and `keyword`. */
export const paidSearch = (campaign: string, terms: readonly string[]): Channel => ({
  key: "paid-search",
  referrer: googleFor,
  referrerPaths: ["/"],
  referrerSource: "Google",
  utm: { source: "google", medium: "cpc", campaign, terms },
  keywordFromTerm: true,
  landing: "campaign",
  bounce: 0.45,
});

/** A seasonal sale pushed by email and paid social, only between `from` and `to` each year. */
export const seasonalSale = (key: string, campaign: string, from: [number, number], to: [number, number]): Channel => ({
  key,
  referrer: "https://l.facebook.com",
  referrerPaths: ["/"],
  referrerSource: "Facebook",
  utm: { source: "facebook", medium: "paid-social", campaign, contents: ["carousel", "video", "single-image"] },
  landing: "shop",
  bounce: 0.5,
  active: { from, to },
});

export function isActive(channel: Channel, month: number, dayOfMonth: number): boolean {
  if (!channel.active) return true;
  const at = month * 100 + dayOfMonth;
  const from = channel.active.from[0] * 100 + channel.active.from[1];
  const to = channel.active.to[0] * 100 + channel.active.to[1];
  return from <= to ? at >= from && at <= to : at >= from || at <= to;
}

/** The campaign name of a visit on a UTC date. */
export function campaignName(template: string, year: number, month: number): string {
  return template.replace("{yyyy}", String(year)).replace("{mm}", String(month).padStart(2, "0"));
}
