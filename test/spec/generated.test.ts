import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/bundle.js';

const committed = readdirSync(join(ROOT, 'generated')).sort();

describe('Generated files', () => {
  // The generator writes to fixed paths, so it runs on a copy of the
  // descriptions and leaves the committed files untouched.
  const copy = mkdtempSync(join(tmpdir(), 'plex-connect-generate-'));
  for (const entry of ['openapi', 'scripts', 'redocly.yaml', 'package.json']) {
    cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  mkdirSync(join(copy, 'generated'));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  execFileSync('node', ['scripts/generate.mjs'], { cwd: copy, stdio: 'pipe' });
  const fresh = readdirSync(join(copy, 'generated')).sort();

  it('are the files the generator writes', () => {
    expect(committed).toEqual(fresh);
  });

  it.each(fresh)('%s is up to date', (file) => {
    const want = readFileSync(join(copy, 'generated', file), 'utf8');
    const have = readFileSync(join(ROOT, 'generated', file), 'utf8');

    // A plain comparison keeps the failure short, and the message gives the fix.
    expect(have === want, `generated/${file} is stale: run \`npm run generate\` and commit the result`).toBe(true);
  });

  it.each(fresh)('%s says not to edit it', (file) => {
    expect(readFileSync(join(ROOT, 'generated', file), 'utf8')).toMatch(/^\/\*\*\n \* This file was (auto-)?generated .*\n \* Do not make direct changes to the file\./);
  });
});
