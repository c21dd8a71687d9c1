/** Renders a benchmark run as the Markdown of RESULTS.md. */
import { formatGoal, formatRatio, formatValue, formatVerdict } from './format.js';
import type { Machine } from './machine.js';
import type { BenchResult, Evaluated, Table } from './result.js';

/** Everything one invocation of the benchmark script measured. */
export interface RunReport {
  machine: Machine;
  mode: 'full' | 'smoke';
  /** Wall time of the whole run, in seconds. */
  durationSeconds: number;
  results: BenchResult[];
  /** Benchmarks that threw instead of returning a result. */
  failures: { name: string; error: string }[];
}

function tableLines(columns: readonly string[], rows: readonly (readonly (string | number)[])[]): string[] {
  const escape = (cell: string | number) => String(cell).replaceAll('|', '\\|');
  return [
    `| ${columns.join(' | ')} |`,
    `|${columns.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ];
}

function machineLines(machine: Machine, report: RunReport): string[] {
  return tableLines(
    ['', ''],
    [
      ['CPU', `${machine.cpu}, ${machine.cores} cores`],
      ['Memory', `${machine.memoryGiB.toFixed(1)} GiB`],
      ['Node.js', machine.node],
      ['OS', machine.os],
      ['Date', machine.date],
      ['Load average at start (1, 5, 15 min)', machine.loadAverage.map((value) => value.toFixed(2)).join(', ')],
      ['Mode, wall time', `${report.mode}, ${report.durationSeconds.toFixed(0)} s`],
    ],
  );
}

function figureRow(figure: Evaluated): string[] {
  return [
    figure.metric,
    formatValue(figure.ours, figure.unit),
    figure.floor === undefined ? '' : formatValue(figure.floor, figure.unit),
    formatRatio(figure.ratio),
    formatGoal(figure.goal, figure.unit),
    formatVerdict(figure),
  ];
}

function extraTableLines(table: Table): string[] {
  return ['', `${table.title}:`, '', ...tableLines(table.columns, table.rows)];
}

function sectionLines(result: BenchResult, index: number): string[] {
  const missed = result.comparisons.filter((figure) => figure.met === false);
  const causes = [...new Set(missed.map((figure) => figure.dominant).filter((cause) => cause !== undefined))];
  return [
    `## ${index + 1}. ${result.title}`,
    '',
    ...result.setup.map((line) => `- ${line}`),
    '',
    ...tableLines(['figure', 'ours', 'floor', 'ratio', 'goal', 'result'], result.comparisons.map(figureRow)),
    ...(causes.length > 0 ? ['', ...causes.map((cause) => `What dominates where a goal is missed: ${cause}`)] : []),
    ...result.tables.flatMap(extraTableLines),
    ...(result.notes.length > 0 ? ['', ...result.notes] : []),
    '',
  ];
}

function summaryLines(report: RunReport): string[] {
  const rows = report.results.map((result) => {
    const goals = result.comparisons.filter((figure) => figure.met !== undefined);
    const met = goals.filter((figure) => figure.met).length;
    return [result.title, goals.length === 0 ? 'no goal' : `${met} of ${goals.length}`];
  });
  const failed = report.failures.map((failure) => [failure.name, `failed: ${failure.error}`]);

  return tableLines(['benchmark', 'goals met'], [...rows, ...failed]);
}

/** Renders the whole report. */
export function renderMarkdown(report: RunReport): string {
  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run.ts). Rerun it to update this page instead of editing it.',
    'Each figure of ours is measured side by side with its physical floor in the same run. The ratio is ours ÷ floor.',
    '',
    '## Machine',
    '',
    ...machineLines(report.machine, report),
    '',
    '## Summary',
    '',
    ...summaryLines(report),
    '',
    ...report.results.flatMap(sectionLines),
  ];

  return `${lines.join('\n').trimEnd()}\n`;
}
