/**
 * Deterministic hashing and pseudo-random numbers for the dataset.
 *
 * Every generated value comes from a `Random` seeded by `hash32(...)` of the dataset seed,
 * the tenant, the resource and the record index. A record is therefore a pure function of
 * those four inputs, and can be rebuilt at any time without storing it.
 */

/** Mixes the bits of a 32-bit word so that nearby inputs give unrelated outputs. */
function mix32(value: number): number {
  let x = value >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);

  return (x ^ (x >>> 16)) >>> 0;
}

/** Combines any number of 32-bit integers into one unsigned 32-bit hash. */
export function hash32(...parts: number[]): number {
  let state = 0x9e3779b9;
  for (const part of parts) {
    state = mix32(state ^ mix32(part + 0x632be5ab));
    state = (Math.imul(state, 5) + 0xe6546b64) >>> 0;
  }

  return mix32(state ^ parts.length);
}

/** Hashes a string (FNV-1a over its UTF-16 code units) to an unsigned 32-bit integer. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }

  return mix32(hash);
}

/** Small, fast pseudo-random generator (a 32-bit counter passed through `mix32`). */
export class Random {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** Returns the next unsigned 32-bit integer. */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    return mix32(this.#state ^ (this.#state >>> 15));
  }

  /** Returns a float in [0, 1). */
  float(): number {
    return this.next() / 0x1_0000_0000;
  }

  /** Returns an integer from `min` to `max`, both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** Returns true with probability `p`. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.float() * items.length)];
    if (item === undefined) {
      throw new RangeError('Random.pick needs a non-empty list');
    }

    return item;
  }

  /** Returns null with probability `p`, otherwise `value`. Draws once either way, so later draws do not shift. */
  orNull<T>(p: number, value: T): T | null {
    return this.chance(p) ? null : value;
  }

  /** Returns a string of `count` decimal digits. */
  digits(count: number): string {
    let text = '';
    for (let index = 0; index < count; index += 1) {
      text += String(this.next() % 10);
    }

    return text;
  }

  /** Returns a number with `decimals` decimal places, from `min` to `max`. */
  decimal(min: number, max: number, decimals: number): number {
    const factor = 10 ** decimals;
    return Math.round((min + this.float() * (max - min)) * factor) / factor;
  }
}
