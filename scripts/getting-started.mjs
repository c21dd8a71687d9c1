// Renders docs/getting-started.md into dist/docs/getting-started.html: one
// self-contained page with inline styles, no scripts and no external requests.
import { readFileSync, writeFileSync } from 'node:fs';
import { Marked } from 'marked';
import { ROOT } from './apis.mjs';

const SOURCE = `${ROOT}docs/getting-started.md`;

/** Turns a heading's text into the id of its anchor, such as "tenant-override". */
const slug = (text) =>
  text
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const marked = new Marked({
  gfm: true,
  renderer: {
    heading({ tokens, depth }) {
      const html = this.parser.parseInline(tokens);
      return `<h${depth} id="${slug(html)}">${html}</h${depth}>\n`;
    },
  },
});

const STYLE = `
      body { font: 16px/1.6 system-ui, sans-serif; max-width: 48rem; margin: 3rem auto; padding: 0 1rem; color: #1d2433; }
      nav { font-size: 0.9rem; margin-bottom: 2rem; }
      h2 { margin-top: 2.5rem; border-bottom: 1px solid #dde2ea; padding-bottom: 0.25rem; }
      code { font: 0.9em ui-monospace, monospace; background: #f3f5f8; padding: 0.1rem 0.25rem; border-radius: 3px; }
      pre { background: #f3f5f8; padding: 0.75rem 1rem; overflow-x: auto; border-radius: 4px; }
      pre code { padding: 0; background: none; }
      table { border-collapse: collapse; }
      th, td { text-align: left; padding: 0.3rem 0.75rem 0.3rem 0; border-bottom: 1px solid #dde2ea; vertical-align: top; }
      td code { white-space: nowrap; }`;

/** Writes the page into `docsDir` and returns its title, the text of the first heading. */
export function buildGettingStarted(docsDir) {
  const markdown = readFileSync(SOURCE, 'utf8');
  const title = /^# (.+)$/m.exec(markdown)?.[1];
  if (!title) throw new Error(`${SOURCE} must start with a level-1 heading, the page title.`);

  writeFileSync(
    `${docsDir}/getting-started.html`,
    `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${title}</title>
    <style>${STYLE}
    </style>
  </head>
  <body>
    <nav><a href="index.html">plex-connect docs</a></nav>
    <main>
${marked.parse(markdown)}
    </main>
  </body>
</html>
`,
  );
  console.log('Built dist/docs/getting-started.html');

  return title;
}
