/** Absences said in chat (domain/absence.ts): one row a person, the last thing said for them. */
import type { StatedAbsence } from '../domain/absence';
import { encodeKey, listJson, Tables, upsertJson } from './tables';

const PARTITION = 'person';

export class AbsenceStore {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client('absences');
  }

  /** The last absence said for this person replaces the one before (or "back"). */
  async save(absence: StatedAbsence): Promise<void> {
    await upsertJson(this.client, PARTITION, encodeKey(absence.person.toLowerCase()), absence);
  }

  /** Every absence said in chat: a row per person who ever said one, a small partnership's staff at most. */
  all(): Promise<StatedAbsence[]> {
    return listJson<StatedAbsence>(this.client, PARTITION, '');
  }
}
