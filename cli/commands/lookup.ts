/** `plex-connect lookup`: one of the webhook's lookups, run directly against Plex Connect. */
import type { PlexCallOptions } from '../../client/index.js';
import { lookupNames } from '../../generated/lookup-request.validate.js';
import { lookupOf } from '../../functions/webhook-lookup/lookups.js';
import { type LookupRequest, checkLookupRequest } from '../../functions/webhook-lookup/request-validation.js';
import { parseCommandLine } from '../args.js';
import { EXIT, EXIT_STATUS_HELP, type ExitCode } from '../exit-codes.js';
import { TARGET_HELP, TARGET_OPTIONS, resolveTarget } from '../plex-target.js';
import { createTargetClient } from '../target-client.js';
import { printError, printJson, printLine } from '../terminal.js';
import { UsageError } from '../usage-error.js';
import { formatMatches } from './lookup-output.js';

export const USAGE = `Usage: plex-connect lookup <lookup> <parameter>=<value>... [options]

Runs one of the lookups of the webhook-lookup function directly through the
client and prints the matching records. Reads PLEX_TIER or PLEX_BASE_URL and
PLEX_API_KEY (or PLEX_API_KEY_PARAMETER, an SSM parameter).

Lookups and their parameters ([optional]):
  employee-by-badge         badgeNumber
  employee-by-last-name     lastName
  part-by-number            partNumber [revision]
  supplier-by-code          supplierCode
  customer-by-code          customerCode
  workcenter-by-code        workcenterCode
  supply-item-by-number     supplyItemNumber
  container-by-serial-no    serialNo

Example:
  plex-connect lookup part-by-number partNumber=X10-1000

Options:
  --tenant <uuid>           run the lookup in this tenant instead of the key's
                            default tenant
  --customer <pcn>          run the lookup in the tenant with this PCN
  --json                    print the result as JSON, in the shape of the
                            webhook's 200 response
  -h, --help                show this help

${TARGET_HELP}

${EXIT_STATUS_HELP}`;

const OPTIONS = {
  ...TARGET_OPTIONS,
  tenant: { type: 'string' },
  customer: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Reads `name=value` arguments into the lookup's parameters. */
function readParams(args: readonly string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const arg of args) {
    const separator = arg.indexOf('=');
    if (separator <= 0) throw new UsageError(`"${arg}" is not a parameter. Write parameters as name=value.`);

    const name = arg.slice(0, separator);
    if (name in params) throw new UsageError(`The parameter ${name} is given twice.`);
    params[name] = arg.slice(separator + 1);
  }

  return params;
}

/** Builds the webhook's request body and validates it with the webhook's own schema. */
function readRequest(positionals: readonly string[], tenant: string | undefined, customer: string | undefined): LookupRequest {
  const [lookup, ...rest] = positionals;
  if (lookup === undefined) throw new UsageError(`Missing lookup name. Use one of ${lookupNames.join(', ')}.`);
  if (!(lookupNames as readonly string[]).includes(lookup)) {
    throw new UsageError(`Unknown lookup "${lookup}". Use one of ${lookupNames.join(', ')}.`);
  }

  const body: Record<string, unknown> = { lookup, params: readParams(rest) };
  if (tenant !== undefined) body.tenantId = tenant;
  // A PCN is a number in the request. Anything else stays a string, so validation reports it.
  if (customer !== undefined) body.customerId = /^\d{1,10}$/.test(customer) ? Number(customer) : customer;

  const checked = checkLookupRequest(body);
  if (checked.ok) return checked.request;

  const errors = checked.response.errors ?? [];
  if (errors.length === 0) throw new UsageError(checked.response.detail);

  const lines = errors.map((item) => `\n  ${describeLocation(item.name)} ${item.detail}`);
  throw new UsageError(`Invalid ${lookup} lookup:${lines.join('')}`);
}

/** Names a request member by the argument that sets it: `/params/x` is x, `/tenantId` is --tenant. */
function describeLocation(pointer: string): string {
  if (pointer === '/tenantId') return '--tenant';
  if (pointer === '/customerId') return '--customer';

  return pointer.startsWith('/params/') ? pointer.slice('/params/'.length) : pointer || 'the request';
}

function callOptions(request: LookupRequest): PlexCallOptions {
  if (request.tenantId !== undefined) return { tenantId: request.tenantId };
  if (request.customerId !== undefined) return { customerId: request.customerId };

  return {};
}

/** Runs `plex-connect lookup` and returns its exit status. */
export async function run(argv: readonly string[]): Promise<ExitCode> {
  const { values, positionals } = parseCommandLine({ args: [...argv], options: OPTIONS, allowPositionals: true });
  if (values.help) {
    printLine(USAGE);
    return EXIT.ok;
  }

  const request = readRequest(positionals, values.tenant, values.customer);
  const target = await resolveTarget(values);
  try {
    const client = await createTargetClient(target);
    const lookup = lookupOf(request);
    const outcome = await lookup.fetchMatches(client, request.params, callOptions(request));
    if (outcome.error) {
      printError(`plex-connect lookup: ${outcome.error.message}`);
      return EXIT.failed;
    }

    const { lookup: name, tenantId, customerId } = request;
    const result = { lookup: name, tenantId, customerId, count: outcome.matches.length, matches: outcome.matches };
    if (values.json) printJson(result);
    else if (outcome.matches.length > 0) printLine(formatMatches(name, outcome.matches));
    if (outcome.matches.length > 0) return EXIT.ok;

    printError(`plex-connect lookup: ${lookup.describeNoMatch(request.params)}.`);
    return EXIT.failed;
  } finally {
    await target.close();
  }
}
