// Browser tests of the web demo (web-demo/, built into build/demo-site/ by scripts/build-demo.mjs)
// in Debian's headless Chromium, driven by playwright-core, served as `npm start` serves it (the
// demo's strict Content-Security-Policy on every response).
//
// A shop owner's session: the sample shop, uploads (Shopify UTF-8, Cafe24 CP949, a malformed file,
// a protected workbook, an events file), a mapping override, a cancelled read, language switch,
// masking, a custom segment, channel spend and segment exports. The numbers on screen (read from
// the data-value each figure carries, and the text of some) must equal what the npm package
// returns in Node for the same bytes and the same questions (web-demo/js/analysis.js, imported
// here), exactly. Any request off the local origin, CSP violation, dialog, page error or console
// error fails the run. Screenshots go to test-artifacts/demo/.
//
//   node tests/browser/demo.mjs     (exit code 0 when every check passes, else 1)
import fs from 'node:fs';
import path from 'node:path';
import { buildDemoSite } from '../../scripts/build-demo.mjs';
import { DEMO_CSP, startStaticServer, stopStaticServer } from '../../scripts/static-server.mjs';
import { analyse, analysisOptions } from '../../web-demo/js/analysis.js';
import { orderlens, root } from '../js/support.mjs';
import { assertThat, checkList, difference, launchChromium, recordingContext, runChecks, withTimeout } from './harness.mjs';

const artifactsDir = path.join(root, 'test-artifacts/demo');
const fixture = (rel) => path.join(root, 'tests/fixtures', rel);
const SAMPLE = path.join(root, 'samples/shopify-sample.csv');
const TOTAL_TIMEOUT_MS = 100_000;
const STEP_TIMEOUT_MS = 30_000;
const CSP_REPORT_PATH = '/__csp-report';
const WAITING = 'test-waiting';

const list = checkList();
const { record, check } = list;
const served = [];
const cspReports = [];
const pageErrors = [];
const consoleProblems = [];
const dialogs = [];
let server;
let browser;
let page;
let requests = [];
let offOrigin = [];

// ---------------------------------------------------------------------------------------------
// Node's answers for the same bytes

/** {dataset, results} from the package in Node, or {error: {code, message}}. */
async function nodeAnswers(file, options = {}, extra = {}) {
  const ol = await orderlens();
  let dataset;
  try {
    dataset = await ol.load(fs.readFileSync(file), { fileName: path.basename(file), ...options });
  } catch (error) {
    if (error.name !== 'OrderlensError') throw error;
    return { error: { code: error.code, message: error.message } };
  }
  return { dataset, results: await analyse(dataset, extra) };
}

const CARD_METRICS = ['revenue', 'orders', 'customers', 'newCustomers', 'aov', 'repeatCustomerRate', 'conversionRate'];

/** What the screen must show for these results, in the shape screenNumbers() reads it. */
function expectedScreen(dataset, results) {
  const d = dataset.diagnostics;
  const { kpis, segments, cohorts, clv } = results;
  const latest = kpis.periods[kpis.latest ?? kpis.periods.length - 1];
  return {
    rows: { read: d.rows.read, used: d.rows.used, skipped: d.rows.skipped },
    orders: d.orders.total,
    customers: d.customers,
    kpiCards: Object.fromEntries(CARD_METRICS.filter((k) => latest.values[k] !== null && latest.values[k] !== undefined).map((k) => [k, latest.values[k]])),
    kpiPeriods: kpis.periods.map((p) => [p.period, p.values.revenue, p.values.orders]),
    actions: kpis.actions.map((a) => a.en),  // the page is in English when numbers are compared
    rfm: Object.fromEntries(segments.packs.find((p) => p.key === 'rfm').groups.filter((g) => g.members > 0).map((g) => [g.key, g.members])),
    packs: segments.packs.flatMap((p) => p.groups.map((g) => [p.key, g.key, g.members, g.revenue, g.revenuePerCustomer, g.meanClv ?? null])).sort(),
    cohorts: cohorts.cohorts.map((c) => [c.key, c.customers, c.cells.map((cell) => cell.activeRate)]),
    clv: clv.error ? null : { totalClv: clv.totals.clv, meanClv: clv.totals.meanClv, expectedActive: clv.totals.expectedActiveCustomers, expectedPurchases: clv.totals.expectedPurchases },
    // The ten highest predicted CLVs, and the ten highest revenues among churn risks ≥ 70% (ties: file order).
    topCustomers: clv.error ? [] : topTen(clv.columns, () => true, clv.columns.clv),
    churnList: clv.error ? [] : topTen(clv.columns, (i) => clv.columns.churnProbability[i] >= 0.7, clv.columns.netRevenue),
    recsEvaluation: evaluationFigures(results.recommend.evaluation),
    recsLists: firstLists(results.recommend.lists),
  };
}

// The recommendations panel: per evaluated group its customers and hit rates @5 and @10 (the
// lists' and the best sellers'), and for all customers precision, recall and coverage too, as
// [group, metric, value] sorted; none without a holdout.
function evaluationFigures(result) {
  const evaluation = result?.evaluation;
  if (!evaluation) return [];
  const sides = ['at5', 'at10'].flatMap((k) => ['recommender', 'baseline'].map((who) => [k, who]));
  return evaluation.groups.flatMap((g) => [[g.key, 'customers', g.customers],
    ...(g.key === 'all' ? ['hitRate', 'precision', 'recall', 'coverage'] : ['hitRate'])
      .flatMap((m) => sides.map(([k, who]) => [g.key, `${k}.${who}.${m}`, g[k][who][m]]))]).sort();
}

/** The first 20 customers' ids and their first three recommended products (keys), as the panel lists them. */
const firstLists = (lists) => lists.customers.slice(0, 20).map((c) => [c.id, ...c.recommendations.slice(0, 3).map((r) => r.product)]);

function topTen(c, keep, key) {
  const rows = [...Array(c.count).keys()].filter(keep).sort((a, b) => key[b] - key[a] || a - b);
  return rows.slice(0, 10).map((i) => c.id[i]);
}

// Runs in the page: the figures on screen, from the data-value attributes next to their text.
function screenNumbers() {
  const q = (selector) => [...document.querySelectorAll(selector)];
  // String(null) is how a figure the package gives as null (say, a fit that failed) is written.
  const value = (node) => (node.dataset.value === 'null' ? null : Number(node.dataset.value));
  const summary = document.querySelector('#diag-body .summary').dataset;
  const counts = document.querySelector('#diag-body [data-orders]').dataset;
  const clvCards = q('#clv-body .card');
  return {
    rows: { read: Number(summary.read), used: Number(summary.used), skipped: Number(summary.skipped) },
    orders: Number(counts.orders),
    customers: Number(counts.customers),
    kpiCards: Object.fromEntries(q('#kpi-body .card').map((c) => [c.dataset.metric, value(c)])),
    kpiPeriods: q('#kpi-body tbody tr').map((tr) => [tr.cells[0].textContent.replace('*', ''), value(tr.cells[1]), value(tr.cells[2])]),
    actions: q('#kpi-body ul.actions li').map((li) => li.textContent),
    rfm: Object.fromEntries(q('#rfm-body .tile').map((t) => [t.dataset.group, Number(t.dataset.members)])),
    // Members, revenue, revenue per customer and (when the CLV models ran) mean CLV.
    packs: q('#packs-body tr[data-group]').map((tr) => [tr.dataset.pack, tr.dataset.group, value(tr.cells[1]), value(tr.cells[3]),
      value(tr.querySelector('[data-metric=revenuePerCustomer]')),
      tr.querySelector('[data-metric=meanClv]') ? value(tr.querySelector('[data-metric=meanClv]')) : null]).sort(),
    cohorts: q('#cohort-body tr[data-cohort]').map((tr) => [tr.dataset.cohort, value(tr.cells[1]), [...tr.cells].slice(2).map(value)]),
    clv: clvCards.length ? Object.fromEntries(clvCards.map((c) => [c.dataset.metric, value(c)])) : null,
    topCustomers: q('#top-customers tbody tr').map((tr) => tr.cells[0].textContent),
    churnList: q('#churn-list tbody tr').map((tr) => tr.cells[0].textContent),
    recsEvaluation: q('#recs-body td[data-metric]').map((td) => [td.dataset.evalGroup, td.dataset.metric, value(td)]).sort(),
    // The recommendations table's customer ids and product keys (firstLists' shape).
    recsLists: q('#recs-list tbody tr').map((tr) => [tr.cells[0].textContent, ...[...tr.querySelectorAll('li[data-product]')].map((li) => li.dataset.product)]),
  };
}

/** The screen's numbers equal Node's for the same file and options; returns a short summary. */
async function sameNumbers(file, options = {}, extra = {}) {
  const node = await nodeAnswers(file, options, extra);
  assertThat(!node.error, `Node could not read it: ${node.error?.message}`);
  try {
    const expected = expectedScreen(node.dataset, node.results);
    const problem = difference(expected, await page.evaluate(screenNumbers));
    assertThat(!problem, problem);
    const d = node.dataset.diagnostics;
    return { node, detail: `${d.rows.used} rows used, ${d.orders.total} orders, ${d.customers} customers, ${node.results.segments.packs.length} packs, ${node.results.kpis.periods.length} months, ${expected.recsEvaluation.length} recommendation figures` };
  } finally {
    node.dataset.dispose();
  }
}

/**
 * The rows, orders and customers on screen, and the orders and revenue of every customer in the
 * top customers table, equal an expected file's (samples/*.expected.json: the generator's model;
 * tests/fixtures/hand/*.expected.json: worked out by hand) — not the package's own output.
 */
async function sameAsModel(expectedFile) {
  const model = JSON.parse(fs.readFileSync(expectedFile, 'utf8'));
  const shown = await page.evaluate(() => ({
    summary: { ...document.querySelector('#diag-body .summary').dataset },
    counts: { ...document.querySelector('#diag-body [data-orders]').dataset },
    top: [...document.querySelectorAll('#top-customers tbody tr')].map((tr) => [tr.cells[0].textContent, Number(tr.cells[3].dataset.value), Number(tr.cells[4].dataset.value)]),
  }));
  const m = model.diagnostics;
  const rows = { read: Number(shown.summary.read), used: Number(shown.summary.used), skipped: Number(shown.summary.skipped) };
  const problem = difference({ read: m.rows.read, used: m.rows.used, skipped: m.rows.skipped }, rows);
  assertThat(!problem, `rows ${problem}`);
  if (m.orders?.total !== undefined) assertThat(Number(shown.counts.orders) === m.orders.total, `orders ${shown.counts.orders}, expected ${m.orders.total}`);
  if (m.customers !== undefined) assertThat(Number(shown.counts.customers) === m.customers, `customers ${shown.counts.customers}, expected ${m.customers}`);
  const byId = new Map(model.customers.map((c) => [c.id, c]));
  assertThat(shown.top.length === Math.min(10, model.customers.length), `${shown.top.length} top customers shown`);
  for (const [id, orders, revenue] of shown.top) {
    const c = byId.get(id);
    assertThat(c && c.orders === orders && Math.abs(c.netRevenue - revenue) <= 1e-9 * Math.max(1, c.netRevenue),
      `${id}: shown ${orders} orders, ${revenue}; expected ${c?.orders}, ${c?.netRevenue}`);
  }
  return `${rows.read} rows, ${shown.counts.orders} orders; ${shown.top.map(([id, o, r]) => `${id} ${o}/${r}`).slice(0, 3).join(', ')}${shown.top.length > 3 ? ', …' : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Driving the page

const settled = 'body[data-state=ready], body[data-state=error], body[data-state=password]';

/** Runs `action` (which starts a read) and waits until the page is ready, failed or asks for a password. */
async function afterRead(action) {
  await page.evaluate((w) => { document.body.dataset.state = w; }, WAITING);
  await action();
  await page.waitForSelector(settled, { timeout: STEP_TIMEOUT_MS });
  return page.getAttribute('body', 'data-state');
}

const upload = (file) => afterRead(() => page.setInputFiles('#orders-file', file));

async function screenshot(name) {
  await page.waitForTimeout(100);  // charts draw in a microtask after the panels
  await page.screenshot({ path: path.join(artifactsDir, name), fullPage: true });
}

/** Clicks an export button and returns {name, bytes} of the download. */
async function download(selector) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: STEP_TIMEOUT_MS }), page.click(selector)]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

const money = (locale, currency, v) => new Intl.NumberFormat(locale, { style: 'currency', currency }).format(v);
const text = (selector) => page.textContent(selector);

// ---------------------------------------------------------------------------------------------
// The session

async function session(origin) {
  const response = await page.goto(`${origin}/`);
  record('the page is served with the demo CSP', response.headers()['content-security-policy']?.startsWith(DEMO_CSP),
    response.headers()['content-security-policy']);
  const site = path.join(root, 'build/demo-site');
  const meta = fs.readFileSync(path.join(site, 'index.html'), 'utf8').match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  const headersFile = fs.readFileSync(path.join(site, '_headers'), 'utf8');
  record('static-host CSP: the page\'s <meta> and _headers carry the same policy', meta === DEMO_CSP && headersFile.includes(`Content-Security-Policy: ${DEMO_CSP}\n`), meta);
  record('Chart.js and its licences are in the site\'s vendor folder', ['chart.umd.min.js', 'chart.js-LICENSE.md', 'kurkle-color-LICENSE.md']
    .every((f) => fs.existsSync(path.join(site, 'vendor', f))));
  await page.waitForSelector('body[data-state=idle]', { timeout: STEP_TIMEOUT_MS });
  await check('the privacy note is shown', async () => {
    const note = await text('.privacy');
    assertThat(/stays on this device/.test(note), note);
    return note;
  });

  // The sample shop, in English with dollars chosen first: the sample button switches to won.
  await check('"Load sample shop" shows the sample\'s numbers = the npm API in Node', async () => {
    assertThat(await afterRead(() => page.click('#sample')) === 'ready', await text('#message'));
    const { node, detail } = await sameNumbers(SAMPLE);
    const revenue = node.results.kpis.periods[node.results.kpis.latest].values.revenue;
    const shown = await text('#kpi-body .card[data-metric=revenue] .card-value');
    assertThat(shown === money('en-US', 'KRW', revenue), `revenue card "${shown}", expected ${money('en-US', 'KRW', revenue)}`);
    return `${detail}; revenue card ${shown}`;
  });
  await check('the sample\'s rows, orders, customers and top customers = the generator\'s model', () =>
    sameAsModel(path.join(root, 'samples/shopify-sample.expected.json')));
  await check('the sample\'s charts are drawn by Chart.js (canvases with pixels)', async () => {
    // Each chart is drawn in a task after its panel.
    await page.waitForFunction(() => [...document.querySelectorAll('canvas')].every((c) => globalThis.Chart?.getChart(c)), null, { timeout: STEP_TIMEOUT_MS });
    const charts = await page.evaluate(() => [...document.querySelectorAll('canvas')].map((c) => globalThis.Chart?.getChart(c) ? c.width : 0));
    assertThat(charts.length >= 4 && charts.every((w) => w > 0), `canvases: ${JSON.stringify(charts)}`);
    return `${charts.length} charts`;
  });
  await screenshot('sample-en.png');

  await check('switching to Korean: labels, lang and ₩ formatting', async () => {
    await page.selectOption('#lang', 'ko');
    const title = await text('#kpi-title');
    const lang = await page.getAttribute('html', 'lang');
    const node = await nodeAnswers(SAMPLE);
    const revenue = node.results.kpis.periods[node.results.kpis.latest].values.revenue;
    node.dataset.dispose();
    const shown = await text('#kpi-body .card[data-metric=revenue] .card-value');
    const sampleButton = await text('#sample');
    assertThat(title === '핵심 지표' && lang === 'ko' && sampleButton === '샘플 쇼핑몰 불러오기', `${title} / ${lang} / ${sampleButton}`);
    assertThat(shown === money('ko-KR', 'KRW', revenue), `revenue card "${shown}", expected ${money('ko-KR', 'KRW', revenue)}`);
    return `${title}, ${shown}`;
  });
  await screenshot('sample-ko.png');
  await page.selectOption('#lang', 'en');
  record('switching back to English', await text('#kpi-title') === 'Key figures', await text('#kpi-title'));

  // Exports: the largest RFM group as CSV, byte for byte the package's file for that group.
  const ol = await orderlens();
  const sampleSet = await ol.load(fs.readFileSync(SAMPLE), { fileName: 'shopify-sample.csv' });
  const sampleSegments = sampleSet.segments(analysisOptions(sampleSet.diagnostics).segments);
  const biggest = sampleSegments.packs.find((p) => p.key === 'rfm').groups.reduce((a, b) => (b.members > a.members ? b : a));
  const exportButton = `#packs-body button[data-export-pack=rfm][data-export-group=${biggest.key}][data-format=csv]`;
  const expectedFile = ol.exportSegments(sampleSegments, { pack: 'rfm', groups: [biggest.key], format: 'csv' });
  await check(`export RFM "${biggest.key}" as CSV: the downloaded file = the package's export`, async () => {
    const file = await download(exportButton);
    assertThat(Buffer.from(expectedFile.bytes).equals(file.bytes), `downloaded ${file.bytes.length} bytes, expected ${expectedFile.bytes.length}`);
    const lines = file.bytes.toString('utf8').split(/\r?\n/).filter(Boolean);
    assertThat(lines.length === biggest.members + 1, `${lines.length - 1} rows, expected ${biggest.members}`);
    return `${file.name}: ${biggest.members} customers`;
  });
  await check(`export RFM "${biggest.key}" as JSON: the downloaded file = the package's export`, async () => {
    const expected = ol.exportSegments(sampleSegments, { pack: 'rfm', groups: [biggest.key], format: 'json' });
    const file = await download(exportButton.replace('[data-format=csv]', '[data-format=json]'));
    assertThat(Buffer.from(expected.bytes).equals(file.bytes), `downloaded ${file.bytes.length} bytes, expected ${expected.bytes.length}`);
    const parsed = JSON.parse(file.bytes.toString('utf8'));
    const count = Array.isArray(parsed) ? parsed.length : parsed.rows?.length ?? parsed.members?.length;
    assertThat(count === biggest.members, `${count} members in the JSON, expected ${biggest.members}`);
    return `${file.name}: ${count} customers`;
  });
  await check('masking hides names, emails and phones on screen and in the export', async () => {
    const email = sampleSegments.columns.email.find((e, i) => e && sampleSegments.packs.find((p) => p.key === 'rfm').groupOf[i] ===
      sampleSegments.packs.find((p) => p.key === 'rfm').groups.indexOf(biggest));
    await page.check('#mask');
    const shown = await text('#top-customers');
    const file = (await download(exportButton)).bytes.toString('utf8');
    await page.uncheck('#mask');
    assertThat(shown.includes('***@') && !/[a-z0-9.]+@[a-z0-9.]+\.[a-z]+/i.test(shown), `top customers: ${shown.slice(0, 200)}`);
    assertThat(!file.includes(email) && file.includes('***@'), `the export still has ${email}`);
    assertThat(file.split(/\r?\n/).filter(Boolean).length === biggest.members + 1, 'the masked export lost rows');
    return `${email} masked`;
  });

  // Recommendations for one segment: the lists, the export and the reasons in Korean = Node's.
  const recSegment = 'repurchase.loyal';
  const recExpected = sampleSet.recommend({ segment: recSegment });
  /** Chooses a segment in the recommendations panel and waits for its lists. */
  const chooseRecSegment = async (segment) => {
    await page.selectOption('#recs-segment', segment);
    await page.waitForSelector(`#recs-list[data-segment="${segment}"]`, { timeout: STEP_TIMEOUT_MS });
    return (await page.evaluate(screenNumbers)).recsLists;
  };
  await check(`recommendations for "${recSegment}": the first customers' products = Node's recommend({segment})`, async () => {
    const shown = await chooseRecSegment(recSegment);
    const expected = firstLists(recExpected);
    assertThat(shown.length === 20 && !difference(expected, shown), difference(expected, shown) || `${shown.length} customers shown`);
    // Independently of recommend(): its customers are the group's members in segments() (each has bought).
    const repurchase = sampleSegments.packs.find((p) => p.key === 'repurchase');
    const group = repurchase.groups.findIndex((g) => g.key === 'loyal');
    const members = new Set(sampleSegments.columns.id.filter((_, i) => repurchase.groupOf[i] === group));
    assertThat(recExpected.customerCount === repurchase.groups[group].members && recExpected.customers.every((c) => members.has(c.id)),
      `${recExpected.customerCount} customers listed, ${members.size} members`);
    return `${recExpected.customerCount} customers; first: ${shown[0].join(' ')}`;
  });
  await check(`export the "${recSegment}" recommendations as CSV and JSON: the downloads = the package's exportRecommendations`, async () => {
    const csv = ol.exportRecommendations(recExpected, { format: 'csv' });
    const file = await download('#recs-export-csv');
    assertThat(Buffer.from(csv.bytes).equals(file.bytes), `downloaded ${file.bytes.length} bytes, expected ${csv.bytes.length}`);
    const rows = recExpected.customers.reduce((n, c) => n + c.recommendations.length, 0);
    const lines = file.bytes.toString('utf8').split('\r\n').filter(Boolean);
    assertThat(lines.length === rows + 1 && lines[0].includes('textKo'), `${lines.length - 1} rows, expected ${rows}`);
    const json = ol.exportRecommendations(recExpected, { format: 'json' });
    const jsonFile = await download('#recs-export-json');
    assertThat(Buffer.from(json.bytes).equals(jsonFile.bytes), `JSON: downloaded ${jsonFile.bytes.length} bytes, expected ${json.bytes.length}`);
    return `${file.name}: ${rows} rows; ${jsonFile.name}`;
  });
  await check('the recommendations in Korean: the title and the reasons = Node\'s Korean texts', async () => {
    await page.selectOption('#lang', 'ko');
    const title = await text('#recs-title');
    const reasons = await page.evaluate(() => [...document.querySelectorAll('#recs-list tbody tr:first-child .reason')].map((n) => n.textContent));
    const picked = await page.inputValue('#recs-segment');  // the panel drawn again keeps the segment chosen
    await page.selectOption('#lang', 'en');
    assertThat(picked === recSegment, `the picker shows ${picked} after the language switch`);
    const expected = recExpected.customers[0].recommendations.slice(0, 3).map((r) => r.text.ko);
    assertThat(title === '추천 상품' && !difference(expected, reasons), `${title}: ${difference(expected, reasons)}`);
    assertThat(reasons.every((r) => /[가-힣]/.test(r)), `not Korean: ${reasons.join(' | ')}`);
    return reasons[0];
  });
  await check('masking hides the recommendations\' ids and emails on screen and in their export', async () => {
    const emails = recExpected.customers.slice(0, 20).map((c) => c.email).filter(Boolean);
    await page.check('#mask');
    const shown = await text('#recs-list');
    const file = (await download('#recs-export-csv')).bytes.toString('utf8');
    await page.uncheck('#mask');
    const leaked = emails.filter((e) => shown.includes(e) || file.includes(e));
    assertThat(emails.length > 0 && leaked.length === 0 && shown.includes('***@') && file.includes('***@'), `still shown: ${leaked.join(', ')}`);
    const rows = recExpected.customers.reduce((n, c) => n + c.recommendations.length, 0);
    assertThat(file.split('\r\n').filter(Boolean).length === rows + 1, 'the masked export lost rows');
    return `${emails.length} emails masked, e.g. ${shown.match(/\S\*\*\*@\S\*\*\*/)?.[0]}`;
  });

  // The custom segment builder writes the package's rules and shows the custom pack.
  const expectedRules = [{ key: 'loyal_three', name: { en: 'Loyal three', ko: 'Loyal three' }, rule: { field: 'orders', op: '>=', value: 3 } }];
  await check('custom segment builder: the JSON rules and the custom pack = Node', async () => {
    await page.fill('#rule-name', 'Loyal three');
    await page.selectOption('#builder-body .rule-field', 'orders');
    await page.selectOption('#builder-body .rule-op', '>=');
    await page.fill('#builder-body .rule-value', '3');
    const rules = JSON.parse(await text('#builder-body pre'));
    assertThat(!difference(expectedRules, rules), difference(expectedRules, rules));
    await page.click('#rule-apply');
    await page.waitForSelector('#packs-body section[data-pack=custom]', { timeout: STEP_TIMEOUT_MS });
    const shown = await page.evaluate(() => [...document.querySelectorAll('#packs-body tr[data-pack=custom]')].map((tr) => [tr.dataset.group, Number(tr.cells[1].dataset.value)]));
    const custom = sampleSet.segments({ rules: expectedRules }).packs.find((p) => p.key === 'custom');
    const expected = custom.groups.map((g) => [g.key, g.members]);
    assertThat(!difference(expected, shown), difference(expected, shown));
    // Independently: "3 or more orders" is the repurchase pack's heavy group (docs/segments.md: ≤ 2 vs ≥ 3).
    const heavy = custom.groups.find((g) => g.key === 'loyal_three').members;
    const threePlus = sampleSet.customers().filter((c) => c.orders >= 3).length;
    assertThat(heavy === threePlus, `custom group ${heavy}, customers with ≥ 3 orders ${threePlus}`);
    return expected.map(([k, n]) => `${k} ${n}`).join(', ');
  });

  await check('recommendations for the custom segment = Node\'s recommend({rules, segment: "custom.loyal_three"})', async () => {
    const shown = await chooseRecSegment('custom.loyal_three');
    const expected = firstLists(sampleSet.recommend({ rules: expectedRules, segment: 'custom.loyal_three' }));
    await chooseRecSegment('rfm');  // the page's default again, for the checks that follow
    assertThat(shown.length > 0 && !difference(expected, shown), difference(expected, shown) || 'no customer shown');
    return `${shown.length} customers shown; first: ${shown[0].join(' ')}`;
  });

  // Channel spend → CAC.
  await check('a spend typed for a channel gives the CAC the package computes', async () => {
    const channel = await page.getAttribute('#channel-body input[data-channel]', 'data-channel');
    await page.fill('#channel-body input[data-channel]', '1000000');
    await page.click('#channel-body form button[type=submit]');
    await page.waitForFunction((c) => [...document.querySelectorAll('#channel-body tbody tr')].some((tr) => tr.cells[0].textContent === c && tr.cells[4].dataset.value), channel);
    const shown = await page.evaluate((c) => [...document.querySelectorAll('#channel-body tbody tr')].find((tr) => tr.cells[0].textContent === c).cells[4].dataset.value, channel);
    const row = sampleSet.channels(analysisOptions(sampleSet.diagnostics, { spend: { [channel]: 1_000_000 } }).channels).channels.find((r) => r.channel === channel);
    assertThat(Number(shown) === row.cac, `CAC shown ${shown}, Node ${row.cac}`);
    // Independently: CAC = spend / new customers of the channel.
    assertThat(row.cac === 1_000_000 / row.newCustomers, `CAC ${row.cac} ≠ 1,000,000 / ${row.newCustomers}`);
    return `${channel}: CAC ${shown} (${row.newCustomers} new customers)`;
  });
  sampleSet.dispose();

  // An events file adds the funnel pack and visitor KPIs (the page reads the orders again, and
  // keeps the custom segment).
  const eventsFile = fixture('events/ga4-flattened.csv');
  await check('an events file: the funnel pack and visitor numbers = Node', async () => {
    assertThat(await afterRead(() => page.setInputFiles('#events-file', eventsFile)) === 'ready', await text('#message'));
    const events = await ol.loadEvents(fs.readFileSync(eventsFile), { fileName: path.basename(eventsFile) });
    try {
      const { detail } = await sameNumbers(SAMPLE, {}, { events, rules: expectedRules });
      assertThat(await page.isVisible('#packs-body section[data-pack=funnel]'), 'no funnel pack shown');
      const summary = await text('#events-summary');
      assertThat(summary.includes(`${events.diagnostics.visitors.total} visitors`), summary);
      return `${detail}; ${summary}`;
    } finally {
      events.dispose();
    }
  });
  await afterRead(() => page.setInputFiles('#events-file', []));

  await check('"Load sample shop with website events": funnel pack and visitor KPIs = Node with the same events file', async () => {
    assertThat(await afterRead(() => page.click('#sample-events')) === 'ready', await text('#message'));
    const eventsPath = path.join(root, 'build/demo-site/samples/shopify-sample-events.csv');
    const events = await ol.loadEvents(fs.readFileSync(eventsPath), { fileName: 'shopify-sample-events.csv' });
    try {
      const { detail } = await sameNumbers(SAMPLE, {}, { events });  // a new file: no custom segment
      assertThat(await page.isVisible('#packs-body section[data-pack=funnel]'), 'no funnel pack shown');
      assertThat(await page.isVisible('#kpi-body .card[data-metric=conversionRate]'), 'no conversion rate card');
      return `${detail}; ${events.diagnostics.visitors.total} visitors`;
    } finally {
      events.dispose();
    }
  });

  // Uploads of real exports.
  const shopify = fixture('hand/shopify-full-header.csv');
  await check('upload a Shopify UTF-8 export: numbers = Node', async () => {
    assertThat(await upload(shopify) === 'ready', await text('#message'));
    return (await sameNumbers(shopify)).detail;
  });
  const cafe24 = fixture('hand/cafe24-cp949.csv');
  await check('upload a Cafe24 CP949 export: numbers = Node, encoding and platform shown, ₩', async () => {
    assertThat(await upload(cafe24) === 'ready', await text('#message'));
    const { detail } = await sameNumbers(cafe24);
    const encoding = await text('#detected-encoding');
    const platform = await text('#detected-platform');
    const revenue = await text('#kpi-body .card[data-metric=revenue] .card-value');
    assertThat(encoding.startsWith('Encoding: cp949') && /Cafe24/i.test(platform) && revenue.startsWith('₩'), `${encoding} / ${platform} / ${revenue}`);
    const names = await text('#top-customers');
    assertThat(names.includes('김철수'), `Korean names not shown: ${names.slice(0, 200)}`);
    return `${detail}; ${encoding.split(' — ')[0]}, ${platform}`;
  });
  await screenshot('cafe24-cp949.png');
  await check('the Cafe24 CP949 file\'s rows and customers (orders, net revenue) = the hand-computed fixture', () =>
    sameAsModel(fixture('hand/cafe24-cp949.expected.json')));
  await check('encoding override: the CP949 file read as UTF-8 fails as in Node (no header found)', async () => {
    const node = await nodeAnswers(cafe24, { encoding: 'utf-8' });
    await page.click('#mapping-box summary');
    await page.selectOption('#map-encoding', 'utf-8');
    assertThat(await afterRead(() => page.click('#reload')) === 'error', 'no error shown');
    const message = await text('#message');
    assertThat(node.error && message.includes(node.error.message), `page: ${message}; Node: ${node.error?.message}`);
    return node.error.code;
  });
  await check('mapping override: 주문자명 as the customer key = Node with that mapping', async () => {
    await page.selectOption('#map-encoding', 'auto');
    await page.selectOption('#map-customerId', '주문자명');
    assertThat(await afterRead(() => page.click('#reload')) === 'ready', await text('#message'));
    const { detail } = await sameNumbers(cafe24, { mapping: { customerId: '주문자명' } });
    const ids = await page.evaluate(() => [...document.querySelectorAll('#top-customers tbody tr')].map((tr) => tr.cells[0].textContent));
    assertThat(ids.includes('김철수'), `customer ids shown: ${ids.join(', ')}`);
    return detail;
  });

  const malformed = fixture('hand/no-header.csv');
  await check('upload a malformed file: the package\'s error message, in words', async () => {
    const node = await nodeAnswers(malformed);
    assertThat(await upload(malformed) === 'error', 'the page did not report an error');
    const message = await text('#message');
    const code = await page.getAttribute('#message', 'data-code');
    assertThat(code === node.error.code && message.includes(node.error.message), `${code}: ${message}`);
    return `${code}: ${message.slice(0, 120)}…`;
  });
  await screenshot('malformed.png');

  // Text from files is text: the XSS fixture (after the error: the Worker still works).
  const xss = fixture('demo/xss-names.csv');
  await check('XSS fixture: names and products shown literally, no element or script injected', async () => {
    assertThat(await upload(xss) === 'ready', await text('#message'));
    const { detail } = await sameNumbers(xss);
    const top = await text('#top-customers');
    const rules = await text('#affinity-body');
    const injected = await page.evaluate(() => document.querySelectorAll('img, main script').length);
    assertThat(top.includes('<img src=x onerror=alert(1)>'), `top customers: ${top.slice(0, 200)}`);
    assertThat(rules.includes('<script>alert(2)</script>'), `affinity: ${rules.slice(0, 200)}`);
    assertThat(injected === 0, `${injected} injected elements`);
    await page.waitForTimeout(200);
    assertThat(dialogs.length === 0, `dialogs: ${dialogs.join(', ')}`);
    return detail;
  });
  await screenshot('xss.png');

  const conflicts = fixture('hand/duplicates-conflicts.csv');
  await check('masking covers emails in the diagnostics\' examples', async () => {
    assertThat(await upload(conflicts) === 'ready', await text('#message'));
    const plain = await text('#diag-body');
    await page.check('#mask');
    const masked = await text('#diag-body');
    await page.uncheck('#mask');
    assertThat(plain.includes('zed@example.com') && plain.includes('ben@example.com'), 'the example emails are not shown unmasked');
    assertThat(!/\w@example\.com/.test(masked) && masked.includes('z***@e***'), `masked: ${masked.match(/.{0,40}@.{0,20}/g)?.join(' | ')}`);
    return masked.match(/z\*\*\*@e\*\*\*/)[0];
  });

  const workbook = fixture('xlsx/cafe24-cp949.xlsx');
  await check('upload an Excel workbook (.xlsx): numbers = Node, the sheet named', async () => {
    assertThat(await upload(workbook) === 'ready', await text('#message'));
    const { detail } = await sameNumbers(workbook);
    const diagnostics = await text('#diag-body');
    assertThat(/Sheet: \S/.test(diagnostics), 'no sheet shown');
    return `${detail}; ${diagnostics.match(/Sheet: [^\n]*?(?=Dates|$)/)?.[0] ?? ''}`;
  });

  // A protected workbook: the password prompt, a wrong password, then the right one.
  const encrypted = fixture('xlsx/encrypted.xlsx');
  await check('protected .xlsx: password prompt, wrong password, then the numbers = Node', async () => {
    assertThat(await upload(encrypted) === 'password', `state after upload: ${await page.getAttribute('body', 'data-state')}`);
    assertThat(await page.getAttribute('#message', 'data-code') === 'password_required', await text('#message'));
    await page.fill('#password', 'nope');
    assertThat(await afterRead(() => page.click('#password-form button[type=submit]')) === 'password', 'no second prompt');
    assertThat(await page.getAttribute('#message', 'data-code') === 'wrong_password', await text('#message'));
    await page.fill('#password', 'orderlens-테스트1');
    assertThat(await afterRead(() => page.click('#password-form button[type=submit]')) === 'ready', await text('#message'));
    return (await sameNumbers(encrypted, { password: 'orderlens-테스트1' })).detail;
  });

  // Cancel: a 60 MB file dropped on the drop zone, cancelled as soon as the progress bar shows.
  await check('drop a 60 MB file and cancel: the read stops, the page says so', async () => {
    await page.evaluate((w) => { document.body.dataset.state = w; }, WAITING);
    await page.evaluate(async () => {
      const text = await (await fetch('samples/shopify-sample.csv')).text();
      const header = text.slice(0, text.indexOf('\n') + 1);
      const body = text.slice(header.length);
      const file = new File([header, ...Array(25).fill(body)], 'big.csv', { type: 'text/csv' });
      const data = new DataTransfer();
      data.items.add(file);
      document.getElementById('drop').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await page.waitForSelector('#progress-box:not([hidden])', { timeout: STEP_TIMEOUT_MS });
    await page.click('#cancel');
    await page.waitForSelector(settled, { timeout: STEP_TIMEOUT_MS });
    const code = await page.getAttribute('#message', 'data-code');
    assertThat(code === 'aborted' && await page.getAttribute('body', 'data-state') === 'error', `${code}: ${await text('#message')}`);
    return await text('#message');
  });
  await check('after the cancel, the sample loads again', async () => {
    assertThat(await afterRead(() => page.click('#sample')) === 'ready', await text('#message'));
    return (await sameNumbers(SAMPLE)).detail;
  });

  // Every control has a label and can be reached with the keyboard.
  await check('every control is labelled and keyboard reachable', async () => {
    const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, button, [role=button]')]
      .filter((e) => !(e.labels?.length || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby') || (e.tagName === 'BUTTON' && e.textContent.trim())) || e.tabIndex < 0)
      .map((e) => e.id || e.outerHTML.slice(0, 80)));
    assertThat(unlabelled.length === 0, unlabelled.join(', '));
    await page.focus('#drop');
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => document.activeElement.id);
    assertThat(next === 'orders-file', `Tab from the drop zone went to "${next}"`);
    return `${await page.evaluate(() => document.querySelectorAll('input, select, button').length)} controls`;
  });

  await check('a Korean browser (navigator.language ko-KR) starts in Korean, in won', async () => {
    const korean = await recordingContext(browser, origin, { locale: 'ko-KR' });
    try {
      const p = await korean.context.newPage();
      await p.goto(`${origin}/`);
      await p.waitForSelector('body[data-state=idle]', { timeout: STEP_TIMEOUT_MS });
      const shown = { lang: await p.getAttribute('html', 'lang'), title: await p.textContent('#load-title'), currency: await p.inputValue('#currency') };
      assertThat(shown.lang === 'ko' && shown.title === '주문 파일' && shown.currency === 'KRW' && korean.offOrigin.length === 0, JSON.stringify(shown));
      return JSON.stringify(shown);
    } finally {
      await korean.context.close();
    }
  });

  // A tablet: nothing wider than the screen.
  await check('tablet width (768 px): no horizontal scrolling', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.waitForTimeout(200);
    const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    await screenshot('tablet.png');
    assertThat(scroll <= width, `page ${scroll} px wide in a ${width} px window`);
    return `${scroll} ≤ ${width}`;
  });
}

async function main() {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const site = buildDemoSite();
  server = await startStaticServer({
    mounts: [{ prefix: '/', dir: site, index: 'index.html' }], csp: DEMO_CSP, cspReportPath: CSP_REPORT_PATH,
    onServed: (s) => served.push(s), onCspReport: (r) => cspReports.push(r),
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  console.log(`orderlens web demo tests: server ${origin}`);
  browser = await launchChromium();
  let context;
  ({ context, requests, offOrigin } = await recordingContext(browser, origin, { locale: 'en-US', acceptDownloads: true }));
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  page.on('console', (message) => {
    if (['error', 'warning'].includes(message.type()) || /Content Security Policy|Refused to/i.test(message.text())) {
      consoleProblems.push(`${message.type()}: ${message.text()}`);
    }
  });

  await session(origin);

  await page.waitForTimeout(200);  // CSP reports are sent asynchronously
  record('no request left the local origin (page and Workers)', offOrigin.length === 0 && requests.length > 0,
    offOrigin.length ? offOrigin.join(' ') : `${requests.length} requests, all to ${origin}`);
  const failed = served.filter((s) => s.status >= 400);
  record('no request failed on the server', failed.length === 0, failed.map((s) => `${s.status} ${s.url}`).join(' '));
  record('no CSP violation (reports from the page and its Workers)', cspReports.length === 0, JSON.stringify(cspReports).slice(0, 400));
  record('no dialog opened', dialogs.length === 0, dialogs.join(' | '));
  record('no page error', pageErrors.length === 0, pageErrors.join(' | '));
  // Chromium warns about a <meta> CSP's report-uri-less policy nowhere; any console error or warning fails.
  record('no console error or warning', consoleProblems.length === 0, consoleProblems.join(' | ').slice(0, 500));
}

await runChecks({
  label: 'web demo tests', list, timeoutMs: TOTAL_TIMEOUT_MS, main,
  cleanup: async () => {
    await browser?.close().catch(() => {});
    await stopStaticServer(server);
  },
});
