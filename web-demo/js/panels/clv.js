// Customer lifetime value: totals, the distribution of predicted CLV, the top customers, the
// customers most likely lost, and how well the model predicted the held-out months.
import { advice, el, fill, table } from '../dom.js';
import { chart } from '../charts.js';
import { money, num, pct } from '../format.js';
import { t } from '../i18n.js';
import { maskEmail, maskId, maskName } from '../mask.js';

const LIST = 10;
const BINS = 10;

/**
 * The LIST rows with the largest key, largest first (ties: the earlier row), in one pass: a
 * quarter of a million customers are not sorted to show ten.
 */
function largest(count, key) {
  const best = [];  // [row, key], sorted by key descending
  for (let i = 0; i < count; ++i) {
    const k = key(i);
    if (best.length === LIST && !(k > best[LIST - 1][1])) continue;
    let at = best.length;
    while (at > 0 && k > best[at - 1][1]) --at;
    best.splice(at, 0, [i, k]);
    if (best.length > LIST) best.pop();
  }
  return best.map(([i]) => i);
}

function histogram(values) {
  const sorted = Float64Array.from(values).sort();
  const top = sorted[Math.floor(0.95 * (sorted.length - 1))] || 1;
  const width = top / BINS;
  const counts = new Array(BINS + 1).fill(0);
  for (const v of values) counts[Math.min(BINS, Math.max(0, Math.floor(v / width)))]++;
  const labels = counts.map((_, i) => (i < BINS ? `${money(i * width)}–${money((i + 1) * width)}` : `> ${money(top)}`));
  return { labels, counts };
}

function customerRows(c, rows) {
  return rows.map((i) => [
    // The email column only when it says more than the id (a member id or a phone).
    maskId(c.id[i], c.idKind[i]), maskName(c.name[i]), c.idKind[i] === 'email' ? '' : maskEmail(c.email[i]),
    { text: num(c.orders[i]), value: c.orders[i], className: 'num' },
    { text: money(c.netRevenue[i]), value: c.netRevenue[i], className: 'num' },
    { text: money(c.clv[i]), value: c.clv[i], className: 'num' },
    { text: pct(c.pAlive[i]), value: c.pAlive[i], className: 'num' },
    { text: pct(c.churnProbability[i]), value: c.churnProbability[i], className: 'num' },
  ]);
}

export function renderClv(body, clv) {
  if (clv.error) return fill(body, el('p', { className: 'error' }, clv.error.message));
  const c = clv.columns;
  const top = largest(c.count, (i) => c.clv[i]);
  // At risk: likely gone (churn ≥ 70%) and worth most so far.
  const risk = largest(c.count, (i) => (c.churnProbability[i] >= 0.7 ? c.netRevenue[i] : -Infinity)).filter((i) => c.churnProbability[i] >= 0.7);
  const headers = [t('customer'), t('name'), t('email'), t('orders'), t('netRevenue'), t('predictedClv'), t('pAlive'), t('churnRisk')];
  const { labels, counts } = histogram(c.clv);
  const totals = clv.totals;
  const card = (key, text, value) => el('div', { className: 'card', dataset: { metric: key, value: String(value) } },
    el('span', { className: 'card-label' }, t(key)), el('span', { className: 'card-value' }, text));
  const h = clv.holdout;
  return fill(body,
    el('p', {}, t('clvHorizon', { months: clv.options.horizonMonths ?? 12 })),
    el('div', { className: 'cards' },
      card('totalClv', money(totals.clv), totals.clv),
      card('meanClv', money(totals.meanClv), totals.meanClv),
      card('expectedActive', num(totals.expectedActiveCustomers), totals.expectedActiveCustomers),
      card('expectedPurchases', num(totals.expectedPurchases), totals.expectedPurchases)),
    clv.sufficiency.sufficient ? null
      : el('ul', { className: 'note' }, clv.sufficiency.checks.filter((k) => !k.passed).map((k) => el('li', {}, k.message))),
    chart('clv-hist', t('clvDistribution'), {
      type: 'bar',
      data: { labels, datasets: [{ label: t('customers'), data: counts, backgroundColor: '#16a34a' }] },
    }),
    el('h3', {}, t('topCustomers')),
    el('div', { id: 'top-customers' }, table(headers, customerRows(c, top))),
    el('h3', {}, t('churnList')),
    el('div', { id: 'churn-list' }, risk.length ? table(headers, customerRows(c, risk)) : el('p', {}, t('noneAtRisk'))),
    h ? el('h3', {}, t('holdoutTitle', { from: h.calibrationEnd, to: h.end })) : null,
    h ? el('p', {}, t('holdoutSummary', { actual: num(h.actualPurchases), predicted: num(h.predictedPurchases, 1), mae: num(h.meanAbsoluteError, 3) })) : null,
    h ? chart('clv-holdout', t('holdoutChart'), {
      type: 'line',
      data: {
        labels: h.tracking.map((w) => w.date),
        datasets: [
          { label: t('actual'), data: h.tracking.map((w) => w.actual), borderColor: '#2563eb', pointRadius: 0 },
          { label: t('predicted'), data: h.tracking.map((w) => w.expected), borderColor: '#dc2626', borderDash: [6, 4], pointRadius: 0 },
        ],
      },
    }) : el('p', { className: 'note' }, t('noHoldout')),
    advice(t('clvMeaning'), t('clvTodo')));
}
