/** Timing of sides that run in turn, so drift in machine speed affects every side alike. */

/** One side of a comparison: an async operation timed per call. */
export interface Side {
  name: string;
  call: () => Promise<unknown>;
  /** Runs before each call, outside the timed part, such as building a fresh event. */
  prepare?: () => void;
}

export interface InterleaveOptions {
  warmup: number;
  iterations: number;
}

async function timeOnce(side: Side): Promise<number> {
  side.prepare?.();
  const started = performance.now();
  await side.call();
  return performance.now() - started;
}

/**
 * Calls each side `warmup` times untimed, then `iterations` times timed, taking the sides
 * in turn and rotating which goes first, so no side always follows the same neighbour.
 * Returns the durations in milliseconds, by side name.
 */
export async function timeInterleaved(sides: readonly Side[], options: InterleaveOptions): Promise<Map<string, number[]>> {
  const samples = new Map(sides.map((side) => [side.name, [] as number[]]));
  for (let round = 0; round < options.warmup + options.iterations; round += 1) {
    for (let offset = 0; offset < sides.length; offset += 1) {
      const side = sides[(round + offset) % sides.length]!;
      const durationMs = await timeOnce(side);
      if (round >= options.warmup) samples.get(side.name)!.push(durationMs);
    }
  }

  return samples;
}
