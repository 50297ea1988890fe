import { randomUUID } from 'node:crypto';
import { ERASING_MS, GovernanceRecords, LegalHold, Tombstone } from '../workflows/governance/ports';
import { createOnce, encodeKey, isNotFound, listJson, readJson, Tables, upsertJson } from './tables';

/** Legal holds (one row per case) and tombstones (one per record deleted or erased), in the governance table. */
export class GovernanceStore implements GovernanceRecords {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client('governance');
  }

  holds(): Promise<LegalHold[]> {
    return listJson<LegalHold>(this.client, 'hold', '');
  }

  async hold(h: LegalHold): Promise<LegalHold | undefined> {
    if (await createOnce(this.client, 'hold', encodeKey(h.reference), h)) return undefined;
    // Lifted between the two calls: this hold is not placed either way, and the first stands as it was.
    return (await readJson<LegalHold>(this.client, 'hold', encodeKey(h.reference))) ?? h;
  }

  async lift(reference: string): Promise<boolean> {
    try {
      await this.client.deleteEntity('hold', encodeKey(reference));
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }

  async startErasing(reference: string, at: Date): Promise<string> {
    // One mark per deletion: two at once never remove each other's.
    const mark = `${encodeKey(reference)}|${randomUUID()}`;
    await upsertJson(this.client, 'erasing', mark, { reference, at: at.toISOString() });
    return mark;
  }

  async erasing(reference: string, now: Date): Promise<boolean> {
    const marks = await listJson<{ at: string }>(this.client, 'erasing', `${encodeKey(reference)}|`);
    return marks.some((m) => now.getTime() - new Date(m.at).getTime() < ERASING_MS);
  }

  async finishErasing(mark: string): Promise<void> {
    try {
      await this.client.deleteEntity('erasing', mark);
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  async bury(t: Tombstone): Promise<void> {
    await upsertJson(this.client, 'tombstone', encodeKey(t.reference), t);
  }

  tombstone(reference: string): Promise<Tombstone | undefined> {
    return readJson<Tombstone>(this.client, 'tombstone', encodeKey(reference));
  }
}
