import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { RecordDocument, Segment } from './document';

const run = (s: Segment) => (typeof s === 'string' ? new TextRun(s) : 'typed' in s ? new TextRun(s.typed) : new TextRun({ text: s.strong, bold: true }));

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
    title: doc.title,
    description: 'Exported from Concord: the agreed multi-agency record',
    sections: [{ children: [new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }), ...paragraphs] }],
  });
  return Packer.toBuffer(file);
}
