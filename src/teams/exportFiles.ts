import { RecordDocument } from '../documents/document';
import { wordDocument } from '../documents/wordDocument';
import { DifferencePorts } from '../workflows/differences/ports';
import { differenceLogCsv, differenceLogRows } from '../workflows/differences/log';
import { record } from '../workflows/differences/record';
import { Guard } from './cardAction';
import { StrategyRecord } from '../workflows/strategy/record';
import { FileProducer } from './files';
import { TransferPorts } from '../workflows/transfer/ports';
import { transferReport, transferReportCsv } from '../workflows/transfer/report';
import { record as transferRecord } from '../workflows/transfer/record';

/**
 * Makes an exported file again for a consent that arrives after Concord restarted: through the
 * same use cases as `export`, so access is checked (and refusals audited) exactly as there.
 */
export function exportFiles(discussions: StrategyRecord, differences: DifferencePorts, transfers: TransferPorts, guard: Guard): FileProducer {
  return async (actor, request) => {
    // Made once, for the administrator who asked, and never again from a consent alone.
    if (request.kind === 'subject-access') return { message: 'That subject access export is no longer held. Type the subject access command again.' };
    if (request.kind === 'report' && request.report === 'transfers') {
      let csv: string | undefined;
      const reply = await guard(actor, 'transfers', async () => ({ message: (csv = transferReportCsv(await transferReport(transfers, { actor }))) }));
      return csv !== undefined
        ? { name: 'case transfers.csv', description: 'Case transfers by month', bytes: Buffer.from(csv, 'utf8') }
        : { message: 'message' in reply ? reply.message : '' };
    }
    if (request.kind === 'report') {
      let csv: string | undefined;
      const reply = await guard(actor, 'differences', async () => ({ message: (csv = differenceLogCsv(await differenceLogRows(differences, { actor }))) }));
      return csv !== undefined
        ? { name: 'professional differences.csv', description: 'The log of professional differences', bytes: Buffer.from(csv, 'utf8') }
        : { message: 'message' in reply ? reply.message : '' };
    }
    const ref = request.ref;
    let doc: RecordDocument | undefined;
    const reply = ref.startsWith('TR-')
      ? await guard(actor, ref, async () => ((doc = await transferRecord(transfers, { actor, reference: ref })), { message: '' }))
      : ref.startsWith('PD-')
        ? await guard(actor, ref, async () => ((doc = await record(differences, { actor, reference: ref })), { message: '' }))
        : await discussions.guard(actor, ref, async () => ((doc = await discussions.exportRecord(actor, ref)), { message: '' }));
    if (!doc) return { message: 'message' in reply ? reply.message : 'That record cannot be exported.' };
    return { name: `${doc.fileName}.docx`, description: doc.title, bytes: await wordDocument(doc) };
  };
}
