import { odata, TableClient, TableEntityResult, TableServiceClient } from '@azure/data-tables';
import { storageSpans } from './storageTelemetry';
import { DefaultAzureCredential, ManagedIdentityCredential, TokenCredential } from '@azure/identity';

/** Table names are fixed here so that every table Concord owns is listed in one place. */
export const TABLE_NAMES = ['audit', 'conversations', 'discussions', 'differences', 'referrals', 'counters', 'jobs', 'deliveries'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/**
 * Azure Table keys may not contain / \ # ? or control characters. encodeURIComponent escapes all
 * of them (and '%' itself), so any value becomes a safe key and decodes back exactly.
 */
export function encodeKey(value: string): string {
  return encodeURIComponent(value).replace(/'/g, '%27');
}

export function decodeKey(key: string): string {
  return decodeURIComponent(key);
}

export function statusOf(e: unknown): number | undefined {
  // Azurite leaves RestError.code empty: the HTTP status is what tells a conflict from a failure.
  return typeof e === 'object' && e !== null ? (e as { statusCode?: number }).statusCode : undefined;
}

export const isConflict = (e: unknown) => statusOf(e) === 409;
export const isStale = (e: unknown) => statusOf(e) === 412;
export const isNotFound = (e: unknown) => statusOf(e) === 404;

/** Where the tables are: a connection string (Azurite, or a key), or an account URL reached with an identity. */
export type StorageLocation = string | { accountUrl: string; managedIdentityClientId?: string };

export class Tables {
  private readonly clients = new Map<TableName, TableClient>();
  private readonly credential: TokenCredential | undefined;

  constructor(private readonly location: StorageLocation, private readonly prefix = '') {
    if (typeof location !== 'string') {
      // In Azure: the app's user-assigned managed identity. Elsewhere: whatever DefaultAzureCredential finds (az login).
      this.credential = location.managedIdentityClientId
        ? new ManagedIdentityCredential({ clientId: location.managedIdentityClientId })
        : new DefaultAzureCredential();
    }
  }

  private get insecure(): boolean {
    return typeof this.location === 'string' && this.location.includes('http://');
  }

  client(name: TableName): TableClient {
    let c = this.clients.get(name);
    if (!c) {
      const table = `${this.prefix}${name}`;
      // A person is waiting (Teams gives up after about 5 s): retry briefly, then fail and say so.
      const options = { allowInsecureConnection: this.insecure, retryOptions: { maxRetries: 2, retryDelayInMs: 100, maxRetryDelayInMs: 1000 } };
      c = typeof this.location === 'string'
        ? TableClient.fromConnectionString(this.location, table, options)
        : new TableClient(this.location.accountUrl, table, this.credential!, options);
      c.pipeline.addPolicy(storageSpans(name), { afterPhase: 'Retry' });
      this.clients.set(name, c);
    }
    return c;
  }

  async createAll(): Promise<void> {
    await Promise.all(TABLE_NAMES.map((n) => this.client(n).createTable()));
  }

  /** Storage answers: used by /healthz. */
  async ping(): Promise<boolean> {
    try {
      const options = { allowInsecureConnection: this.insecure, retryOptions: { maxRetries: 0 } };
      const svc = typeof this.location === 'string'
        ? TableServiceClient.fromConnectionString(this.location, options)
        : new TableServiceClient(this.location.accountUrl, this.credential!, options);
      const it = svc.listTables({ abortSignal: AbortSignal.timeout(2000) }).byPage({ maxPageSize: 1 });
      await it.next();
      return true;
    } catch {
      return false;
    }
  }
}

export class ConcurrencyError extends Error {
  constructor(what: string) {
    super(`${what} was changed by someone else at the same moment; please try again.`);
  }
}

/**
 * Read, change and write one JSON document under its etag. A stale write (412) re-reads and
 * re-applies the change, so two people answering at once are both kept; after a few tries it
 * gives up loudly rather than overwrite.
 */
export async function updateJson<T>(
  client: TableClient,
  partitionKey: string,
  rowKey: string,
  change: (current: T) => T | undefined,
  attempts = 8,
): Promise<T | undefined> {
  for (let i = 0; i < attempts; i++) {
    const entity = await client.getEntity<{ json: string }>(partitionKey, rowKey);
    const next = change(JSON.parse(entity.json) as T);
    if (next === undefined) return undefined;
    try {
      await client.updateEntity({ partitionKey, rowKey, json: JSON.stringify(next) }, 'Replace', { etag: entity.etag });
      return next;
    } catch (e) {
      if (!isStale(e)) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * (i + 1)));
    }
  }
  throw new ConcurrencyError(`${partitionKey}/${rowKey}`);
}

/** A JSON document row, or undefined when there is none. Changes go through `updateJson`, under the etag. */
export async function readJson<T>(client: TableClient, partitionKey: string, rowKey: string): Promise<T | undefined> {
  try {
    const e: TableEntityResult<{ json: string }> = await client.getEntity(partitionKey, rowKey);
    return JSON.parse(e.json) as T;
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

/** Creates a JSON row that must exist once: false when it already does (a repeat, or someone else first). */
export async function createOnce(client: TableClient, partitionKey: string, rowKey: string, doc: unknown): Promise<boolean> {
  try {
    await client.createEntity({ partitionKey, rowKey, json: JSON.stringify(doc) });
    return true;
  } catch (e) {
    if (isConflict(e)) return false;
    throw e;
  }
}

/** The JSON rows of a partition whose keys start with `prefix`, in key order. */
export async function listJson<T>(client: TableClient, partitionKey: string, prefix: string): Promise<T[]> {
  const out: T[] = [];
  const rows = client.listEntities<{ json: string }>({
    queryOptions: { filter: odata`PartitionKey eq ${partitionKey} and RowKey ge ${prefix} and RowKey lt ${`${prefix}~`}` },
  });
  for await (const r of rows) out.push(JSON.parse(r.json) as T);
  return out;
}
