/** A small seeded pseudo-random generator, so synthetic corpora are the same on every run. */

/** Random source with the draws the generators need; every draw comes from one seeded stream. */
export class Prng {
  private state: number;

  constructor(seed: number) {
    // Any seed, zero included, must give a usable non-zero state.
    this.state = (seed ^ 0x9e3779b9) >>> 0 || 1;
  }

  /** Uniform float in [0, 1) (mulberry32: fast, well spread, good enough for test data). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [min, max] (both included). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty array');
    return item;
  }

  /** Rank in [0, size) drawn from a Zipf (s = 1) law, the shape of word frequencies in prose. */
  zipf(size: number): number {
    // The CDF of 1/r over 1..size is close to ln(r)/ln(size), so r = size^u inverts it.
    return Math.min(size - 1, Math.floor(Math.pow(size, this.next())) - 1);
  }

  /** Normal draw (Box-Muller), for lengths that cluster around a typical value. */
  normal(mean: number, sd: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Fisher-Yates shuffle of a copy. */
  shuffled<T>(items: readonly T[]): T[] {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const a = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = a;
    }
    return copy;
  }
}
