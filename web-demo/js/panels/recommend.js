// Recommendations: how well the lists did on the held-out months next to the best sellers
// (overall and per RFM group), and for the customers of a chosen segment their next products with
// the reason in the UI language, with CSV / JSON export of the whole segment's lists.
import { recommendSegmentChoices } from '../analysis.js';
import { advice, el, fill, table } from '../dom.js';
import { num, pct } from '../format.js';
import { pick, t } from '../i18n.js';
import { firstCustomers } from '../../dist/index.js';
import { maskedCustomers } from '../mask.js';

const CUSTOMERS_SHOWN = 20;
const PRODUCTS_SHOWN = 3;

// A figure of the evaluation: data-eval-group and data-metric ("at10.baseline.hitRate") let the
// browser test read it back.
function figure(group, metric, value, text) {
  return el('td', { className: 'num', dataset: { evalGroup: group, metric, value: String(value) } }, text);
}

function evaluationTables(evaluation, segments) {
  const pack = segments?.packs?.find((p) => p.key === evaluation.pack);
  const groupName = (key) => (key === 'all' ? t('recsGroupAll') : pick(pack?.groups.find((g) => g.key === key)?.name) || key);
  const side = (who) => (who === 'recommender' ? t('recsOurs') : t('recsBaseline'));
  const sides = ['at5', 'at10'].flatMap((k) => ['recommender', 'baseline'].map((who) => [k, who]));
  const hitHeaders = sides.map(([k, who]) => `${t('recsHitRate')} @${k.slice(2)}: ${side(who)}`);
  const byGroup = evaluation.groups.map((g) => el('tr', {},
    el('th', { scope: 'row' }, groupName(g.key)),
    figure(g.key, 'customers', g.customers, num(g.customers)),
    sides.map(([k, who]) => figure(g.key, `${k}.${who}.hitRate`, g[k][who].hitRate, pct(g[k][who].hitRate)))));
  const all = evaluation.groups.find((g) => g.key === 'all');
  const detail = all ? ['precision', 'recall', 'coverage'].map((m) => el('tr', {},
    el('th', { scope: 'row' }, t(`recs_${m}`)),
    sides.map(([k, who]) => figure('all', `${k}.${who}.${m}`, all[k][who][m], pct(all[k][who][m]))))) : [];
  const head = (cells) => el('thead', {}, el('tr', {}, cells.map((h) => el('th', { scope: 'col' }, h))));
  return el('div', { id: 'recs-evaluation' },
    el('h3', {}, t('recsEvalTitle', { from: evaluation.calibrationEnd, to: evaluation.holdoutEnd })),
    el('div', { className: 'table-wrap' }, el('table', {}, head([t('group'), t('recsMeasured'), ...hitHeaders]), el('tbody', {}, byGroup))),
    detail.length ? el('div', { className: 'table-wrap' }, el('table', {},
      el('caption', {}, t('recsDetail')),
      head([t('recsMeasure'), ...sides.map(([k, who]) => `@${k.slice(2)}: ${side(who)}`)]), el('tbody', {}, detail))) : null);
}

function evaluationPart(evaluation, segments) {
  if (evaluation === null) return el('p', { className: 'note' }, t('recsNoHoldout'));
  if (evaluation.error) return el('p', { className: 'error' }, evaluation.error.message);
  if (!evaluation.evaluation) return el('ul', { className: 'note' }, evaluation.notes.map((n) => el('li', {}, n)));
  return evaluationTables(evaluation.evaluation, segments);
}

function segmentPicker(segments, selected, onSegment) {
  const label = (c) => (c.group ? `${t(`pack_${c.pack}`)} · ${pick(c.group.name)} (${num(c.group.members)})` : t('recsAllRfm'));
  const select = el('select', { id: 'recs-segment', on: { change: (event) => onSegment(event.target.value) } },
    recommendSegmentChoices(segments).map((c) => el('option', { value: c.value }, label(c))));
  select.value = selected;
  return el('div', { className: 'row' }, el('label', { htmlFor: select.id }, t('recsSegment')), select);
}

function listPart(lists, segments, onExport) {
  if (lists.error) return el('p', { className: 'error' }, lists.error.message);
  // Only the customers shown are built: every RFM customer's list would hold the main thread
  // for a second and more on a large export.
  const shown = maskedCustomers(firstCustomers(lists, CUSTOMERS_SHOWN), segments);
  const pack = segments?.packs?.find((p) => p.key === lists.segment?.split('.')[0]);
  const groupName = (key) => pick(pack?.groups.find((g) => g.key === key)?.name) || key;
  const rows = shown.map((c) => [
    c.id, c.email === c.id ? '' : c.email, ...(lists.segment === null ? [] : [groupName(c.group)]),
    el('ol', { className: 'recs' }, c.recommendations.slice(0, PRODUCTS_SHOWN).map((r) => el('li', { dataset: { product: r.product, reason: r.reason } },
      el('strong', {}, r.name), ' — ', el('span', { className: 'reason' }, pick(r.text))))),
  ]);
  const exportButton = (format, label) => el('button', {
    type: 'button', className: 'small', id: `recs-export-${format}`, on: { click: () => onExport(format) },
  }, label);
  return el('div', { id: 'recs-list', dataset: { segment: lists.segment ?? '' } },
    el('p', {}, t('recsShown', { n: num(lists.customerCount), shown: num(shown.length), top: PRODUCTS_SHOWN })),
    shown.length ? table([t('customer'), t('email'), ...(lists.segment === null ? [] : [t('group')]), t('recsProducts')], rows)
      : el('p', {}, t('recsNone')),
    lists.notes.length ? el('ul', { className: 'note' }, lists.notes.map((n) => el('li', {}, n))) : null,
    el('p', {}, exportButton('csv', t('recsExportCsv')), ' ', exportButton('json', t('recsExportJson'))));
}

/**
 * `recommend` is analysis.js's {lists, evaluation}; `selected` the segment in the picker (the
 * lists may still be those of the previous one until relist answers).
 */
export function renderRecommendations(body, recommend, segments, selected, { onSegment, onExport }) {
  if (recommend.error) return fill(body, el('p', { className: 'error' }, recommend.error.message));
  return fill(body,
    evaluationPart(recommend.evaluation, segments),
    el('h3', {}, t('recsListTitle')),
    segmentPicker(segments, selected, onSegment),
    listPart(recommend.lists, segments, onExport),
    advice(t('recsMeaning'), t('recsTodo')));
}
