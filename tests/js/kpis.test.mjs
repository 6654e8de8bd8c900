// KPIs, cohorts, channels and readiness through the npm package (WASM): the same JSON as the
// native build, spend files as text, bytes or CP949, the Worker, errors as values, and the CLI.
// The expected values of the hand shop are worked out in tests/native/test_kpis.cpp.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { createOrderlensWorker } from 'orderlens';
import { loadFixture, nativeAnalysis, orderlens, root } from './support.mjs';

const dir = path.join(root, 'tests/fixtures/kpis');
const handShop = path.join(dir, 'hand-shop.csv');
const handEvents = path.join(dir, 'hand-events.csv');
const spendCsv = path.join(dir, 'spend.csv');
const generated = path.join(root, 'tests/fixtures/generated/shopify-small.csv');
const cli = path.join(root, 'dist/cli.js');

const load = loadFixture;

const native = (file, kind, options, events) => nativeAnalysis(file, kind, options, events)[kind];

const SPEND = [{ channel: 'Google Ads', period: '2024-01', amount: 200 }, { channel: 'google', period: '2024-03', amount: 300 },
  { channel: 'naver', amount: 300 }, { channel: 'tiktok', period: '2024-02', amount: 100 }];

test('native and WASM give identical KPIs, cohorts, channels and readiness', async () => {
  const ol = await orderlens();
  const events = await ol.loadEvents(fs.readFileSync(handEvents), { fileName: 'hand-events.csv' });
  const cases = [
    [handShop, 'kpis', {}, true],
    [handShop, 'kpis', { period: 'week', dropThreshold: 0.01 }, true],
    [handShop, 'cohorts', { by: 'firstChannel', maxCohorts: 2 }],
    [handShop, 'channels', { predictClv: false, spend: SPEND }],
    [handShop, 'readiness', {}, true],
    [generated, 'kpis', { period: 'day' }],
    [generated, 'cohorts', { period: 'week' }],
    [generated, 'cohorts', { by: 'firstProduct', maxCohorts: 5 }],
    [generated, 'channels', { predictClv: false, spend: [{ channel: 'web', amount: 1000000 }] }],
    [generated, 'readiness', {}],
  ];
  for (const [file, kind, options, withEvents] of cases) {
    const ds = await load(file);
    const wasm = ds[kind](withEvents ? { ...options, events } : options);
    assert.deepEqual(wasm, native(file, kind, options, withEvents ? handEvents : undefined), `${path.basename(file)} ${kind} ${JSON.stringify(options)}`);
    ds.dispose();
  }
  events.dispose();
});

test('channels with predicted CLV: native and WASM agree to 1e-7 (the CLV fits, docs/clv.md)', async () => {
  const ds = await load(generated);
  const wasm = ds.channels({ margin: 0.4 });
  const nat = native(generated, 'channels', { margin: 0.4 });
  assert.equal(wasm.clv.ran, true);
  assert.equal(wasm.channels.length, nat.channels.length);
  wasm.channels.forEach((row, i) => {
    assert.equal(row.channel, nat.channels[i].channel);
    assert.equal(row.ltvBasis, 'clv');
    assert.ok(Math.abs(row.predictedClv - nat.channels[i].predictedClv) <= 1e-7 * Math.abs(nat.channels[i].predictedClv));
    assert.ok(row.ltv > row.predictedClv);  // revenue to date is in LTV
  });
  ds.dispose();
});

test('the hand shop through the API: latest actions, partial April, Korean texts', async () => {
  const ds = await load(handShop);
  const k = ds.kpis();
  assert.equal(k.periods.length, 4);
  assert.deepEqual(k.periods.map((p) => p.partial), [false, false, false, true]);
  assert.equal(k.periods[k.latest].period, '2024-03');
  assert.deepEqual(k.actions.map((a) => a.action), ['bundles']);
  assert.equal(k.actions[0].ko, '객단가가 하락했습니다: 객단가를 높일 세트 상품을 기획하세요.');
  assert.equal(k.metrics.find((m) => m.key === 'retentionRate').ko, '고객 유지율(CRR)');
  ds.dispose();
});

test('spend as CSV text, bytes and CP949 gives the same report as entries', async () => {
  const ol = await orderlens();
  const ds = await load(handShop);
  const fromEntries = ds.channels({ predictClv: false, spend: SPEND });
  const text = fs.readFileSync(spendCsv, 'utf8');
  assert.deepEqual(ds.channels({ predictClv: false, spend: text }).channels, fromEntries.channels);
  assert.deepEqual(ds.channels({ predictClv: false, spend: new Uint8Array(fs.readFileSync(spendCsv)) }).channels, fromEntries.channels);
  // A Korean spend file saved by Excel in CP949: "네이버" is naver.
  const korean = ol.encodeCp949('채널,기간,광고비\n네이버,,"300"\n');
  assert.equal(korean.unmappable, 0);
  const naver = ds.channels({ predictClv: false, spend: korean.bytes }).channels.find((c) => c.channel === 'naver');
  assert.equal(naver.cac, 150);
  ds.dispose();
});

test('errors are values naming the option or the spend line, and the instance keeps working', async () => {
  const ds = await load(handShop);
  assert.throws(() => ds.kpis({ period: 'quarter' }), (e) => e.code === 'bad_option' && e.message === 'options.period: expected one of "month", "week", "day"');
  assert.throws(() => ds.cohorts({ maxAge: -1 }), (e) => e.code === 'bad_option' && /^options\.maxAge: expected a whole number/.test(e.message));
  assert.throws(() => ds.channels({ spend: 'channel,period,spend\nnaver,2024-3x,5\n', spendFileName: 'ads.csv' }),
    (e) => e.code === 'bad_input' && e.message === 'ads.csv line 2, column 2 (period): expected a month such as "2024-03" or a date in it, got "2024-3x"');
  assert.throws(() => ds.channels({ spend: 42 }), (e) => e.code === 'bad_option');
  assert.throws(() => ds.kpis({ events: {} }), (e) => e.code === 'bad_option' && /EventLog/.test(e.message));
  assert.equal(ds.kpis().periods[2].values.revenue, 360);
  ds.dispose();
  assert.throws(() => ds.kpis(), /disposed/);
});

test('KPIs, cohorts, channels and readiness through the Worker equal the main thread', async () => {
  const ol = await orderlens();
  const ds = await load(handShop);
  const events = await ol.loadEvents(fs.readFileSync(handEvents), { fileName: 'hand-events.csv' });
  const worker = await createOrderlensWorker();
  try {
    const remote = await worker.load(fs.readFileSync(handShop), { fileName: 'hand-shop.csv' });
    const remoteEvents = await worker.loadEvents(fs.readFileSync(handEvents), { fileName: 'hand-events.csv' });
    assert.deepEqual(await remote.kpis({ events: remoteEvents }), ds.kpis({ events }));
    assert.deepEqual(await remote.cohorts({ by: 'firstCoupon' }), ds.cohorts({ by: 'firstCoupon' }));
    const spend = fs.readFileSync(spendCsv, 'utf8');
    assert.deepEqual(await remote.channels({ predictClv: false, spend }), ds.channels({ predictClv: false, spend }));
    assert.deepEqual(await remote.readiness({ events: remoteEvents }), ds.readiness({ events }));
    await assert.rejects(remote.kpis({ events }), (e) => e.code === 'bad_option');
  } finally {
    await worker.terminate();
  }
  events.dispose();
  ds.dispose();
});

test('CLI: orderlens kpis, cohorts and channels (text and JSON), usage and spend errors', () => {
  const run = (...args) => execFileSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  const text = run('kpis', handShop, '--events', handEvents);
  assert.match(text, /KPIs by month, 2024-01-01 to 2024-04-10, visitors from 2024-01-01 to 2024-03-31/);
  assert.match(text, /2024-04\*/);
  assert.match(text, /Recommended actions:\n {2}- New visitors fell: .* \(-50%\)\n {2}- Average order value fell: .* \(-21\.7%\)/);
  const ko = run('kpis', handShop, '--lang', 'ko');
  assert.match(ko, /추천 액션:\n {2}- 객단가가 하락했습니다/);
  const json = JSON.parse(run('kpis', handShop, '--period', 'week', '--json'));
  assert.equal(json.kpis.periods.length, 15);
  assert.equal(json.diagnostics.orders.total, 14);
  const cohorts = run('cohorts', handShop, '--by', 'channel');
  assert.match(cohorts, /6 customers in 4 cohorts by firstChannel/);
  assert.match(cohorts, /google\s+2\s+100%\s+50%\*\s+100%\s+100%\*/);
  const channels = JSON.parse(run('channels', handShop, '--spend', spendCsv, '--json'));
  assert.equal(channels.channels.channels[0].channel, 'google');
  assert.equal(channels.channels.channels[0].cac, 250);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'orderlens-'));
  const spendJson = path.join(tmp, 'spend.json');
  fs.writeFileSync(spendJson, JSON.stringify({ spend: SPEND }));
  assert.equal(JSON.parse(run('channels', handShop, '--spend', spendJson, '--json')).channels.channels[1].cac, 150);
  assert.match(run('channels', handShop, '--spend', spendCsv), /google\s+2\s+500\s+250/);
  const badSpend = path.join(tmp, 'bad.csv');
  fs.writeFileSync(badSpend, 'channel,spend\ngoogle,lots\n');
  assert.throws(() => run('channels', handShop, '--spend', badSpend),
    (e) => e.status === 1 && /bad\.csv line 2, column 2 \(spend\): expected an amount/.test(e.stderr));
  assert.throws(() => run('kpis', handShop, '--period', 'year'), (e) => e.status === 2 && /--period must be month, week or day/.test(e.stderr));
  assert.throws(() => run('cohorts', handShop, '--events', handEvents), (e) => e.status === 2 && /--events is not used by cohorts/.test(e.stderr));
  fs.rmSync(tmp, { recursive: true });
});
