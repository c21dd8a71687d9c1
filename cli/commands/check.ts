/** `plex-connect check`: the access check from a terminal, cron job or CI step. */
import { DEMO_KEY_CONFIGS, TENANTS } from '../../emulator/index.js';
import type { AccessCheckConfig } from '../../functions/access-check/config.js';
import type { AccessCheckReport } from '../../functions/access-check/report.js';
import { runAccessCheck } from '../../functions/access-check/run.js';
import { formatReportTable } from '../../functions/access-check/table.js';
import { FunctionConfigError } from '../../functions/shared/config-error.js';
import type { Env } from '../../functions/shared/env.js';
import { parseCommandLine } from '../args.js';
import { EXIT, EXIT_STATUS_HELP, type ExitCode } from '../exit-codes.js';
import { type PlexTarget, TARGET_HELP, TARGET_OPTIONS, resolveTarget, withOption } from '../plex-target.js';
import { startProgress } from '../progress.js';
import { stderrLogger } from '../stderr-logger.js';
import { colorEnabled, printJson, printLine } from '../terminal.js';
import { UsageError } from '../usage-error.js';

export const USAGE = `Usage: plex-connect check [options]

Checks which tenants and API products the key reaches: it lists the tenants
the key can reach, then sends one cheap request for each tenant and product.
Prints a table of the results, or the report as JSON. The output names the key
by its fingerprint only, so it is safe to paste into a support case.

Reads PLEX_TIER or PLEX_BASE_URL, PLEX_API_KEY (or PLEX_API_KEY_PARAMETER, an
SSM parameter) and the ACCESS_CHECK_* variables, like the access-check function.

Options:
  --tenant <uuid>           also probe this tenant; repeatable
                            (default: ACCESS_CHECK_TENANT_IDS)
  --customer <pcn>          also probe this tenant by PCN; repeatable
                            (default: ACCESS_CHECK_CUSTOMER_IDS)
  --products <list>         comma-separated subset of mdm, production,
                            inventory, purchasing, scheduling (default: all)
  --expires-at <date>       the key's expiry, YYYY-MM-DD or a date-time, shown
                            in the report (default: PLEX_KEY_EXPIRES_AT)
  --json                    print the report as JSON instead of the table
  -h, --help                show this help

${TARGET_HELP}

With --emulator and neither --tenant nor --customer, the check also probes the
emulator's second tenant by UUID and its third by PCN.

${EXIT_STATUS_HELP}`;

const OPTIONS = {
  ...TARGET_OPTIONS,
  tenant: { type: 'string', multiple: true },
  customer: { type: 'string', multiple: true },
  products: { type: 'string' },
  'expires-at': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type CheckValues = ReturnType<typeof parseCommandLine<{ options: typeof OPTIONS }>>['values'];

/** Sets each ACCESS_CHECK_* variable from its option, and the emulator's tenants by default. */
function checkEnvironment(values: CheckValues, target: PlexTarget): { env: Env; optionOf: Record<string, string> } {
  const env: Record<string, string | undefined> = { ...target.env };
  const optionOf: Record<string, string> = { ...target.optionOf };
  const set = (variable: string, option: string, value: string | undefined) => {
    if (value === undefined) return;
    env[variable] = value;
    optionOf[variable] = option;
  };

  const tenantsGiven = values.tenant !== undefined || values.customer !== undefined;
  if (target.emulator && !tenantsGiven) {
    // The key's default tenant always gets a row, so only the other two are added.
    const defaultTenant = DEMO_KEY_CONFIGS.find((config) => config.key === env.PLEX_API_KEY)?.defaultTenant;
    const [byId, byPcn] = TENANTS.filter((tenant) => tenant.id !== defaultTenant);
    env.ACCESS_CHECK_TENANT_IDS = byId!.id;
    env.ACCESS_CHECK_CUSTOMER_IDS = String(byPcn!.pcn);
  }
  set('ACCESS_CHECK_TENANT_IDS', '--tenant', values.tenant?.join(','));
  set('ACCESS_CHECK_CUSTOMER_IDS', '--customer', values.customer?.join(','));
  set('ACCESS_CHECK_PRODUCTS', '--products', values.products);
  set('PLEX_KEY_EXPIRES_AT', '--expires-at', values['expires-at']);

  return { env, optionOf };
}

async function readConfig(values: CheckValues, target: PlexTarget): Promise<AccessCheckConfig> {
  const { readAccessCheckConfig } = await import('../../functions/access-check/config.js');
  const { env, optionOf } = checkEnvironment(values, target);
  try {
    return readAccessCheckConfig(env);
  } catch (error) {
    if (!(error instanceof FunctionConfigError)) throw error;

    throw new UsageError(withOption(error.message, error.variable, { ...target, optionOf }), { cause: error });
  }
}

async function runCheck(config: AccessCheckConfig): Promise<AccessCheckReport> {
  const progress = startProgress(`Checking ${config.host}`);
  try {
    return await runAccessCheck(config, { fetch: progress.fetch, logger: stderrLogger });
  } catch (error) {
    // Reading the key from SSM failed, or the key contains characters a header cannot carry.
    if (error instanceof FunctionConfigError) throw new UsageError(error.message, { cause: error });
    throw error;
  } finally {
    progress.stop();
  }
}

/** Runs `plex-connect check` and returns its exit status. */
export async function run(argv: readonly string[]): Promise<ExitCode> {
  const { values } = parseCommandLine({ args: [...argv], options: OPTIONS, allowPositionals: false });
  if (values.help) {
    printLine(USAGE);
    return EXIT.ok;
  }

  const target = await resolveTarget(values);
  try {
    const report = await runCheck(await readConfig(values, target));
    if (target.keyOrigin !== undefined) report.keyOrigin = target.keyOrigin;

    if (values.json) printJson(report);
    else printLine(formatReportTable(report, { color: colorEnabled(process.stdout) }));

    return report.summary.failed > 0 ? EXIT.failed : EXIT.ok;
  } finally {
    await target.close();
  }
}
