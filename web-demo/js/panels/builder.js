// The custom segment builder: a form of conditions (field, comparison, value) joined by "all" or
// "any", written out as the package's JSON rules (shown as they are built) and applied as the
// "custom" pack.
import { el, fill, advice } from '../dom.js';
import { t } from '../i18n.js';

const NUMBER_FIELDS = ['revenue', 'orders', 'aov', 'items', 'products', 'recencyDays', 'tenureDays', 'r', 'f', 'm'];
const TEXT_FIELDS = ['channel'];
const OPS = ['>=', '>', '<=', '<', '=', '!='];

let nextRow = 0;

function conditionRow(onChange) {
  const n = nextRow++;
  const field = el('select', { id: `rule-field-${n}`, className: 'rule-field' },
    [...NUMBER_FIELDS, ...TEXT_FIELDS].map((f) => el('option', { value: f }, t(`field_${f}`))));
  const op = el('select', { id: `rule-op-${n}`, className: 'rule-op' }, OPS.map((o) => el('option', { value: o }, o)));
  const value = el('input', { id: `rule-value-${n}`, className: 'rule-value', type: 'text', required: true });
  const row = el('div', { className: 'rule-row' },
    el('label', { htmlFor: field.id }, t('field')), field,
    el('label', { htmlFor: op.id }, t('comparison')), op,
    el('label', { htmlFor: value.id }, t('value')), value,
    el('button', { type: 'button', className: 'small', on: { click: () => { row.remove(); onChange(); } } }, t('remove')));
  for (const input of [field, op, value]) input.addEventListener('input', onChange);
  return row;
}

/** The rules JSON the form describes (a list with one segment). */
export function rulesFromForm(form) {
  const conditions = [...form.querySelectorAll('.rule-row')].map((row) => {
    const field = row.querySelector('.rule-field').value;
    const raw = row.querySelector('.rule-value').value.trim();
    const value = NUMBER_FIELDS.includes(field) ? Number(raw) : raw;
    return { field, op: row.querySelector('.rule-op').value, value };
  });
  const name = form.querySelector('#rule-name').value.trim() || 'my_segment';
  const key = name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'my_segment';
  const join = form.querySelector('#rule-join').value;
  return [{ key, name: { en: name, ko: name }, rule: conditions.length === 1 ? conditions[0] : { [join]: conditions } }];
}

export function renderBuilder(body, onApply, problem) {
  const preview = el('pre', { className: 'json', attrs: { 'aria-live': 'polite' } });
  const rowsBox = el('div', { className: 'rule-rows' });
  const form = el('form', {},
    el('div', { className: 'field' }, el('label', { htmlFor: 'rule-name' }, t('segmentName')), el('input', { id: 'rule-name', type: 'text', value: 'VIP' })),
    el('div', { className: 'field' }, el('label', { htmlFor: 'rule-join' }, t('join')),
      el('select', { id: 'rule-join' }, el('option', { value: 'all' }, t('joinAll')), el('option', { value: 'any' }, t('joinAny')))),
    rowsBox);
  const update = () => { preview.textContent = JSON.stringify(rulesFromForm(form), null, 2); };
  rowsBox.append(conditionRow(update));
  form.append(
    el('button', { type: 'button', on: { click: () => { rowsBox.append(conditionRow(update)); update(); } } }, t('addCondition')),
    ' ', el('button', { type: 'submit', id: 'rule-apply' }, t('applySegment')));
  form.addEventListener('input', update);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onApply(rulesFromForm(form));
  });
  update();
  return fill(body, form, el('h3', {}, t('rulesJson')), preview,
    problem ? el('p', { className: 'error', attrs: { role: 'alert' } }, problem) : null,
    advice(t('builderMeaning'), t('builderTodo')));
}
