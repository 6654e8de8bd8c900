// The generated Shopify exports (tests/tools/shopify-generator.mjs): the generator is
// deterministic, the committed fixture and sample are what it makes, and the package reports for
// them exactly what the generator's own model of the orders says (docs/ingestion.md).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { buildFixtureFiles, checkFixtureFiles } from '../tools/make-fixtures.mjs';
import { generate, SHOPIFY_COLUMNS, writeShopifyExport } from '../tools/shopify-generator.mjs';
import { subsetMismatch, wasmReport } from './support.mjs';

const MONEY_FIELDS = new Set(['grossRevenue', 'netRevenue', 'aov', 'monetary']);

/** Money within 1e-6 (sums of floating-point amounts), everything else exact. */
function generatorLeaf(expected, actual, where) {
  const key = where.slice(where.lastIndexOf('.') + 1);
  if (MONEY_FIELDS.has(key) && typeof expected === 'number' && typeof actual === 'number')
    return Math.abs(expected - actual) <= 1e-6 ? '' : `${where}: expected ${expected}, got ${actual}`;
  return Object.is(expected, actual) ? '' : `${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

const mismatch = (expected, actual, where) => subsetMismatch(expected, actual, where, generatorLeaf);

test('the generator is deterministic: same seed, same bytes; another seed, other bytes', () => {
  const options = { seed: 11, orders: 150, currency: 'KRW', products: 120 };
  const a = generate(options);
  const b = generate(options);
  assert.equal(a.csv, b.csv);
  assert.deepEqual(a.expected, b.expected);
  assert.notEqual(generate({ ...options, seed: 12 }).csv, a.csv);

  // The header is Shopify's 79 columns; streaming to a file writes the same bytes.
  assert.equal(a.csv.slice(0, a.csv.indexOf('\n')), SHOPIFY_COLUMNS.join(','));
  assert.equal(SHOPIFY_COLUMNS.length, 79);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orderlens-gen-'));
  try {
    const file = path.join(dir, 'orders_export.csv');
    const written = writeShopifyExport(file, options);
    assert.equal(fs.readFileSync(file, 'utf8'), a.csv);
    assert.equal(written.bytes, a.bytes);
    assert.equal(written.rows, a.rows);
    assert.deepEqual(written.expected, a.expected);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  // targetRows gives exactly that many rows.
  assert.equal(generate({ seed: 5, targetRows: 777, currency: 'USD' }).rows, 777);
});

test('the committed generated fixture and sample equal a fresh generation (make-fixtures --check)', () => {
  assert.deepEqual(checkFixtureFiles(), []);
});

for (const fixture of buildFixtureFiles()) {
  test(`the package reads ${path.basename(fixture.csvPath)} as the generator's model says`, async () => {
    const committed = JSON.parse(fs.readFileSync(fixture.expectedPath, 'utf8'));
    const bytes = fs.readFileSync(fixture.csvPath);
    const report = await wasmReport(bytes, committed.options);
    assert.ok(!report.error, report.error?.message);
    const { diagnostics, customers } = report;

    // Layout and shape: the Shopify preset, and the multi-line quoted notes did not split rows.
    assert.equal(diagnostics.preset.key, 'shopify');
    assert.equal(diagnostics.preset.detected, true);
    assert.match(fixture.csv, /"[^"]*utm_source: [^"\n]*\n[^"]*"/, 'the file has multi-line quoted notes');
    assert.equal(diagnostics.rows.read, fixture.rows);
    assert.equal(diagnostics.rows.read, diagnostics.rows.used + diagnostics.rows.skipped);
    assert.deepEqual(diagnostics.warnings, []);

    // Diagnostics and every customer.
    assert.equal(mismatch(committed.diagnostics, diagnostics, 'diagnostics'), '');
    assert.equal(customers.length, committed.customers.length, 'number of customers with a purchase');
    const byId = new Map(customers.map((c) => [c.id, c]));
    for (const want of committed.customers) {
      const got = byId.get(want.id);
      assert.ok(got, `customer ${want.id} missing`);
      assert.equal(mismatch(want, got, `customer ${want.id}`), '');
    }
  });
}
