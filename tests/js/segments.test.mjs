// Segments through the npm package (WASM): the same results as the native build, exports that
// are safe in Excel (formula injection, BOM, CP949), events for the funnel, errors as values,
// the Worker, and the CLI. The expected groups of the hand fixture are worked out in
// tests/native/test_segments.cpp.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { createOrderlensWorker, OrderlensError, segmentMembers } from 'orderlens';
import { assertClose, loadFixture, nativeAnalysis, orderlens, root } from './support.mjs';

const segDir = path.join(root, 'tests/fixtures/segments');
const handShop = path.join(segDir, 'hand-shop.csv');
const handEvents = path.join(segDir, 'hand-events.csv');
const generated = path.join(root, 'tests/fixtures/generated/shopify-small.csv');
const cli = path.join(root, 'dist/cli.js');

const load = loadFixture;

const native = (file, options, events) => nativeAnalysis(file, 'segments', options, events);

// The WASM result in the native tool's shape: the JSON, and per pack every member's group and columns.
function wasmShape(result) {
  const { columns, visitors, ...json } = result;
  const members = {};
  const packs = json.packs.map(({ groupOf, memberColumns, ...pack }) => {
    members[pack.key] = { groups: Array.from(groupOf, (g) => pack.groups[g].key) };
    for (const [key, values] of Object.entries(memberColumns)) members[pack.key][key] = Array.from(values, (v) => (Number.isNaN(v) ? null : v));
    return pack;
  });
  return { segments: { ...json, packs }, members };
}

test('native and WASM give identical segments (every pack, custom rules, funnel)', async () => {
  const cases = [
    [handShop, { crossSell: { a: { sku: 'A' }, b: { sku: 'B' } }, minSize: 2 }, handEvents],
    [handShop, { rfm: { scheme: 'shopify', frequencyScores: 'absolute' }, cycle: { cutoffMonths: 5 } }],
    [generated, { rules: [{ key: 'big', rule: { field: 'revenue', op: '>=', value: 200 } },
      { key: 'lapsing_loyal', rule: { all: [{ inSegment: 'repurchase.loyal' }, { field: 'recencyDays', op: '>', value: 60 }] } }] }],
    [generated, { packs: ['tiers', 'cycle', 'rfm'], tiers: { revenueWeight: 0.7 } }],
    [generated, { packs: ['repurchase', 'tiers'], channels: { margin: 0.4, spend: [{ channel: 'online_store', amount: 90000 }, { channel: 'naver', amount: 40000 }] } }],
  ];
  for (const [file, options, events] of cases) {
    const expected = native(file, options, events);
    const ds = await load(file);
    const ev = events ? await (await orderlens()).loadEvents(fs.readFileSync(events), { fileName: 'events' }) : undefined;
    const actual = wasmShape(ds.segments({ ...options, events: ev }));
    // The economics carry the CLV models' numbers: equal to 1e-7 (assertClose), the rest exactly.
    assertClose(actual.segments, expected.segments, `${path.basename(file)} ${JSON.stringify(options)}`);
    assert.deepEqual(actual.members, expected.members);
    ev?.dispose();
    ds.dispose();
  }
});

test('the hand shop through the API: groups per customer, shares and campaigns', async () => {
  const ds = await load(handShop);
  const r = ds.segments({ packs: ['repurchase'] });
  assert.equal(r.customers, 10);
  assert.equal(r.revenue, 2380);
  const pack = r.packs[0];
  const byCustomer = Object.fromEntries(r.columns.id.map((id, i) => [id, pack.groups[pack.groupOf[i]].key]));
  // <= 2 purchases: C3 300, C5 1000, C6 80, C7 40, C8 100, C9 200 -> threshold 1720 / 6.
  assert.deepEqual(byCustomer, {
    C1: 'loyal', C2: 'frequent_low_value', C3: 'high_value_infrequent', C4: 'frequent_low_value', C5: 'high_value_infrequent',
    C6: 'just_bought', C7: 'just_bought', C8: 'just_bought', C9: 'just_bought', C10: 'frequent_low_value',
  });
  const high = pack.groups[1];
  assert.equal(high.members, 2);
  assert.equal(high.revenue, 1300);
  assert.equal(high.revenueShare, 1300 / 2380);
  assert.equal(high.campaign.key, 'sets_premium');
  assert.equal(high.name.ko, '구매는 드물지만 객단가가 높은 그룹');
  assert.equal(high.small, true);  // 2 < 30
  ds.dispose();
});

test('member export: chosen columns, groups, formula-injection-safe CSV with BOM, JSON', async () => {
  const ol = await orderlens();
  const ds = await load(path.join(segDir, 'injection.csv'));
  const r = ds.segments({ packs: ['cycle'], cycle: { cutoffDays: 10 } });
  const file = ol.exportSegments(r, { pack: 'cycle', columns: ['id', 'name', 'group', 'orders', 'dueInDays'] });
  assert.deepEqual(Array.from(file.bytes.slice(0, 3)), [0xef, 0xbb, 0xbf]);
  assert.equal(file.fileName, 'cycle.csv');
  assert.equal(file.mimeType, 'text/csv;charset=utf-8');
  // End 2024-03-11; cutoff 10 days: the first two customers (last bought 66 and 39 days before)
  // are due; "-2+3" bought 0 days before (due in 10). Text cells starting with = + - @ get a
  // leading ', numbers never do (dueInDays -56 stays a number).
  assert.equal(file.text,
    '\uFEFFid,name,group,orders,dueInDays\r\n' +
    '"\'=HYPERLINK(""http://evil.example"",""click"")",Alice,due,1,-56\r\n' +
    "'@SUM(A1:A9),'=1+1,due,1,-29\r\n" +
    '\'-2+3,"Kim, 민수",not_due,2,10\r\n');
  const due = ol.exportSegments(r, { pack: 'cycle', groups: ['due'], format: 'json', columns: ['id', 'dueInDays'] });
  assert.deepEqual(JSON.parse(due.text), [{ id: '=HYPERLINK("http://evil.example","click")', dueInDays: -56 }, { id: '@SUM(A1:A9)', dueInDays: -29 }]);
  assert.equal(due.fileName, 'cycle-due.json');
  // CP949 for old Excel: no BOM, Korean decodes back, nothing unmappable.
  const cp949 = ol.exportSegments(r, { pack: 'cycle', encoding: 'cp949', columns: ['id', 'name'] });
  assert.equal(cp949.unmappable, 0);
  assert.notEqual(cp949.bytes[0], 0xef);
  assert.equal(new TextDecoder('euc-kr').decode(cp949.bytes), cp949.text);
  assert.ok(cp949.text.includes('"Kim, 민수"'));
  assert.deepEqual(ol.encodeCp949('a😀b'), { bytes: new Uint8Array([0x61, 0x3f, 0x62]), unmappable: 1 });
  assert.throws(() => ol.exportSegments(r, { pack: 'rfm' }), /no pack "rfm" in this result \(it has cycle\)/);
  assert.throws(() => ol.exportSegments(r, { pack: 'cycle', columns: ['id', 'nope'] }), /unknown column "nope"/);
  assert.throws(() => ol.exportSegments(r, { pack: 'cycle', groups: ['later'] }), /has no group "later" \(it has due, not_due\)/);
  ds.dispose();
});

test('errors are values with the JSON path, and the instance keeps working', async () => {
  const ds = await load(handShop);
  assert.throws(() => ds.segments({ rules: { segments: [{ key: 'x', rule: { any: [{ field: 'orders', op: '>>', value: 1 }] } }] } }),
    (e) => e instanceof OrderlensError && e.code === 'bad_option' &&
      e.message === 'custom rules at /segments/0/rule/any/0/op: expected one of =, !=, <, <=, >, >=, between, in');
  assert.throws(() => ds.segments({ crossSell: { a: { sku: 'NOPE' } } }), (e) => e.code === 'bad_input' && /no product with SKU "NOPE"/.test(e.message));
  assert.throws(() => ds.segments({ packs: ['rfm'], events: {} }), /options.events must be an EventLog/);
  const r = ds.segments({ packs: 'tiers' });
  assert.deepEqual(r.packs[0].groups.map((g) => g.members), [2, 2, 6]);
  ds.dispose();
  assert.throws(() => ds.segments(), (e) => e.code === 'invalid_state');
});

test('custom rules read CLV predictions: pAlive below a threshold matches the CLV API', async () => {
  const ds = await (await orderlens()).load(fs.readFileSync(path.join(root, 'tests/fixtures/cdnow/cdnow_sample_transactions.csv')),
    { fileName: 'cdnow.csv' });
  const clv = ds.clv({ unit: 'days' });
  const expected = Array.from(clv.columns.pAlive).filter((p) => p < 0.5).length;
  assert.ok(expected > 100);  // a real share of the 2,357 customers, not an empty rule
  const r = ds.segments({ packs: ['custom'], rules: [{ key: 'fading', rule: { field: 'pAlive', op: '<', value: 0.5 } }] });
  assert.equal(r.packs[0].groups[0].members, expected);
  ds.dispose();
});

test('events: the funnel through the Worker equals the main thread', async () => {
  const ol = await orderlens();
  const ds = await load(handShop);
  const ev = await ol.loadEvents(fs.readFileSync(handEvents), { fileName: 'hand-events.csv' });
  assert.equal(ev.diagnostics.visitors.total, 7);
  const local = ds.segments({ packs: ['funnel'], events: ev });
  const rows = segmentMembers(local, { pack: 'funnel', columns: ['visitorId', 'id', 'group'] }).rows;
  assert.deepEqual(rows.find((r) => r.visitorId === 'c2@example.com'), { visitorId: 'c2@example.com', id: 'C2', group: 'quick_buyers' });
  assert.deepEqual(rows.find((r) => r.visitorId === 'V100'), { visitorId: 'V100', id: null, group: 'viewed_no_cart' });

  const worker = await createOrderlensWorker();
  try {
    const remote = await worker.load(fs.readFileSync(handShop), { fileName: 'hand-shop.csv' });
    const remoteEvents = await worker.loadEvents(fs.readFileSync(handEvents), { fileName: 'hand-events.csv' });
    const r = await remote.segments({ packs: ['funnel'], events: remoteEvents });
    assert.deepEqual(wasmShape(r), wasmShape(local));
    const file = await worker.exportSegments(r, { pack: 'funnel', encoding: 'cp949' });
    assert.deepEqual(file.bytes, ol.exportSegments(local, { pack: 'funnel', encoding: 'cp949' }).bytes);
  } finally {
    await worker.terminate();
  }
  ev.dispose();
  assert.throws(() => ds.segments({ events: ev }), /disposed/);
  ds.dispose();
});

test('CLI: orderlens segments prints groups, writes per-customer groups, reads events and rules', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'orderlens-seg-'));
  const rules = path.join(tmp, 'rules.json');
  fs.writeFileSync(rules, JSON.stringify([{ key: 'big', name: { en: 'Big spenders', ko: '큰손' }, rule: { field: 'revenue', op: '>=', value: 300 } }]));
  const out = path.join(tmp, 'groups.csv');
  const text = execFileSync(process.execPath, [cli, 'segments', handShop, '--pack', 'repurchase,custom', '--rules', rules, '--out', out, '--lang', 'ko'],
    { encoding: 'utf8' });
  assert.match(text, /repurchase \(10 customers\)/);
  assert.match(text, /high_value_infrequent +구매는 드물지만 객단가가 높은 그룹 +2 +20% +54\.6%/);
  assert.match(text, /big +큰손 +3 +30%/);  // C1 400, C3 300, C5 1000
  const csv = fs.readFileSync(out, 'utf8');
  assert.equal(csv.split('\r\n')[0], '\uFEFFid,email,name,orders,netRevenue,repurchase,custom');
  assert.equal(csv.split('\r\n')[2], 'C2,c2@example.com,,3,150,frequent_low_value,other');
  const json = JSON.parse(execFileSync(process.execPath, [cli, 'segments', handShop, '--events', handEvents, '--pack', 'funnel,tiers', '--json'],
    { encoding: 'utf8' }));
  assert.deepEqual(json.segments.packs.map((p) => p.key), ['funnel', 'tiers']);
  assert.equal(json.eventDiagnostics.visitors.total, 7);
  assert.deepEqual(json.segments.members[0], { id: 'C1', email: '', name: '', orders: 4, netRevenue: 400, tiers: 'top_20' });
  assert.deepEqual(json.segments.visitors[4], { visitorId: 'V100', visitorKind: 'userId', id: null, group: 'viewed_no_cart' });
  // --spend prices the groups: on the KPI hand shop, "big" (revenue >= 200: A, B, E) cost
  // google's 500 / 2, naver's 300 / 2 and google's again: (250 + 150 + 250) / 3.
  const kpiShop = path.join(root, 'tests/fixtures/kpis/hand-shop.csv');
  const bigRules = path.join(tmp, 'big.json');
  fs.writeFileSync(bigRules, JSON.stringify([{ key: 'big', rule: { field: 'revenue', op: '>=', value: 200 } }]));
  const priced = execFileSync(process.execPath, [cli, 'segments', kpiShop, '--pack', 'custom', '--rules', bigRules,
    '--spend', path.join(root, 'tests/fixtures/kpis/spend.csv'), '--margin', '0.5'], { encoding: 'utf8' });
  assert.match(priced, /group +name +members +share +revenue +per cust\. +CLV +P\(alive\) +CAC +LTV:CAC +campaign/);
  assert.match(priced, /big +big +3 +50% +86\.2% +313\.33 +[\d.,]+ +[\d.]+ +216\.67 /);
  assert.match(priced, /Worth most \(mean predicted CLV per customer\):\n  custom\.big /);
  assert.throws(() => execFileSync(process.execPath, [cli, 'segments', handShop, '--pack', 'nope'], { stdio: 'pipe' }),
    (e) => e.status === 2 && /--pack must be one or more of/.test(e.stderr));
  fs.rmSync(tmp, { recursive: true });
});

test('affinity through the package and the CLI: next-purchase by category, worked out by hand', async () => {
  const ds = await load(handShop);
  const a = ds.affinity({ level: 'category', minCount: 1 });
  // Customers with 2+ purchase days (categories per day): C1 Skin x4; C2 Hair, Skin, Skin; C4 Hair
  // x3; C5 Hair, Skin; C10 Skin, Hair, Hair, Hair, Skin -> |S| = 5. Hair -> Skin on consecutive
  // days: C2, C5, C10 = 3. Hair on a day followed by another: C2, C4, C5, C10 = 4. Skin after the
  // first day: C1, C2, C5, C10 = 4. Confidence 3/4, lift (3/4) / (4/5) = 15/16, support 3/5.
  assert.equal(a.sequences, 5);
  assert.equal(a.baskets, 23);  // 24 orders, one cancelled
  const rule = a.nextPurchase.find((r) => r.antecedent.key === 'Hair' && r.consequent.key === 'Skin');
  assert.deepEqual({ count: rule.count, support: rule.support, confidence: rule.confidence, lift: rule.lift },
    { count: 3, support: 0.6, confidence: 0.75, lift: 15 / 16 });
  assert.deepEqual(a.coPurchase, []);  // every order has one line
  assert.throws(() => ds.affinity({ level: 'brand' }), (e) => e.code === 'bad_option' && /^options\.level: expected/.test(e.message));
  ds.dispose();
  const json = JSON.parse(execFileSync(process.execPath, [cli, 'affinity', handShop, '--level', 'category', '--min-count', '1', '--json'], { encoding: 'utf8' }));
  assert.deepEqual(json.affinity, a);
  const text = execFileSync(process.execPath, [cli, 'affinity', handShop, '--level', 'category', '--min-count', '1'], { encoding: 'utf8' });
  assert.match(text, /Hair +Skin +3 +60% +75% +0\.94/);
});

test('segment economics: CAC per group from a spend CSV equals the same spend as entries', async () => {
  const ds = await load(generated);
  const entries = ds.segments({ packs: ['tiers'], channels: { spend: [{ channel: 'naver', amount: 90000 }] } });
  const csv = ds.segments({ packs: ['tiers'], channels: { spend: 'channel,period,spend\nNaver,,"90,000"\n', spendFileName: 'spend.csv' } });
  assert.equal(entries.economics.cac, true);
  assert.deepEqual(csv.packs, entries.packs);
  // The 3 naver customers cost 30,000 each: a group's CAC is that, or null without naver customers.
  assert.deepEqual(new Set(entries.packs[0].groups.map((g) => g.cac)), new Set(entries.packs[0].groups.map((g) => (g.cacCustomers > 0 ? 30000 : null))));
  assert.equal(entries.packs[0].groups.reduce((n, g) => n + g.cacCustomers, 0), 3);
  const off = ds.segments({ packs: ['tiers'], economics: false });
  assert.equal(off.economics, null);
  assert.equal(off.packs[0].groups[0].meanClv, undefined);
  assert.throws(() => ds.segments({ channels: { spend: 'channel,period,spend\ngoogle,,abc\n', spendFileName: 's.csv' } }),
    (e) => e.code === 'bad_input' && e.message.startsWith('s.csv line 2, column 3'));
  ds.dispose();
});
