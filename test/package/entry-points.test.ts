import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as functions from '../../functions/index.js';
import { ROOT } from '../support/bundle.js';

interface Manifest {
  exports: Record<string, string | { types: string; default: string }>;
  bin: Record<string, string>;
  files: string[];
}

const manifest = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as Manifest;

describe('package entry points', () => {
  it('exports both handlers and factories', () => {
    expect(typeof functions.accessCheckHandler).toBe('function');
    expect(typeof functions.lookupHandler).toBe('function');
    expect(typeof functions.createAccessCheckHandler).toBe('function');
    expect(typeof functions.createLookupHandler).toBe('function');
  });

  it('exports the configuration readers', () => {
    expect(typeof functions.readAccessCheckConfig).toBe('function');
    expect(typeof functions.readLookupConfig).toBe('function');
    expect(typeof functions.readSigningSecrets).toBe('function');
  });

  it('maps each entry to dist/lib', () => {
    const entries = Object.entries(manifest.exports).filter(([, target]) => typeof target === 'object');

    expect(entries.map(([name]) => name)).toEqual(['.', './types', './types/lookup-webhook', './emulator', './functions']);
    for (const [, target] of entries) {
      if (typeof target === 'string') continue;
      expect(target.types).toMatch(/^\.\/dist\/lib\/.+\.d\.ts$/);
      expect(target.default).toBe(target.types.replace(/\.d\.ts$/, '.js'));
    }
  });

  it('points the command at the compiled CLI', () => {
    expect(manifest.bin).toEqual({ 'plex-connect': 'dist/lib/cli/plex-connect.js' });
  });
});
