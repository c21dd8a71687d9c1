/**
 * Logger the client reports to. Each call is one event: a fixed message and a flat object
 * of snake_case fields. Any structured logger fits, for example Powertools' `Logger`.
 */
export interface PlexLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Logger that drops everything, the default. */
export const silentLogger: PlexLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
