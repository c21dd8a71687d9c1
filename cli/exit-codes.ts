/** Exit statuses of the `plex-connect` command. Every subcommand uses the same ones. */
export const EXIT = {
  /** The command did what was asked: every probe passed, the lookup matched, the date is valid. */
  ok: 0,
  /** A probe failed, a lookup found no match or Plex rejected it, or a date is invalid. */
  failed: 1,
  /** The command line or the configuration is invalid, such as an unknown option or a missing key. */
  usage: 2,
  /** The command stopped on an unexpected error, such as an emulator that could not start. */
  internal: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The exit status section that ends every help text. */
export const EXIT_STATUS_HELP = `Exit status:
  0  success: every probe passed, the lookup matched, the date is valid
  1  a probe failed, the lookup found no match or failed, or the date is invalid
  2  invalid command line or configuration, such as a missing PLEX_API_KEY
  3  unexpected error, such as an emulator that could not start`;
