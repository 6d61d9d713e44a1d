// The fixture site's web server: serves test/fixtures/site/hosts/<host>/ on 127.0.0.1 to a browser
// that resolves every *.test host name to 127.0.0.1 (see chromium.mjs), so each fictional outlet
// has its own host name, as "Disable on this site" and real sites need. Used by the browser tests
// and by `npm start`; it records every request it answers.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The folder holding one sub-folder per fixture host. */
export const SITE_ROOT = path.resolve(here, '../../fixtures/site/hosts');

/** Host names under this top-level domain are the fixture site's (RFC 6761 reserves `.test`). */
export const FIXTURE_TLD = '.test';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** Reads a host's optional `_site.json`: `{ fallback?: "/index.html", headers?: { "/path": {...} } }`. */
async function hostConfig(hostDir) {
  const file = path.join(hostDir, '_site.json');
  if (!existsSync(file)) return {};
  return JSON.parse(await readFile(file, 'utf8'));
}

/** The file a URL path names: the path itself, with `.html`, or its `index.html`. */
function resolveFile(hostDir, urlPath) {
  const clean = path.normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  const base = path.join(hostDir, clean);
  if (!base.startsWith(hostDir)) return null;
  for (const candidate of [base, `${base}.html`, path.join(base, 'index.html')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/**
 * Starts the server on a free port of 127.0.0.1.
 * `routes` maps "host/path" to a handler for pages made on the fly (huge or generated pages).
 */
export async function startSiteServer({ root = SITE_ROOT, routes = {} } = {}) {
  const requests = [];
  const server = http.createServer(async (req, res) => {
    const host = String(req.headers.host ?? '')
      .replace(/:\d+$/, '')
      .toLowerCase();
    const url = new URL(req.url ?? '/', 'http://placeholder');
    const entry = { host, path: url.pathname + url.search, method: req.method, status: 0 };
    requests.push(entry);
    const send = (status, body, headers = {}) => {
      entry.status = status;
      res.writeHead(status, { 'cache-control': 'no-store', ...headers });
      res.end(body);
    };
    try {
      const route = routes[`${host}${url.pathname}`];
      if (route) {
        entry.status = 200;
        await route(req, res);
        return;
      }
      const hostDir = path.join(root, host);
      if (!host.endsWith(FIXTURE_TLD) || !existsSync(hostDir)) {
        send(421, `no fixture site for host ${host}`, { 'content-type': 'text/plain' });
        return;
      }
      const config = await hostConfig(hostDir);
      let file = resolveFile(hostDir, url.pathname);
      const extension = path.extname(url.pathname);
      // Single-page apps serve their shell for every route that is not a file.
      if (!file && config.fallback && (extension === '' || extension === '.html')) {
        file = resolveFile(hostDir, config.fallback);
      }
      if (!file) {
        send(404, 'not found', { 'content-type': 'text/plain' });
        return;
      }
      const headers = {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        ...(config.headers?.[url.pathname] ?? {}),
      };
      send(200, await readFile(file), headers);
    } catch (error) {
      send(500, String(error), { 'content-type': 'text/plain' });
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const hosts = new Set([
    ...readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name),
    ...Object.keys(routes).map((key) => key.split('/')[0]),
  ]);
  return {
    port,
    hosts,
    requests,
    /** The origin of a fixture host, e.g. `http://meridianpost.test:40123`. */
    origin: (host) => `http://${host}:${port}`,
    /** The full URL of a page of a fixture host. */
    url: (host, pagePath = '/') => `http://${host}:${port}${pagePath}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve(undefined));
      }),
  };
}
