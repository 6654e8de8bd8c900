// The command line (dist/cli.js) as a user runs it: text, JSON and Markdown reports, the
// Excel-safe customer CSV, encodings, and exit codes 0 / 1 (file problem) / 2 (usage).
// Fixtures of tests/fixtures/cli/:
//   formula-injection.csv  customer ids, emails and names that a spreadsheet would run as formulas
//                          (=HYPERLINK(...), @SUM(1), -2+3, +cmd, =1+1), a comma, quotes and a
//                          newline inside names, and "refunder": a 12.00 purchase and a standalone
//                          refund of -40 (order R1, only a negative line) -> netRevenue -28.
//   markdown-pipe.csv      a customer id with "|" and a skipped row whose date contains "|".
//   markdown-backslash.csv a customer id "back\|slash" (a backslash right before the pipe).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { handDir, orderlens, root } from './support.mjs';

const cli = path.join(root, 'dist/cli.js');
const cliDir = path.join(root, 'tests/fixtures/cli');
const hand = (name) => path.join(handDir, name);
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

const CUSTOMER_COLUMNS = ['id', 'idKind', 'email', 'name', 'orders', 'repeatOrders', 'firstOrder', 'lastOrder',
  'grossRevenue', 'netRevenue', 'aov', 'items', 'firstChannel', 'products', 'frequency', 'recency', 'T', 'monetary'];
const NUMBER_COLUMNS = new Set(['orders', 'repeatOrders', 'grossRevenue', 'netRevenue', 'aov', 'items', 'products',
  'frequency', 'recency', 'T', 'monetary']);

/** Runs the CLI; resolves to {code, stdout, stderr} whatever the exit status. */
function run(args, options = {}) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [cli, ...args], { cwd: root, maxBuffer: 64 << 20, timeout: 20000, ...options }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);  // could not start, or killed
      else resolve({ code: error ? error.code : 0, stdout, stderr });
    });
  });
}

/** What the package API reports for a file, as the CLI loads it (fileName = the basename). */
async function apiReport(file, ingest = {}, summary = {}) {
  const ol = await orderlens();
  const ds = await ol.load(fs.readFileSync(file), { fileName: path.basename(file), ...ingest });
  try {
    return { diagnostics: ds.diagnostics, customers: ds.customers(summary) };
  } finally {
    ds.dispose();
  }
}

/** RFC 4180: records of fields; quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 2; }
      else if (ch === '"') { quoted = false; i += 1; }
      else { field += ch; i += 1; }
    } else if (ch === '"') {
      assert.equal(field, '', `a quote in the middle of an unquoted field at offset ${i}`);
      quoted = true;
      i += 1;
    } else if (ch === ',') {
      record.push(field); field = ''; i += 1;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field); records.push(record); record = []; field = ''; i += 2;
    } else {
      assert.ok(ch !== '\r' && ch !== '\n', `a bare line break outside quotes at offset ${i}`);
      field += ch;
      i += 1;
    }
  }
  assert.ok(!quoted, 'unterminated quoted field');
  if (field !== '' || record.length) { record.push(field); records.push(record); }
  return records;
}

/** Splits a GFM table row into cells as cmark-gfm does: a backslash escapes the next character. */
function markdownCells(line) {
  assert.ok(line.startsWith('|') && line.endsWith('|'), line);
  const cells = [];
  let cell = '';
  for (let i = 1; i < line.length; ++i) {
    const ch = line[i];
    if (ch === '\\' && i + 1 < line.length) { cell += ch + line[i + 1]; i += 1; }
    else if (ch === '|') { cells.push(cell.trim()); cell = ''; }
    else cell += ch;
  }
  return cells.map((c) => c.replaceAll('\\|', '|'));
}

/** The tables of a Markdown document: arrays of rows of cells (header first, delimiter row dropped). */
function markdownTables(md) {
  const tables = [];
  let current = null;
  for (const line of md.split('\n')) {
    if (line.startsWith('|')) {
      if (!current) tables.push((current = []));
      if (!/^\|( *:?-+:? *\|)+$/.test(line)) current.push(markdownCells(line));
    } else current = null;
  }
  return tables;
}

function assertUsageError(result, what) {
  assert.equal(result.code, 2, `${what}: exit ${result.code}, stderr ${result.stderr}`);
  assert.match(result.stderr, /orderlens --help/, what);
  assert.equal(result.stdout, '', what);
}

test('text report: layout, rows, orders and the top customers', async () => {
  const r = await run(['report', hand('stripe-payments.csv')]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  const lines = r.stdout.split('\n');
  assert.match(lines[0], /^stripe-payments\.csv — .*Stripe.* \(detected\), utf-8, delimiter ",", header on line 1$/);
  assert.ok(r.stdout.includes('Rows: 10 read · 10 used · 0 skipped'), r.stdout);
  assert.ok(r.stdout.includes('Orders: 10 (paid 5, partially refunded 1, refunded 2, cancelled 1, pending 1) · 10 line items · 4 products'), r.stdout);
  assert.ok(r.stdout.includes('Customers: 2 with a purchase (2 more without one) · purchases from 2025-10-01 to 2025-10-20'), r.stdout);
  const top = lines.indexOf('Top 2 customers by net revenue:');
  assert.ok(top > 0, r.stdout);
  assert.match(lines[top + 1], /^#\s+customer\s+orders\s+net revenue\s+first order\s+last order\s+frequency\s+recency\s+T\s+monetary$/);
  assert.deepEqual(lines[top + 2].split(/\s{2,}/), ['1', 'cus_A1', '3', '140', '2025-10-01', '2025-10-20', '2', '19', '19', '45']);
  assert.deepEqual(lines[top + 3].split(/\s{2,}/), ['2', 'carol@example.com', '3', '45', '2025-10-10', '2025-10-15', '1', '5', '10', '25']);

  // --top limits the list; --top 0 leaves it out; skipped rows are explained with examples.
  const one = await run(['report', hand('stripe-payments.csv'), '--top', '1']);
  assert.ok(one.stdout.includes('Top 1 customers by net revenue:') && !one.stdout.includes('carol@example.com'), one.stdout);
  const none = await run(['report', hand('stripe-payments.csv'), '--top=0']);
  assert.equal(none.code, 0);
  assert.ok(!none.stdout.includes('Top '), none.stdout);
  const skipped = await run(['report', path.join(cliDir, 'markdown-pipe.csv')]);
  assert.ok(skipped.stdout.includes('Rows: 4 read · 3 used · 1 skipped'), skipped.stdout);
  assert.ok(skipped.stdout.includes('skipped 1 × bad_date'), skipped.stdout);
  assert.ok(skipped.stdout.includes('line 5, column 2 (date): "2024|02|05"'), skipped.stdout);
});

test('--json equals the package API for the same file', async () => {
  const cases = [
    [hand('shopify-minimal.csv'), [], {}, {}],
    [hand('stripe-payments.csv'), [], {}, {}],
    [hand('cafe24-cp949.csv'), [], {}, {}],
    [hand('generic-cdnow-style.csv'), ['--unit', 'weeks', '--end-date', '1997-06-30'], {}, { unit: 'weeks', endDate: '1997-06-30' }],
    [hand('generic-cdnow-style.csv'), ['--end-date=1997-03-31'], {}, { endDate: '1997-03-31' }],
    [hand('generic-semicolon-eu.csv'), ['--delimiter', ';', '--decimal', ','], { delimiter: ';', decimalSeparator: ',' }, {}],
    [path.join(cliDir, 'formula-injection.csv'), [], {}, {}],
  ];
  for (const [file, args, ingest, summary] of cases) {
    const r = await run(['report', file, '--json', ...args]);
    assert.equal(r.code, 0, `${file}: ${r.stderr}`);
    assert.equal(r.stderr, '');
    const printed = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(printed), ['diagnostics', 'customers']);
    assert.deepEqual(printed, await apiReport(file, ingest, summary), `${path.basename(file)} ${args.join(' ')}`);
  }
  // The summary options really reach the core: weeks and an end date change the numbers.
  const days = JSON.parse((await run(['report', hand('generic-cdnow-style.csv'), '--json'])).stdout);
  const weeks = JSON.parse((await run(['report', hand('generic-cdnow-style.csv'), '--json', '--unit', 'weeks', '--end-date', '1997-06-30'])).stdout);
  assert.equal(days.customers.length, 5);
  const [d1, w1] = [days.customers.find((c) => c.id === '00001'), weeks.customers.find((c) => c.id === '00001')];
  assert.equal(d1.T, 345);        // 1997-01-01 .. 1997-12-12 (the last purchase)
  assert.ok(Math.abs(w1.T - 180 / 7) < 1e-9, `T ${w1.T}`);  // 1997-01-01 .. 1997-06-30 in weeks
});

test('ingestion options are passed to the core: --preset, --mapping, --header-line, --date-order', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'orderlens-cli-'));
  try {
    const file = path.join(tmp, 'buyers.csv');
    fs.writeFileSync(file, 'exported by a shop\nBuyer,When,Paid\nkim,03/04/2025,12.00\nkim,05/04/2025,8.00\nlee,04/04/2025,5\n');
    const mapping = { customerId: 'Buyer', orderDate: 'When', lineTotal: 'Paid' };
    const args = ['--preset', 'generic', '--mapping', JSON.stringify(mapping), '--header-line', '2', '--date-order', 'dmy'];
    const r = await run(['report', file, '--json', ...args]);
    assert.equal(r.code, 0, r.stderr);
    const printed = JSON.parse(r.stdout);
    assert.deepEqual(printed, await apiReport(file, { preset: 'generic', mapping, headerLine: 2, dateOrder: 'dmy' }));
    assert.deepEqual(printed.diagnostics.header.line, 2);
    assert.equal(printed.diagnostics.preset.detected, false);
    const kim = printed.customers.find((c) => c.id === 'kim');
    assert.deepEqual([kim.orders, kim.netRevenue, kim.firstOrder, kim.lastOrder], [2, 20, '2025-04-03', '2025-04-05']);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('--md: a Markdown report whose tables stay tables ("|" in values escaped)', async () => {
  const file = path.join(cliDir, 'markdown-pipe.csv');
  const r = await run(['report', file, '--md']);
  assert.equal(r.code, 0, r.stderr);
  const md = r.stdout;
  assert.ok(md.startsWith('# orderlens report: markdown-pipe.csv\n'), md);
  assert.ok(md.includes('| layout | Generic orders table (detected) |'), md);
  assert.ok(md.includes('| rows | 4 read, 3 used, 1 skipped |'), md);
  assert.ok(md.includes('## Rows skipped and warnings'), md);
  assert.ok(md.includes('## Top 2 customers by net revenue'), md);
  assert.ok(md.includes('| pipe\\|one | 2 | 20 | 2024-02-01 | 2024-02-09 | 1 | 8 | 8 | 5 |'), md);

  const tables = markdownTables(md);
  assert.equal(tables.length, 3, md);
  for (const table of tables) {
    for (const row of table) assert.equal(row.length, table[0].length, `row ${JSON.stringify(row)} of table ${JSON.stringify(table[0])}`);
  }
  const [facts, issues, customers] = tables;
  assert.deepEqual(Object.fromEntries(facts.slice(1)).customers, '2 with a purchase, 0 without');
  assert.deepEqual(issues[0], ['kind', 'reason', 'count', 'first example']);
  assert.equal(issues.length, 2);
  assert.deepEqual(issues[1].slice(0, 3), ['skipped', 'bad_date: the order date could not be read', '1']);
  assert.ok(issues[1][3].startsWith('line 5, date: "2024|02|05"'), issues[1][3]);
  assert.deepEqual(customers.map((row) => row[0]), ['customer', 'pipe|one', 'plain']);

  // Every customer of a file with formula-like ids is listed, one table row each.
  const f = await run(['report', path.join(cliDir, 'formula-injection.csv'), '--md', '--top', '3']);
  const [, top3] = markdownTables(f.stdout);
  assert.deepEqual(top3.slice(1).map((row) => [row[0], row[2]]), [['-2+3', '30'], ['@SUM(1)', '20'], ['=HYPERLINK("http://x","y")', '10.5']]);
});

test('--md: a backslash before "|" in a value does not break the table', async () => {
  const r = await run(['report', path.join(cliDir, 'markdown-backslash.csv'), '--md']);
  assert.equal(r.code, 0, r.stderr);
  const tables = markdownTables(r.stdout);
  const customers = tables.at(-1);
  assert.equal(customers.length, 3);
  for (const row of customers) assert.equal(row.length, 9, `row ${JSON.stringify(row)}: ${r.stdout}`);
  const back = customers.find((row) => row[0].includes('back'));
  assert.ok(back[0].includes('slash'), `the customer cell is cut at the pipe: ${JSON.stringify(back)}`);
  assert.deepEqual(back.slice(1), ['1', '4', '2024-03-01', '2024-03-01', '0', '0', '1', '0']);
});

/** The written CSV: BOM, CRLF, the header, and one row per customer equal to the API's values. */
function checkCustomersCsv(bytes, customers) {
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
  assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
  assert.ok(text.startsWith(`${CUSTOMER_COLUMNS.join(',')}\r\n`), 'header row');
  const records = parseCsv(text);
  assert.deepEqual(records[0], CUSTOMER_COLUMNS);
  assert.equal(records.length, customers.length + 1);
  customers.forEach((c, i) => {
    const row = records[i + 1];
    assert.equal(row.length, CUSTOMER_COLUMNS.length, `row ${i + 1}`);
    CUSTOMER_COLUMNS.forEach((key, k) => {
      const cell = row[k];
      if (NUMBER_COLUMNS.has(key)) {
        assert.ok(/^-?\d+(\.\d+)?(e[+-]\d+)?$/.test(cell), `${c.id}.${key}: a plain number, got ${JSON.stringify(cell)}`);
        assert.equal(Number(cell), c[key], `${c.id}.${key}`);
      } else {
        const expected = /^[=+\-@\t\r]/.test(c[key]) ? `'${c[key]}` : c[key];
        assert.equal(cell, expected, `${c.id}.${key}`);
      }
    });
  });
  return records;
}

test('--customers-csv: UTF-8 with BOM, CRLF, the API values, RFC 4180 quoting', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'orderlens-cli-'));
  try {
    for (const [file, args, summary] of [
      [hand('cafe24-cp949.csv'), [], {}],
      [hand('stripe-payments.csv'), ['--unit', 'weeks', '--end-date', '2025-12-31'], { unit: 'weeks', endDate: '2025-12-31' }],
    ]) {
      const out = path.join(tmp, `${path.basename(file)}.customers.csv`);
      const r = await run(['report', file, '--customers-csv', out, ...args]);
      assert.equal(r.code, 0, r.stderr);
      const { customers } = await apiReport(file, {}, summary);
      assert.ok(customers.length > 0);
      assert.equal(r.stderr, `wrote ${customers.length} customers to ${out}\n`);
      const records = checkCustomersCsv(fs.readFileSync(out), customers);
      if (file.includes('cafe24')) {
        assert.deepEqual(records[1].slice(0, 4), ['chulsoo', 'member_id', '', '김철수']);
        assert.equal(records[1][12], 'PC쇼핑몰');
      }
    }
    // With --json the CSV is written too, and stdout stays pure JSON.
    const out = path.join(tmp, 'json.csv');
    const r = await run(['report', hand('shopify-minimal.csv'), '--json', '--customers-csv', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    checkCustomersCsv(fs.readFileSync(out), JSON.parse(r.stdout).customers);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('--customers-csv is safe to open in a spreadsheet: formulas are text, negative numbers stay numbers', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'orderlens-cli-'));
  try {
    const file = path.join(cliDir, 'formula-injection.csv');
    const out = path.join(tmp, 'customers.csv');
    const r = await run(['report', file, '--customers-csv', out]);
    assert.equal(r.code, 0, r.stderr);
    const { customers } = await apiReport(file);
    const bytes = fs.readFileSync(out);
    const records = checkCustomersCsv(bytes, customers);
    const text = bytes.toString('utf8').slice(1);
    const byId = Object.fromEntries(records.slice(1).map((row) => [row[0], Object.fromEntries(CUSTOMER_COLUMNS.map((k, i) => [k, row[i]]))]));

    // Every text cell that starts with = + - @ has the leading apostrophe.
    assert.deepEqual(Object.keys(byId).sort(), ["'-2+3", "'=HYPERLINK(\"http://x\",\"y\")", "'@SUM(1)", 'c4', 'refunder']);
    assert.equal(byId["'@SUM(1)"].name, "'+cmd");
    assert.equal(byId.c4.email, "'@sum(1)");
    assert.equal(byId.c4.name, "'=1+1");
    for (const row of records.slice(1)) {
      for (const [k, cell] of row.entries()) {
        if (!NUMBER_COLUMNS.has(CUSTOMER_COLUMNS[k])) assert.ok(!/^[=+\-@\t\r]/.test(cell), `${CUSTOMER_COLUMNS[k]}: ${JSON.stringify(cell)} would run as a formula`);
      }
    }
    // Quoting on the wire: doubled quotes, commas and a line break inside quotes.
    assert.ok(text.includes('\r\n"\'=HYPERLINK(""http://x"",""y"")",member_id,hyper@example.com,"Kim, ""Jay""",'), text);
    assert.equal(byId["'=HYPERLINK(\"http://x\",\"y\")"].name, 'Kim, "Jay"');
    assert.equal(byId["'-2+3"].name, 'two\nlines');
    assert.equal(byId.refunder.name, 'Refund, Person');

    // The standalone refund: a negative number, written as a number (no apostrophe, no quotes).
    const refunder = customers.find((c) => c.id === 'refunder');
    assert.equal(refunder.netRevenue, 12 - 40);
    assert.equal(byId.refunder.netRevenue, '-28');
    assert.equal(byId.refunder.aov, '-28');
    assert.ok(text.includes(',12,-28,-28,'), text);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('CP949 Cafe24 export: detected, or named with --encoding, gives the same report', async () => {
  const file = hand('cafe24-cp949.csv');
  const results = await Promise.all([[], ['--encoding', 'cp949'], ['--encoding=euc-kr']].map((args) => run(['report', file, '--json', ...args])));
  const [auto, cp949, euckr] = results.map((r) => {
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout);
  });
  assert.equal(auto.diagnostics.encoding.name, 'cp949');
  assert.equal(cp949.diagnostics.encoding.name, 'cp949');
  assert.deepEqual(auto.diagnostics.warnings, []);
  for (const named of [cp949, euckr]) {
    assert.deepEqual(named.customers, auto.customers);
    assert.deepEqual({ ...named.diagnostics, encoding: { ...named.diagnostics.encoding, reason: '' } },
      { ...auto.diagnostics, encoding: { ...auto.diagnostics.encoding, reason: '' } });
  }
  assert.deepEqual(auto.customers.map((c) => [c.id, c.name, c.netRevenue, c.firstChannel]),
    [['chulsoo', '김철수', 44000, 'PC쇼핑몰'], ['01033334444', '이영희', 30000, '모바일쇼핑몰']]);
  const text = await run(['report', file]);
  assert.equal(text.code, 0);
  assert.match(text.stdout, /^cafe24-cp949\.csv — Cafe24 주문 엑셀 \(detected\), cp949, /);
  // Read as UTF-8 on purpose, the Korean header is unreadable: no header, exit 1.
  const wrong = await run(['report', file, '--json', '--encoding', 'utf-8']);
  assert.equal(wrong.code, 1);
  assert.match(wrong.stderr, /^orderlens: cafe24-cp949\.csv: could not find the header/);
});

test('file problems exit 1 with a message naming the file', async () => {
  const missing = await run(['report', 'tests/fixtures/no-such-orders.csv']);
  assert.equal(missing.code, 1);
  assert.equal(missing.stdout, '');
  assert.ok(missing.stderr.includes('tests/fixtures/no-such-orders.csv'), missing.stderr);
  assert.match(missing.stderr, /no such file/);

  const xlsx = await run(['report', hand('fake-xlsx.bin')]);
  assert.equal(xlsx.code, 1);
  assert.equal(xlsx.stdout, '');
  assert.match(xlsx.stderr, /^orderlens: fake-xlsx\.bin: the file is not a complete zip \(\.xlsx\) file/);
  assert.ok(!xlsx.stderr.includes('    at '), `no stack trace: ${xlsx.stderr}`);
  const ol = await orderlens();
  await assert.rejects(ol.load(fs.readFileSync(hand('fake-xlsx.bin')), { fileName: 'fake-xlsx.bin' }), (e) => {
    assert.equal(xlsx.stderr, `orderlens: ${e.message}\n`);  // the OrderlensError message, as is
    return e.code === 'bad_workbook';
  });

  for (const [name, code] of [['empty.csv', 'empty_file'], ['header-only.csv', 'no_data_rows']]) {
    const r = await run(['report', hand(name), '--json']);
    assert.equal(r.code, 1, `${name} (${code})`);
    assert.equal(r.stdout, '');
    assert.ok(r.stderr.startsWith(`orderlens: ${name}`), r.stderr);
  }

  // A bad option value that only the core can judge: an OrderlensError (bad_option), exit 1.
  const latin9 = await run(['report', hand('shopify-minimal.csv'), '--encoding', 'latin9']);
  assert.equal(latin9.code, 1);
  assert.match(latin9.stderr, /^orderlens: options\.encoding: .*latin9/);
  const preset = await run(['report', hand('shopify-minimal.csv'), '--preset', 'magento']);
  assert.equal(preset.code, 1);
  assert.match(preset.stderr, /unknown preset/);
  const endDate = await run(['report', hand('shopify-minimal.csv'), '--end-date', 'yesterday']);
  assert.equal(endDate.code, 1);
  assert.equal(endDate.stdout, '');
  assert.ok(!endDate.stderr.includes('    at '), endDate.stderr);
});

test('wrong usage exits 2 and points to --help', async () => {
  const file = hand('shopify-minimal.csv');
  const cases = {
    'unknown option': ['report', file, '--frobnicate'],
    'unknown command': ['summarize', file],
    'no file': ['report'],
    'two files': ['report', file, file],
    '--json and --md': ['report', file, '--json', '--md'],
    'bad --unit': ['report', file, '--unit', 'months'],
    'negative --top': ['report', file, '--top', '-1'],
    'fractional --top': ['report', file, '--top', '2.5'],
    'non-numeric --top': ['report', file, '--top', 'all'],
    'missing value': ['report', file, '--preset'],
    'invalid --mapping JSON': ['report', file, '--mapping', '{customerId: Buyer}'],
  };
  const results = await Promise.all(Object.values(cases).map((args) => run(args)));
  Object.keys(cases).forEach((what, i) => assertUsageError(results[i], what));
  assert.match(results[0].stderr, /--frobnicate/);
  assert.match(results[1].stderr, /summarize/);
  assert.match(results.at(-1).stderr, /--mapping must be JSON/);
});

test('--help prints the usage', async () => {
  for (const flag of ['--help', '-h']) {
    const r = await run([flag]);
    assert.equal(r.code, 0, flag);
    assert.match(r.stdout, /^Usage:\n {2}orderlens report <orders\.csv\|orders\.xlsx> \[options\]$/m);
    for (const option of ['--preset', '--encoding', '--mapping', '--unit', '--end-date', '--json', '--md', '--top', '--customers-csv'])
      assert.ok(r.stdout.includes(option), `${flag} mentions ${option}`);
    assert.equal(r.stderr, '');
  }
  const helpAfterCommand = await run(['report', hand('shopify-minimal.csv'), '--help']);
  assert.equal(helpAfterCommand.code, 0);
  assert.match(helpAfterCommand.stdout, /^Usage:/m);

  // Run without arguments: the usage, as wrong usage.
  const bare = await run([]);
  assert.equal(bare.code, 2);
  assert.match(bare.stdout, /^Usage:/m);
});

test('--version prints the version of package.json', async () => {
  // After a command too.
  const late = await run(['report', hand('shopify-minimal.csv'), '--version']);
  assert.deepEqual([late.code, late.stdout], [0, `${pkg.version}\n`]);
  for (const flag of ['--version', '-v']) {
    const r = await run([flag]);
    assert.deepEqual([r.code, r.stdout, r.stderr], [0, `${pkg.version}\n`, ''], `orderlens ${flag}`);
  }
});
