// Generated exports for bench/stress.mjs, produced chunk by chunk so that a 3 GB export never
// exists as a file or a string: an async iterable of Uint8Array chunks, usable in Node and in a
// page (no Node imports). Rows: order_id,customer_id,date,amount,note — order ids unique, the
// customer of order n is n mod `customers`, one order a row, the date cycling over `days` days
// from 2020-01-01, the amount 1 + (n mod 100) (so every total is known without reading back),
// and a note padding each row to about `rowBytes` (an export's addresses and notes, which the
// tables do not keep).

export const STRESS_HEADER = 'order_id,customer_id,date,amount,note\n';

const DAY_MS = 86400000;

/** The export's sizes: {orders, bytes} for `orders` rows, or as many rows as fit in `bytes`. */
export function* stressRows({ orders = Infinity, bytes = Infinity, customers = 100000, days = 1000, rowBytes = 64 }) {
  const dates = Array.from({ length: days }, (_, d) => new Date(Date.UTC(2020, 0, 1) + d * DAY_MS).toISOString().slice(0, 10));
  const padding = [];  // padding[k]: k x's and the newline
  let written = STRESS_HEADER.length;
  for (let n = 0; n < orders; ++n) {
    const row = `o${n},c${n % customers},${dates[n % days]},${1 + (n % 100)},`;
    const pad = Math.max(0, rowBytes - row.length - 1);
    const line = row + (padding[pad] ??= `${'x'.repeat(pad)}\n`);
    if (written + line.length > bytes) return;
    written += line.length;
    yield line;
  }
}

/** The export as chunks of about `chunkBytes` bytes (ASCII, so string length = bytes). */
export async function* stressExport(options, chunkBytes = 8 << 20) {
  const encoder = new TextEncoder();
  let parts = [STRESS_HEADER];
  let size = STRESS_HEADER.length;
  for (const line of stressRows(options)) {
    parts.push(line);
    size += line.length;
    if (size >= chunkBytes) {
      yield encoder.encode(parts.join(''));
      parts = [];
      size = 0;
    }
  }
  if (size) yield encoder.encode(parts.join(''));
}

/** Net revenue of the first `orders` orders (amount 1 + n mod 100): for checking a result. */
export function stressRevenue(orders) {
  const full = Math.floor(orders / 100);
  const rest = orders % 100;
  return full * 5050 + (rest * (rest + 1)) / 2;
}
