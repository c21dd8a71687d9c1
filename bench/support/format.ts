/** Formatting of benchmark figures for RESULTS.md and the console. */
import type { Evaluated, Goal } from './result.js';

function grouped(value: number, decimals: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** Formats a value in its unit: sizes in KB or MB, times in ms with the decimals their size needs. */
export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return 'n/a';

  switch (unit) {
    case 'B':
      return `${grouped(value / 1024, 1)} KB`;
    case 'MB':
      return `${grouped(value, 1)} MB`;
    case 'ms':
      return `${grouped(value, value < 10 ? 2 : value < 1000 ? 1 : 0)} ms`;
    case 'ns':
      return `${grouped(value, 1)} ns`;
    case 'ops/s':
      return `${grouped(value / 1e6, 2)} M/s`;
    case 'req/s':
      return `${grouped(value, 1)}/s`;
    case 'count':
      return grouped(value, Number.isInteger(value) ? 0 : 1);
    default:
      return grouped(value, 3);
  }
}

export function formatRatio(ratio: number | undefined): string {
  return ratio === undefined || !Number.isFinite(ratio) ? '' : `${grouped(ratio, ratio < 10 ? 3 : 1)}×`;
}

const OPERATOR_SIGNS: Record<Goal['operator'], string> = { '<=': '≤', '>=': '≥', '==': '=' };

export function formatGoal(goal: Goal | undefined, unit: string): string {
  if (goal === undefined) return '';
  const operator = OPERATOR_SIGNS[goal.operator];
  const target = goal.on === 'ratio' ? `${goal.target}×` : formatValue(goal.target, unit);

  return `${operator} ${target}`;
}

/** Describes the verdict: met or missed, and by how much. */
export function formatVerdict(figure: Evaluated): string {
  if (figure.met === undefined || figure.goal === undefined || figure.margin === undefined) return 'recorded';

  const absolute = figure.goal.operator === '==' || figure.goal.target === 0;
  if (figure.met) return absolute ? 'met' : `met, ${grouped(figure.margin * 100, 1)}% to spare`;

  const by = absolute
    ? figure.goal.on === 'ratio'
      ? formatRatio(figure.margin)
      : formatValue(figure.margin, figure.unit)
    : `${grouped(-figure.margin * 100, 1)}%`;
  return `**missed** by ${by}`;
}
