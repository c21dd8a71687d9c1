import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/bundle.js';

/** The documents whose TypeScript examples must compile against the installed package. */
export const DOCUMENTS = ['README.md', 'docs/getting-started.md'];

/** Declares the client that an example uses without creating it, as the example before it did. */
const CLIENT_PREAMBLE = `import { createPlexClient as createExampleClient } from 'plex-connect';
const plex = createExampleClient({ apiKey: process.env.PLEX_API_KEY, tier: 'test' });
`;

/** Reads the ```ts blocks of a Markdown file. */
export function typescriptBlocks(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);
}

/**
 * Writes each example as its own module into `project` and returns the file names.
 * An example that uses `plex` without creating it gets the client the earlier example created.
 */
export function writeExamples(project: string): string[] {
  const files: string[] = [];
  for (const document of DOCUMENTS) {
    typescriptBlocks(document).forEach((block, index) => {
      const needsClient = /\bplex\./.test(block) && !/\bconst plex\b/.test(block);
      const name = `example-${document.replace(/\W+/g, '-')}-${index + 1}.ts`;
      writeFileSync(join(project, name), `${needsClient ? CLIENT_PREAMBLE : ''}${block}export {};\n`);
      files.push(name);
    });
  }

  return files;
}
