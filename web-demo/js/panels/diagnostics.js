// Diagnostics in plain words: what the file was taken to be, how many rows were used, which were
// skipped and why (with the first examples: line, column, value), and the warnings.
import { el, fill, table } from '../dom.js';
import { num } from '../format.js';
import { t } from '../i18n.js';
import { maskText } from '../mask.js';

function issues(title, tallies, nameColumns) {
  if (!tallies.length) return null;
  return el('div', { className: 'issues' }, el('h3', {}, title), tallies.map((tally) =>
    el('div', { className: 'issue', dataset: { reason: tally.reason, count: String(tally.count) } },
      el('p', {}, el('strong', {}, t('rowsCount', { n: num(tally.count) })), ' — ', tally.message),
      tally.examples.length ? table([t('line'), t('column'), t('valueFound'), t('why')], tally.examples.map((x) => [
        { text: num(x.line), value: x.line }, x.columnName ?? (x.column ? String(x.column) : ''),
        maskText(x.value, nameColumns.includes(x.columnName)), maskText(x.detail),
      ])) : null)));
}

export function renderDiagnostics(body, d, events) {
  const rows = d.rows;
  const mapped = Object.entries(d.mapping).filter(([, cols]) => cols && cols.length);
  return fill(body,
    el('p', { className: 'summary', dataset: { read: String(rows.read), used: String(rows.used), skipped: String(rows.skipped) } },
      t('rowsSummary', { read: num(rows.read), used: num(rows.used), skipped: num(rows.skipped) })),
    el('p', { dataset: { orders: String(d.orders.total), customers: String(d.customers) } },
      t('ordersSummary', { orders: num(d.orders.total), customers: num(d.customers), products: num(d.products), first: d.firstOrderDate || '–', last: d.lastOrderDate || '–' })),
    el('ul', { className: 'detected' },
      el('li', { id: 'detected-platform' }, t('detectedPlatform', { name: d.preset.name }), d.preset.detected ? '' : ` (${t('chosenByYou')})`),
      el('li', { id: 'detected-encoding' }, t('detectedEncoding', { name: d.encoding.name }), ' — ', d.encoding.reason),
      el('li', {}, t('detectedDelimiter', { name: d.delimiter.name }), ' — ', d.delimiter.reason),
      el('li', {}, t('detectedHeader', { line: d.header.line })),
      d.workbook ? el('li', {}, t('detectedSheet', { sheet: d.workbook.sheet })) : null,
      el('li', {}, t('detectedDates', { order: t(d.dates.dayMonthOrder) }), ' — ', d.dates.reason)),
    el('details', {}, el('summary', {}, t('mappingUsed')),
      table([t('role'), t('columns')], mapped.map(([role, cols]) => [t(`role_${role}`), cols.join(', ')]))),
    issues(t('skippedTitle'), d.skipped, d.mapping.customerName ?? []),
    issues(t('warningsTitle'), d.warnings, d.mapping.customerName ?? []),
    d.notes.length ? el('ul', { className: 'note' }, d.notes.map((n) => el('li', {}, n))) : null,
    events ? el('p', { id: 'events-summary' }, t('eventsSummary', {
      file: events.file, used: num(events.rows.used), skipped: num(events.rows.skipped), visitors: num(events.visitors.total),
    })) : null);
}
