// Every hand-made fixture through the npm package (WASM): the hand-computed expectations hold,
// chunk sizes do not matter, and the native build gives exactly the same report.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { handFixtures, nativeReport, subsetMismatch, wasmReport } from './support.mjs';

for (const { name, dataPath, expected } of handFixtures()) {
  test(`fixture ${name}`, async () => {
    const bytes = fs.readFileSync(dataPath);
    const options = expected.options ?? {};
    const summary = expected.summary ?? {};
    const report = await wasmReport(bytes, options, summary);

    for (const chunkSize of [1, 5, 4096]) {
      assert.deepEqual(await wasmReport(bytes, options, summary, chunkSize), report, `chunkSize ${chunkSize}`);
    }
    assert.deepEqual(report, nativeReport(dataPath, options, summary), 'native and WASM reports differ');

    if (expected.error) {
      assert.ok(report.error, `expected error ${expected.error.code}, got a dataset`);
      assert.equal(report.error.code, expected.error.code);
      for (const part of expected.error.messageIncludes ?? []) assert.ok(report.error.message.includes(part), report.error.message);
      return;
    }
    assert.ok(!report.error, report.error?.message);
    if (expected.diagnostics) assert.equal(subsetMismatch(expected.diagnostics, report.diagnostics, 'diagnostics'), '');
    const rows = report.diagnostics.rows;
    assert.equal(rows.read, rows.used + rows.skipped);
    if (expected.customers) {
      assert.equal(report.customers.length, expected.customers.length, JSON.stringify(report.customers.map((c) => c.id)));
      for (const want of expected.customers) {
        const got = report.customers.find((c) => c.id === want.id);
        assert.ok(got, `customer ${want.id} missing`);
        assert.equal(subsetMismatch(want, got, `customer ${want.id}`), '');
      }
    }
  });
}
