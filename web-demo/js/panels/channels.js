// Acquisition channels: new customers, what they bought, and with the marketing spend typed in
// here, CAC against LTV (12 months' revenue per customer) and the payback time.
import { advice, el, fill, table } from '../dom.js';
import { chart } from '../charts.js';
import { money, num } from '../format.js';
import { t } from '../i18n.js';

export function renderChannels(body, channels, spend, onSpend) {
  if (channels.error) return fill(body, el('p', { className: 'error' }, channels.error.message));
  const rows = channels.channels;
  const inputs = rows.map((r, i) => {
    const id = `spend-${i}`;
    const input = el('input', { id, type: 'number', min: '0', step: 'any', inputMode: 'decimal', value: spend[r.channel] ?? '', dataset: { channel: r.channel } });
    return el('div', { className: 'field' }, el('label', { htmlFor: id }, t('spendFor', { channel: r.channel })), input);
  });
  const form = el('form', { className: 'spend-form', on: {
    submit: (event) => {
      event.preventDefault();
      const next = {};
      for (const input of form.querySelectorAll('input[data-channel]')) {
        if (input.value !== '') next[input.dataset.channel] = Number(input.value);
      }
      onSpend(next);
    },
  } }, inputs, el('button', { type: 'submit' }, t('recalculate')));
  const withCac = rows.filter((r) => r.cac !== null && r.ltv !== null);
  return fill(body,
    table([t('channel'), t('newCustomers'), t('revenue'), t('spend'), t('cac'), t('ltv'), t('ltvToCac'), t('payback')], rows.map((r) => [
      r.channel,
      { text: num(r.newCustomers), value: r.newCustomers, className: 'num' },
      { text: money(r.revenue), value: r.revenue, className: 'num' },
      { text: money(r.spend), value: r.spend, className: 'num' },
      { text: money(r.cac), value: r.cac, className: 'num' },
      { text: r.ltv === null ? '–' : `${money(r.ltv)} (${t(`basis_${r.ltvBasis}`)})`, value: r.ltv, className: 'num' },
      { text: num(r.ltvToCac, 2), value: r.ltvToCac, className: 'num' },
      { text: r.paybackMonths === null ? '–' : t('months', { n: num(r.paybackMonths, 1) }), value: r.paybackMonths, className: 'num' },
    ])),
    channels.unmatchedSpend.length ? el('p', { className: 'note' }, t('unmatchedSpend', { list: channels.unmatchedSpend.join(', ') })) : null,
    el('h3', {}, t('spendTitle')), form,
    withCac.length ? chart('channel-cac', t('cacVsLtv'), {
      type: 'bar',
      data: {
        labels: withCac.map((r) => r.channel),
        datasets: [
          { label: t('cac'), data: withCac.map((r) => r.cac), backgroundColor: '#dc2626' },
          { label: t('ltv'), data: withCac.map((r) => r.ltv), backgroundColor: '#16a34a' },
        ],
      },
      options: { scales: { y: { ticks: { callback: (v) => money(v) } } } },
    }) : el('p', { className: 'note' }, t('enterSpend')),
    advice(t('channelMeaning'), t('channelTodo')));
}
