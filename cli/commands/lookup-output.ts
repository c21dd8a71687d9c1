import type { LookupMatch } from '../../functions/webhook-lookup/matches.js';

/** Formats one match as aligned `member  value` lines, with `-` for a null value. */
function formatMatch(match: LookupMatch): string[] {
  const entries = Object.entries(match);
  const width = Math.max(...entries.map(([name]) => name.length));

  return entries.map(([name, value]) => `  ${name.padEnd(width)}  ${value === null ? '-' : String(value)}`);
}

/** Formats the matches of a lookup for a terminal: a count line, then each match. */
export function formatMatches(lookup: string, matches: readonly LookupMatch[]): string {
  const count = matches.length === 1 ? '1 match' : `${matches.length} matches`;
  const blocks = matches.map((match) => formatMatch(match).join('\n'));

  return `${lookup}: ${count}\n\n${blocks.join('\n\n')}`;
}
