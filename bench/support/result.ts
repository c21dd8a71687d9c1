/** The results a benchmark returns, and how a figure is checked against its goal. */

/**
 * A goal on one figure. `on: 'ratio'` constrains ours ÷ floor, `on: 'ours'` our figure
 * itself, such as a zip size limit or a count of 429 responses.
 */
export interface Goal {
  on: 'ratio' | 'ours';
  operator: '<=' | '>=' | '==';
  target: number;
}

/** One figure of the project side by side with the physical floor it is measured against. */
export interface Comparison {
  metric: string;
  /** Unit of `ours` and `floor`: ms, ns, B, MB, ops/s, req/s, count, or '' for a plain number. */
  unit: string;
  ours: number;
  /** The floor's figure, or undefined where the goal is absolute and no floor applies. */
  floor?: number | undefined;
  goal?: Goal | undefined;
  /** Cause that dominates our figure, shown when the goal is missed. */
  dominant?: string | undefined;
}

/** A comparison with its ratio and the verdict on its goal. */
export interface Evaluated extends Comparison {
  /** ours ÷ floor, or undefined without a floor. */
  ratio: number | undefined;
  /** Undefined when the figure has no goal. */
  met: boolean | undefined;
  /**
   * How far the checked value is from the target, as a fraction of the target: positive
   * is headroom, negative an overrun. For a target of 0 or an equality it is the
   * absolute difference instead.
   */
  margin: number | undefined;
}

/** An additional table of a benchmark, such as the dependencies inside a bundle. */
export interface Table {
  title: string;
  columns: string[];
  rows: (string | number)[][];
}

/** Everything one benchmark reports. */
export interface BenchResult {
  /** Name used by `--only`. */
  name: string;
  title: string;
  /** Description of the run: sides, sizes, iterations, settings. */
  setup: string[];
  comparisons: Evaluated[];
  tables: Table[];
  notes: string[];
}

function checkedValue(comparison: Comparison, ratio: number | undefined): number | undefined {
  return comparison.goal?.on === 'ratio' ? ratio : comparison.ours;
}

function marginOf(goal: Goal, value: number): number {
  if (goal.operator === '==' || goal.target === 0) return Math.abs(value - goal.target);
  const headroom = goal.operator === '<=' ? goal.target - value : value - goal.target;

  return headroom / Math.abs(goal.target);
}

function isMet(goal: Goal, value: number): boolean {
  if (goal.operator === '<=') return value <= goal.target;
  if (goal.operator === '>=') return value >= goal.target;

  return value === goal.target;
}

/** Computes the ratio of a comparison and checks it against its goal. */
export function evaluate(comparison: Comparison): Evaluated {
  const { floor, goal } = comparison;
  const ratio = floor === undefined || floor === 0 ? undefined : comparison.ours / floor;
  const value = checkedValue(comparison, ratio);
  if (goal === undefined || value === undefined) {
    return { ...comparison, ratio, met: undefined, margin: undefined };
  }

  return { ...comparison, ratio, met: isMet(goal, value), margin: marginOf(goal, value) };
}
