/**
 * Small deterministic randomness for the simulator: a seeded generator (mulberry32), a hash that turns
 * several numbers or strings into a seed, and the few distributions the dataset needs. Everything the
 * simulator generates is a pure function of the seed and a position (site, day, …), never of call order.
 */

export type Random = () => number;

/** mulberry32: a tiny, fast 32-bit PRNG; good enough for synthetic data, not for secrets. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit hash of the parts (FNV-1a over their text, then an avalanche), for seeding. */
export function hashSeed(...parts: Array<number | string>): number {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    const text = `${part}\u0001`;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** A number in [0, 1) fixed by the parts. */
export function hashUnit(...parts: Array<number | string>): number {
  return hashSeed(...parts) / 4294967296;
}

/** Running totals of `weights`, for `weightedIndex`. */
export function cumulate(weights: readonly number[]): Float64Array {
  const totals = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += Math.max(0, weights[i] ?? 0);
    totals[i] = sum;
  }
  return totals;
}

/** An index drawn in proportion to the weights behind `totals` (binary search). */
export function weightedIndex(random: Random, totals: Float64Array): number {
  const last = totals.length - 1;
  const target = random() * (totals[last] ?? 0);
  let low = 0;
  let high = last;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((totals[mid] ?? 0) > target) high = mid;
    else low = mid + 1;
  }
  return low;
}

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick() from an empty list");
  return item;
}

/** A standard normal variate (Box–Muller). */
export function normal(random: Random): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** exp(σ·z) for z at 4096 evenly spaced quantiles of the standard normal, for fast log-normal draws. */
const QUANTILES = 4096;
const normalQuantiles = (() => {
  // Acklam's rational approximation of the inverse normal CDF (relative error < 1.2e-9).
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const inverse = (p: number): number => {
    const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
    const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
    const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
    const [d0, d1, d2, d3] = d as [number, number, number, number];
    if (p < 0.02425) {
      const q = Math.sqrt(-2 * Math.log(p));
      return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
    }
    if (p > 1 - 0.02425) return -inverse(1 - p);
    const q = p - 0.5;
    const r = q * q;
    return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
  };
  return Float64Array.from({ length: QUANTILES }, (_, i) => inverse((i + 0.5) / QUANTILES));
})();

/** A log-normal variate with the given median and spread (σ of the underlying normal). */
export function logNormal(random: Random, median: number, sigma: number): number {
  return median * Math.exp(sigma * (normalQuantiles[Math.floor(random() * QUANTILES)] ?? 0));
}

/** A Poisson count with mean `lambda` (Knuth for small means, a rounded normal for large ones). */
export function poisson(random: Random, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 40) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(random)));
  const limit = Math.exp(-lambda);
  let count = 0;
  let product = random();
  while (product > limit) {
    count++;
    product *= random();
  }
  return count;
}
