import { isConflict, Tables, updateJson } from './tables';

/** Case references (SD-0001, PD-0001…): a counter per prefix, unique across instances. */
export class References {
  constructor(private readonly tables: Tables) {}

  async next(prefix: string): Promise<string> {
    const counters = this.tables.client('counters');
    try {
      await counters.createEntity({ partitionKey: 'reference', rowKey: prefix, json: JSON.stringify({ n: 0 }) });
    } catch (e) {
      if (!isConflict(e)) throw e;
    }
    const next = await updateJson<{ n: number }>(counters, 'reference', prefix, (c) => ({ n: c.n + 1 }), 50);
    return `${prefix}-${String(next!.n).padStart(4, '0')}`;
  }
}
