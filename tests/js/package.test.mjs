// The npm package as a user gets it: what `npm pack` puts in the tarball, and a project that
// installs the tarball (offline: the package has no runtime dependencies) and uses the API and
// the `orderlens` command through the installed bin.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { handDir, orderlens, root } from './support.mjs';

const exec = promisify(execFile);
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
// No update check, no audit, no progress output: nothing reaches the network.
const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_progress: 'false' };
const run = (cmd, args, cwd) => exec(cmd, args, { cwd, env, maxBuffer: 64 << 20, timeout: 60000 });

const fixture = path.join(handDir, 'stripe-payments.csv');

async function apiReport(file) {
  const ol = await orderlens();
  const ds = await ol.load(fs.readFileSync(file), { fileName: path.basename(file) });
  try {
    return { diagnostics: ds.diagnostics, customers: ds.customers() };
  } finally {
    ds.dispose();
  }
}

test('npm pack lists the built package and nothing of the sources', async () => {
  const { stdout } = await run(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], root);
  const [info] = JSON.parse(stdout);
  assert.equal(info.name, 'orderlens');
  assert.equal(info.version, pkg.version);
  const files = info.files.map((f) => f.path);
  for (const needed of ['dist/index.js', 'dist/index.d.ts', 'dist/orderlens.mjs', 'dist/orderlens.wasm', 'dist/worker.js',
    'dist/worker-client.js', 'dist/cli.js', 'README.md', 'package.json']) {
    assert.ok(files.includes(needed), `${needed} is in the package: ${files.join(', ')}`);
  }
  // Every module that dist/ imports is shipped too (the vendored ones in dist/vendor/ included).
  for (const file of files.filter((f) => f.startsWith('dist/') && f.endsWith('.js'))) {
    const source = fs.readFileSync(path.join(root, file), 'utf8');
    for (const [, , spec] of source.matchAll(/(?:from|import\()\s*(['"])(\.\.?\/[^'"]+)\1/g)) {
      assert.ok(files.includes(path.posix.join(path.posix.dirname(file), spec)), `${file} imports ${spec}, which is not in the package`);
    }
  }
  const unwanted = files.filter((f) => /^(src|tests|bench|scripts|build|bindings|tools|samples|docs|test-artifacts|node_modules)\//.test(f));
  assert.deepEqual(unwanted, []);
  assert.ok(files.every((f) => f.startsWith('dist/') || !f.includes('/')), files.join(', '));
  // The entry points named in package.json are in the package.
  const exportTargets = Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
  for (const target of [...exportTargets, pkg.types, ...Object.values(pkg.bin)]) {
    assert.ok(files.includes(path.posix.normalize(target)), `${target} (package.json) is in the package`);
  }
  // The CLI is executable by npm's bin link.
  assert.ok(fs.readFileSync(path.join(root, pkg.bin.orderlens), 'utf8').startsWith('#!/usr/bin/env node\n'));
});

test('a project installs the tarball offline and uses the API and the CLI', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'orderlens-pkg-'));
  try {
    const packDir = path.join(tmp, 'pack');
    const project = path.join(tmp, 'project');
    fs.mkdirSync(packDir);
    fs.mkdirSync(project);
    const { stdout: packed } = await run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], root);
    const tarball = path.join(packDir, JSON.parse(packed)[0].filename);
    assert.ok(fs.existsSync(tarball), tarball);

    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'orderlens-user', version: '1.0.0', private: true, type: 'module' }, null, 2));
    await run(npm, ['install', tarball, '--offline', '--no-audit', '--no-fund', '--cache', path.join(tmp, 'npm-cache')], project);

    const installed = path.join(project, 'node_modules/orderlens');
    assert.equal(JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')).version, pkg.version);
    assert.ok(fs.statSync(path.join(installed, 'dist/index.d.ts')).size > 0, 'dist/index.d.ts is installed');
    assert.ok(fs.existsSync(path.join(installed, 'dist/orderlens.wasm')));
    assert.ok(!fs.existsSync(path.join(installed, 'src')) && !fs.existsSync(path.join(installed, 'tests')));
    assert.deepEqual(fs.readdirSync(path.join(project, 'node_modules')).filter((n) => !n.startsWith('.')), ['orderlens'], 'no dependencies');

    // The API, imported by its name from the installed copy.
    fs.writeFileSync(path.join(project, 'use.mjs'), [
      "import { createOrderlens, OrderlensError } from 'orderlens';",
      "import fs from 'node:fs';",
      'const ol = await createOrderlens();',
      `const ds = await ol.load(fs.readFileSync(${JSON.stringify(fixture)}), { fileName: ${JSON.stringify(path.basename(fixture))} });`,
      "const error = await ol.load('').catch((e) => e);",
      "console.log(JSON.stringify({ resolved: import.meta.resolve('orderlens'), version: ol.version, diagnostics: ds.diagnostics,",
      '  customers: ds.customers(), errorClass: error instanceof OrderlensError, errorCode: error.code }));',
    ].join('\n'));
    const { stdout: used } = await run(process.execPath, ['use.mjs'], project);
    const result = JSON.parse(used);
    assert.equal(result.resolved, pathToFileURL(path.join(fs.realpathSync(installed), 'dist/index.js')).href);
    assert.equal(result.version, (await orderlens()).version);
    const want = await apiReport(fixture);
    assert.deepEqual({ diagnostics: result.diagnostics, customers: result.customers }, want);
    assert.equal(result.customers.length, 2);
    assert.deepEqual([result.errorClass, result.errorCode], [true, 'empty_file']);

    // The command through the installed bin.
    const { stdout: cliJson } = await run(npx, ['--no-install', 'orderlens', 'report', fixture, '--json'], project);
    assert.deepEqual(JSON.parse(cliJson), want);
    const { stdout: help } = await run(npx, ['--no-install', 'orderlens', '--help'], project);
    assert.match(help, /^Usage:\n {2}orderlens report <orders\.csv\|orders\.xlsx>/m);
    // The version is read from the installed package.json (after a command: `orderlens --version`
    // alone is checked in cli.test.mjs).
    const { stdout: version } = await run(npx, ['--no-install', 'orderlens', 'report', fixture, '--version'], project);
    assert.equal(version, `${pkg.version}\n`);
    await assert.rejects(run(npx, ['--no-install', 'orderlens', 'report', path.join(tmp, 'missing.csv')], project), (e) => e.code === 1);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
