#!/usr/bin/env node
// `npm run build:demo` (after the WASM build): assembles the web demo as a static folder,
// build/demo-site/, deployable to any static host:
//   web-demo/*            the page, its modules and stylesheet
//   dist/                 the npm package as built (browser files: no CLI)
//   vendor/               Chart.js's UMD build and licences (npm devDependency, no CDN)
//   samples/              the sample shop behind "Load sample shop", and its website events (made
//                         by bench/make-events.mjs from the sample: seeded, the same file each build)
//   _headers              the Content-Security-Policy for hosts that read it (Netlify, Cloudflare Pages)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_CSP } from './static-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const siteDir = path.join(root, 'build/demo-site');

const copy = (from, to) => {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
};

export function buildDemoSite() {
  const dist = path.join(root, 'dist');
  if (!fs.existsSync(path.join(dist, 'orderlens.wasm'))) throw new Error('dist/orderlens.wasm is missing: run `bash scripts/build.sh wasm` first');
  fs.rmSync(siteDir, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'web-demo'), siteDir, { recursive: true });
  // The package's browser files: modules, the wasm, its vendored hashes; not the Node CLI.
  fs.cpSync(dist, path.join(siteDir, 'dist'), {
    recursive: true,
    filter: (src) => fs.statSync(src).isDirectory() || (/\.(m?js|wasm)$/.test(src) && !/[\\/]cli[^\\/]*\.js$/.test(src)) || src.includes(`${path.sep}vendor${path.sep}`),
  });
  const chart = path.join(root, 'node_modules/chart.js');
  copy(path.join(chart, 'dist/chart.umd.min.js'), path.join(siteDir, 'vendor/chart.umd.min.js'));
  copy(path.join(chart, 'LICENSE.md'), path.join(siteDir, 'vendor/chart.js-LICENSE.md'));
  // The UMD build bundles @kurkle/color (MIT), Chart.js's one dependency.
  copy(path.join(root, 'node_modules/@kurkle/color/LICENSE.md'), path.join(siteDir, 'vendor/kurkle-color-LICENSE.md'));
  copy(path.join(root, 'samples/shopify-sample.csv'), path.join(siteDir, 'samples/shopify-sample.csv'));
  execFileSync(process.execPath, [path.join(root, 'bench/make-events.mjs'), path.join(root, 'samples/shopify-sample.csv'),
    path.join(siteDir, 'samples/shopify-sample-events.csv')], { cwd: root, stdio: 'ignore' });
  fs.writeFileSync(path.join(siteDir, '_headers'),
    `/*\n  Content-Security-Policy: ${DEMO_CSP}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n`);
  return siteDir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`web demo built: ${path.relative(root, buildDemoSite())}/`);
}
