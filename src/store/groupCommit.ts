import type { TableClient, TableEntity } from '@azure/data-tables';
import { statusOf } from './tables';

/** A transaction holds at most 100 operations. */
const MOST_IN_A_TRANSACTION = 100;

/** What became of one item: written (`value`) or not (`error`). */
export type Outcome<R> = { value: R; error?: undefined } | { error: unknown };

/**
 * Group commit: an item arriving while no write is in flight is written at once, on its own (so a
 * lone item waits for nothing); items arriving while one is in flight are gathered and written
 * together as soon as it ends. Each caller's promise settles with its own item's outcome.
 */
export class GroupCommit<T, R> {
  private gathered: { item: T; settle: (outcome: Outcome<R>) => void }[] = [];
  private writing = false;

  /** `write` answers one outcome per item, in order, and never throws. */
  constructor(private readonly write: (items: T[]) => Promise<Outcome<R>[]>) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.gathered.push({ item, settle: (o) => ('value' in o ? resolve(o.value) : reject(o.error)) });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.gathered.length) {
      const group = this.gathered.splice(0);
      let outcomes: Outcome<R>[];
      try {
        outcomes = await this.write(group.map((g) => g.item));
      } catch (error) {
        outcomes = group.map(() => ({ error }));
      }
      group.forEach((g, i) => g.settle(outcomes[i]));
    }
    this.writing = false;
  }
}

/**
 * Creates these entities of one partition in as few round trips as it can: one entity-group
 * transaction per 100. A transaction is all or nothing, so when one fails (one entity refused, or
 * already there) its entities are created one by one instead, and each gets its own answer: one bad
 * entity never takes the others down with it. Answers `undefined` for each entity created, or its error.
 */
export async function createTogether(client: TableClient, entities: TableEntity[]): Promise<unknown[]> {
  const one = (e: TableEntity) =>
    client.createEntity(e).then(
      () => undefined,
      (error: unknown) => error ?? new Error('not created'),
    );
  const chunks: TableEntity[][] = [];
  for (let i = 0; i < entities.length; i += MOST_IN_A_TRANSACTION) chunks.push(entities.slice(i, i + MOST_IN_A_TRANSACTION));
  const answers = await Promise.all(
    chunks.map(async (chunk) => {
      if (chunk.length === 1) return [await one(chunk[0])];
      try {
        await client.submitTransaction(chunk.map((e) => ['create', e]));
        return chunk.map(() => undefined);
      } catch {
        return Promise.all(chunk.map(one));
      }
    }),
  );
  return answers.flat();
}

/**
 * Deletes these rows of one partition, 100 to a transaction; a row already gone is fine. A
 * transaction meeting one (another instance deleted it first) is done row by row instead.
 */
export async function deleteTogether(client: TableClient, partitionKey: string, rowKeys: string[]): Promise<void> {
  const one = (rowKey: string) =>
    client.deleteEntity(partitionKey, rowKey).catch((e) => {
      if (statusOf(e) !== 404) throw e;
    });
  for (let i = 0; i < rowKeys.length; i += MOST_IN_A_TRANSACTION) {
    const chunk = rowKeys.slice(i, i + MOST_IN_A_TRANSACTION);
    if (chunk.length === 1) await one(chunk[0]);
    else await client.submitTransaction(chunk.map((rowKey) => ['delete', { partitionKey, rowKey }])).catch(() => Promise.all(chunk.map(one)));
  }
}
