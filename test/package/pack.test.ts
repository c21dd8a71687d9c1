import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/bundle.js';
import { writeExamples } from './snippets.js';
import { childEnv, installFromCache, runOrThrow, stageProject } from './support.js';

const FIXTURE = join(ROOT, 'test/package/fixture');

/** Versions the consumer installs beside the tarball, the same as this repository's. */
function devVersion(name: string): string {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  return `${name}@${manifest.devDependencies[name]}`;
}

interface PackResult {
  filename: string;
  files: { path: string }[];
}

describe('npm package', () => {
  const consumer = mkdtempSync(join(tmpdir(), 'plex-connect-consumer-'));
  const bare = mkdtempSync(join(tmpdir(), 'plex-connect-bare-'));
  let stage: string | undefined;
  let packed: PackResult;
  let compiled: SpawnSyncReturns<string>;
  let examples: { files: string[]; result: SpawnSyncReturns<string> };

  beforeAll(() => {
    // Prepare: pack in the staged copy (prepack builds it), then install the tarball.
    stage = stageProject();
    const pack = runOrThrow('npm', ['pack', '--json', '--pack-destination', consumer], stage);
    const json = pack.stdout.slice(pack.stdout.indexOf('['));
    packed = (JSON.parse(json) as PackResult[])[0]!;

    for (const file of ['package.json', 'tsconfig.json', 'tsconfig.examples.json']) {
      copyFileSync(join(FIXTURE, file), join(consumer, file));
    }
    copyFileSync(join(FIXTURE, 'main.ts.txt'), join(consumer, 'main.ts'));
    installFromCache(consumer, [
      join(consumer, packed.filename),
      devVersion('@aws-sdk/client-ssm'),
      devVersion('@types/aws-lambda'),
      devVersion('@types/node'),
    ]);

    // Act: compile the consumer with this repository's TypeScript. Later tests run its output.
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    compiled = spawnSync(process.execPath, [tsc, '-p', consumer], { cwd: consumer, encoding: 'utf8' });

    const files = writeExamples(consumer);
    const examplesConfig = join(consumer, 'tsconfig.examples.json');
    const result = spawnSync(process.execPath, [tsc, '-p', examplesConfig], { cwd: consumer, encoding: 'utf8' });
    examples = { files, result };
  }, 300_000);

  afterAll(() => {
    if (stage !== undefined) rmSync(stage, { recursive: true, force: true });
    rmSync(consumer, { recursive: true, force: true });
    rmSync(bare, { recursive: true, force: true });
  });

  it('ships the build and leaves sources out', () => {
    const paths = packed.files.map((file) => file.path);

    expect(paths).toContain('dist/lib/cli/plex-connect.js');
    expect(paths).toContain('dist/lib/client/index.d.ts');
    expect(paths).toContain('dist/lib/generated/lookup-request.validate.js');
    expect(paths).toContain('dist/lib/dist/openapi/plex-connect.json');
    expect(paths).toContain('dist/openapi/plex-connect.json');
    expect(paths.filter((path) => /^(test|bench|openapi|client|scripts)\//.test(path))).toEqual([]);
    expect(paths.filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts'))).toEqual([]);
  });

  it('compiles a strict consumer', () => {
    expect(compiled.stdout).toBe('');
    expect(compiled.status).toBe(0);
  });

  it('compiles the examples of the docs', () => {
    expect(examples.files.length).toBeGreaterThanOrEqual(8);
    expect(examples.result.stdout).toBe('');
    expect(examples.result.status).toBe(0);
  });

  it('runs every entry point', () => {
    const result = runOrThrow(process.execPath, ['dist/main.js'], consumer, 60_000);
    const output = JSON.parse(result.stdout) as Record<string, unknown>;

    expect(output.tenants).toBe(3);
    expect(output.parts).toBeGreaterThan(0);
    expect(output.error).toBeNull();
    expect(output.missingStatus).toBe(404);
    expect(output.handlers).toEqual(['function', 'function', 'function']);
    expect(output.configHost).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(output.signatureOk).toBe(true);
    expect(output.date).toBe('2024-03-31T23:00:00.0000000Z');
  });

  it('installs the plex-connect command', () => {
    const bin = join(consumer, 'node_modules/.bin/plex-connect');
    const version = spawnSync(bin, ['--version'], { cwd: consumer, env: childEnv(), encoding: 'utf8' });
    const check = spawnSync(bin, ['check', '--emulator'], { cwd: consumer, env: childEnv(), encoding: 'utf8', timeout: 60_000 });

    expect(version.stdout.trim()).toBe('0.1.0');
    expect(check.stdout).toContain('Summary: 15 probes, 15 ok, 0 failed');
    expect(check.status).toBe(0);
  });

  it('runs lookup without the AWS SDK', () => {
    // Prepare: a project with the tarball alone, as `npm install` leaves optional peers out.
    copyFileSync(join(FIXTURE, 'package.json'), join(bare, 'package.json'));
    installFromCache(bare, [join(consumer, packed.filename)]);
    const bin = join(bare, 'node_modules/.bin/plex-connect');

    // Act
    const options = { cwd: bare, env: childEnv(), encoding: 'utf8' } as const;
    const lookup = spawnSync(bin, ['lookup', 'part-by-number', 'partNumber=NONE', '--emulator'], options);
    const date = spawnSync(bin, ['date', '2024-01-31T13:45Z'], options);

    // Assess
    expect(lookup.stderr).toContain('No part has number "NONE"');
    expect(lookup.status).toBe(1);
    expect(date.stdout).toBe('2024-01-31T13:45:00.0000000Z\n');
    expect(date.status).toBe(0);
  });
});
