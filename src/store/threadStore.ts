import { createHmac, randomBytes } from 'node:crypto';
import { odata } from '@azure/data-tables';
import type { CaseThreads, KnownCase, LinkReason, NhsNumbers } from '../workflows/governance/ports';
import { createOnce, decodeKey, encodeKey, isConflict, readJson, Tables } from './tables';

const LINK = (reference: string) => `link|${encodeKey(reference)}`;
const NHS = (fingerprint: string) => `nhs|${fingerprint}`;
const NHS_OF = (reference: string) => `nhs-of|${encodeKey(reference)}`;

/**
 * One child's thread of cases, as links both ways (a partition per case, a row per linked case),
 * and NHS numbers as keyed fingerprints: `nhs|<HMAC>` holds the cases that gave the number,
 * `nhs-of|<case>` the fingerprint a case gave (to forget it on erasure). The number itself is
 * never stored.
 */
export class ThreadStore implements CaseThreads, NhsNumbers {
  private key: Promise<Buffer> | undefined;

  /** `nhsNumberKey`: the partnership's secret (NHS_NUMBER_KEY); without it, a random key kept in storage. */
  constructor(
    private readonly tables: Tables,
    private readonly nhsNumberKey = '',
  ) {}

  private get client() {
    return this.tables.client('governance');
  }

  /**
   * The row from the first case (in reference order) to the second decides whether this call
   * linked them: of two links made at once, one creates it. The row back is made either way, so
   * a call interrupted between the two is finished by the next.
   */
  async link(a: string, b: string, why: LinkReason): Promise<boolean> {
    if (a === b) return false;
    const [first, second] = [a, b].sort(byReference);
    const at = new Date().toISOString();
    const created = await this.createLink(first, second, why, at);
    await this.createLink(second, first, why, at);
    return created;
  }

  private async createLink(from: string, to: string, why: LinkReason, at: string): Promise<boolean> {
    try {
      await this.client.createEntity({ partitionKey: LINK(from), rowKey: encodeKey(to), why, at });
      return true;
    } catch (e) {
      if (isConflict(e)) return false;
      throw e;
    }
  }

  private async direct(reference: string): Promise<string[]> {
    const out: string[] = [];
    for await (const r of this.client.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${LINK(reference)}`, select: ['RowKey'] } }))
      out.push(decodeKey(r.rowKey!));
    return out;
  }

  async thread(reference: string): Promise<string[]> {
    const seen = new Set([reference]);
    let frontier = [reference];
    while (frontier.length) {
      const next = (await Promise.all(frontier.map((r) => this.direct(r)))).flat().filter((r) => !seen.has(r));
      for (const r of next) seen.add(r);
      frontier = [...new Set(next)];
    }
    seen.delete(reference);
    return [...seen].sort(byReference);
  }

  async unlink(reference: string): Promise<void> {
    for (const other of await this.direct(reference)) {
      await this.client.deleteEntity(LINK(other), encodeKey(reference)).catch(ignoreMissing);
      await this.client.deleteEntity(LINK(reference), encodeKey(other)).catch(ignoreMissing);
    }
  }

  private async fingerprint(nhsNumber: string): Promise<string> {
    this.key ??= this.nhsNumberKey ? Promise.resolve(Buffer.from(this.nhsNumberKey, 'utf8')) : this.storedKey();
    return createHmac('sha256', await this.key)
      .update(nhsNumber.replace(/\D/g, ''))
      .digest('hex');
  }

  /** Created once for the whole partnership: every instance finds the same key. */
  private async storedKey(): Promise<Buffer> {
    await createOnce(this.client, 'key', 'nhs-number', { key: randomBytes(32).toString('base64') });
    return Buffer.from((await readJson<{ key: string }>(this.client, 'key', 'nhs-number'))!.key, 'base64');
  }

  async remember(nhsNumber: string, reference: string, at: string): Promise<KnownCase[]> {
    const fp = await this.fingerprint(nhsNumber);
    const known: KnownCase[] = [];
    for await (const r of this.client.listEntities<{ at: string }>({ queryOptions: { filter: odata`PartitionKey eq ${NHS(fp)}` } })) {
      const ref = decodeKey(r.rowKey!);
      if (ref !== reference) known.push({ reference: ref, at: r.at });
    }
    await this.client.upsertEntity({ partitionKey: NHS(fp), rowKey: encodeKey(reference), at }, 'Replace');
    await this.client.upsertEntity({ partitionKey: NHS_OF(reference), rowKey: fp }, 'Replace');
    return known.sort((a, b) => byReference(a.reference, b.reference));
  }

  async forget(reference: string): Promise<void> {
    for await (const r of this.client.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${NHS_OF(reference)}` } })) {
      await this.client.deleteEntity(NHS(r.rowKey!), encodeKey(reference)).catch(ignoreMissing);
      await this.client.deleteEntity(r.partitionKey!, r.rowKey!).catch(ignoreMissing);
    }
  }
}

function ignoreMissing(e: unknown): void {
  if ((e as { statusCode?: number }).statusCode !== 404) throw e;
}

/** REF-0003 before SD-0002: by prefix, then number. */
export function byReference(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
