import { odata, TableClient, TableEntityResult, TableServiceClient } from '@azure/data-tables';
import { storageSpans } from './storageTelemetry';
import { DefaultAzureCredential, ManagedIdentityCredential, TokenCredential } from '@azure/identity';

/** Table names are fixed here so that every table Concord owns is listed in one place. */
export const TABLE_NAMES = [
  'audit',
  'conversations',
  'discussions',
  'differences',
  'referrals',
  'counters',
  'jobs',
  'deliveries',
  'figures',
  'transfers',
  'worklists',
  'governance',
  'absences',
] as const;
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

  constructor(
    private readonly location: StorageLocation,
    private readonly prefix = '',
  ) {
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
      c =
        typeof this.location === 'string'
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
  private service: TableServiceClient | undefined;

  async ping(): Promise<boolean> {
    try {
      // One client for every health check: a new one per call cost a connection each time.
      const options = { allowInsecureConnection: this.insecure, retryOptions: { maxRetries: 0 } };
      this.service ??=
        typeof this.location === 'string'
          ? TableServiceClient.fromConnectionString(this.location, options)
          : new TableServiceClient(this.location.accountUrl, this.credential!, options);
      const it = this.service.listTables({ abortSignal: AbortSignal.timeout(2000) }).byPage({ maxPageSize: 1 });
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
 * Azure Tables refuse a string property over 64 KiB (32,768 UTF-16 characters) and an entity over
 * 1 MiB. A JSON document is therefore written across as many string properties as it needs
 * (`json`, `json1`, `json2`…), each well under the property limit, and refused here, before
 * storage is asked, if the whole entity would pass the entity limit. The domain's per-field limits
 * (domain/limits.ts) keep every document far below it: this is the guarantee, not the budget.
 */
export const CHUNK_CHARS = 16_000;
/** Azure's entity limit, 1 MiB, with room for the keys and the timestamp. */
export const MAX_ENTITY_BYTES = 1_000_000;

export class DocumentTooLarge extends Error {
  constructor(what: string, bytes: number) {
    super(`${what} would take ${bytes} bytes of storage, more than an Azure table entity holds (${MAX_ENTITY_BYTES}).`);
  }
}

/** The properties holding `doc`: `name`, then `name1`, `name2`… each at most CHUNK_CHARS long. */
export function packJson(doc: unknown, name = 'json'): Record<string, string> {
  const text = JSON.stringify(doc);
  const props: Record<string, string> = {};
  let n = 0;
  for (let i = 0; n === 0 || i < text.length; n++) {
    let end = Math.min(i + CHUNK_CHARS, text.length);
    // Never split a surrogate pair: each half alone is not a valid string for the service.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    props[n === 0 ? name : `${name}${n}`] = text.slice(i, end);
    i = end;
  }
  return props;
}

/** The document written by `packJson`; rows written before chunking (one `json`) read the same. */
export function unpackJson<T>(entity: Record<string, unknown>, name = 'json'): T {
  let text = String(entity[name]);
  for (let n = 1; typeof entity[`${name}${n}`] === 'string'; n++) text += entity[`${name}${n}`] as string;
  return JSON.parse(text) as T;
}

/**
 * The entity's size as Azure counts it (strings in UTF-16, plus each property's name and
 * overhead), or as Azurite does (the UTF-8 request body), whichever is larger.
 */
export function entityBytes(entity: Record<string, unknown>): number {
  let azure = 4;
  for (const [k, v] of Object.entries(entity)) {
    const value = typeof v === 'string' ? 4 + 2 * v.length : 8;
    azure += k === 'partitionKey' || k === 'rowKey' ? 2 * String(v).length : 8 + 2 * k.length + value;
  }
  return Math.max(azure, Buffer.byteLength(JSON.stringify(entity), 'utf8'));
}

/** The entity for one JSON document row, checked against the entity limit. */
export function jsonEntity(
  partitionKey: string,
  rowKey: string,
  doc: unknown,
  extra: Record<string, unknown> = {},
): Record<string, unknown> & { partitionKey: string; rowKey: string } {
  const entity = { partitionKey, rowKey, ...extra, ...packJson(doc) };
  const bytes = entityBytes(entity);
  if (bytes > MAX_ENTITY_BYTES) throw new DocumentTooLarge(`${partitionKey}/${rowKey}`, bytes);
  return entity;
}

/**
 * Read, change and write one JSON document under its etag. A stale write (412) re-reads and
 * re-applies the change, so two people answering at once are both kept; after a few tries it
 * gives up loudly rather than overwrite. For what many people write at once, use rows created once.
 */
export async function updateJson<T>(
  client: TableClient,
  partitionKey: string,
  rowKey: string,
  change: (current: T) => T | undefined,
  attempts = 8,
): Promise<T | undefined> {
  for (let i = 0; i < attempts; i++) {
    const entity = await client.getEntity<Record<string, unknown>>(partitionKey, rowKey);
    const next = change(unpackJson<T>(entity));
    if (next === undefined) return undefined;
    try {
      // Replace, not Merge: chunks a shorter document no longer needs disappear with it.
      await client.updateEntity(jsonEntity(partitionKey, rowKey, next), 'Replace', { etag: entity.etag });
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
    const e: TableEntityResult<Record<string, unknown>> = await client.getEntity(partitionKey, rowKey);
    return unpackJson<T>(e);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

/** Creates a JSON row that must exist once: false when it already does (a repeat, or someone else first). */
export async function createOnce(client: TableClient, partitionKey: string, rowKey: string, doc: unknown): Promise<boolean> {
  try {
    await client.createEntity(jsonEntity(partitionKey, rowKey, doc));
    return true;
  } catch (e) {
    if (isConflict(e)) return false;
    throw e;
  }
}

/** Writes a JSON row whatever was there: for what one person keeps rewriting, such as a draft. */
export async function upsertJson(client: TableClient, partitionKey: string, rowKey: string, doc: unknown): Promise<void> {
  await client.upsertEntity(jsonEntity(partitionKey, rowKey, doc), 'Replace');
}

export interface JsonRow<T> {
  rowKey: string;
  etag: string;
  doc: T;
}

/** The JSON rows of a partition with keys from `from` (included) to `to` (excluded), in key order. */
export async function listRows<T>(client: TableClient, partitionKey: string, from: string, to: string): Promise<JsonRow<T>[]> {
  const out: JsonRow<T>[] = [];
  const rows = client.listEntities<Record<string, unknown>>({
    queryOptions: { filter: odata`PartitionKey eq ${partitionKey} and RowKey ge ${from} and RowKey lt ${to}` },
  });
  for await (const r of rows) out.push({ rowKey: r.rowKey!, etag: r.etag, doc: unpackJson<T>(r) });
  return out;
}

/** The JSON rows of a partition whose keys start with `prefix`, in key order. */
export async function listJson<T>(client: TableClient, partitionKey: string, prefix: string): Promise<T[]> {
  return (await listRows<T>(client, partitionKey, prefix, `${prefix}~`)).map((r) => r.doc);
}
