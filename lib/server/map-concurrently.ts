/**
 * The one worker pool: maps `items` through `work` with at most `limit` calls in flight, keeping the
 * input's order in the result. The first failure rejects the whole (calls already started finish, no new
 * one starts). Used wherever a list of sites is walked against Fathom's concurrency limit.
 */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`A worker pool needs at least one worker, not ${limit}`);
  const results: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  async function worker() {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index]!, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
