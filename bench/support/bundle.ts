/** Bundles a handler with the esbuild settings of serverless.yml and sizes what went in. */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { ROOT } from './paths.js';
import { zipFiles } from './zip.js';

/** A bundled handler: its files, the zip of both, and what the metafile records about its inputs. */
export interface HandlerBundle {
  file: string;
  bundleBytes: number;
  mapBytes: number;
  zipBytes: number;
  /** Bytes each package or project folder contributes to the bundle, largest first. */
  contributions: Contribution[];
}

export interface Contribution {
  /** An npm package name, or a project folder such as `client/`. */
  source: string;
  bytes: number;
}

/**
 * Names the package an input belongs to: the package after the last `node_modules/`, or
 * the project folder for the project's own files.
 */
export function sourceOf(input: string): string {
  const marker = 'node_modules/';
  const at = input.lastIndexOf(marker);
  if (at === -1) {
    const [folder] = input.split('/');
    return input.includes('/') ? `${folder}/` : input;
  }

  const [scope, name] = input.slice(at + marker.length).split('/');
  return scope!.startsWith('@') ? `${scope}/${name}` : scope!;
}

function contributionsOf(metafile: Metafile, outfile: string): Contribution[] {
  const output = Object.entries(metafile.outputs).find(([path]) => path.endsWith(basename(outfile)));
  if (output === undefined) throw new Error(`The esbuild metafile has no output ${outfile}.`);

  const bytesBySource = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output[1].inputs)) {
    const source = sourceOf(input);
    bytesBySource.set(source, (bytesBySource.get(source) ?? 0) + bytesInOutput);
  }

  return [...bytesBySource].map(([source, bytes]) => ({ source, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/**
 * Bundles `entry` into `outdir` as serverless.yml's `custom.esbuild` does: bundled,
 * minified, a source map without sources content, target node22, CommonJS with the `.cjs`
 * extension, and the AWS SDK v3 left to the Lambda runtime. `zipName` is the path of the
 * bundle inside the zip, as osls lays it out.
 */
export async function bundleHandler(entry: string, outdir: string, zipName: string): Promise<HandlerBundle> {
  const result = await build({
    entryPoints: [entry],
    outdir,
    absWorkingDir: ROOT,
    bundle: true,
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    target: 'node22',
    platform: 'node',
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    external: ['@aws-sdk/*'],
    metafile: true,
    logLevel: 'silent',
  });
  const file = join(outdir, `${basename(entry).replace(/\.[cm]?[jt]s$/, '')}.cjs`);
  const code = readFileSync(file);
  const map = readFileSync(`${file}.map`);
  const zip = zipFiles([
    { name: zipName, data: code },
    { name: `${zipName}.map`, data: map },
  ]);

  return {
    file,
    bundleBytes: code.length,
    mapBytes: map.length,
    zipBytes: zip.length,
    contributions: contributionsOf(result.metafile, file),
  };
}
