// `npm start` and `npm run demo`: the main job, end to end on this machine.
// It starts the emulator (unless PLEX_API_KEY and PLEX_TIER or PLEX_BASE_URL
// name the real API) and both Lambda handlers under serverless-offline. Then
// it runs the access check once and prints its report, and prints a signed
// `curl` lookup of a real record and sends it. `npm start` keeps running until
// Ctrl-C; `--demo` also checks that an unsigned lookup is rejected, then
// stops and exits 0 only when everything worked.
// PLEX_CONNECT_HTTP_PORT, PLEX_CONNECT_LAMBDA_PORT and PLEX_CONNECT_EMULATOR_PORT
// move its servers off ports 3000, 3002 and 4010.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createPlexClient } from '../client/index.js';
import { formatReportTable } from '../functions/access-check/table.js';
import type { AccessCheckReport } from '../functions/access-check/report.js';
import { signatureHeaders } from '../functions/webhook-lookup/signature.js';
import { type LocalStack, startLocalStack } from './local-stack.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const demo = process.argv.includes('--demo');
const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;

const bold = (text: string) => (color ? `\u001b[1m${text}\u001b[22m` : text);

/** Quotes a string for a POSIX shell. */
const shellQuote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

/** Reads a port from the environment, or the default when the variable is unset. */
function port(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;

  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    throw new Error(`${name} must be a port number from 0 to 65535, got "${raw}".`);
  }

  return value;
}

/** Adds the fix to a failure to bind a port. */
function explain(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (!/EADDRINUSE|exited with status/.test(message)) return message;

  return `${message}\nA port may be in use, for example by another npm start or npm run emulator. Stop it, or set PLEX_CONNECT_HTTP_PORT, PLEX_CONNECT_LAMBDA_PORT or PLEX_CONNECT_EMULATOR_PORT.`;
}

/** Builds the bundled description the emulator validates requests with. */
function buildSpec(): void {
  const result = spawnSync(process.execPath, ['scripts/build-spec.mjs'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('Bundling the OpenAPI descriptions failed; see the output above.');
}

/** Finds an employee with a badge number, to look up by badge. */
async function findBadge(stack: LocalStack): Promise<string> {
  const plex = createPlexClient({
    apiKey: stack.apiKey,
    ...(stack.plexBaseUrl ? { baseUrl: stack.plexBaseUrl } : { tier: process.env.PLEX_TIER as 'production' | 'test' }),
  });
  for await (const employee of plex.stream('/mdm/v1/employees')) {
    if (employee.badgeNumber) return employee.badgeNumber;
  }

  throw new Error('The default tenant has no employee with a badge number to look up.');
}

/** Signs a lookup, prints it as a curl command, sends it and prints the response. Returns the status. */
async function lookUpBadge(stack: LocalStack, badgeNumber: string): Promise<number> {
  const body = JSON.stringify({ lookup: 'employee-by-badge', params: { badgeNumber } });
  const headers = signatureHeaders(body, stack.signingSecrets.slice(0, 1));
  const curl = [
    `curl -sS -X POST ${stack.lookupUrl}`,
    `  -H 'Content-Type: application/json'`,
    ...Object.entries(headers).map(([name, value]) => `  -H ${shellQuote(`${name}: ${value}`)}`),
    `  --data-raw ${shellQuote(body)}`,
  ].join(' \\\n');

  console.log(`\n${bold('A signed lookup')} (the signature is valid for 5 minutes):\n\n${curl}\n`);
  if (!process.env.LOOKUP_SIGNING_SECRETS?.trim()) {
    console.log('To sign lookups of your own, start with LOOKUP_SIGNING_SECRETS set to a secret you choose.\n');
  }

  const response = await fetch(stack.lookupUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  console.log(`${bold('Its response')}: ${response.status}\n${JSON.stringify(await response.json(), null, 2)}`);

  return response.status;
}

/** Sends a lookup without a signature, which must be rejected with 401. */
async function sendUnsigned(stack: LocalStack): Promise<number> {
  const response = await fetch(stack.lookupUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ lookup: 'employee-by-badge', params: { badgeNumber: '1' } }),
  });
  const problem = (await response.json()) as { code?: string };
  console.log(`\nAn unsigned lookup: ${response.status} ${problem.code ?? ''}`);

  return response.status;
}

async function main(): Promise<number> {
  buildSpec();
  const stack = await startLocalStack({
    httpPort: port('PLEX_CONNECT_HTTP_PORT', 3000),
    lambdaPort: port('PLEX_CONNECT_LAMBDA_PORT', 3002),
    emulatorPort: port('PLEX_CONNECT_EMULATOR_PORT', 4010),
  });
  const stop = async () => {
    await stack.stop();
  };

  try {
    console.log(
      stack.target === 'emulator'
        ? `Plex Connect emulator: ${stack.emulator!.url} (demo key ${stack.apiKey})`
        : `Plex Connect: ${stack.plexBaseUrl ?? `tier ${process.env.PLEX_TIER}`}`,
    );
    console.log(`Lambda handlers under serverless-offline: ${stack.lookupUrl} (log: ${stack.logFile})\n`);

    const report = (await stack.invoke('accessCheck')) as AccessCheckReport;
    console.log(`${bold('Access check')}\n${formatReportTable(report, { color })}`);

    const lookupStatus = await lookUpBadge(stack, await findBadge(stack));
    const ok = report.summary.failed === 0 && lookupStatus === 200;

    if (demo) {
      const unsignedStatus = await sendUnsigned(stack);
      await stop();
      const passed = ok && unsignedStatus === 401;
      console.log(passed ? '\nDemo passed.' : '\nDemo failed: see the responses above.');
      return passed ? 0 : 1;
    }

    console.log('\nRunning. Press Ctrl-C to stop.');
    // Listeners stay on, so a second Ctrl-C while stopping does not kill this
    // process before it has stopped serverless-offline and the emulator.
    await new Promise<void>((resolve) => {
      process.on('SIGINT', () => resolve());
      process.on('SIGTERM', () => resolve());
    });
    await stop();
    return 0;
  } catch (error) {
    await stop();
    throw error;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(explain(error));
    process.exit(1);
  },
);
