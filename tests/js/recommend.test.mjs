// Recommendations through the npm package (WASM): identical to the native build, the texts of the
// hand-worked baskets (tests/native/test_recommend.cpp works them out), errors as values, the
// exports, the Worker, the CLI, and the recommender beating the best sellers on generated data.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { createOrderlensWorker, firstCustomers, OrderlensError, recommendationRows } from 'orderlens';
import { generate } from '../tools/shopify-generator.mjs';
import { loadFixture, nativeAnalysis, orderlens, root } from './support.mjs';

const handBaskets = path.join(root, 'tests/fixtures/recommend/hand-baskets.csv');
const generated = path.join(root, 'tests/fixtures/generated/shopify-small.csv');
const cli = path.join(root, 'dist/cli.js');
// The hand fixture's options: β = 1, A a consumable, no best seller competing with neighbours.
const HAND = { shrinkage: 1, minCount: 2, popularityWeight: 0, reorder: { minCustomers: 2 } };
const REGULARS = [{ key: 'regulars', rule: { field: 'orders', op: '>=', value: 2 } }];

const load = loadFixture;

const native = (file, options) => nativeAnalysis(file, 'recommend', options).recommend;

// The WASM result in the native tool's shape: the head and the customers' rows.
function wasmShape(result) {
  const { lists, ...head } = result;
  return { ...head, customers: result.customers };
}

test('native and WASM give identical recommendations (hand baskets, generated export, holdout, segments)', async () => {
  const cases = [
    [handBaskets, HAND],
    [handBaskets, { ...HAND, popularityWeight: 1, segment: 'repurchase' }],
    [generated, {}],
    [generated, { calibrationEnd: '2023-03-01', topN: 5 }],
    [generated, { calibrationEnd: '2023-03-01', segment: 'repurchase' }],
    [generated, { rules: REGULARS, segment: 'custom.regulars', minCount: 1 }],
  ];
  for (const [file, options] of cases) {
    const dataset = await load(file);
    const actual = wasmShape(dataset.recommend(options));
    dataset.dispose();
    assert.deepEqual(actual, native(file, options), `${path.basename(file)} ${JSON.stringify(options)}`);
    assert.ok(actual.customers.length > 0);
    if (options.segment === 'repurchase' && actual.evaluation) {
      // The holdout broken down by the segment's pack: its four groups, adding up to everybody.
      const [all, ...groups] = actual.evaluation.groups;
      assert.equal(actual.evaluation.pack, 'repurchase');
      assert.deepEqual(groups.map((g) => g.key), ['just_bought', 'high_value_infrequent', 'frequent_low_value', 'loyal']);
      assert.equal(groups.reduce((n, g) => n + g.customers, 0), all.customers);
    }
  }
});

test('hand baskets: c4 gets the reorder, then the neighbours, then the fallbacks, each with its text', async () => {
  const dataset = await load(handBaskets);
  const r = dataset.recommend(HAND);
  dataset.dispose();
  assert.equal(r.customerCount, 6);
  const c4 = r.customers.find((c) => c.id === 'c4');
  assert.deepEqual(c4.recommendations.map((x) => `${x.product}:${x.reason}:${x.because}`),
    ['A:reorder_typical:A', 'C:bought_next:A', 'B:also_bought:A', 'E:favourite_category:Drinks', 'D:best_seller:null']);
  const [reorder, next, also, favourite, best] = c4.recommendations;
  assert.equal(reorder.intervalDays, 10);
  assert.equal(reorder.daysSince, 17);
  assert.equal(reorder.score, 0.5);
  assert.equal(reorder.text.en, 'Customers usually reorder Coffee every 10 days: time to reorder.');
  assert.equal(reorder.text.ko, '고객들은 보통 10일마다 Coffee을(를) 다시 구매해요. 다시 주문할 때가 되었어요.');
  assert.equal(next.text.en, 'Customers who bought Coffee bought Grinder next.');
  assert.ok(Math.abs(next.score - (0.75 + (4 / 3) / Math.sqrt(21))) < 1e-15);
  assert.equal(also.text.ko, 'Coffee을(를) 구매한 고객들이 Filter도 함께 구매했어요.');
  assert.equal(favourite.text.en, 'Best seller in your favourite category, Drinks.');
  assert.equal(best.text.en, 'A best seller of the last 90 days.');
  assert.equal(best.score, 2 / 11);
  // Never an already-bought product that is not a due consumable: c1 bought A, B and C.
  assert.deepEqual(r.customers.find((c) => c.id === 'c1').recommendations.map((x) => x.product), ['D', 'E']);
});

test('bad options are errors naming the option, and the instance keeps working', async () => {
  const dataset = await load(handBaskets);
  for (const [options, message] of [
    [{ topN: 0 }, 'options.topN: expected a whole number from 1 to 100'],
    [{ calibrationEnd: '2024-02-30' }, null],
    [{ segment: 'funnel' }, null],
    [{ segment: 'custom' }, 'options.segment: expected options.rules with the custom segments for "custom"'],
    [{ rules: [{ key: 'x', rule: { field: 'orders', op: '~', value: 1 } }] }, null],
  ]) {
    assert.throws(() => dataset.recommend(options), (error) => {
      assert.ok(error instanceof OrderlensError);
      assert.equal(error.code, 'bad_option');
      if (message) assert.equal(error.message, message);
      else assert.match(error.message, /^(options\.(calibrationEnd|segment)|custom rules at \/0\/rule\/op): expected /);
      return true;
    }, JSON.stringify(options));
  }
  assert.equal(dataset.recommend(HAND).customerCount, 6);
  dataset.dispose();
});

test('exports: one row per recommendation, CSV safe for Excel (BOM, formula injection, CP949) and JSON', async () => {
  const csv = 'order_id,customer_id,date,sku,product_name,amount,status\n'
    + 'o1,=c1,2024-01-01,S1,=HYPERLINK("x"),5.00,paid\n'
    + 'o2,c2,2024-01-02,S2,"Tea, green",5.00,paid\n'
    + 'o3,c3,2024-01-03,S3,차,5.00,paid\n';
  const ol = await orderlens();
  const dataset = await ol.load(new TextEncoder().encode(csv), { fileName: 'x.csv', preset: 'generic' });
  const r = dataset.recommend({ topN: 2 });
  dataset.dispose();
  const { columns, rows } = recommendationRows(r);
  assert.deepEqual(columns, ['id', 'email', 'rank', 'product', 'name', 'score', 'reason', 'because', 'text', 'textKo']);
  assert.equal(rows.length, 6);  // three customers, each offered the two products they did not buy
  const file = ol.exportRecommendations(r);
  assert.equal(file.fileName, 'recommendations.csv');
  assert.ok(file.text.startsWith('\uFEFFid,email,rank,product,name,score'));
  const lines = file.text.split('\r\n');
  assert.equal(lines.length, 8);  // header, 6 rows, and the final CRLF
  // c1's id and S1's name start with "=": prefixed with ' so Excel shows them as text.
  assert.ok(lines.some((l) => l.startsWith("'=c1,")));
  assert.ok(lines.some((l) => l.includes(`,"'=HYPERLINK(""x"")",`)));
  assert.ok(lines.some((l) => l.includes(',"Tea, green",')));
  const cp949 = ol.exportRecommendations(r, { encoding: 'cp949' });
  assert.equal(cp949.unmappable, 0);
  assert.equal(cp949.bytes[0], 'i'.charCodeAt(0));  // no BOM
  const json = JSON.parse(ol.exportRecommendations(r, { format: 'json' }).text);
  assert.equal(json.length, 6);
  assert.deepEqual(Object.keys(json[0]), ['id', 'email', 'rank', 'product', 'name', 'score', 'reason', 'because', 'text', 'textKo']);
  assert.throws(() => ol.exportRecommendations(r, { format: 'xml' }), /exportRecommendations: format must be "csv" or "json"/);
});

test('a segment export lists only its customers, each with its group', async () => {
  const dataset = await load(generated);
  const everyone = dataset.recommend({ segment: 'rfm' });
  const champions = dataset.recommend({ segment: 'rfm.champions' });
  const segments = dataset.segments({ packs: ['rfm'] });
  dataset.dispose();
  const rfm = segments.packs[0];
  const expected = rfm.groups.find((g) => g.key === 'champions').members;
  assert.equal(champions.customerCount, expected);
  assert.ok(champions.customers.every((c) => c.group === 'champions'));
  assert.equal(everyone.customerCount, segments.customers);
  const { columns, rows } = recommendationRows(champions);
  assert.equal(columns[2], 'group');
  assert.ok(rows.every((row) => row.group === 'champions'));
  // The first customers alone (what a page shows) are the same as the start of every customer's.
  assert.deepEqual(firstCustomers(everyone, 3), everyone.customers.slice(0, 3));
  assert.deepEqual(firstCustomers(champions, 1e9), champions.customers);
  assert.deepEqual(firstCustomers(champions, 0), []);
});

test('the Worker gives the same recommendations and export', async () => {
  const worker = await createOrderlensWorker();
  try {
    const remote = await worker.load(fs.readFileSync(handBaskets), { fileName: 'hand-baskets.csv' });
    const r = await remote.recommend(HAND);
    const dataset = await load(handBaskets);
    const local = dataset.recommend(HAND);
    dataset.dispose();
    assert.deepEqual(r.customers, local.customers);
    assert.equal((await worker.exportRecommendations(r)).text, (await orderlens()).exportRecommendations(local).text);
    await assert.rejects(remote.recommend({ topN: 1000 }), (error) => error instanceof OrderlensError && error.code === 'bad_option');
    await remote.dispose();
  } finally {
    worker.terminate();
  }
});

test('CLI: recommend prints lists and the holdout next to best sellers, --json, --out, usage errors', () => {
  const run = (...args) => spawnSync(process.execPath, [cli, 'recommend', ...args], { encoding: 'utf8' });
  const text = run(generated, '--calibration-end', '2023-03-01', '--top', '5');
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /recommendations for [\d,]+ customers as of 2023-03-01, top 5 each/);
  assert.match(text.stdout, /Holdout: recommended from purchases up to 2023-03-01/);
  assert.match(text.stdout, /hitRate @10 +[\d.]+% +[\d.]+%/);
  const json = run(handBaskets, '--json', '--lang', 'ko');
  assert.equal(json.status, 0, json.stderr);
  const out = JSON.parse(json.stdout);
  assert.equal(out.recommend.customerCount, 6);
  assert.equal(out.recommend.customers.length, 6);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orderlens-recommend-'));
  const file = path.join(dir, 'recs.csv');
  const written = run(handBaskets, '--segment', 'repurchase', '--out', file);
  assert.equal(written.status, 0, written.stderr);
  assert.match(written.stderr, /wrote \d+ recommendations to /);
  assert.ok(fs.readFileSync(file, 'utf8').startsWith('\uFEFFid,email,group,rank,'));
  const rules = path.join(dir, 'rules.json');
  fs.writeFileSync(rules, JSON.stringify(REGULARS));
  const custom = run(handBaskets, '--rules', rules, '--segment', 'custom.regulars', '--json');
  assert.equal(custom.status, 0, custom.stderr);
  assert.deepEqual(JSON.parse(custom.stdout).recommend.customers.map((c) => c.id), ['c1', 'c2', 'c3', 'c6']);
  const badTop = run(handBaskets, '--top', '0');
  assert.equal(badTop.status, 2);
  assert.match(badTop.stderr, /--top must be a whole number from 1 to 100/);
  const badSegment = run(handBaskets, '--segment', 'rfm.nobody');
  assert.equal(badSegment.status, 1);
  assert.match(badSegment.stderr, /options\.segment: expected a group of rfm/);
  fs.rmSync(dir, { recursive: true });
});

test('generated data (complements and successors): the recommender beats the best sellers on the holdout', async () => {
  const { csv } = generate({ seed: 3, orders: 20000, currency: 'USD', products: 300, days: 200 });
  const ol = await orderlens();
  const dataset = await ol.load(new TextEncoder().encode(csv), { fileName: 'generated.csv' });
  const last = dataset.diagnostics.lastOrderDate;
  const end = new Date(Date.parse(last) - 60 * 86400000).toISOString().slice(0, 10);  // a 60-day holdout
  const r = dataset.recommend({ calibrationEnd: end });
  dataset.dispose();
  const all = r.evaluation.groups[0];
  assert.ok(all.customers > 1000, `${all.customers} customers evaluated`);
  for (const k of ['at5', 'at10']) {
    for (const m of ['hitRate', 'precision', 'recall']) {
      assert.ok(all[k].recommender[m] > all[k].baseline[m], `${m} ${k}: ${all[k].recommender[m]} vs ${all[k].baseline[m]}`);
    }
  }
  // Per RFM group the customers add up to the total.
  assert.equal(r.evaluation.groups.slice(1).reduce((n, g) => n + g.customers, 0), all.customers);
});
