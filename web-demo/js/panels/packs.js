// The playbook's packs (repurchase, funnel, cycle, cross-sell, tiers, custom, and RFM as a table):
// per group its size, revenue share, what it is worth and suggested campaign, with CSV / JSON
// export buttons; above them the groups worth most and those most at risk.
import { advice, el, fill } from '../dom.js';
import { money, num, pct } from '../format.js';
import { pick, t } from '../i18n.js';

const ORDER = ['repurchase', 'funnel', 'cycle', 'tiers', 'crosssell', 'custom', 'rfm'];

// What a group is worth (docs/segments.md "Economics"): revenue per customer always; mean CLV and
// P(alive) when the CLV models ran; CAC and LTV:CAC when the channels panel has spend.
function economicsHeaders(e) {
  return [t('segRevenuePerCustomer'), ...(e?.clv ? [t('segMeanClv'), t('segPAlive')] : []), ...(e?.cac ? [t('segCac'), t('segLtvToCac')] : [])];
}

function economicsCells(e, g) {
  const figure = (metric, text) => el('td', { className: 'num', dataset: { metric, value: String(g[metric] ?? null) } }, text);
  return [figure('revenuePerCustomer', money(g.revenuePerCustomer)),
    ...(e?.clv ? [figure('meanClv', money(g.meanClv)), figure('meanPAlive', pct(g.meanPAlive))] : []),
    ...(e?.cac ? [figure('cac', money(g.cac)), figure('ltvToCac', num(g.ltvToCac, 1))] : [])];
}

// The groups worth most and those most at risk, over every pack.
function economicsLists(segments) {
  const e = segments.economics;
  if (!e) return null;
  const groupName = (ref) => {
    const pack = segments.packs.find((p) => p.key === ref.pack);
    const group = pack?.groups.find((g) => g.key === ref.group);
    return `${t(`pack_${ref.pack}`)} · ${group ? pick(group.name) : ref.group}`;
  };
  const list = (title, refs, field) => (refs.length ? el('div', { className: 'economics-list' },
    el('h4', {}, title),
    el('ol', {}, refs.slice(0, 5).map((ref) => el('li', { dataset: { pack: ref.pack, group: ref.group, value: String(ref[field]) } },
      groupName(ref), ' — ', money(ref[field]))))) : null);
  return el('section', { className: 'economics', attrs: { 'aria-label': t('segEconomicsTitle') } },
    list(e.worthMostBy === 'clv' ? t('segWorthMostClv') : t('segWorthMostRevenue'), e.worthMost, e.worthMostBy === 'clv' ? 'meanClv' : 'revenuePerCustomer'),
    list(t('segAtRisk'), e.atRisk, 'valueAtRisk'));
}

export function renderPacks(body, segments, onExport) {
  if (segments.error) return fill(body, el('p', { className: 'error' }, segments.error.message));
  const packs = [...segments.packs].sort((a, b) => ORDER.indexOf(a.key) - ORDER.indexOf(b.key));
  const e = segments.economics;
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
      ...economicsCells(e, g),
      el('td', {}, pick(g.campaign)),
      el('td', {}, g.members ? [exportButton(g, 'csv', 'CSV'), ' ', exportButton(g, 'json', 'JSON')] : null)));
    return el('section', { className: 'pack', dataset: { pack: pack.key } },
      el('h3', {}, t(`pack_${pack.key}`), ' ', exportButton(null, 'csv', t('exportAll'))),
      el('p', { className: 'note' }, t(`packAbout_${pack.key}`)),
      pack.notes.length ? el('ul', { className: 'note' }, pack.notes.map((n) => el('li', {}, n))) : null,
      el('div', { className: 'table-wrap' }, el('table', {},
        el('thead', {}, el('tr', {}, [t('group'), t('members'), t('share'), t('revenue'), t('revenueShare'), ...economicsHeaders(e), t('campaign'), t('export')].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, rows))));
  });
  return fill(body, economicsLists(segments), sections, advice(t('packsMeaning'), t('packsTodo')));
}
