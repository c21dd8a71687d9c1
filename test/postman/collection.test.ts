import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEYS } from '../../emulator/index.js';
import { HTTP_METHODS, type JsonObject, ROOT, loadBundle } from '../support/bundle.js';

const OUTPUT = `${ROOT}dist/postman`;

interface Variable {
  key: string;
  value: string;
}

interface Header extends Variable {
  disabled?: boolean;
}

interface Request {
  method: string;
  url: { host: string[]; path: string[] };
  header: Header[];
  auth?: unknown;
}

interface Item {
  name: string;
  item?: Item[];
  request?: Request;
  response?: { originalRequest?: { header?: Header[] } }[];
}

interface Collection {
  info: { name: string; schema: string };
  auth: { type: string; apikey: Variable[] };
  variable: Variable[];
  item: Item[];
}

interface Environment {
  name: string;
  values: (Variable & { enabled: boolean })[];
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(`${OUTPUT}/${file}`, 'utf8')) as T;

/** Collects every request item of the collection, from every folder. */
function leavesOf(items: Item[]): Item[] {
  return items.flatMap((item) => (item.item ? leavesOf(item.item) : [item]));
}

/** Lists the operations of the description as `METHOD /path/{param}`. */
function operationsOf(bundle: JsonObject): string[] {
  return Object.entries(bundle.paths as JsonObject).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => (item as JsonObject)[method] !== undefined).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

/** A request's method and path, with `:param` written as `{param}` as in the description. */
const operationOf = (request: Request) =>
  `${request.method} /${request.url.path.map((segment) => segment.replace(/^:(.+)$/, '{$1}')).join('/')}`;

describe('Postman collection', () => {
  let collection: Collection;
  let leaves: Item[];
  let requests: Request[];

  beforeAll(() => {
    const build = spawnSync(process.execPath, ['scripts/build-postman.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`build-postman failed: ${build.stderr}`);

    collection = readJson<Collection>('plex-connect.postman_collection.json');
    leaves = leavesOf(collection.item);
    requests = leaves.flatMap((item) => (item.request ? [item.request] : []));
  });

  it('has one request per operation', () => {
    const operations = operationsOf(loadBundle('plex-connect'));

    expect(leaves.length).toBe(operations.length);
    expect(requests.map(operationOf).sort()).toEqual(operations.sort());
  });

  it('uses the v2.1 collection format', () => {
    expect(collection.info.schema).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json');
    expect(collection.info.name).toBe('Plex Connect API');
  });

  it('sends the key from the apiKey variable', () => {
    const auth = Object.fromEntries(collection.auth.apikey.map(({ key, value }) => [key, value]));

    expect(collection.auth.type).toBe('apikey');
    expect(auth).toEqual({ key: 'X-Plex-Connect-Api-Key', value: '{{apiKey}}', in: 'header' });
    expect(requests.filter((request) => request.auth !== undefined)).toEqual([]);
  });

  it('declares the variables empty', () => {
    const variables = Object.fromEntries(collection.variable.map(({ key, value }) => [key, value]));

    expect(variables).toEqual({ apiKey: '', tenantId: '', customerId: '', apiSecret: '' });
  });

  it('reads the base URL from the environment', () => {
    expect(requests.filter((request) => request.url.host.join('') !== '{{baseUrl}}')).toEqual([]);
    expect(collection.variable.find((variable) => variable.key === 'baseUrl')).toBeUndefined();
  });

  it('disables both tenant headers', () => {
    for (const request of requests) {
      const tenant = request.header.find((header) => header.key === 'X-Plex-Connect-Tenant-Id');
      const customer = request.header.find((header) => header.key === 'X-Plex-Connect-Customer-Id');

      expect(tenant).toMatchObject({ value: '{{tenantId}}', disabled: true });
      expect(customer).toMatchObject({ value: '{{customerId}}', disabled: true });
    }
  });

  it('hard-codes no key or secret', () => {
    const text = readFileSync(`${OUTPUT}/plex-connect.postman_collection.json`, 'utf8');
    const headers = leaves.flatMap((item) => [
      ...(item.request?.header ?? []),
      ...(item.response ?? []).flatMap((response) => response.originalRequest?.header ?? []),
    ]);
    const secretHeaders = headers.filter((header) => /^X-Plex-Connect-Api-(Key|Secret)$/i.test(header.key));

    for (const key of Object.values(DEMO_KEYS)) expect(text).not.toContain(key);
    expect(secretHeaders.filter((header) => header.key.endsWith('Key'))).toEqual([]);
    expect(secretHeaders.filter((header) => header.value !== '{{apiSecret}}')).toEqual([]);
  });

  it('writes an environment per tier', () => {
    const production = readJson<Environment>('plex-connect-production.postman_environment.json');
    const test = readJson<Environment>('plex-connect-test.postman_environment.json');

    expect(production.values).toEqual([{ key: 'baseUrl', value: 'https://connect.plex.com', type: 'default', enabled: true }]);
    expect(test.values).toEqual([{ key: 'baseUrl', value: 'https://test.connect.plex.com', type: 'default', enabled: true }]);
  });

  it('points the emulator environment at port 4010', () => {
    const emulator = readJson<Environment>('plex-connect-emulator.postman_environment.json');
    const values = Object.fromEntries(emulator.values.map(({ key, value }) => [key, value]));

    expect(values).toEqual({ baseUrl: 'http://127.0.0.1:4010', apiKey: DEMO_KEYS.primary });
  });
});
