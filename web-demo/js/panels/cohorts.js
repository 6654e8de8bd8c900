// Acquisition cohorts: the retention heatmap (share of each month's new customers buying again
// N months later) and the cumulative revenue per customer curves (the LTV curve).
import { advice, el, fill } from '../dom.js';
import { chart, COLORS } from '../charts.js';
import { money, num, pct } from '../format.js';
import { t } from '../i18n.js';

const CURVES = 8;  // the most recent cohorts drawn as curves

export function renderCohorts(body, cohorts) {
  if (cohorts.error) return fill(body, el('p', { className: 'error' }, cohorts.error.message));
  const ages = Math.max(0, ...cohorts.cohorts.map((c) => c.cells.length));
  const head = el('tr', {}, el('th', { scope: 'col' }, t('cohort')), el('th', { scope: 'col' }, t('customers')),
    Array.from({ length: ages }, (_, age) => el('th', { scope: 'col' }, t('monthN', { n: age }))));
  const rows = cohorts.cohorts.map((c) => el('tr', { dataset: { cohort: c.key } },
    el('th', { scope: 'row' }, c.label),
    el('td', { className: 'num', dataset: { value: String(c.customers) } }, num(c.customers)),
    c.cells.map((cell) => {
      const td = el('td', { className: cell.partial ? 'heat partial' : 'heat', dataset: { value: String(cell.activeRate) } }, pct(cell.activeRate, 0));
      td.style.backgroundColor = `rgba(37, 99, 235, ${Math.min(1, cell.activeRate).toFixed(3)})`;
      if (cell.activeRate > 0.5) td.classList.add('dark');
      return td;
    })));
  const recent = cohorts.cohorts.slice(-CURVES);
  return fill(body,
    el('div', { className: 'table-wrap' }, el('table', { className: 'heatmap' }, el('caption', {}, t('retentionCaption')),
      el('thead', {}, head), el('tbody', {}, rows))),
    chart('cohort-ltv', t('ltvCurves'), {
      type: 'line',
      data: {
        labels: Array.from({ length: ages }, (_, age) => t('monthN', { n: age })),
        datasets: recent.map((c, i) => ({ label: c.label, data: c.cells.map((cell) => cell.revenuePerCustomer), borderColor: COLORS[i % COLORS.length], pointRadius: 0 })),
      },
      options: { scales: { y: { ticks: { callback: (v) => money(v) } } } },
    }),
    advice(t('cohortMeaning'), t('cohortTodo')));
}
