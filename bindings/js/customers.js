// Customer summary columns from the core, and one object per customer.
const ID_KINDS = ['member_id', 'email', 'phone', 'name'];
const decoder = new TextDecoder();

/** NUL-joined strings from the core (see embind.cpp joined_strings) as an array. */
export function strings(bytes, count) {
  if (count === 0) return [];
  const values = decoder.decode(bytes).split('\0');
  if (values.length !== count) throw new Error(`orderlens: expected ${count} strings, got ${values.length}`);
  return values;
}

// Days since 1970-01-01 -> "YYYY-MM-DD" (the same text as the core's format_iso_date).
// Memoized: a summary has hundreds of thousands of dates but only a few thousand distinct days.
const isoDates = new Map();
export function isoDate(day) {
  let text = isoDates.get(day);
  if (text === undefined) {
    text = new Date(day * 86400000).toISOString().slice(0, 10);
    if (isoDates.size < 200000) isoDates.set(day, text);
  }
  return text;
}

export function customerColumnsFromCore(core) {
  const n = core.count;
  const id = strings(core.ids, n);
  const idKind = Array.from(core.idKinds, (k) => ID_KINDS[k]);
  const email = strings(core.emails, n);
  for (let i = 0; i < n; ++i) if (idKind[i] === 'email') email[i] = id[i];  // the key is the email
  const channels = strings(core.channelValues, core.channelValueCount);
  return {
    count: n,
    unit: core.unit,
    endDate: isoDate(core.endDay),
    id,
    idKind,
    email,
    name: strings(core.names, n),
    firstChannel: Array.from(core.firstChannelIndex, (k) => channels[k]),
    orders: core.orders,
    repeatOrders: core.repeatOrders,
    firstOrder: Array.from(core.firstDay, isoDate),
    lastOrder: Array.from(core.lastDay, isoDate),
    grossRevenue: core.grossRevenue,
    netRevenue: core.netRevenue,
    aov: core.aov,
    items: core.items,
    products: core.products,
    frequency: core.frequency,
    recency: core.recency,
    T: core.T,
    monetary: core.monetary,
  };
}

export function customersFromColumns(c) {
  const out = new Array(c.count);
  for (let i = 0; i < c.count; ++i) {
    out[i] = {
      id: c.id[i],
      idKind: c.idKind[i],
      email: c.email[i],
      name: c.name[i],
      orders: c.orders[i],
      repeatOrders: c.repeatOrders[i],
      firstOrder: c.firstOrder[i],
      lastOrder: c.lastOrder[i],
      grossRevenue: c.grossRevenue[i],
      netRevenue: c.netRevenue[i],
      aov: c.aov[i],
      items: c.items[i],
      firstChannel: c.firstChannel[i],
      products: c.products[i],
      frequency: c.frequency[i],
      recency: c.recency[i],
      T: c.T[i],
      monetary: c.monetary[i],
    };
  }
  return out;
}
