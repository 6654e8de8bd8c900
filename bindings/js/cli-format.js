// Number and table formatting shared by the CLI's reports.

/** en-US grouping, at most `digits` decimals; '–' for a missing or NaN value. */
export const fmt = (n, digits = 2) => (n === null || n === undefined || Number.isNaN(n) ? '–'
  : n.toLocaleString('en-US', { maximumFractionDigits: digits }));

/** A plain-text table: columns padded to their widest cell, right-aligned from `rightFrom` to before `rightTo`. */
export function table(header, rows, { rightFrom = 1, rightTo = Infinity, indent = '' } = {}) {
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
  const line = (r) => r.map((v, k) => (k >= rightFrom && k < rightTo ? v.padStart(widths[k]) : v.padEnd(widths[k]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].map((l) => indent + l);
}

/** A result's data-readiness warnings (its failed checks), in English or Korean; none when ready. */
export function readinessLines(readiness, lang) {
  if (!readiness || readiness.ready) return [];
  return ['', lang === 'ko' ? '데이터 부족 경고:' : 'Data too thin:',
    ...readiness.checks.filter((c) => !c.passed).map((c) => `  ${c.message[lang] ?? c.message.en} (${c.key} ${fmt(c.value)} < ${fmt(c.required)})`)];
}
