import { readFileSync } from 'node:fs';

/**
 * Returns the version in the package's package.json. The file is three levels up from the
 * compiled command in dist/lib/cli/ and one level up from its source in cli/, so both are tried.
 */
export function packageVersion(): string {
  for (const path of ['../package.json', '../../../package.json']) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'plex-connect' && manifest.version) return manifest.version;
    } catch {
      // Not this level; try the next.
    }
  }

  return 'unknown';
}
