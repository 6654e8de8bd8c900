// KPI cards for the latest compared month, the month-by-month table with changes, and the
// recommended actions (the package's playbook, in the UI language).
import { advice, el, fill, table } from '../dom.js';
import { chart } from '../charts.js';
import { metricValue, money, signedPct } from '../format.js';
import { pick, t } from '../i18n.js';

const CARD_METRICS = ['revenue', 'orders', 'customers', 'newCustomers', 'aov', 'repeatCustomerRate', 'conversionRate'];
const TABLE_METRICS = ['revenue', 'orders', 'customers', 'newCustomers', 'returningCustomers', 'aov'];

export function renderKpis(body, kpis) {
  if (kpis.error) return fill(body, el('p', { className: 'error' }, kpis.error.message));
  const index = kpis.latest ?? kpis.periods.length - 1;
  const latest = kpis.periods[index];
  const metricName = (key) => pick(kpis.metrics.find((m) => m.key === key));
  const cards = CARD_METRICS.filter((key) => latest && latest.values[key] !== null && latest.values[key] !== undefined).map((key) => {
    const delta = latest.deltas[key]?.relative;
    return el('div', { className: 'card', dataset: { metric: key, value: String(latest.values[key]) } },
      el('span', { className: 'card-label' }, metricName(key)),
      el('span', { className: 'card-value' }, metricValue(key, latest.values[key])),
      delta === undefined || delta === null ? null
        : el('span', { className: delta < 0 ? 'delta down' : 'delta up' }, t('vsPrevious', { change: signedPct(delta) })));
  });
  // Each month's figures with the change from the month before, and that month's actions.
  const rows = kpis.periods.map((p) => [
    p.period + (p.partial ? '*' : ''),
    ...TABLE_METRICS.map((key) => {
      const delta = p.deltas[key]?.relative;
      const change = delta === undefined || delta === null ? '' : ` (${signedPct(delta)})`;
      return { text: metricValue(key, p.values[key]) + change, value: p.values[key], className: 'num' };
    }),
    p.actions.map((a) => pick(a)).join(' '),
  ]);
  const actions = kpis.actions.length
    ? el('ul', { className: 'actions' }, kpis.actions.map((a) => el('li', {}, pick(a))))
    : el('p', {}, t('noActions'));
  return fill(body,
    latest ? el('p', {}, t('latestPeriod', { period: latest.period })) : null,
    el('div', { className: 'cards' }, cards),
    el('h3', {}, t('actionsTitle')), actions,
    chart('kpi-revenue', t('revenueByMonth'), {
      type: 'bar',
      data: { labels: kpis.periods.map((p) => p.period), datasets: [{ label: metricName('revenue'), data: kpis.periods.map((p) => p.values.revenue), backgroundColor: '#2563eb' }] },
      options: { scales: { y: { ticks: { callback: (v) => money(v) } } } },
    }),
    el('details', {}, el('summary', {}, t('periodTable')),
      table([t('period'), ...TABLE_METRICS.map(metricName), t('actionsColumn')], rows)),
    el('p', { className: 'note' }, t('partialNote')),
    advice(t('kpiMeaning'), t('kpiTodo')));
}
