// Converts the bundled Plex Connect description into a Postman collection,
// dist/postman/plex-connect.postman_collection.json, and writes one Postman
// environment per server: dist/postman/plex-connect-<name>.postman_environment.json
// for production, test and the local emulator.
//
// openapi-to-postmanv2 does the conversion. This script then makes the
// collection follow the Plex conventions: every request inherits the
// collection's API key auth ({{apiKey}} in X-Plex-Connect-Api-Key), the
// tenant headers read {{tenantId}} and {{customerId}} and start disabled
// because Plex rejects a request that sends both, the base URL comes from the
// environment, and ids are derived from names so that rebuilds are identical.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import converter from 'openapi-to-postmanv2';
import { ROOT } from './apis.mjs';

const SOURCE = `${ROOT}dist/openapi/plex-connect.json`;
const OUTPUT = `${ROOT}dist/postman`;

/** The server variable `tier` of the description for each named tier. */
const TIERS = { production: '', test: 'test.' };

/** The emulator's default address and its published demo key (`npm run emulator`). */
const EMULATOR = { baseUrl: 'http://127.0.0.1:4010', apiKey: 'emulator-key-primary' };

/** Request headers that take their value from a collection variable, and start disabled. */
const VARIABLE_HEADERS = {
  'x-plex-connect-tenant-id': 'tenantId',
  'x-plex-connect-customer-id': 'customerId',
  'x-plex-connect-api-secret': 'apiSecret',
};

const API_KEY_HEADER = 'X-Plex-Connect-Api-Key';

const COLLECTION_VARIABLES = [
  [
    'apiKey',
    `Consumer key from the Plex developer portal, sent in ${API_KEY_HEADER}. Set it as the current value only, so Postman does not sync it.`,
  ],
  ['tenantId', 'Tenant UUID for X-Plex-Connect-Tenant-Id. Enable that header on a request to leave the key\'s default tenant.'],
  ['customerId', 'PCN for X-Plex-Connect-Customer-Id. Enable that header instead of the tenant UUID header, never both.'],
  ['apiSecret', 'Consumer secret for X-Plex-Connect-Api-Secret, for the integrations that send it.'],
];

const USAGE_NOTE = `Choose the environment of a tier (it sets baseUrl), set the collection variable apiKey, and send. \
To leave the key's default tenant, set tenantId or customerId and enable the matching header on the request: \
Plex rejects a request that sends both.

`;

/** A UUID derived from names (SHA-1, formatted as version 5), so every build writes the same ids. */
function stableUuid(...names) {
  const hex = createHash('sha1').update(names.join('\u0000')).digest('hex');
  const variant = ((Number.parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

async function convert(description) {
  const options = {
    folderStrategy: 'Tags',
    parametersResolution: 'Example',
    enableOptionalParameters: false,
    alwaysInheritAuthentication: true,
    includeAuthInfoInExample: false,
  };
  const result = await promisify(converter.convertV2)({ type: 'json', data: description }, options);
  if (!result.result) throw new Error(`openapi-to-postmanv2 could not convert ${SOURCE}: ${result.reason}`);

  return result.output[0].data;
}

/** Points the tenant and secret headers at their variables, disabled, and drops any key header. */
function rewriteHeaders(headers = []) {
  return headers
    .filter((header) => header.key.toLowerCase() !== API_KEY_HEADER.toLowerCase())
    .map((header) => {
      const variable = VARIABLE_HEADERS[header.key.toLowerCase()];
      return variable ? { ...header, value: `{{${variable}}}`, disabled: true } : header;
    });
}

function rewriteRequest(item, folder) {
  const { auth, ...request } = item.request;
  const responses = (item.response ?? []).map((response) => ({
    ...response,
    id: stableUuid(folder, item.name, String(response.code)),
    originalRequest: response.originalRequest && {
      ...response.originalRequest,
      header: rewriteHeaders(response.originalRequest.header),
    },
  }));

  // A request without `auth` inherits the collection's, so the key is set in one place.
  return {
    ...item,
    id: stableUuid(folder, item.name),
    request: { ...request, header: rewriteHeaders(request.header) },
    response: responses,
  };
}

function rewriteItems(items, folder = '') {
  return items.map((item) =>
    item.item ? { ...item, item: rewriteItems(item.item, `${folder}/${item.name}`) } : rewriteRequest(item, folder),
  );
}

function finishCollection(collection, description) {
  const { title, version } = description.info;
  return {
    ...collection,
    info: {
      ...collection.info,
      _postman_id: stableUuid('collection', title),
      name: title,
      version,
      description: { content: USAGE_NOTE + (collection.info.description?.content ?? ''), type: 'text/markdown' },
    },
    item: rewriteItems(collection.item),
    auth: {
      type: 'apikey',
      apikey: [
        { key: 'key', value: API_KEY_HEADER, type: 'string' },
        { key: 'value', value: '{{apiKey}}', type: 'string' },
        { key: 'in', value: 'header', type: 'string' },
      ],
    },
    variable: COLLECTION_VARIABLES.map(([key, text]) => ({ key, value: '', type: 'string', description: text })),
  };
}

/** Computes the base URL of each tier from the description's server template and its `tier` enum. */
function tierUrls(description) {
  const [server] = description.servers;
  const allowed = server.variables.tier.enum;
  return Object.entries(TIERS).map(([name, value]) => {
    if (!allowed.includes(value)) throw new Error(`The description's tier enum has no "${value}" for ${name}.`);
    return [name, server.url.replace('{tier}', value)];
  });
}

function environment(name, values) {
  return {
    id: stableUuid('environment', name),
    name: `Plex Connect ${name}`,
    values: Object.entries(values).map(([key, value]) => ({ key, value, type: 'default', enabled: true })),
    _postman_variable_scope: 'environment',
  };
}

function writeJson(file, value) {
  writeFileSync(`${OUTPUT}/${file}`, `${JSON.stringify(value, null, 2)}\n`);
  console.log(`Built dist/postman/${file}`);
}

if (!existsSync(SOURCE)) {
  console.error(`${SOURCE} not found. Run \`npm run build:spec\` first.`);
  process.exit(1);
}

const description = JSON.parse(readFileSync(SOURCE, 'utf8'));
mkdirSync(OUTPUT, { recursive: true });
writeJson('plex-connect.postman_collection.json', finishCollection(await convert(description), description));
for (const [name, baseUrl] of tierUrls(description)) {
  writeJson(`plex-connect-${name}.postman_environment.json`, environment(name, { baseUrl }));
}
writeJson('plex-connect-emulator.postman_environment.json', environment('emulator', EMULATOR));
