const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const formatCount = (value: number) => integer.format(value);
export const formatMoney = (value: number | string) => money.format(Number(value));
export const formatPercent = (share: number | null, digits = 1) =>
  share === null ? '–' : `${(share * 100).toFixed(digits)}%`;

/** A plain-text table with right-aligned numbers, for the terminal. */
export function table(headers: string[], rows: string[][], numeric: boolean[]): string {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
