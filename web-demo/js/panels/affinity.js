// Product affinity: what is bought together in one order, and what is bought on the next visit.
import { advice, el, fill, table } from '../dom.js';
import { num, pct } from '../format.js';
import { t } from '../i18n.js';

const ROWS = 15;

function rules(list) {
  const top = [...list].sort((a, b) => b.lift - a.lift || b.count - a.count).slice(0, ROWS);
  return table([t('ifBought'), t('thenBuys'), t('baskets'), t('confidence'), t('lift')], top.map((r) => [
    r.antecedent.name || r.antecedent.key, r.consequent.name || r.consequent.key,
    { text: num(r.count), value: r.count, className: 'num' },
    { text: pct(r.confidence), value: r.confidence, className: 'num' },
    { text: num(r.lift, 2), value: r.lift, className: 'num' },
  ]));
}

export function renderAffinity(body, affinity) {
  if (affinity.error) return fill(body, el('p', { className: 'error' }, affinity.error.message));
  return fill(body,
    el('p', {}, t('affinityBasis', { baskets: num(affinity.baskets), sequences: num(affinity.sequences) })),
    el('h3', {}, t('boughtTogether')),
    affinity.coPurchase.length ? rules(affinity.coPurchase) : el('p', {}, t('noRules')),
    el('h3', {}, t('boughtNext')),
    affinity.nextPurchase.length ? rules(affinity.nextPurchase) : el('p', {}, t('noRules')),
    advice(t('affinityMeaning'), t('affinityTodo')));
}
