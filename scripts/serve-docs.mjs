// Serves the built docs and bundled descriptions (dist/docs and
// dist/openapi) on the loopback interface, so they can be read in a browser.
// Stops on Ctrl-C.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { ROOT } from './apis.mjs';

const DIST = join(ROOT, 'dist');
const HOST = '127.0.0.1';
const port = Number(process.env.DOCS_PORT ?? 8080);

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`DOCS_PORT must be a port number from 0 to 65535, got "${process.env.DOCS_PORT}".`);
  process.exit(2);
}

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.yaml': 'application/yaml; charset=utf-8',
  '.png': 'image/png',
};

/** The folders of dist/ that are served; build output such as logs is not. */
const SERVED = ['docs', 'openapi'];

/** Maps a request path to a file under a served folder, or null when there is none. */
function resolveFile(urlPath) {
  const decoded = decodeURIComponent(urlPath.split('?')[0]);
  const file = join(DIST, normalize(decoded));
  if (!SERVED.some((folder) => file.startsWith(join(DIST, folder, '/')))) return null;

  try {
    const stats = statSync(file);
    return stats.isDirectory() ? join(file, 'index.html') : file;
  } catch {
    return null;
  }
}

const server = createServer((request, response) => {
  // The index links pages relative to /docs/, so the folder needs its slash.
  const path = (request.url ?? '/').split('?')[0];
  if (path === '/' || path === '/docs') {
    response.writeHead(301, { location: '/docs/' });
    response.end();
    return;
  }

  let file = null;
  try {
    file = resolveFile(request.url ?? '/');
  } catch {
    // A malformed percent-encoding gets the same 404 as a missing file.
  }

  if (!file || request.method !== 'GET') {
    response.writeHead(request.method === 'GET' ? 404 : 405, { 'content-type': 'text/plain' });
    response.end(request.method === 'GET' ? 'Not found\n' : 'Method not allowed\n');
    return;
  }

  response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response);
});

server.on('error', (error) => {
  console.error(`Could not serve the docs on ${HOST}:${port}: ${error.message}. Set DOCS_PORT to a free port.`);
  process.exit(1);
});

server.listen(port, HOST, () => {
  const { port: actual } = server.address();
  console.log(`API docs: http://${HOST}:${actual}/docs/`);
  console.log('Press Ctrl-C to stop.');
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
