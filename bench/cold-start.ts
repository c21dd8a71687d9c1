/**
 * Cold start: each handler bundled as serverless.yml bundles it, its zip size, and the time
 * a fresh Node process takes to load it, against a bare handler bundled the same way.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchContext, Benchmark } from './support/benchmark.js';
import { bundleHandler, type HandlerBundle } from './support/bundle.js';
import { type LoadTiming, measureLoad } from './support/load-time.js';
import { packageSizes } from './support/osls-package.js';
import { ROOT } from './support/paths.js';
import { type BenchResult, type Comparison, evaluate, type Table } from './support/result.js';
import { type Summary, summarize } from './support/stats.js';

/** The Lambda package limit this project sets itself, far below AWS's 50 MB. */
const MAX_ZIP_BYTES = 250 * 1024;

const BARE_SOURCE = 'exports.handler = async () => ({ statusCode: 200 });\n';

/**
 * The bare handler plus the SSM client of the AWS SDK, which both bundles require when they
 * load (through Powertools' SSM provider) and which the Lambda runtime provides.
 */
const SDK_ONLY_SOURCE = `require('@aws-sdk/client-ssm');\n${BARE_SOURCE}`;

interface HandlerSpec {
  /** Function name in serverless.yml. */
  functionName: string;
  entry: string;
  zipName: string;
}

const HANDLERS: readonly HandlerSpec[] = [
  {
    functionName: 'webhookLookup',
    entry: 'functions/webhook-lookup/handler.ts',
    zipName: 'functions/webhook-lookup/handler.cjs',
  },
  {
    functionName: 'accessCheck',
    entry: 'functions/access-check/handler.ts',
    zipName: 'functions/access-check/handler.cjs',
  },
];

/** Loads every bundle `runs` times, taking them in turn, and returns the samples by file. */
async function loadSamples(files: readonly string[], runs: number): Promise<LoadSamples> {
  const samples: LoadSamples = new Map(files.map((file) => [file, []]));
  for (let round = 0; round < runs; round += 1) {
    for (let offset = 0; offset < files.length; offset += 1) {
      const file = files[(round + offset) % files.length]!;
      samples.get(file)!.push(await measureLoad(file));
    }
  }

  return samples;
}

function dependencyTable(spec: HandlerSpec, bundle: HandlerBundle): Table {
  const top = bundle.contributions.slice(0, 8);
  return {
    title: `${spec.functionName}: largest contributors to the ${(bundle.bundleBytes / 1024).toFixed(1)} KB bundle (esbuild metafile, bytes in output)`,
    columns: ['package or folder', 'KB', 'share'],
    rows: top.map(({ source, bytes }) => [source, (bytes / 1024).toFixed(1), `${((bytes / bundle.bundleBytes) * 100).toFixed(1)}%`]),
  };
}

function describeTop(bundle: HandlerBundle): string {
  const top = bundle.contributions.slice(0, 3).map(({ source, bytes }) => `${source} ${((bytes / bundle.bundleBytes) * 100).toFixed(0)}%`);
  return `Largest parts of the bundle: ${top.join(', ')}.`;
}

function describeLoad(functionName: string, own: LoadFigures, sdk: LoadFigures): string {
  const timing = `${functionName}: requiring the bundle takes ${own.require.p50.toFixed(1)} ms at p50`;
  const sdkTiming = `requiring \`@aws-sdk/client-ssm\` alone takes ${sdk.require.p50.toFixed(1)} ms`;
  if (own.sdkLoaded) return `${timing}, and it loads the SSM client of the AWS SDK on the way: ${sdkTiming}.`;

  return `${timing} without loading the AWS SDK (${sdkTiming}).`;
}

async function buildAll(outdir: string): Promise<{ bare: HandlerBundle; handlers: HandlerBundle[] }> {
  const bareEntry = join(outdir, 'bare-handler.js');
  writeFileSync(bareEntry, BARE_SOURCE);
  const bare = await bundleHandler(bareEntry, join(outdir, 'bare'), 'bare-handler.cjs');
  const handlers = await Promise.all(
    HANDLERS.map((spec) => bundleHandler(join(ROOT, spec.entry), join(outdir, spec.functionName), spec.zipName)),
  );

  return { bare, handlers };
}

interface LoadFigures {
  ready: Summary;
  require: Summary;
  /** Whether every load of the bundle also loaded `@aws-sdk/client-ssm`. */
  sdkLoaded: boolean;
}

type LoadSamples = Map<string, LoadTiming[]>;

function loadFiguresOf(samples: LoadSamples, file: string): LoadFigures {
  const timings = samples.get(file)!;
  return {
    ready: summarize(timings.map((timing) => timing.readyMs)),
    require: summarize(timings.map((timing) => timing.requireMs)),
    sdkLoaded: timings.every((timing) => timing.sdkLoaded),
  };
}

/** Returns the figures of one handler against the bare handler, `sdk` being the bare handler plus the SSM client. */
function handlerComparisons(
  spec: HandlerSpec,
  bundle: HandlerBundle,
  zipBytes: number,
  floor: { bundle: HandlerBundle; load: LoadFigures },
  own: LoadFigures,
  sdk: LoadFigures,
): Comparison[] {
  const name = spec.functionName;
  const dominant = describeLoad(name, own, sdk);
  const bare = floor.load;
  return [
    { metric: `${name} zip (osls package)`, unit: 'B', ours: zipBytes, floor: floor.bundle.zipBytes, goal: { on: 'ours', operator: '<=', target: MAX_ZIP_BYTES }, dominant: describeTop(bundle) },
    { metric: `${name} zip (bundle + map, own zip writer)`, unit: 'B', ours: bundle.zipBytes, floor: floor.bundle.zipBytes },
    { metric: `${name} ready, p50`, unit: 'ms', ours: own.ready.p50, floor: bare.ready.p50, goal: { on: 'ratio', operator: '<=', target: 1.5 }, dominant },
    { metric: `${name} ready, p99`, unit: 'ms', ours: own.ready.p99, floor: bare.ready.p99 },
    { metric: `${name} require alone, p50`, unit: 'ms', ours: own.require.p50, floor: bare.require.p50 },
  ];
}

function setupLines(runs: number): string[] {
  return [
    'Bundles built with the esbuild JS API and the settings of serverless.yml (bundle, minify, source map without sources content, target node22, platform node, CommonJS `.cjs`, `@aws-sdk/*` external).',
    'Zip sizes: the zips of `osls package` (the deployed artifacts), and the same bundle and map zipped by the benchmark. The floor is the bare handler `exports.handler = async () => ({ statusCode: 200 })` bundled and zipped the same way.',
    `Ready: a fresh \`node -e\` process with \`NODE_OPTIONS=--enable-source-maps\` requires the bundle until \`handler\` is a function, timed from process start with \`performance.now()\`, in ${runs} processes per bundle, the bundles taken in turn. This Node is ${process.version}, while Lambda runs Node 22.`,
    'The bundles leave `@aws-sdk/*` to the Lambda runtime, so `NODE_PATH` points at the project\'s installed copy. A bare handler that requires `@aws-sdk/client-ssm` and nothing else shows what the SDK costs by itself.',
  ];
}

async function runColdStart(context: BenchContext): Promise<BenchResult> {
  const runs = context.smoke ? 3 : 40;
  const outdir = mkdtempSync(join(tmpdir(), 'plex-connect-bench-bundle-'));
  try {
    context.progress('cold-start: bundling with esbuild and osls package');
    const { bare, handlers } = await buildAll(outdir);
    const sdkOnly = join(outdir, 'sdk-only.cjs');
    writeFileSync(sdkOnly, SDK_ONLY_SOURCE);
    const zips = await packageSizes(HANDLERS.map((spec) => spec.functionName));

    context.progress(`cold-start: ${runs} loads of each bundle`);
    const samples = await loadSamples([bare.file, sdkOnly, ...handlers.map((bundle) => bundle.file)], runs);
    const floor = { bundle: bare, load: loadFiguresOf(samples, bare.file) };
    const sdk = loadFiguresOf(samples, sdkOnly);
    const own = handlers.map((bundle) => loadFiguresOf(samples, bundle.file));
    const comparisons: Comparison[] = HANDLERS.flatMap((spec, index) =>
      handlerComparisons(spec, handlers[index]!, zips[spec.functionName]!, floor, own[index]!, sdk),
    );
    comparisons.push(
      { metric: 'bare handler + `@aws-sdk/client-ssm` ready, p50', unit: 'ms', ours: sdk.ready.p50, floor: floor.load.ready.p50 },
      { metric: '`@aws-sdk/client-ssm` require alone, p50', unit: 'ms', ours: sdk.require.p50, floor: floor.load.require.p50 },
    );

    return {
      name: 'cold-start',
      title: 'Cold start',
      setup: setupLines(runs),
      comparisons: comparisons.map(evaluate),
      tables: HANDLERS.map((spec, index) => dependencyTable(spec, handlers[index]!)),
      notes: HANDLERS.map((spec, index) => `${spec.functionName}: requiring the bundle ${own[index]!.sdkLoaded ? 'also loads' : 'does not load'} \`@aws-sdk/client-ssm\`.`),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

export const coldStart: Benchmark = { name: 'cold-start', title: 'Cold start', run: runColdStart };
