import { Block, RecordDocument, Segment } from './document';

/**
 * A record as Markdown, for the chat and wherever Markdown is pasted. Only Concord's own structure
 * is structure: every typed segment goes through `md`, so a note cannot forge a status line or a
 * heading. Headings are set apart by blank lines; items are list lines.
 */
export function markdown(doc: RecordDocument): string {
  const lines: string[] = [];
  doc.blocks.forEach((b: Block, i) => {
    if ('heading' in b) lines.push(...(i ? [''] : []), `${'#'.repeat(b.level)} ${b.heading.map(segment).join('')}`, '');
    else lines.push(`- ${b.item.map(segment).join('')}`);
  });
  return lines.join('\n');
}

const segment = (s: Segment) => (typeof s === 'string' ? s : 'typed' in s ? md(s.typed) : `**${s.strong}**`);

/**
 * Typed text as literal Markdown inside one line of ours. Line breaks become spaces (a Markdown
 * reader joins soft-broken lines the same way), so the text cannot start a line of its own: no
 * heading, list item or setext underline. What can act inside a line is escaped: emphasis, code,
 * links and images, HTML and entities, table cells, and the escape character itself.
 */
export function md(text: string): string {
  return text.replace(/(?:[ \t]*(?:\r\n|[\r\n\v\f\u0085\u2028\u2029])[ \t]*)+/g, ' ').replace(/[\\`*_~[\]<>&|#]/g, (c) => `\\${c}`);
}
