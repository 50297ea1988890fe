import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { RecordDocument, Segment } from './document';

// Characters XML 1.0 does not allow: Word refuses a document holding one ("unreadable content").
// The docx package drops the C0 controls but keeps U+FFFE and U+FFFF. Cards refuse them now
// (teams/cardInput.ts), but a record stored before may hold them.
const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const readable = (text: string) => text.replace(NOT_XML, '');

const run = (s: Segment) =>
  typeof s === 'string' ? new TextRun(readable(s)) : 'typed' in s ? new TextRun(readable(s.typed)) : new TextRun({ text: readable(s.strong), bold: true });

const LEVELS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/**
 * The record as a Word document (.docx), which every agency's case system (Liquidlogic, Mosaic,
 * SystmOne, EMIS, the police's) can file. Typed text goes in as plain runs: Word does not
 * interpret it, so it needs no escaping.
 */
export async function wordDocument(doc: RecordDocument): Promise<Buffer> {
  const paragraphs = doc.blocks.map((b) =>
    'heading' in b
      ? new Paragraph({ heading: LEVELS[b.level], children: b.heading.map(run) })
      : new Paragraph({ bullet: { level: 0 }, children: b.item.map(run) }),
  );
  const file = new Document({
    creator: 'Concord',
    title: readable(doc.title),
    description: 'Exported from Concord: the agreed multi-agency record',
    sections: [{ children: [new Paragraph({ text: readable(doc.title), heading: HeadingLevel.TITLE }), ...paragraphs] }],
  });
  return Packer.toBuffer(file);
}
