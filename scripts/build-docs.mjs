// Builds one self-contained HTML page per description into dist/docs/, the
// getting-started page from docs/getting-started.md, and an index page that
// links them all. `--inlineBundle` embeds Redoc in each page,
// so the docs render offline instead of loading scripts from a CDN.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { APIS, ROOT, run } from './apis.mjs';
import { buildGettingStarted } from './getting-started.mjs';

// Redoc's sidebar credit loads the Redocly logo from a CDN even with
// `--inlineBundle`. The same credit as an inline SVG keeps the page offline.
const CDN_LOGO = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;
const INLINE_LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="20"><text x="0" y="15" font-family="sans-serif" font-size="14" fill="#5a6577">Redocly</text></svg>',
)}`;

const docsDir = `${ROOT}dist/docs`;
mkdirSync(docsDir, { recursive: true });

const pages = APIS.map(({ name }) => {
  const bundle = parse(readFileSync(`${ROOT}dist/openapi/${name}.yaml`, 'utf8'));
  const { title, version, summary } = bundle.info;
  run('redocly', [
    'build-docs',
    `dist/openapi/${name}.yaml`,
    '--inlineBundle',
    '--output',
    `dist/docs/${name}.html`,
    '--title',
    title,
  ], { quiet: true });

  const page = `${docsDir}/${name}.html`;
  writeFileSync(page, readFileSync(page, 'utf8').replace(CDN_LOGO, INLINE_LOGO));
  console.log(`Built dist/docs/${name}.html`);

  return { name, title, version, summary: summary ?? '' };
});

const guideTitle = buildGettingStarted(docsDir);

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const items = pages
  .map(
    (page) => `      <li>
        <a href="${page.name}.html">${escapeHtml(page.title)}</a> <span>${escapeHtml(page.version)}</span>
        <p>${escapeHtml(page.summary)}</p>
        <p class="files">Bundled description: <a href="../openapi/${page.name}.yaml">YAML</a>, <a href="../openapi/${page.name}.json">JSON</a></p>
      </li>`,
  )
  .join('\n');

writeFileSync(
  `${docsDir}/index.html`,
  `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>plex-connect documentation</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 3rem auto; padding: 0 1rem; color: #1d2433; }
      li { margin-bottom: 1.25rem; }
      span, .files { color: #5a6577; font-size: 0.9rem; }
      p { margin: 0.25rem 0; }
      .guide { margin: 1rem 0 2rem; }
    </style>
  </head>
  <body>
    <h1>plex-connect documentation</h1>
    <p class="guide">New here? <a href="getting-started.html">${escapeHtml(guideTitle)}</a> covers installing the package, a first call, tenants, dates, the emulator and deploying the functions.</p>
    <h2>API reference</h2>
    <ul>
${items}
    </ul>
  </body>
</html>
`,
);
console.log('Built dist/docs/index.html');
