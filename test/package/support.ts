import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/bundle.js';

/** What `npm pack` needs to build the package: sources, scripts, descriptions and configuration. */
const BUILD_INPUTS = [
  'package.json',
  'package-lock.json',
  'README.md',
  'tsconfig.json',
  'tsconfig.build.json',
  'redocly.yaml',
  'client',
  'emulator',
  'functions',
  'generated',
  'cli',
  'scripts',
  'openapi',
];

/**
 * Returns the environment for a child npm: the parent's, without the npm_* variables that
 * `npm test` sets, because npm would read them as configuration of the child,
 * such as the project folder.
 */
export function childEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
  return { ...env, NO_UPDATE_NOTIFIER: '1', npm_config_audit: 'false', npm_config_fund: 'false' };
}

/** Runs a command and throws with its output when it fails. */
export function runOrThrow(command: string, args: string[], cwd: string, timeoutMs = 180_000): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, env: childEnv(), encoding: 'utf8', timeout: timeoutMs });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.slice(-4000);
    throw new Error(`${command} ${args.join(' ')} failed with status ${result.status} in ${cwd}:\n${output}`, {
      cause: result.error,
    });
  }

  return result;
}

/**
 * Copies the build inputs into a temporary folder that shares node_modules, so
 * `npm pack` and its prepack build run there without rewriting the dist/ files
 * that other test files read at the same time.
 */
export function stageProject(): string {
  const stage = mkdtempSync(join(tmpdir(), 'plex-connect-stage-'));
  for (const input of BUILD_INPUTS) cpSync(join(ROOT, input), join(stage, input), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(stage, 'node_modules'), 'dir');

  return stage;
}

/**
 * Installs packages into a project from the npm cache. Everything the tarball
 * needs is cached by this repository's own install, so the registry is asked
 * only when the cache lacks an entry.
 */
export function installFromCache(project: string, specs: string[]): void {
  const args = ['install', '--no-audit', '--no-fund', '--no-package-lock', ...specs];
  const offline = spawnSync('npm', [...args, '--offline'], { cwd: project, env: childEnv(), encoding: 'utf8', timeout: 180_000 });
  if (offline.status === 0) return;

  runOrThrow('npm', [...args, '--prefer-offline'], project);
}
