#!/usr/bin/env node
/**
 * The `plex-connect` command. Each subcommand lives in commands/ and is imported only
 * when it runs, so `date` and `sign` start without loading the emulator or the AWS SDK.
 */
import { EXIT, EXIT_STATUS_HELP, type ExitCode } from './exit-codes.js';
import { printError, printLine } from './terminal.js';
import { UsageError } from './usage-error.js';
import { packageVersion } from './version.js';

interface Subcommand {
  summary: string;
  load(): Promise<{ run(argv: readonly string[]): Promise<ExitCode> }>;
}

const SUBCOMMANDS: Readonly<Record<string, Subcommand>> = {
  check: { summary: 'check which tenants and API products the key reaches', load: () => import('./commands/check.js') },
  lookup: { summary: "run one of the webhook's lookups and print the match", load: () => import('./commands/lookup.js') },
  date: { summary: 'validate a date-time and print it in the Plex form', load: () => import('./commands/date.js') },
  emulator: { summary: 'start the local Plex Connect emulator', load: () => import('./commands/emulator.js') },
  sign: { summary: 'sign a webhook body from standard input for curl', load: () => import('./commands/sign.js') },
};

const USAGE = `Usage: plex-connect <command> [options]

Tools for the Plex Connect REST API of the Plex manufacturing cloud.

Commands:
${Object.entries(SUBCOMMANDS)
  .map(([name, { summary }]) => `  ${name.padEnd(10)} ${summary}`)
  .join('\n')}

Run plex-connect <command> --help for the options of a command.

Options:
  -h, --help     show this help
  -v, --version  print the version

${EXIT_STATUS_HELP}`;

async function main(argv: readonly string[]): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    printError(USAGE);
    return EXIT.usage;
  }
  if (name === '-h' || name === '--help' || name === 'help') {
    printLine(USAGE);
    return EXIT.ok;
  }
  if (name === '-v' || name === '--version') {
    printLine(packageVersion());
    return EXIT.ok;
  }

  const subcommand = SUBCOMMANDS[name];
  if (subcommand === undefined) {
    throw new UsageError(`Unknown command "${name}". Commands: ${Object.keys(SUBCOMMANDS).join(', ')}.`);
  }

  const command = await subcommand.load();
  return command.run(rest);
}

function describeFailure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const command = ['plex-connect', process.argv[2]].filter(Boolean).join(' ');
    if (error instanceof UsageError) {
      printError(`${command}: ${error.message}\nRun ${command} --help for the options.`);
      process.exitCode = EXIT.usage;
      return;
    }

    printError(`${command}: ${describeFailure(error)}`);
    process.exitCode = EXIT.internal;
  },
);
