// Customer lifetime value through the npm package (WASM): the CDNOW fits against the published
// estimates, native/WASM agreement, errors as values, the Worker, and `orderlens clv`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { createOrderlensWorker } from 'orderlens';
import { assertClose, nativeAnalysis, orderlens, root } from './support.mjs';

const cdnow = path.join(root, 'tests/fixtures/cdnow/cdnow_sample_transactions.csv');
const CALIBRATED = { unit: 'weeks', calibrationEnd: '1997-09-30' };
const sig = (v, digits) => Number(v.toPrecision(digits));

async function cdnowDataset() {
  const ol = await orderlens();
  return ol.load(fs.readFileSync(cdnow), { fileName: 'cdnow_sample_transactions.csv' });
}


test('CDNOW calibration fit: BG/NBD as published by Fader, Hardie & Lee (2005)', async () => {
  const ds = await cdnowDataset();
  const r = ds.clv(CALIBRATED);
  const h = r.holdout.transactions;
  assert.equal(h.status, 'converged');
  assert.deepEqual([sig(h.params.r, 4), sig(h.params.alpha, 4), sig(h.params.a, 4), sig(h.params.b, 4)], [0.2426, 4.414, 0.7929, 2.426]);
  assert.equal(Math.round(h.logLikelihood * 100) / 100, -9582.43);
  // Counted from the data: repeat purchase days of the 2,357 customers in weeks 40-78, and by
  // the end of weeks 39 and 78.
  assert.equal(r.holdout.actualPurchases, 1882);
  assert.equal(r.holdout.tracking[38].actual, 2457);
  assert.equal(r.holdout.tracking.at(-1).actual, 4339);
  assert.equal(r.holdout.byFrequency[0].customers, 1411);
  assert.equal(r.holdout.byFrequency.reduce((s, b) => s + b.customers, 0), 2357);
  // The purchase distribution covers every customer once, and its mean is the expected purchases
  // up to the 10+ tail.
  const dist = r.totals.purchaseDistribution;
  assert.equal(dist.length, 11);
  assert.ok(Math.abs(dist.reduce((a, b) => a + b, 0) - 2357) < 1e-6);
  assert.ok(dist.slice(0, 10).reduce((a, b, n) => a + n * b, 0) <= r.totals.expectedPurchases);
  ds.dispose();
});

test('Pareto/NBD and MBG/NBD through the package', async () => {
  const ds = await cdnowDataset();
  const p = ds.clv({ ...CALIBRATED, model: 'pnbd', spend: 'none' }).holdout.transactions.params;
  assert.deepEqual([sig(p.r, 3), sig(p.alpha, 5), sig(p.s, 3), sig(p.beta, 5)], [0.553, 10.578, 0.606, 11.669]);
  const m = ds.clv({ ...CALIBRATED, model: 'mbgnbd' }).holdout.transactions.params;
  assert.deepEqual([sig(m.r, 3), sig(m.alpha, 4), sig(m.a, 3), sig(m.b, 4)], [0.525, 6.183, 0.891, 1.614]);
  ds.dispose();
});

test('native and WASM give the same CLV analysis and per-customer predictions', async () => {
  for (const options of [CALIBRATED, { model: 'pnbd', horizonMonths: 6, margin: 0.3 }, { model: 'mbgnbd', unit: 'weeks' }]) {
    const native = nativeAnalysis(cdnow, 'clv', options);
    const ds = await cdnowDataset();
    const r = ds.clv(options);
    const { columns, ...analysis } = r;
    assertClose(analysis, native.clv, JSON.stringify(options));
    assert.equal(r.customers.length, native.customers.length);
    for (let i = 0; i < r.customers.length; i += 97) assertClose(r.customers[i], native.customers[i], `customer ${i}`);
    ds.dispose();
  }
});

test('bad CLV options are errors as values; the instance keeps working', async () => {
  const ol = await orderlens();
  const ds = await cdnowDataset();
  assert.throws(() => ds.clv({ model: 'lifetimes' }), { name: 'OrderlensError', code: 'bad_option', message: /options\.model: expected "bgnbd", "mbgnbd" or "pnbd"/ });
  assert.throws(() => ds.clv({ horizonMonths: 2.5 }), { code: 'bad_option', message: /horizonMonths/ });
  assert.throws(() => ds.clv({ calibrationEnd: '1999-01-01' }), { code: 'bad_input', message: /calibration end must be before the end of the data/ });
  assert.throws(() => ol.clvFit({ frequency: [1, 2], recency: [1], T: [3, 4] }), { code: 'bad_input', message: /same length/ });
  assert.throws(() => ol.clvFit({ frequency: [1], recency: [5], T: [3] }), { code: 'bad_input', message: /customer 0: recency must be between 0 and T/ });
  assert.equal(ds.clv(CALIBRATED).holdout.transactions.status, 'converged');
  ds.dispose();
  assert.throws(() => ds.clv(), { code: 'invalid_state' });
});

test('clvFit on bare arrays equals the dataset path', async () => {
  const ol = await orderlens();
  const ds = await cdnowDataset();
  const c = ds.customerColumns({ unit: 'weeks', endDate: '1997-09-30' });
  const fromArrays = ol.clvFit({ frequency: c.frequency, recency: c.recency, T: c.T, monetary: c.monetary }, { unit: 'weeks' });
  const fromDataset = ds.clv({ unit: 'weeks', endDate: '1997-09-30' });
  assert.deepEqual(fromArrays.transactions.params, fromDataset.transactions.params);
  assert.deepEqual(fromArrays.spend.params, fromDataset.spend.params);
  assert.deepEqual(Array.from(fromArrays.columns.clv), Array.from(fromDataset.columns.clv));
  assert.equal(fromArrays.customers[0].pAlive, fromDataset.customers[0].pAlive);
  ds.dispose();
});

test('the Worker gives the same CLV result', async () => {
  const worker = await createOrderlensWorker();
  try {
    const ds = await worker.load(fs.readFileSync(cdnow), { fileName: 'cdnow_sample_transactions.csv' });
    const remote = await ds.clv(CALIBRATED);
    const local = (await cdnowDataset()).clv(CALIBRATED);
    assert.deepEqual(remote.holdout, local.holdout);
    assert.deepEqual(remote.customers[5], local.customers[5]);
    const arrays = await worker.clvFit({ frequency: [0, 1, 4], recency: [0, 2, 9], T: [10, 10, 10] }, { spend: 'none' });
    assert.equal(arrays.customers.length, 3);
    await ds.dispose();
  } finally {
    worker.terminate();
  }
});

function runCli(args) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(root, 'dist/cli.js'), ...args], { cwd: root, maxBuffer: 64 << 20, timeout: 30000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: error ? error.code : 0, stdout, stderr });
    });
  });
}

test('orderlens clv: text, JSON and the per-customer CSV', async () => {
  const text = await runCli(['clv', cdnow, '--unit', 'weeks', '--calibration-end', '1997-09-30', '--top', '3']);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /BG\/NBD \(converged/);
  assert.match(text.stdout, /Holdout: fitted to 1997-09-30, predicting the 39 weeks to 1998-06-30/);
  assert.match(text.stdout, /repeat purchases: actual 1,882/);
  assert.match(text.stdout, /Top 3 customers by CLV/);
  assert.match(text.stdout, /customers expected to buy 0 \/ 1 \/ 2 \/ 3 \/ 4\+ times: [\d,]+ \/ /);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orderlens-clv-'));
  const out = path.join(dir, 'clv.csv');
  const json = await runCli(['clv', cdnow, '--model', 'pnbd', '--json', '--out', out, '--horizon', '6']);
  assert.equal(json.code, 0, json.stderr);
  const parsed = JSON.parse(json.stdout);
  assert.equal(parsed.clv.transactions.model, 'pnbd');
  assert.equal(parsed.clv.options.horizonMonths, 6);
  assert.equal(parsed.customers.length, 2357);
  const csv = fs.readFileSync(out, 'utf8');
  assert.ok(csv.startsWith('\uFEFFid,email,name,orders,firstOrder,lastOrder,netRevenue,frequency,recency,T,monetary,pAlive,'));
  assert.equal(csv.trimEnd().split('\r\n').length, 2358);

  const usage = await runCli(['clv', cdnow, '--model', 'lifetimes']);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /--model must be bgnbd, mbgnbd or pnbd/);
  const badDate = await runCli(['clv', cdnow, '--calibration-end', '2001-01-01']);
  assert.equal(badDate.code, 1);
  assert.match(badDate.stderr, /calibration end must be before the end of the data/);
});
