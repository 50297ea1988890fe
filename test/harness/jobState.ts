import { shardOf } from '../../src/scheduler/jobStore';
import { encodeKey, isNotFound, Tables } from '../../src/store/tables';

/** A job's state as the jobs table holds it (pending, done, parked), read as storage has it: Concord itself never asks. */
export async function jobState(tables: Tables, id: string): Promise<string | undefined> {
  try {
    return String((await tables.client('jobs').getEntity(shardOf(id), `id|${encodeKey(id)}`)).state);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}
