/** Summary statistics of benchmark samples. */

/** The median and tail of a set of samples, in the samples' unit. */
export interface Summary {
  count: number;
  p50: number;
  p99: number;
  min: number;
  max: number;
}

/**
 * Returns the value at quantile `q` (0 to 1) of the samples, interpolating linearly
 * between the two nearest ranks.
 *
 * @throws RangeError for an empty sample set or a quantile outside 0 to 1.
 */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new RangeError('quantile needs at least one sample.');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile q must be from 0 to 1, got ${q}.`);

  const sorted = [...samples].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const weight = position - lower;

  return sorted[lower]! * (1 - weight) + sorted[upper]! * weight;
}

export function median(samples: readonly number[]): number {
  return quantile(samples, 0.5);
}

export function summarize(samples: readonly number[]): Summary {
  return {
    count: samples.length,
    p50: quantile(samples, 0.5),
    p99: quantile(samples, 0.99),
    min: Math.min(...samples),
    max: Math.max(...samples),
  };
}

/**
 * Returns Jain's fairness index of the allocations: (Σx)² ÷ (n·Σx²). It is 1 when every
 * caller got the same amount and 1/n when one caller got everything.
 */
export function jainIndex(allocations: readonly number[]): number {
  const sum = allocations.reduce((total, value) => total + value, 0);
  const sumOfSquares = allocations.reduce((total, value) => total + value * value, 0);
  if (sumOfSquares === 0) return 1;

  return (sum * sum) / (allocations.length * sumOfSquares);
}
