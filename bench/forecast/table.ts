/** Markdown tables that also read well on a terminal: padded columns, numbers right-aligned. */

export function markdownTable(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  const numeric = header.map((_, c) => rows.every((r) => /^[-\d.,%–]*$/.test(String(r[c] ?? ''))));
  const line = (r: string[]) => `| ${r.map((v, c) => (numeric[c] ? v.padStart(widths[c]!) : v.padEnd(widths[c]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (numeric[c] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(cells[0]!), rule, ...cells.slice(1).map(line)].join('\n');
}

/** Cents as whole currency units with thousands separators. */
export const fmtUnits = (cents: number) => (Number.isFinite(cents) ? Math.round(cents / 100).toLocaleString('en-US') : '–');
export const fmtPct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(0)}%` : '–');
export const fmtFixed = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
