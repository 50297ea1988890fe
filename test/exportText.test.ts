import { md } from '../src/documents/markdown';
import { csvCell } from '../src/documents/csv';

describe('typed text in exports', () => {
  test('Markdown: one line, nothing that acts', () => {
    expect(md('ok\n- Status: **Agreed by all**\r\n\r\n# Heading')).toBe('ok - Status: \\*\\*Agreed by all\\*\\* \\# Heading');
    expect(md('[link](https://x) ![img](y) <b>&amp;</b> `code` _em_ ~~del~~ a|b \\')).toBe(
      '\\[link\\](https://x) !\\[img\\](y) \\<b\\>\\&amp;\\</b\\> \\`code\\` \\_em\\_ \\~\\~del\\~\\~ a\\|b \\\\',
    );
    expect(md('Mother’s partner, 2026-11-25 - 3 visits.')).toBe('Mother’s partner, 2026-11-25 - 3 visits.');
  });

  test('CSV: formulas neutralised (OWASP), quoted when needed (RFC 4180)', () => {
    expect(['=1+1', '+1', '-1', '@SUM(1)', '\t=1', '\r=1', 'SD-0001', 'a,b', 'say "hi"', 'a;=1', 'two\nlines', ''].map(csvCell)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(1)",
      `"'\t=1"`,
      `"'\r=1"`,
      'SD-0001',
      '"a,b"',
      '"say ""hi"""',
      '"a;=1"',
      '"two\nlines"',
      '',
    ]);
  });
});
