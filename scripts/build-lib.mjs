// Compiles the package's modules with tsconfig.build.json into dist/lib/, as ES
// modules with .d.ts declarations, and adds what tsc does not emit:
// - generated/lookup-request.validate.js and .d.ts, written by `npm run generate`;
// - the Plex Connect bundle at dist/lib/dist/openapi/plex-connect.json, where the
//   compiled emulator looks for it (emulator/openapi.ts resolves
//   ../dist/openapi/plex-connect.json from its own folder);
// - the execute bit on the `plex-connect` command.
// Needs the bundle from `npm run build:spec`, which `npm run build` runs first.
import { chmodSync, copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { ROOT, run } from './apis.mjs';

const LIB = `${ROOT}dist/lib`;
const BUNDLE = `${ROOT}dist/openapi/plex-connect.json`;

if (!existsSync(BUNDLE)) {
  console.error(`${BUNDLE} not found. Run \`npm run build:spec\` first, or \`npm run build\`, which runs it.`);
  process.exit(1);
}

rmSync(LIB, { recursive: true, force: true });
run('tsc', ['-p', 'tsconfig.build.json']);

for (const ext of ['js', 'd.ts']) {
  copyFileSync(`${ROOT}generated/lookup-request.validate.${ext}`, `${LIB}/generated/lookup-request.validate.${ext}`);
}

mkdirSync(`${LIB}/dist/openapi`, { recursive: true });
copyFileSync(BUNDLE, `${LIB}/dist/openapi/plex-connect.json`);
chmodSync(`${LIB}/cli/plex-connect.js`, 0o755);

console.log('Built dist/lib: ES modules and declarations of every entry point and the plex-connect command');
