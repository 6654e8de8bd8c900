#!/usr/bin/env node
// Writes the generated Shopify fixtures and the bundled sample (with their expected results), checks
// that the committed copies are what the generator makes, or writes the large benchmark file.
//
//   node tests/tools/make-fixtures.mjs            write tests/fixtures/generated/shopify-small.* and samples/shopify-sample.*
//   node tests/tools/make-fixtures.mjs --check    regenerate in memory; fail unless the files on disk are byte-identical
//   node tests/tools/make-fixtures.mjs --bench [rows]   write bench/data/shopify-1m.csv (1,000,000 rows by default)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createShopifyGenerator, writeShopifyExport } from './shopify-generator.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The generated files: where they go and the generator options that make them. */
export const FIXTURES = [
  {
    name: 'shopify-small',
    dir: 'tests/fixtures/generated',
    generator: { seed: 1, orders: 300, currency: 'USD', products: 200 },
    about: 'A small USD shop',
  },
  {
    name: 'shopify-sample',
    dir: 'samples',
    generator: { seed: 7, orders: 3000, currency: 'KRW' },
    about: 'The bundled sample (npm start): a KRW shop',
  },
];

function describe(spec, result) {
  const d = result.expected.diagnostics;
  return (
    `${spec.about}: a Shopify orders_export.csv made by tests/tools/shopify-generator.mjs with ` +
    `${JSON.stringify(spec.generator)} — ${result.rows} rows (one per line item; order fields on the first row only; ` +
    `newest order first), ${d.orders.total} orders with a customer plus walk-in POS orders with neither email nor phone ` +
    `(their ${d.rows.skipped} rows are skipped as missing_customer), emails in varying letter case, phone-only guests ` +
    `("+82 10-…" and "010-…" are one customer), multi-line quoted notes, statuses paid / partially_refunded / refunded / ` +
    `voided (with Cancelled at) / pending. The expected diagnostics and every customer's summary are computed from the ` +
    `generator's own model of the orders it wrote (docs/ingestion.md), not by reading the file: gross = totals of purchases ` +
    `and refunded orders, net = paid total + (total - refunded) of partial refunds, frequency = distinct purchase days - 1, ` +
    `recency / T in days with the end date = the last purchase in the file (${d.lastOrderDate}), monetary = mean net of the ` +
    `repeat purchase days. Regenerate with: node tests/tools/make-fixtures.mjs`
  );
}

/** Expected JSON with one customer per line (small diffs, readable). */
function expectedJson(spec, result) {
  const head = {
    description: describe(spec, result),
    options: { fileName: `${spec.name}.csv` },
    generator: spec.generator,
    diagnostics: result.expected.diagnostics,
  };
  const lines = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const customers = result.expected.customers.map((c) => `    ${JSON.stringify(c)}`).join(',\n');
  return `{\n${lines.join(',\n')},\n  "customers": [\n${customers}\n  ]\n}\n`;
}

/** The files the fixtures consist of: [{name, rows, csvPath, expectedPath, csv, expectedJson, expected}]. */
export function buildFixtureFiles() {
  return FIXTURES.map((spec) => {
    const result = createShopifyGenerator(spec.generator).generate();
    return {
      name: spec.name,
      rows: result.rows,
      bytes: result.bytes,
      csvPath: path.join(root, spec.dir, `${spec.name}.csv`),
      expectedPath: path.join(root, spec.dir, `${spec.name}.expected.json`),
      csv: result.csv,
      expectedJson: expectedJson(spec, result),
      expected: result.expected,
    };
  });
}

/** Files on disk that differ from a fresh generation (empty when all are byte-identical). */
export function checkFixtureFiles() {
  const problems = [];
  for (const f of buildFixtureFiles()) {
    for (const [file, text] of [[f.csvPath, f.csv], [f.expectedPath, f.expectedJson]]) {
      const rel = path.relative(root, file);
      if (!fs.existsSync(file)) problems.push(`${rel}: missing`);
      else if (!fs.readFileSync(file).equals(Buffer.from(text))) problems.push(`${rel}: differs from a fresh generation`);
    }
  }
  return problems;
}

function writeFixtures() {
  for (const f of buildFixtureFiles()) {
    fs.mkdirSync(path.dirname(f.csvPath), { recursive: true });
    fs.writeFileSync(f.csvPath, f.csv);
    fs.writeFileSync(f.expectedPath, f.expectedJson);
    console.log(
      `${path.relative(root, f.csvPath)}: ${f.rows} rows, ${f.bytes} bytes, ${f.expected.customers.length} customers; ` +
        `${path.relative(root, f.expectedPath)}`,
    );
  }
}

/** The benchmark file of `rows` rows: bench/data/shopify-1m.csv, -200k.csv, -12345.csv. */
export function benchFile(rows) {
  const label = rows % 1e6 === 0 ? `${rows / 1e6}m` : rows % 1000 === 0 ? `${rows / 1000}k` : String(rows);
  return path.join(root, 'bench/data', `shopify-${label}.csv`);
}

function bench(rows) {
  const file = benchFile(rows);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const started = process.hrtime.bigint();
  const result = writeShopifyExport(file, { seed: 42, targetRows: rows, currency: 'KRW' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(JSON.stringify({ file: path.relative(root, file), rows: result.rows, bytes: result.bytes, seconds: +seconds.toFixed(2) }));
}

function main(argv) {
  if (argv[0] === '--check') {
    const problems = checkFixtureFiles();
    if (problems.length) {
      console.error(`generated fixtures are not up to date (run node tests/tools/make-fixtures.mjs):\n  ${problems.join('\n  ')}`);
      process.exit(1);
    }
    console.log('generated fixtures and sample match a fresh generation');
  } else if (argv[0] === '--bench') {
    const rows = argv[1] ? Number(argv[1]) : 1_000_000;
    if (!Number.isInteger(rows) || rows < 1) throw new Error(`--bench expects a row count, got ${argv[1]}`);
    bench(rows);
  } else if (argv.length === 0) {
    writeFixtures();
  } else {
    console.error('usage: make-fixtures.mjs [--check | --bench [rows]]');
    process.exit(2);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main(process.argv.slice(2));
