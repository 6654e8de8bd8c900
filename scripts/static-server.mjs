// A read-only static file server on 127.0.0.1 (node:http, no dependencies), shared by the browser
// tests (tests/browser/), the demo server of `npm start` (scripts/serve-demo.mjs) and the demo
// benchmark (bench/demo.mjs). Every response carries the given Content-Security-Policy; a CSP
// report endpoint collects violations (page and Workers) when the caller asks for one.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.bin': 'application/octet-stream',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The demo's policy: only its own origin; WebAssembly compiled without eval; blob: images for downloads. */
export const DEMO_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; " +
  "worker-src 'self'; style-src 'self'; img-src 'self' blob: data:";

/**
 * The file a URL path maps to, or null. A mount is {prefix, dir, only?: Set of relative paths,
 * index?: file served for a path ending in '/'}; the first matching prefix wins, and no path may
 * leave its directory.
 */
export function resolveRequest(mounts, urlPath) {
  for (const mount of mounts) {
    if (!urlPath.startsWith(mount.prefix)) continue;
    let rel = decodeURIComponent(urlPath.slice(mount.prefix.length));
    if ((rel === '' || rel.endsWith('/')) && mount.index) rel += mount.index;
    const file = path.resolve(mount.dir, rel);
    if (!file.startsWith(mount.dir + path.sep)) return null;
    if (mount.only && !mount.only.has(rel)) return null;
    return file;
  }
  return null;
}

/**
 * Starts the server; resolves to the http.Server once it listens. Options: mounts, csp,
 * cspReportPath (adds `report-uri` and collects POSTed reports into onCspReport), onServed({method,
 * url, status, type}) for every response, port (0: any free port).
 */
export function startStaticServer({ mounts, csp, cspReportPath, onServed, onCspReport, port = 0 }) {
  const policy = cspReportPath ? `${csp}; report-uri ${cspReportPath}` : csp;
  const handle = (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const send = (status, type, body) => {
      res.writeHead(status, {
        'Content-Type': type,
        'Content-Security-Policy': policy,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      onServed?.({ method: req.method, url: url.pathname, status, type });
    };
    if (cspReportPath && req.method === 'POST' && url.pathname === cspReportPath) {
      const parts = [];
      req.on('data', (d) => parts.push(d));
      req.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        try {
          onCspReport?.(JSON.parse(text));
        } catch {
          onCspReport?.({ unparsed: text });
        }
        send(204, 'text/plain', '');
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain', 'read-only server');
    if (url.pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
    const file = resolveRequest(mounts, url.pathname);
    if (!file) return send(404, 'text/plain', 'not found');
    fs.readFile(file, (error, body) => {
      if (error) return send(404, 'text/plain', 'not found');
      send(200, MIME[path.extname(file)] ?? 'application/octet-stream', body);
    });
  };
  const server = http.createServer(handle);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** Closes the server and its open connections. */
export function stopStaticServer(server) {
  if (!server) return Promise.resolve();
  server.closeAllConnections?.();
  return new Promise((resolve) => server.close(() => resolve()));
}
