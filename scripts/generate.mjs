// Writes everything in generated/ from the descriptions:
// - <name>.ts, the types openapi-typescript derives from each API listed in
//   redocly.yaml, one run per API;
// - plex-connect.servers.ts, the server templates, which openapi-typescript
//   does not emit and the client needs to map a tier to a URL;
// - lookup-request.validate.js and .d.ts, the webhook's request validators,
//   compiled ahead of time by ajv (see lookup-validator.mjs).
// A test regenerates all of it on a copy and fails when the committed files differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { APIS, ROOT, run } from './apis.mjs';
import { writeLookupValidator } from './lookup-validator.mjs';

const HEADER = `/**
 * This file was generated from openapi/plex-connect.yaml by scripts/generate.mjs.
 * Do not make direct changes to the file.
 */
`;

const { apis } = parse(readFileSync(`${ROOT}redocly.yaml`, 'utf8'));

for (const { name } of APIS) {
  run('openapi-typescript', [
    apis[name].root,
    '--output',
    `generated/${name}.ts`,
    '--redocly',
    'scripts/generate.redocly.yaml',
  ]);
}

const root = parse(readFileSync(`${ROOT}${apis['plex-connect'].root}`, 'utf8'));
const servers = root.servers.map(({ url, variables }) => ({ url, variables }));
writeFileSync(
  `${ROOT}generated/plex-connect.servers.ts`,
  `${HEADER}
/** The server URL templates of the Plex Connect description, with their variables. */
export const servers = ${JSON.stringify(servers, null, 2)} as const;
`,
);
console.log('🚀 servers → generated/plex-connect.servers.ts');

writeLookupValidator();
