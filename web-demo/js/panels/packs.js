// The playbook's packs (repurchase, funnel, cycle, cross-sell, tiers, custom, and RFM as a table):
// per group its size, revenue share and suggested campaign, with CSV / JSON export buttons.
import { advice, el, fill } from '../dom.js';
import { money, num, pct } from '../format.js';
import { pick, t } from '../i18n.js';

const ORDER = ['repurchase', 'funnel', 'cycle', 'tiers', 'crosssell', 'custom', 'rfm'];

export function renderPacks(body, segments, onExport) {
  if (segments.error) return fill(body, el('p', { className: 'error' }, segments.error.message));
  const packs = [...segments.packs].sort((a, b) => ORDER.indexOf(a.key) - ORDER.indexOf(b.key));
  const sections = packs.map((pack) => {
    const exportButton = (group, format, label) => el('button', {
      type: 'button', className: 'small', dataset: { exportPack: pack.key, exportGroup: group?.key ?? '', format },
      attrs: { 'aria-label': `${label} ${group ? pick(group.name) : t(`pack_${pack.key}`)}` },
      on: { click: () => onExport(pack.key, group?.key, format) },
    }, label);
    const rows = pack.groups.map((g) => el('tr', { dataset: { pack: pack.key, group: g.key } },
      el('th', { scope: 'row' }, pick(g.name), g.small ? el('span', { className: 'small-flag' }, ` (${t('smallGroup')})`) : null),
      el('td', { className: 'num', dataset: { value: String(g.members) } }, num(g.members)),
      el('td', { className: 'num' }, pct(g.share)),
      el('td', { className: 'num', dataset: { value: String(g.revenue) } }, money(g.revenue)),
      el('td', { className: 'num' }, pct(g.revenueShare)),
      el('td', {}, pick(g.campaign)),
      el('td', {}, g.members ? [exportButton(g, 'csv', 'CSV'), ' ', exportButton(g, 'json', 'JSON')] : null)));
    return el('section', { className: 'pack', dataset: { pack: pack.key } },
      el('h3', {}, t(`pack_${pack.key}`), ' ', exportButton(null, 'csv', t('exportAll'))),
      el('p', { className: 'note' }, t(`packAbout_${pack.key}`)),
      pack.notes.length ? el('ul', { className: 'note' }, pack.notes.map((n) => el('li', {}, n))) : null,
      el('div', { className: 'table-wrap' }, el('table', {},
        el('thead', {}, el('tr', {}, [t('group'), t('members'), t('share'), t('revenue'), t('revenueShare'), t('campaign'), t('export')].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, rows))));
  });
  return fill(body, sections, advice(t('packsMeaning'), t('packsTodo')));
}
