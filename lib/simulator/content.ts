/**
 * A site's articles (blog posts, recipes, surf reports): published on a long tail of days, each with
 * its own pull, busiest in the days after publication and settling to an evergreen level. Pure in the
 * seed: the article published on a day is the same whenever it is generated.
 */
import { dayOf } from "./calendar";
import { cumulate, hashSeed, hashUnit } from "./prng";
import type { SiteProfile } from "./site-profiles";

export type Article = { day: number; pathname: string; pull: number };

/** Articles exist from this day on (2019-01-01), whatever the window. */
const FIRST_DAY = dayOf(2019, 1, 1);

export class ContentCatalog {
  private readonly articles: Article[] = [];
  private until = FIRST_DAY - 1;

  constructor(
    private readonly profile: SiteProfile,
    private readonly seed: number,
  ) {}

  /** Every article published on or before `day`, oldest first. */
  publishedBy(day: number): readonly Article[] {
    const { content, key } = this.profile;
    for (let d = this.until + 1; d <= day; d++) {
      if (hashUnit(this.seed, key, "post", d) >= content.perDay) continue;
      const pull = Math.min(40, 0.4 / Math.pow(Math.max(0.01, hashUnit(this.seed, key, "post-pull", d)), 0.85));
      this.articles.push({ day: d, pathname: `${content.prefix}${this.slug(d)}`, pull });
    }
    this.until = Math.max(this.until, day);
    let count = this.articles.length;
    while (count > 0 && (this.articles[count - 1]?.day ?? 0) > day) count--;
    return this.articles.slice(0, count);
  }

  /** A readable slug from the site's templates: {a} {b} {c} are distinct words, {year} and {date} the publication's. */
  private slug(day: number): string {
    const { content, key } = this.profile;
    const template = content.templates[hashSeed(this.seed, key, "post-template", day) % content.templates.length] ?? "{a}-{b}";
    const words: string[] = [];
    for (let i = 0; words.length < 3 && i < 50; i++) {
      const word = content.words[hashSeed(this.seed, key, "post-word", day, i) % content.words.length] ?? "post";
      if (!words.includes(word)) words.push(word);
    }
    const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
    return template
      .replace("{a}", words[0] ?? "")
      .replace("{b}", words[1] ?? "")
      .replace("{c}", words[2] ?? "")
      .replace("{year}", date.slice(0, 4))
      .replace("{date}", date);
  }

  /** How likely each article published by `day` is to be read that day, as running totals. */
  weightsOn(day: number): { articles: readonly Article[]; totals: Float64Array } {
    const articles = this.publishedBy(day);
    const life = this.profile.content.lifeDays;
    const weights = articles.map((article) => {
      const age = day - article.day;
      return article.pull * (0.25 + 2.5 * Math.exp(-age / life)) * Math.max(0.25, Math.exp(-age / 900));
    });
    return { articles, totals: cumulate(weights) };
  }
}
