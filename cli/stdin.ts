import { UsageError } from './usage-error.js';

/**
 * Reads standard input to its end as raw bytes.
 *
 * @throws UsageError when standard input is a terminal, which would wait for typing.
 */
export async function readStdin(hint: string): Promise<Buffer> {
  if (process.stdin.isTTY) throw new UsageError(`Standard input is a terminal. ${hint}`);

  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);

  return Buffer.concat(chunks);
}
