import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containerShare } from '../../functions/shared/budget.js';
import { ROOT } from '../support/bundle.js';

/** The largest zip a handler may be; the benchmarks report the actual sizes. */
const MAX_ZIP_BYTES = 250 * 1024;

type Resource = { Type: string; Properties: Record<string, unknown>; Condition?: string };

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

/** Reads a zip's central directory, which contains the true sizes even when local headers defer them. */
function zipEntries(zip: Buffer): ZipEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    entries.push({
      name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      localHeaderOffset: zip.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }

  return entries;
}

/** Reads one stored or deflated file out of a zip. */
function zipFile(file: string, name: string): string {
  const zip = readFileSync(file);
  const entry = zipEntries(zip).find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`${name} not found in ${file}`);

  const header = entry.localHeaderOffset;
  const start = header + 30 + zip.readUInt16LE(header + 26) + zip.readUInt16LE(header + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  return (entry.method === 8 ? inflateRawSync(data) : data).toString('utf8');
}

describe('osls package', () => {
  const output = mkdtempSync(join(tmpdir(), 'plex-connect-package-'));
  const buildFolder = `.esbuild-package-${process.pid}`;
  let resources: Record<string, Resource>;

  beforeAll(() => {
    // No AWS credentials exist here, and none are needed to package.
    execFileSync(join(ROOT, 'node_modules/.bin/osls'), ['package', '--stage', 'ci', '--package', output], {
      cwd: ROOT,
      env: {
        ...process.env,
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_ACCESS_KEY_ID: '',
        AWS_SECRET_ACCESS_KEY: '',
        PLEX_CONNECT_BUILD_FOLDER: buildFolder,
      },
      stdio: 'pipe',
    });
    const template = JSON.parse(readFileSync(join(output, 'cloudformation-template-update-stack.json'), 'utf8'));
    resources = template.Resources as Record<string, Resource>;
  }, 180_000);

  afterAll(() => {
    rmSync(output, { recursive: true, force: true });
    rmSync(join(ROOT, buildFolder), { recursive: true, force: true });
  });

  const lambda = (name: string) => resources[`${name}LambdaFunction`]!.Properties;

  it.each(['accessCheck', 'webhookLookup'])('builds a small %s zip', (name) => {
    const zip = join(output, `${name}.zip`);
    const folder = name === 'accessCheck' ? 'access-check' : 'webhook-lookup';

    expect(statSync(zip).size).toBeLessThanOrEqual(MAX_ZIP_BYTES);
    expect(zipEntries(readFileSync(zip)).map((entry) => entry.name).sort()).toEqual([`functions/${folder}/handler.cjs`, `functions/${folder}/handler.cjs.map`]);
  });

  it.each(['accessCheck', 'webhookLookup'])('leaves the AWS SDK out of %s', (name) => {
    const folder = name === 'accessCheck' ? 'access-check' : 'webhook-lookup';
    const code = zipFile(join(output, `${name}.zip`), `functions/${folder}/handler.cjs`);

    expect(code).toContain('require("@aws-sdk/client-ssm")');
    expect(code).not.toContain('AmazonSSM.GetParameter');
  });

  it.each(['AccessCheck', 'WebhookLookup'])('runs %s on nodejs22.x arm64', (name) => {
    expect(lambda(name)).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], MemorySize: 256 });
  });

  it('caps concurrency so the containers share the key budget', () => {
    const config = parse(readFileSync(join(ROOT, 'serverless.yml'), 'utf8')) as { custom: Record<string, number> };
    const accessCheck = lambda('AccessCheck').ReservedConcurrentExecutions as number;
    const lookup = lambda('WebhookLookup').ReservedConcurrentExecutions as number;
    const environment = (lambda('WebhookLookup').Environment as { Variables: Record<string, string> }).Variables;

    expect(accessCheck).toBe(config.custom.accessCheckConcurrency);
    expect(lookup).toBe(config.custom.lookupConcurrency);
    expect(Number(environment.PLEX_KEY_TOTAL_CONCURRENCY)).toBe(accessCheck + lookup);
    expect(containerShare(Number(environment.PLEX_RATE_LIMIT_PER_MINUTE), accessCheck + lookup) * (accessCheck + lookup)).toBeLessThanOrEqual(200);
  });

  it('keeps logs for 30 days', () => {
    expect(resources.AccessCheckLogGroup?.Properties.RetentionInDays).toBe(30);
    expect(resources.WebhookLookupLogGroup?.Properties.RetentionInDays).toBe(30);
  });

  it('lets the functions read only their own SSM parameters', () => {
    const role = resources.IamRoleLambdaExecution!.Properties as {
      Policies: { PolicyDocument: { Statement: { Action: string[]; Resource: unknown }[] } }[];
    };
    const statements = role.Policies.flatMap((policy) => policy.PolicyDocument.Statement);
    const actions = statements.flatMap((statement) => statement.Action).sort();

    // The logs actions are the framework's own, scoped to the functions' log groups.
    expect(actions).toEqual(['kms:Decrypt', 'logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:TagResource', 'ssm:GetParameter']);
    expect(JSON.stringify(statements)).toContain(':parameter/plex-connect/ci/*');
  });

  it('schedules the access check', () => {
    expect(resources.AccessCheckEventsRuleSchedule1?.Properties.ScheduleExpression).toBe('rate(1 hour)');
  });

  it('routes POST /lookups to the lookup function', () => {
    expect(resources.HttpApiRoutePostLookups?.Properties.RouteKey).toBe('POST /lookups');
  });

  it('alarms on probe failures, function errors and key expiry', () => {
    expect(resources.AccessCheckFailureAlarm?.Properties).toMatchObject({ MetricName: 'ProbeFailures', Namespace: 'PlexConnect' });
    expect(resources.AccessCheckErrorAlarm?.Properties).toMatchObject({ MetricName: 'Errors', Namespace: 'AWS/Lambda' });
    expect(resources.KeyExpiryAlarm?.Properties).toMatchObject({
      MetricName: 'KeyDaysUntilExpiry',
      Threshold: 7,
      ComparisonOperator: 'LessThanThreshold',
    });
  });

  it('subscribes an e-mail address only when one is given', () => {
    expect(resources.AlarmTopic?.Type).toBe('AWS::SNS::Topic');
    expect(resources.AlarmEmailSubscription?.Condition).toBe('HasAlarmEmail');
  });
});
