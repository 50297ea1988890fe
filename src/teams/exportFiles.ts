import { RecordDocument } from '../documents/document';
import { wordDocument } from '../documents/wordDocument';
import { ProfessionalDifferences } from '../workflows/differences';
import { StrategyDiscussions } from '../workflows/strategyDiscussions';
import { FileProducer } from './files';

/**
 * Makes an exported file again for a consent that arrives after Concord restarted: through the
 * same use cases as `export`, so access is checked (and refusals audited) exactly as there.
 */
export function exportFiles(discussions: StrategyDiscussions, differences: ProfessionalDifferences): FileProducer {
  return async (actor, request) => {
    if (request.kind === 'report') {
      const log = await differences.list(actor, true);
      return log.csv ? { name: 'professional differences.csv', description: 'The log of professional differences', bytes: Buffer.from(log.csv, 'utf8') } : { message: log.message };
    }
    const ref = request.ref;
    let doc: RecordDocument | undefined;
    const reply = ref.startsWith('PD-')
      ? await differences.guard(actor, ref, async () => ((doc = await differences.record(actor, ref)), { message: '' }))
      : await discussions.guard(actor, ref, async () => ((doc = await discussions.exportRecord(actor, ref)), { message: '' }));
    if (!doc) return { message: 'message' in reply ? reply.message : 'That record cannot be exported.' };
    return { name: `${doc.fileName}.docx`, description: doc.title, bytes: await wordDocument(doc) };
  };
}
