/**
 * One CSV cell. A cell starting with = + - @ tab or CR is a formula to Excel and its kin, so it
 * gets a leading single quote (OWASP, CSV injection); a cell holding a quote, a comma, a
 * semicolon (the separator in many locales), a tab or a line break is quoted (RFC 4180), so no
 * part of it can start a cell of its own.
 */
export function csvCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV file: a header line of ours, then one line per row, every cell through `csvCell`. */
export function csv(header: string[], rows: string[][]): string {
  return [header.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\n');
}
