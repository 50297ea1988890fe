/**
 * Text a person typed, made inert in the exports agencies file and open elsewhere: the Markdown
 * record (`export`) and the CSV log of differences. In both, only Concord's own structure may be
 * structure: a note cannot forge a status line or a heading, and a cell cannot become a formula.
 */

/**
 * Typed text as literal Markdown inside one line of ours. Line breaks become spaces (a Markdown
 * reader joins soft-broken lines the same way), so the text cannot start a line of its own: no
 * heading, list item or setext underline. What can act inside a line is escaped: emphasis, code,
 * links and images, HTML and entities, table cells, and the escape character itself.
 */
export function md(text: string): string {
  return text
    .replace(/(?:[ \t]*(?:\r\n|[\r\n\v\f\u0085\u2028\u2029])[ \t]*)+/g, ' ')
    .replace(/[\\`*_~[\]<>&|#]/g, (c) => `\\${c}`);
}

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
