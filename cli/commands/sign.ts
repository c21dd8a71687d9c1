/** `plex-connect sign`: signs a webhook body for testing `POST /lookups` with curl. */
import { checkLookupRequest } from '../../functions/webhook-lookup/request-validation.js';
import { signatureHeaders } from '../../functions/webhook-lookup/signature.js';
import { parseCommandLine } from '../args.js';
import { EXIT, EXIT_STATUS_HELP, type ExitCode } from '../exit-codes.js';
import { shellQuote } from '../shell-quote.js';
import { readStdin } from '../stdin.js';
import { printError, printJson, printLine } from '../terminal.js';
import { UsageError } from '../usage-error.js';

const DEFAULT_SECRET_VARIABLE = 'LOOKUP_SIGNING_SECRETS';

export const USAGE = `Usage: plex-connect sign [options] < body.json

Reads a webhook request body from standard input and prints the
X-Lookup-Timestamp and X-Lookup-Signature headers that the webhook-lookup
function accepts for the next 5 minutes: HMAC-SHA256 over "<timestamp>.<body>",
one v1 entry for each secret. The secrets are never printed.

Example:
  echo '{"lookup":"employee-by-badge","params":{"badgeNumber":"004711"}}' \\
    | plex-connect sign --curl http://127.0.0.1:3000/lookups

Options:
  --secret-env <name>       environment variable that contains the
                            comma-separated signing secrets
                            (default: ${DEFAULT_SECRET_VARIABLE})
  --curl <url>              print a complete curl command that sends the body
                            to this URL, instead of the headers alone
  --timestamp <seconds>     signing time in Unix seconds (default: now)
  --json                    print the headers as a JSON object
  -h, --help                show this help

${EXIT_STATUS_HELP}`;

const OPTIONS = {
  'secret-env': { type: 'string' },
  curl: { type: 'string' },
  timestamp: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function readSecrets(variable: string): string[] {
  const secrets = (process.env[variable] ?? '')
    .split(',')
    .map((secret) => secret.trim())
    .filter(Boolean);
  if (secrets.length === 0) {
    throw new UsageError(
      `${variable} contains no secret. Set it to the comma-separated signing secrets, or name another variable with --secret-env.`,
    );
  }

  return secrets;
}

function readSigningTime(text: string | undefined): number {
  if (text === undefined) return Date.now();
  if (!/^\d{1,12}$/.test(text)) throw new UsageError(`--timestamp must be Unix time in whole seconds, received "${text}".`);

  return Number(text) * 1000;
}

function readUrl(text: string): string {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
    throw new UsageError(`--curl must be an absolute http(s) URL such as http://127.0.0.1:3000/lookups, received "${text}".`);
  }

  return text;
}

/** Warns when the webhook would reject the body before running the lookup. */
function warnAboutBody(body: Buffer): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    printError('warning: the body is not JSON, so the webhook will reject it with 400 INVALID_JSON.');
    return;
  }

  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    printError('warning: the body is not a JSON object, so the webhook will reject it with 400 INVALID_JSON.');
    return;
  }

  const checked = checkLookupRequest(parsed as Record<string, unknown>);
  if (!checked.ok) {
    const { status, code, detail } = checked.response;
    printError(`warning: the webhook will reject the body with ${status} ${code}: ${detail}`);
  }
}

function curlCommand(url: string, headers: Record<string, string>, body: Buffer): string {
  const text = body.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(body) || text.includes('\0')) {
    throw new UsageError('The body is not UTF-8 text, so it cannot be written into a curl command. Sign it without --curl.');
  }

  return [
    `curl -sS -X POST ${shellQuote(url)}`,
    `  -H ${shellQuote('Content-Type: application/json')}`,
    ...Object.entries(headers).map(([name, value]) => `  -H ${shellQuote(`${name}: ${value}`)}`),
    `  --data-binary ${shellQuote(text)}`,
  ].join(' \\\n');
}

/** Runs `plex-connect sign` and returns its exit status. */
export async function run(argv: readonly string[]): Promise<ExitCode> {
  const { values } = parseCommandLine({ args: [...argv], options: OPTIONS, allowPositionals: false });
  if (values.help) {
    printLine(USAGE);
    return EXIT.ok;
  }

  if (values.json && values.curl !== undefined) throw new UsageError('Pass --json or --curl, not both.');

  const secrets = readSecrets(values['secret-env'] ?? DEFAULT_SECRET_VARIABLE);
  const nowMs = readSigningTime(values.timestamp);
  const url = values.curl === undefined ? undefined : readUrl(values.curl);
  const body = await readStdin('Pipe the request body in, for example: plex-connect sign < body.json');
  warnAboutBody(body);

  const headers = signatureHeaders(body, secrets, nowMs);
  if (values.json) printJson(headers);
  else if (url !== undefined) printLine(curlCommand(url, headers, body));
  else for (const [name, value] of Object.entries(headers)) printLine(`${name}: ${value}`);

  return EXIT.ok;
}
