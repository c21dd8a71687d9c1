/**
 * A vitest fixture that runs an emulator for one test file with response validation on,
 * and fails the file in afterAll when any body the emulator sent broke the description.
 *
 *   const plex = useEmulator();
 *   it('lists parts', async () => { const response = await fetch(`${plex.url}/mdm/v1/parts`, …) });
 *
 * The emulator keeps its real rate limit of 200 requests a minute per key unless the
 * options change it, for example `useEmulator({ rateLimit: false })`.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { startEmulator, type Emulator, type EmulatorOptions, type ResponseMismatch } from '../../../emulator/index.js';

export interface EmulatorFixture {
  /** The running emulator. Available from beforeAll on. */
  readonly emulator: Emulator;
  /** Its base URL, to pass to a client as `baseUrl`. */
  readonly url: string;
}

/** Formats mismatches one per line, so a failing afterAll shows what was wrong where. */
export function formatMismatches(mismatches: readonly ResponseMismatch[]): string {
  return mismatches
    .map((mismatch) => {
      const item = mismatch.itemIndex === undefined ? '' : ` item ${mismatch.itemIndex}`;
      return `${mismatch.method} ${mismatch.path} → ${mismatch.status}${item}: ${mismatch.errors.join('; ')}`;
    })
    .join('\n');
}

/** Starts an emulator before the file's tests and stops it after them. Options override the defaults. */
export function useEmulator(options: EmulatorOptions = {}): EmulatorFixture {
  let running: Emulator | undefined;

  beforeAll(async () => {
    running = await startEmulator({ validateResponses: true, ...options });
  });

  afterAll(async () => {
    if (running === undefined) {
      return;
    }

    const mismatches = running.responseMismatches();
    await running.close();
    const report = `the emulator sent bodies that break the description:\n${formatMismatches(mismatches)}`;
    expect(mismatches, report).toEqual([]);
  });

  return {
    get emulator() {
      if (running === undefined) {
        throw new Error('The emulator is not running yet: use it inside a test or a hook after beforeAll.');
      }
      return running;
    },
    get url() {
      return this.emulator.url;
    },
  };
}
