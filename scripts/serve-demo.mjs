#!/usr/bin/env node
// Serves build/demo-site/ on http://127.0.0.1:PORT (default 8080, or PORT=…) with the demo's
// Content-Security-Policy, until Ctrl-C. `npm start` builds the site first.
import fs from 'node:fs';
import { DEMO_CSP, startStaticServer } from './static-server.mjs';
import { siteDir } from './build-demo.mjs';

if (!fs.existsSync(siteDir)) {
  console.error('build/demo-site/ is missing: run `npm run build:demo` first');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 8080);
const server = await startStaticServer({ mounts: [{ prefix: '/', dir: siteDir, index: 'index.html' }], csp: DEMO_CSP, port });
console.log(`orderlens web demo: http://127.0.0.1:${server.address().port}/  (Ctrl-C to stop; your files never leave this machine)`);
process.on('SIGINT', () => {
  server.close();
  process.exit(0);
});
