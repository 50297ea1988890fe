import { eventHash, EventRow, HEAD_ROW, isSealed, LEDGER_PARTITION, PENDING_PARTITION } from './auditChain';
import { AuditSealer } from './auditSealer';
import { decodeKey, Tables } from './tables';
import type { AuditProblem, AuditVerification, AuditVerifying } from '../workflows/auditCheck';

interface Chain {
  partitionKey: string;
  events: EventRow[];
  head?: EventRow;
  ledger?: EventRow;
}

/**
 * Walks every chain of the audit trail and names each event that was changed, deleted, swapped or
 * added in storage since it was sealed. Reads the whole table: an administrator's check, not a
 * hot path.
 */
export class AuditVerifier implements AuditVerifying {
  constructor(
    private readonly tables: Tables,
    private readonly sealer: AuditSealer,
  ) {}

  async verify(): Promise<AuditVerification> {
    // Seal what is pending first, so that the check covers everything written until now.
    await this.sealer.sealPending();
    let chains = await this.readChains();
    // An event whose pending marker was never written is sealed here.
    const loose = chains.filter((c) => c.events.some((e) => !isSealed(e)));
    if (loose.length) {
      for (const c of loose)
        await this.sealer.sealChain(
          c.partitionKey,
          c.events.filter((e) => !isSealed(e)).map((e) => e.rowKey),
        );
      chains = await this.readChains();
    }
    const problems = chains.flatMap(check);
    return { trails: chains.length, events: chains.reduce((n, c) => n + c.events.length, 0), problems };
  }

  private async readChains(): Promise<Chain[]> {
    const chains = new Map<string, Chain>();
    const chain = (pk: string) => chains.get(pk) ?? chains.set(pk, { partitionKey: pk, events: [] }).get(pk)!;
    for await (const r of this.tables.client('audit').listEntities<Record<string, unknown>>()) {
      const row = r as EventRow;
      if (row.partitionKey === PENDING_PARTITION) continue;
      if (row.partitionKey === LEDGER_PARTITION) chain(row.rowKey).ledger = row;
      else if (row.rowKey === HEAD_ROW) chain(row.partitionKey).head = row;
      else chain(row.partitionKey).events.push(row);
    }
    return [...chains.values()];
  }
}

const place = (r: EventRow) => ({ rowKey: r.rowKey, position: Number(r.position), prev: String(r.prev ?? '') });
const intact = (pk: string, r: EventRow) => eventHash(pk, place(r), r) === r.hash;

/** Row `a` hashes correctly in `b`'s place: the whole row moved to b's key, or its content into b's chain fields. */
function belongsAt(pk: string, a: EventRow, b: EventRow): boolean {
  return eventHash(pk, { ...place(a), rowKey: b.rowKey }, a) === a.hash || eventHash(pk, place(b), a) === b.hash;
}

function check(c: Chain): AuditProblem[] {
  const pk = c.partitionKey;
  const subject = decodeKey(pk);
  const sealed = c.events.filter(isSealed);
  const checkpoint = Number(c.head?.count ?? 0);
  const of = Math.max(checkpoint, Number(c.ledger?.count ?? 0), ...sealed.map((e) => Number(e.position)));
  const problems: AuditProblem[] = [];
  if (!c.head && sealed.length) problems.push({ kind: 'checkpoint-removed', subject, of });

  const broken = new Set(sealed.filter((r) => !intact(pk, r)));
  const edited = new Map<number, EventRow>();
  for (const a of broken) {
    const b = [...broken].find((x) => x !== a && belongsAt(pk, a, x) && belongsAt(pk, x, a));
    if (b) {
      broken.delete(a);
      broken.delete(b);
      const positions = [Number(a.position), Number(b.position)].sort((x, y) => x - y) as [number, number];
      problems.push({ kind: 'swapped', subject, positions, of });
    } else edited.set(Number(a.position), a);
  }

  const byPosition = new Map<number, EventRow[]>();
  for (const r of sealed) byPosition.set(Number(r.position), [...(byPosition.get(Number(r.position)) ?? []), r]);
  let gapFrom = 0;
  for (let p = 1; p <= of + 1; p++) {
    const here = byPosition.get(p);
    if (!here && p <= of) {
      gapFrom ||= p;
      continue;
    }
    if (gapFrom) problems.push({ kind: 'deleted', subject, from: gapFrom, to: p - 1, of });
    gapFrom = 0;
    if (!here) continue;
    for (const extra of here.slice(1)) problems.push({ kind: 'added', subject, position: Number(extra.position), of });
    if (p > checkpoint && c.head) problems.push({ kind: 'added', subject, position: p, of });
    // An intact event whose link does not match the event before it: that event was changed and its hash rewritten.
    const before = byPosition.get(p - 1)?.[0];
    if (before && !broken.has(before) && !broken.has(here[0]) && here[0].prev !== before.hash) edited.set(p - 1, before);
  }
  // The checkpoints name the last event's hash: rewriting the newest event and its hash shows here.
  for (const point of [c.head, c.ledger]) {
    const last = point && byPosition.get(Number(point.count))?.[0];
    if (last && !broken.has(last) && last.hash !== point.hash) edited.set(Number(point.count), last);
  }
  for (const [position, r] of edited) {
    problems.push({ kind: 'edited', subject, position, of, action: String(r.action ?? ''), at: String(r.at ?? '') });
  }
  return problems.sort((a, b) => firstPosition(a) - firstPosition(b));
}

function firstPosition(p: AuditProblem): number {
  switch (p.kind) {
    case 'edited':
    case 'added':
      return p.position;
    case 'deleted':
      return p.from;
    case 'swapped':
      return p.positions[0];
    default:
      return 0;
  }
}
