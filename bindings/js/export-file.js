// Rows as a file's text before encoding, shared by the segment and recommendation exports:
// CSV (csv-writer.js: UTF-8 with BOM, or CP949 without one for old Excel) or JSON.
import { toCsv } from './csv-writer.js';
import { OrderlensError } from './errors.js';

/**
 * {text, rows, cp949, mimeType, fileName} of `rows` with `columns`, named `<baseName>.<format>`.
 * Options: format ('csv' | 'json'), encoding ('utf-8' | 'cp949', CSV only). `what` names the
 * caller in error messages.
 */
export function exportFileText(what, columns, rows, baseName, options) {
  const format = options.format ?? 'csv';
  const encoding = options.encoding ?? 'utf-8';
  if (format !== 'csv' && format !== 'json') throw new OrderlensError(`${what}: format must be "csv" or "json", not "${format}"`, 'bad_option');
  if (encoding !== 'utf-8' && encoding !== 'cp949') throw new OrderlensError(`${what}: encoding must be "utf-8" or "cp949", not "${encoding}"`, 'bad_option');
  if (format === 'json' && encoding !== 'utf-8') throw new OrderlensError(`${what}: JSON is always UTF-8`, 'bad_option');
  const fileName = `${baseName}.${format}`;
  if (format === 'json') return { text: JSON.stringify(rows), rows: rows.length, cp949: false, mimeType: 'application/json', fileName };
  const cp949 = encoding === 'cp949';
  const text = toCsv(columns, rows, { bom: !cp949 });
  return { text, rows: rows.length, cp949, mimeType: `text/csv;charset=${cp949 ? 'cp949' : 'utf-8'}`, fileName };
}
