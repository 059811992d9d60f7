import "server-only";
import { currentActor } from "./actor";
import type { Governed } from "./answer-meta";
import type { CachedAnswer } from "./answer-cache";
import { notCachedError } from "./budget-errors";
import type { Clock } from "./clock";
import type { Governor } from "./governor";
import type { KeptAnswers } from "./kept-answers";
import type { ReadRequest } from "./read-request";

/** One row of a foldable answer: its columns (e.g. aggregates) and what tells rows apart (groupings, the date bucket). */
export type FoldRow = Record<string, unknown>;

/** What a folded read keeps under its fold key: the rows, and the columns they were fetched with. */
export type FoldedAnswer<Row extends FoldRow = FoldRow> = { columns: readonly string[]; rows: readonly Row[] };

/**
 * A read whose answer is a set of rows with columns, where asking for more columns changes nothing else
 * (Fathom's aggregations: more aggregates, same rows). Everything but the columns is in `foldKey`.
 */
export type FoldableRead<Row extends FoldRow> = Pick<ReadRequest<unknown>, "cls" | "priority" | "freshness" | "tags" | "actor"> & {
  /** The request's canonical key without its columns: reads that share it differ only in columns. */
  foldKey: string;
  /** The columns asked for. */
  columns: readonly string[];
  /** The canonical key of the same request asking for `columns` (the single-flight key of a union). */
  keyFor: (columns: readonly string[]) => string;
  /** Asks upstream for these columns (in `order`'s order). */
  fetch: (columns: readonly string[]) => Promise<Row[]>;
  /** The canonical order of a set of columns, each once: a union is sent and kept in it. */
  order: (columns: Iterable<string>) => string[];
  /**
   * Asked on its own (Explore, one report's page): nothing will arrive to fold with it, so it does not wait
   * out the window; it still joins a batch already open for its fold key, and is still served from kept answers.
   */
  solo?: boolean;
};

type Member = { read: FoldableRead<FoldRow>; actor: string | undefined; resolve: (answer: Governed<FoldRow[]>) => void; reject: (error: unknown) => void };
type Batch = { members: Member[] };
/** A union on its way upstream for a fold key; `waiting` members of its batch have not been answered yet. */
type Sent = { columns: readonly string[]; waiting: number };

export function isFolded(value: unknown): value is FoldedAnswer {
  const answer = value as Partial<FoldedAnswer> | null;
  return typeof answer === "object" && answer !== null && Array.isArray(answer.columns) && Array.isArray(answer.rows);
}

const contains = (columns: readonly string[], wanted: readonly string[]) => wanted.every((column) => columns.includes(column));
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && contains(a, b);

/** Whether a kept answer holds every column asked for. */
export function covers(answer: CachedAnswer, columns: readonly string[]): boolean {
  return isFolded(answer.value) && contains(answer.value.columns, columns);
}

/** Projections already made, per kept answer: fifty viewers of a tile get one array, not fifty copies. */
const projections = new WeakMap<object, Map<string, readonly FoldRow[]>>();

/**
 * The rows of a folded answer cut down to the columns asked for; every other member of a row (groupings,
 * the date bucket) stays. The kept answer's own rows when nothing is to be cut. Treat the result as read-only.
 */
export function project<Row extends FoldRow>(answer: FoldedAnswer<Row>, columns: readonly string[]): Row[] {
  if (sameSet(answer.columns, columns)) return answer.rows as Row[];
  const dropped = answer.columns.filter((column) => !columns.includes(column));
  const id = [...columns].sort().join(",");
  let made = projections.get(answer);
  if (!made) projections.set(answer, (made = new Map()));
  let rows = made.get(id);
  if (!rows) {
    rows = answer.rows.map((row) => Object.fromEntries(Object.entries(row).filter(([name]) => !dropped.includes(name))));
    made.set(id, rows);
  }
  return rows as Row[];
}

/**
 * Query folding, above the governor's single-flight and cache: reads that differ only in their columns
 * are one upstream question. One process-wide instance (the governor's `folding`).
 * - A read whose columns a fresh kept answer holds is served from it (`cached`), cut down to its columns.
 * - A read whose columns a union already on its way holds joins that call (`shared`).
 * - Other reads of a fold key arriving within `windowMs` (a dashboard's tiles load at once) are sent as
 *   ONE request for the union of their columns, widened by the kept answer's and any union in flight, so
 *   the answer kept under the fold key only grows; each caller gets its own columns. The caller whose read
 *   started the call is told `shared: false`, the others `shared: true`.
 * The kept answer lives under the fold key with the columns it holds: an exact request for the union or
 * any subset finds it, in memory or, for answers persisted (closed periods), in the database after a restart.
 */
export class Folding {
  private readonly batches = new Map<string, Batch>();
  private readonly sent = new Map<string, Set<Sent>>();

  constructor(
    private readonly governor: Governor,
    private readonly kept: KeptAnswers,
    private readonly clock: Clock,
    private readonly windowMs: number,
  ) {}

  /** A governed read, folded with the reads of the same fold key (see the class). */
  read<Row extends FoldRow>(read: FoldableRead<Row>): Promise<Governed<Row[]>> {
    const actor = read.actor ?? currentActor(); // taken now: the batch is sent from a timer, outside the caller's context
    const fresh = this.kept.inMemory(this.lookup(read, read.columns));
    if (fresh && this.kept.isFresh(fresh)) return this.readUnion(read, read.columns, actor);
    const flying = [...(this.sent.get(read.foldKey) ?? [])].find((sent) => contains(sent.columns, read.columns));
    if (flying) return this.readUnion(read, flying.columns, actor);

    return new Promise<Governed<Row[]>>((resolve, reject) => {
      const member: Member = { read, actor, resolve: resolve as Member["resolve"], reject };
      const batch = this.batches.get(read.foldKey);
      if (batch) return void batch.members.push(member);
      const opened: Batch = { members: [member] };
      if (read.solo || this.windowMs <= 0) return this.send(read.foldKey, opened);
      this.batches.set(read.foldKey, opened);
      this.clock.setTimeout(() => this.send(read.foldKey, opened), this.windowMs);
    });
  }

  /**
   * The kept answer a read would be served, fresh or (marked) stale, without spending a request or waiting
   * for one: from an exact answer or one with more columns. Throws `notCachedError()` when there is none.
   */
  async peek<Row extends FoldRow>(read: FoldableRead<Row>): Promise<Governed<Row[]>> {
    const kept = await this.governor.peek<FoldedAnswer<Row>>(this.lookup(read, read.columns));
    if (!kept) throw notCachedError();
    return { data: project(kept.data, read.columns), meta: kept.meta };
  }

  private send(foldKey: string, batch: Batch) {
    if (this.batches.get(foldKey) === batch) this.batches.delete(foldKey);
    const [first] = batch.members;
    if (!first) return;
    // Widened by what is kept and what is on its way: asking for more costs no more, and the answer that
    // lands last then holds everything the earlier ones did.
    const kept = this.kept.inMemory(this.lookup(first.read, []));
    const inFlight = [...(this.sent.get(foldKey) ?? [])].flatMap((sent) => sent.columns);
    const wanted = batch.members.flatMap((member) => member.read.columns);
    const union = first.read.order([...wanted, ...(kept && isFolded(kept.value) ? kept.value.columns : []), ...inFlight]);

    const sent: Sent = { columns: union, waiting: batch.members.length };
    const unions = this.sent.get(foldKey) ?? new Set<Sent>();
    this.sent.set(foldKey, unions.add(sent));
    const done = () => {
      if (--sent.waiting > 0) return;
      unions.delete(sent);
      if (unions.size === 0 && this.sent.get(foldKey) === unions) this.sent.delete(foldKey);
    };
    for (const member of batch.members) {
      this.readUnion(member.read, union, member.actor).then(
        (answer) => {
          done();
          member.resolve(answer);
        },
        (error) => {
          done();
          member.reject(error);
        },
      );
    }
  }

  /** One caller's governed read of `union` (its single-flight key), answered with the caller's own columns. */
  private async readUnion<Row extends FoldRow>(read: FoldableRead<Row>, union: readonly string[], actor: string | undefined): Promise<Governed<Row[]>> {
    const answer = await this.governor.read<FoldedAnswer<Row>>({
      ...this.lookup(read, read.columns),
      key: read.keyFor(union),
      cls: read.cls,
      priority: read.priority,
      tags: read.tags,
      actor,
      // A fresh answer with columns this one lacks stays kept (a narrower union may land after a wider one).
      displaces: (kept) => !isFolded(kept.value) || contains(union, kept.value.columns),
      fetch: async () => ({ columns: union, rows: await read.fetch(union) }),
    });
    return { data: project(answer.data, read.columns), meta: answer.meta };
  }

  /** How the kept answer for `columns` is looked up: under the fold key, any answer holding them. */
  private lookup(read: FoldableRead<FoldRow>, columns: readonly string[]) {
    return {
      key: read.foldKey,
      cacheKey: read.foldKey,
      freshness: read.freshness,
      accepts: (answer: CachedAnswer) => covers(answer, columns),
    };
  }
}
