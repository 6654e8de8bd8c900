// The detected platform, encoding, date order and column mapping as a form: change any of them and
// read the file again with those as options (the package's preset / encoding / dateOrder / mapping).
import { el, fill } from '../dom.js';
import { t } from '../i18n.js';

const PRESETS = ['auto', 'shopify', 'woocommerce', 'woocommerce_analytics', 'cafe24', 'smartstore', 'stripe', 'generic'];
const ENCODINGS = ['auto', 'utf-8', 'cp949', 'utf-16le', 'utf-16be'];
const DATE_ORDERS = ['auto', 'mdy', 'dmy'];
const ROLES = ['orderId', 'customerId', 'email', 'phone', 'customerName', 'orderDate', 'paidDate', 'orderTotal', 'refundedAmount',
  'lineTotal', 'unitPrice', 'quantity', 'productId', 'productName', 'category', 'status', 'cancelledAt', 'channel', 'coupon'];
const NONE = '\u0000none';  // not a header name: "no column"

function select(id, label, values, current, text = (v) => v) {
  const node = el('select', { id }, values.map((v) => el('option', { value: v, selected: v === current }, text(v))));
  return el('div', { className: 'field' }, el('label', { htmlFor: id }, label), node);
}

/** The options a submitted form asks for: only what differs from what was detected. */
function optionsFrom(form, d) {
  const value = (id) => form.querySelector(`#${id}`).value;
  const options = {};
  if (value('map-preset') !== 'auto') options.preset = value('map-preset');
  if (value('map-encoding') !== 'auto') options.encoding = value('map-encoding');
  if (value('map-dates') !== 'auto') options.dateOrder = value('map-dates');
  const mapping = {};
  for (const role of ROLES) {
    const chosen = value(`map-${role}`);
    const detected = d.mapping[role]?.[0] ?? NONE;
    if (chosen !== detected) mapping[role] = chosen === NONE ? null : chosen;
  }
  if (Object.keys(mapping).length) options.mapping = mapping;
  return options;
}

export function renderMapping(form, d, current, onReload) {
  const columns = d.header.columns;
  const roleSelects = ROLES.map((role) => select(`map-${role}`, t(`role_${role}`), [NONE, ...columns], d.mapping[role]?.[0] ?? NONE,
    (v) => (v === NONE ? t('noColumn') : v)));
  form.onsubmit = (event) => {
    event.preventDefault();
    onReload(optionsFrom(form, d));
  };
  return fill(form,
    el('div', { className: 'fields' },
      select('map-preset', t('platform'), PRESETS, current.preset ?? 'auto', (v) => (v === 'auto' ? t('auto') : v)),
      select('map-encoding', t('encoding'), ENCODINGS, current.encoding ?? 'auto', (v) => (v === 'auto' ? t('auto') : v)),
      select('map-dates', t('dateOrder'), DATE_ORDERS, current.dateOrder ?? 'auto', (v) => t(`dates_${v}`))),
    el('div', { className: 'fields' }, roleSelects),
    el('button', { type: 'submit', id: 'reload' }, t('reload')));
}
