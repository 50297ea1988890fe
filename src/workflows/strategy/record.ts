/** The agreed record of a strategy discussion: shown in chat, or exported as a document. Both are audited reads. */
import { RecordDocument } from '../../documents/document';
import { Actor } from '../actor';
import { MinutesLine, minutesRecordLines } from '../minutes/record';
import { recordDocument } from './recordDocument';
import { StrategyUseCase } from './useCase';
import { StrategyView } from './views';

export class StrategyRecord extends StrategyUseCase {
  private async minutesLines(reference: string): Promise<MinutesLine[]> {
    const { minutes, directory, calendar } = this.ports;
    return minutesRecordLines(await minutes.get(reference), await minutes.confirmations(reference), directory, calendar, this.now());
  }

  async record(actor: Actor, reference: string): Promise<StrategyView> {
    const d = await this.load(actor, reference);
    await this.note(actor, reference, 'record.viewed');
    return { kind: 'record', discussion: d, acks: await this.ports.discussions.acknowledgements(reference), minutes: await this.minutesLines(reference) };
  }

  async exportRecord(actor: Actor, reference: string): Promise<RecordDocument> {
    const d = await this.load(actor, reference);
    await this.note(actor, reference, 'record.exported');
    const minutes = await this.minutesLines(reference);
    const { discussions, audit, directory, calendar } = this.ports;
    return recordDocument(
      d,
      await discussions.acknowledgements(reference),
      minutes.map((l) => l.whole),
      await audit.trail(reference),
      directory,
      calendar,
    );
  }
}
