// The web demo's DOM-free modules in Node (web-demo/js/): the holdout split and spend entries the
// dashboard asks the package for, PII masking, and Intl formatting. Expected values are worked out
// by hand in the comments. The page itself is tested in Chromium by tests/browser/demo.mjs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analysisOptions, calibrationEndFor, recommendSegmentChoices, spendEntries } from '../../web-demo/js/analysis.js';
import { money, num, pct, setCurrency, signedPct } from '../../web-demo/js/format.js';
import { maskedRecommendations, maskedSegments, maskEmail, maskId, maskName, maskPhone, maskText, setMasking } from '../../web-demo/js/mask.js';

test('the CLV holdout is the last quarter of at least 180 days of history', () => {
  // 2024-01-01 → 2024-12-31 is 365 days; a quarter is 91 days (rounded): 91 days before 2024-12-31
  // is 2024-10-01 (Oct 31 + Nov 30 + Dec 30 days).
  assert.equal(calibrationEndFor({ firstOrderDate: '2024-01-01', lastOrderDate: '2024-12-31' }), '2024-10-01');
  // 2024-01-01 → 2024-06-29 is 180 days (31+29+31+30+31+28); 45 days before June 29 is May 15.
  assert.equal(calibrationEndFor({ firstOrderDate: '2024-01-01', lastOrderDate: '2024-06-29' }), '2024-05-15');
  // 179 days: too short for a holdout.
  assert.equal(calibrationEndFor({ firstOrderDate: '2024-01-01', lastOrderDate: '2024-06-28' }), undefined);
  // No purchases: the diagnostics' dates are empty.
  assert.equal(calibrationEndFor({ firstOrderDate: '', lastOrderDate: '' }), undefined);
});

test('spend typed in the channel panel becomes whole-range spend entries, blanks and non-positive left out', () => {
  assert.deepEqual(spendEntries({ web: 100, pos: 0, app: Number.NaN, kakao: -5, naver: 2.5 }),
    [{ channel: 'web', amount: 100 }, { channel: 'naver', amount: 2.5 }]);
  assert.deepEqual(spendEntries(), []);
});

test('analysis options: custom rules go to segments, spend to channels and segments, the holdout to CLV', () => {
  const diagnostics = { firstOrderDate: '2024-01-01', lastOrderDate: '2024-12-31' };
  const rules = [{ key: 'vip', rule: { field: 'orders', op: '>=', value: 3 } }];
  const o = analysisOptions(diagnostics, { rules, spend: { web: 1000 } });
  assert.deepEqual(o.segments, { rules, channels: { spend: [{ channel: 'web', amount: 1000 }] } });
  assert.deepEqual(analysisOptions(diagnostics, { rules }).segments, { rules });
  assert.deepEqual(o.channels.spend, [{ channel: 'web', amount: 1000 }]);
  assert.deepEqual(o.clv, { calibrationEnd: '2024-10-01' });
  assert.deepEqual(analysisOptions(diagnostics).segments, {});
});

test('recommendations: the lists of the chosen segment, rules only for a custom one, the holdout on the CLV split', () => {
  const diagnostics = { firstOrderDate: '2024-01-01', lastOrderDate: '2024-12-31' };
  const rules = [{ key: 'vip', rule: { field: 'orders', op: '>=', value: 3 } }];
  assert.deepEqual(analysisOptions(diagnostics).recommend, { lists: { segment: 'rfm' }, evaluation: { calibrationEnd: '2024-10-01' } });
  assert.deepEqual(analysisOptions(diagnostics, { rules, segment: 'custom.vip' }).recommend.lists, { segment: 'custom.vip', rules });
  assert.deepEqual(analysisOptions(diagnostics, { rules, segment: 'rfm.champions' }).recommend.lists, { segment: 'rfm.champions' });
  // 179 days of history: no holdout, as for CLV.
  assert.equal(analysisOptions({ firstOrderDate: '2024-01-01', lastOrderDate: '2024-06-28' }).recommend.evaluation, null);
});

test('the recommendations\' segment choices: every RFM group, then each group with members, the funnel left out', () => {
  const group = (key, members) => ({ key, members, name: { en: key, ko: key } });
  const segments = {
    packs: [
      { key: 'rfm', groups: [group('champions', 2), group('loyal', 0)] },
      { key: 'funnel', groups: [group('viewed', 5)] },
      { key: 'custom', groups: [group('vip', 1), group('other', 3)] },
    ],
  };
  assert.deepEqual(recommendSegmentChoices(segments).map((c) => c.value), ['rfm', 'rfm.champions', 'custom.vip', 'custom.other']);
  assert.deepEqual(recommendSegmentChoices({ error: { code: 'x', message: 'y' } }).map((c) => c.value), ['rfm']);
});

test('masked recommendations: ids by the kind the segments give, else as free text; emails; the original kept', () => {
  const result = { segment: 'rfm', customers: [
    { id: 'a@x.com', email: 'a@x.com', group: 'loyal', recommendations: [] },
    { id: 'm01', email: 'm@y.kr', group: 'loyal', recommendations: [] },
    { id: '01099998888', email: '', group: 'loyal', recommendations: [] },
    { id: 'Kim 010-1234-5678', email: '', group: 'loyal', recommendations: [] },  // not in the segments: free text
  ] };
  const segments = { columns: { id: ['a@x.com', 'm01', '01099998888'], idKind: ['email', 'member_id', 'phone'] } };
  setMasking(true);
  try {
    const masked = maskedRecommendations(result, segments);
    assert.deepEqual(masked.customers.map((c) => [c.id, c.email]),
      [['a***@x***', 'a***@x***'], ['m01', 'm***@y***'], ['***-8888', ''], ['Kim ***-5678', '']]);
    assert.equal(masked.segment, 'rfm');
    assert.equal(result.customers[0].id, 'a@x.com');
  } finally {
    setMasking(false);
  }
  assert.equal(maskedRecommendations(result, segments), result);
});

test('masking keeps the first letter, the email domain\'s first letter and a phone\'s last four digits', () => {
  setMasking(true);
  try {
    assert.equal(maskEmail('kim.chulsoo@naver.com'), 'k***@n***');
    assert.equal(maskPhone('010-1234-5678'), '***-5678');
    assert.equal(maskPhone('+82 10 1234 5678'), '***-5678');
    assert.equal(maskName('김철수'), '김**');
    assert.equal(maskName('Al'), 'A*');
    assert.equal(maskId('chulsoo', 'member_id'), 'chulsoo');  // a shop's own pseudonym: kept
    assert.equal(maskId('01012345678', 'phone'), '***-5678');
    assert.equal(maskId('a@b.co', 'email'), 'a***@b***');
    // Free text: emails and 9+ digit runs; dates (8 digits) and amounts stay.
    assert.equal(maskText('kept the first value: ben@example.com on 2025-02-07, call 010-1234-5678, 12,000 won'),
      'kept the first value: b***@e*** on 2025-02-07, call ***-5678, 12,000 won');
    assert.equal(maskText('Kim Chulsoo', true), 'K**********');
  } finally {
    setMasking(false);
  }
  assert.equal(maskEmail('kim.chulsoo@naver.com'), 'kim.chulsoo@naver.com');
  assert.equal(maskText('ben@example.com'), 'ben@example.com');
});

test('a masked segments result masks ids by kind, emails and names, and leaves the original alone', () => {
  const result = {
    packs: [],
    columns: { id: ['a@x.com', 'm01', '01099998888'], idKind: ['email', 'member_id', 'phone'], email: ['a@x.com', 'm@y.kr', ''], name: ['Ann', '민수', ''] },
  };
  setMasking(true);
  try {
    const masked = maskedSegments(result);
    assert.deepEqual(masked.columns.id, ['a***@x***', 'm01', '***-8888']);
    assert.deepEqual(masked.columns.email, ['a***@x***', 'm***@y***', '']);
    assert.deepEqual(masked.columns.name, ['A**', '민*', '']);
    assert.equal(result.columns.email[0], 'a@x.com');
  } finally {
    setMasking(false);
  }
  assert.equal(maskedSegments(result), result);
});

test('numbers, money and percentages in the UI language (English here)', () => {
  setCurrency('KRW');
  assert.equal(money(1234567), '₩1,234,567');  // the won has no minor unit
  setCurrency('USD');
  assert.equal(money(1234.5), '$1,234.50');
  assert.equal(money(null), '–');
  assert.equal(num(12345.678), '12,346');
  assert.equal(num(1.456, 2), '1.46');
  assert.equal(pct(0.458), '45.8%');
  assert.equal(signedPct(-0.158), '-15.8%');
  assert.equal(signedPct(0.122), '+12.2%');
  assert.equal(signedPct(0), '0%');
  setCurrency('KRW');
});
