// The RFM segments as a treemap-like grid: each tile's width follows its share of customers.
import { advice, el, fill } from '../dom.js';
import { money, num, pct } from '../format.js';
import { pick, t } from '../i18n.js';

export function renderRfm(body, segments) {
  if (segments.error) return fill(body, el('p', { className: 'error' }, segments.error.message));
  const pack = segments.packs.find((p) => p.key === 'rfm');
  if (!pack) return fill(body, el('p', {}, t('noData')));
  const tiles = pack.groups.filter((g) => g.members > 0).map((g, i) => {
    const tile = el('div', { className: `tile tone-${i % 10}`, dataset: { group: g.key, members: String(g.members) }, tabIndex: 0 },
      el('strong', {}, pick(g.name)),
      el('span', {}, t('customersCount', { n: num(g.members) }), ` (${pct(g.share)})`),
      el('span', {}, t('revenueShareOf', { share: pct(g.revenueShare), revenue: money(g.revenue) })),
      el('span', { className: 'campaign' }, pick(g.campaign)));
    tile.style.flexGrow = String(Math.max(g.members, 1));  // CSSOM, not an inline style attribute
    return tile;
  });
  return fill(body, el('div', { className: 'treemap' }, tiles), advice(t('rfmMeaning'), t('rfmTodo')));
}
