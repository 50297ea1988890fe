/**
 * A record as a document, the one shape every export is written in: Markdown in a chat, a Word
 * document for an agency's case file. Text a person typed is marked as such, so that each format
 * keeps it inert (it can never become a heading, a list item or a formula).
 */
export type Segment = string | { typed: string } | { strong: string };

export type Block = { heading: Segment[]; level: 1 | 2 | 3 } | { item: Segment[] };

export interface RecordDocument {
  title: string;
  /** Without extension: each format adds its own. */
  fileName: string;
  blocks: Block[];
}

export const typed = (text: string): Segment => ({ typed: text });

export const strong = (text: string): Segment => ({ strong: text });

export const plainText = (segments: Segment[]): string => segments.map((s) => (typeof s === 'string' ? s : 'typed' in s ? s.typed : s.strong)).join('');
