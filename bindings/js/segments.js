// Segment results from the core, and their members as rows for export (CSV or JSON).
// The JSON part (groups, totals, campaigns) is parsed once; per-member data stays in typed
// arrays until rows are asked for.
import { customerColumnsFromCore, strings } from './customers.js';
import { toCsv } from './csv-writer.js';
import { exportFileText } from './export-file.js';
import { OrderlensError } from './errors.js';

export function segmentsResult(core) {
  const result = JSON.parse(core.json);
  if (core.affinityJson) result.affinity = JSON.parse(core.affinityJson);
  // result.customers is the count (from the JSON); the per-customer columns go beside it, decoded
  // on first use (a quarter of a million ids, emails and dates cost more than the packs).
  let columns;
  Object.defineProperty(result, 'columns', {
    enumerable: true,
    get() {
      if (!columns) {
        columns = customerColumnsFromCore(core);
        columns.daysSinceLastOrder = Int32Array.from(core.lastDay, (day) => core.endDay - day);
      }
      return columns;
    },
  });
  if (core.visitors) {
    // The funnel pack's members: website visitors, each with the customer row it joined (-1:
    // none); decoded on first use like the columns.
    let visitors;
    Object.defineProperty(result, 'visitors', {
      enumerable: true,
      get() {
        const v = core.visitors;
        visitors ??= { count: v.count, id: strings(v.ids, v.count), idKind: Array.from(v.idKinds, (k) => VISITOR_KINDS[k]),
          email: strings(v.emails, v.count), customerRow: v.customerRow };
        return visitors;
      },
    });
  }
  result.packs.forEach((pack, i) => {
    const fromCore = core.packs[i];
    pack.groupOf = fromCore.groupOf;
    pack.memberColumns = Object.fromEntries(pack.columns.map((key, j) => [key, fromCore.columns[j]]));
  });
  return result;
}

/** Typed arrays of a segments result, for a Worker's transfer list. */
export function segmentsTransfer(result) {
  const views = [...Object.values(result.columns)];
  for (const pack of result.packs) views.push(pack.groupOf, ...Object.values(pack.memberColumns));
  if (result.visitors) views.push(result.visitors.customerRow);
  return [...new Set(views.filter((v) => ArrayBuffer.isView(v)).map((v) => v.buffer))];
}

// Customer columns a member row can carry (each read as columns[key][row]).
const CUSTOMER_COLUMNS = Object.fromEntries(['id', 'idKind', 'email', 'name', 'firstChannel', 'orders', 'netRevenue', 'aov',
  'items', 'firstOrder', 'lastOrder', 'daysSinceLastOrder'].map((key) => [key, (c, i) => c[key][i]]));

const GROUP_COLUMNS = {
  group: (g) => g.key,
  groupName: (g) => g.name.en,
  groupNameKo: (g) => g.name.ko,
  campaign: (g) => g.campaign.key,
  campaignText: (g) => g.campaign.en,
  campaignTextKo: (g) => g.campaign.ko,
};

const VISITOR_KINDS = ['userId', 'pseudoId', 'email'];

// Columns of a funnel member (a visitor); customer columns come from the joined customer.
const VISITOR_COLUMNS = {
  visitorId: (v, i) => v.id[i],
  visitorKind: (v, i) => v.idKind[i],
  visitorEmail: (v, i) => v.email[i],
};

const DEFAULT_VISITOR_COLUMNS = ['visitorId', 'visitorKind', 'id', 'email', 'group', 'groupName', 'campaign', 'orders',
  'netRevenue'];

const DEFAULT_COLUMNS = ['id', 'email', 'name', 'group', 'groupName', 'campaign', 'orders', 'netRevenue', 'lastOrder',
  'daysSinceLastOrder'];

function packOf(result, key) {
  const pack = result.packs.find((p) => p.key === key);
  if (!pack) {
    throw new OrderlensError(`segment export: no pack "${key}" in this result (it has ${result.packs.map((p) => p.key).join(', ') || 'none'})`,
      'bad_option');
  }
  return pack;
}

const isVisitorPack = (pack) => pack.population === 'visitors';

/** Every column a member row of `pack` can have. */
export function memberColumnKeys(pack) {
  return [...(isVisitorPack(pack) ? Object.keys(VISITOR_COLUMNS) : []), ...Object.keys(CUSTOMER_COLUMNS),
    ...Object.keys(GROUP_COLUMNS), ...Object.keys(pack.memberColumns)];
}

/**
 * The members of one pack (optionally only some of its groups) as row objects with the chosen
 * columns. Options: pack (key, required), groups (keys; default all), columns (default: id,
 * email, name, group, groupName, campaign, orders, netRevenue, lastOrder, daysSinceLastOrder and
 * the pack's own columns such as r, f, m).
 */
export function segmentMembers(result, { pack: packKey, groups, columns } = {}) {
  const pack = packOf(result, packKey);
  const visitors = isVisitorPack(pack) ? result.visitors : null;
  const keys = columns ?? [...(visitors ? DEFAULT_VISITOR_COLUMNS : DEFAULT_COLUMNS), ...Object.keys(pack.memberColumns)];
  const known = new Set(memberColumnKeys(pack));
  for (const key of keys) {
    if (!known.has(key)) throw new OrderlensError(`segment export: unknown column "${key}"; expected one of ${[...known].join(', ')}`, 'bad_option');
  }
  let wanted = null;
  if (groups) {
    wanted = new Set();
    for (const g of groups) {
      const index = pack.groups.findIndex((x) => x.key === g);
      if (index < 0) throw new OrderlensError(`segment export: pack "${pack.key}" has no group "${g}" (it has ${pack.groups.map((x) => x.key).join(', ')})`, 'bad_option');
      wanted.add(index);
    }
  }
  const readers = keys.map((key) => {
    if (key in VISITOR_COLUMNS) return (i) => VISITOR_COLUMNS[key](visitors, i);
    if (key in CUSTOMER_COLUMNS) {
      if (!visitors) return (i) => CUSTOMER_COLUMNS[key](result.columns, i);
      return (i) => (visitors.customerRow[i] < 0 ? null : CUSTOMER_COLUMNS[key](result.columns, visitors.customerRow[i]));
    }
    if (key in GROUP_COLUMNS) return (i) => GROUP_COLUMNS[key](pack.groups[pack.groupOf[i]]);
    const column = pack.memberColumns[key];
    return (i) => (Number.isNaN(column[i]) ? null : column[i]);
  });
  const rows = [];
  for (let i = 0; i < pack.groupOf.length; ++i) {
    if (wanted && !wanted.has(pack.groupOf[i])) continue;
    const row = {};
    for (let k = 0; k < keys.length; ++k) row[keys[k]] = readers[k](i);
    rows.push(row);
  }
  return { columns: keys, rows };
}

/** Members as CSV text: UTF-8 with BOM, RFC 4180, formula-injection safe (csv-writer.js). */
export function segmentMembersCsv(result, options = {}) {
  const { columns, rows } = segmentMembers(result, options);
  return toCsv(columns, rows, { bom: options.bom ?? true });
}

/**
 * One pack's members as file text before encoding: {text, rows, cp949, mimeType, fileName}.
 * Options as segmentMembers, plus format ('csv' | 'json') and encoding ('utf-8' | 'cp949', CSV
 * only; CP949 has no byte order mark, and old Excel reads a CP949 file as Korean by default).
 */
export function segmentFileText(result, options) {
  const { columns, rows } = segmentMembers(result, options);
  return exportFileText('exportSegments', columns, rows, `${options.pack}${options.groups ? '-' + options.groups.join('-') : ''}`, options);
}

/** The file's bytes: {bytes, unmappable, text, rows, mimeType, fileName}. `encoded` is the CP949 encoding when asked for. */
export function segmentFile(file, encoded) {
  const { cp949, ...rest } = file;
  const bytes = cp949 ? encoded : { bytes: new TextEncoder().encode(file.text), unmappable: 0 };
  return { bytes: bytes.bytes, unmappable: bytes.unmappable, ...rest };
}
