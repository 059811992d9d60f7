/**
 * The generated data of the seeded sites, made a day at a time when first asked for and kept: a
 * query over a year generates that year once; `warm` generates the whole window ahead of time. Days
 * are pure in (seed, site, day), so the order in which they are made changes nothing.
 */
import { MINUTES_PER_DAY } from "./calendar";
import type { Chunk } from "./chunk";
import { createTables, type DimensionTables } from "./dimensions";
import { SiteGenerator } from "./generator";
import type { SiteProfile } from "./site-profiles";

/** What the aggregation engine reads: dimension tables and the chunks that may hold rows in a range. */
export type SiteData = {
  readonly tables: DimensionTables;
  /** Every chunk that may hold rows between the two epoch minutes (inclusive); rows still need a range check. */
  chunksBetween(fromMinute: number, toMinute: number): readonly Chunk[];
};

/** A visit starts on one day and may run into the next, so a range also reads the day before it. */
const SPILL_DAYS = 1;

export class GeneratedSiteData implements SiteData {
  readonly tables = createTables();
  private readonly days = new Map<number, Chunk>();
  private readonly generator: SiteGenerator;

  constructor(
    readonly profile: SiteProfile,
    seed: number,
    /** Days before this one hold no data (the start of the rolling window). */
    private readonly firstDay: () => number,
  ) {
    this.generator = new SiteGenerator(profile, seed, this.tables);
  }

  chunk(day: number): Chunk {
    let chunk = this.days.get(day);
    if (!chunk) this.days.set(day, (chunk = this.generator.generateDay(day)));
    return chunk;
  }

  chunksBetween(fromMinute: number, toMinute: number): readonly Chunk[] {
    const first = Math.max(this.firstDay(), Math.floor(fromMinute / MINUTES_PER_DAY) - SPILL_DAYS);
    const last = Math.floor(toMinute / MINUTES_PER_DAY);
    const chunks: Chunk[] = [];
    for (let day = first; day <= last; day++) chunks.push(this.chunk(day));
    return chunks;
  }

  /** Generates the days from `toDay` back to `fromDay` (recent first), yielding between days so a server stays responsive. */
  async warm(fromDay: number, toDay: number, yieldEvery = 1): Promise<void> {
    for (let day = toDay; day >= Math.max(fromDay, this.firstDay()); day--) {
      this.chunk(day);
      if ((toDay - day) % yieldEvery === yieldEvery - 1) await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
