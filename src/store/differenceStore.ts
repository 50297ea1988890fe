import { createHash } from 'node:crypto';
import { odata } from '@azure/data-tables';
import { currentStage, DifferenceSummary, LogEntry, participant, ProfessionalDifference, summaryOf } from '../domain/professionalDifference';
import type { DifferenceRepository } from '../workflows/differences/ports';
import { ConcurrencyError, createOnce, encodeKey, isStale, jsonEntity, JsonRow, listJson, listRows, readJson, Tables, unpackJson, upsertJson } from './tables';

/**
 * Professional differences, one partition each. The difference itself (what it is about, its
 * stages, its state) is one row changed under its etag; every step in its log (each proposal,
 * question and answer, each escalation) is a row of its own, created once and never rewritten.
 * So the people at a stage answering at once never contend, a repeated click records once, and a
 * long-running difference cannot outgrow its storage: its deadline always moves it on.
 */
const CORE = 'difference';
const LOG = 'difference|log|';
/**
 * The partnership's log: one small summary row per difference in one partition, rewritten with
 * each step, so the log reads a row a difference instead of every difference with every step.
 * `~complete` says every difference stored before the summaries existed has its row.
 */
const SUMMARIES = 'summaries';
const SUMMARIES_COMPLETE = '~complete';

/** A step as stored: where it came in the log when written, so the log reads back in order. */
interface LogRow {
  index: number;
  entry: LogEntry;
}

/**
 * Keyed by the position it was written at and what it says: a click delivered twice (same
 * position, same words) is one row; two people acting at once are two rows.
 */
function logKey(index: number, e: LogEntry): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([e.by, e.stage, e.what, e.about ?? '', e.text ?? '']))
    .digest('hex')
    .slice(0, 16);
  return `${LOG}${String(index).padStart(5, '0')}|${hash}`;
}

export class DifferenceStore implements DifferenceRepository {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client('differences');
  }

  async create(pd: ProfessionalDifference): Promise<void> {
    const pk = encodeKey(pd.reference);
    await this.client.createEntity(jsonEntity(pk, CORE, coreOf(pd)));
    await this.append(pk, 0, pd.log);
    await this.summarise(pd);
  }

  private summarise(pd: ProfessionalDifference): Promise<void> {
    return upsertJson(this.client, SUMMARIES, encodeKey(pd.reference), summaryOf(pd));
  }

  private rows(reference: string): Promise<JsonRow<unknown>[]> {
    return listRows<unknown>(this.client, encodeKey(reference), CORE, `${LOG}~`);
  }

  async get(reference: string): Promise<ProfessionalDifference | undefined> {
    return assemble(await this.rows(reference));
  }

  /**
   * Applies a step: the difference's own fields under the etag (re-read and re-applied if
   * someone else wrote first), its new log entries as rows. `changed` is whether this call
   * recorded anything, so a repeated click is neither audited nor announced twice.
   */
  async apply(
    reference: string,
    change: (pd: ProfessionalDifference) => ProfessionalDifference,
    attempts = 8,
  ): Promise<{ pd: ProfessionalDifference; changed: boolean }> {
    const pk = encodeKey(reference);
    for (let i = 0; i < attempts; i++) {
      const rows = await this.rows(reference);
      const core = rows.find((r) => r.rowKey === CORE)!;
      const cur = assemble(rows)!;
      const next = change(cur);
      if (next === cur) return { pd: cur, changed: false };
      const row = coreOf(next, core.doc as ProfessionalDifference);
      const rewrite = JSON.stringify(row) !== JSON.stringify(core.doc);
      try {
        if (rewrite) await this.client.updateEntity(jsonEntity(pk, CORE, row), 'Replace', { etag: core.etag });
      } catch (e) {
        if (!isStale(e)) throw e;
        await new Promise((r) => setTimeout(r, Math.random() * 20 * (i + 1)));
        continue;
      }
      const appended = await this.append(pk, cur.log.length, next.log.slice(cur.log.length));
      if (rewrite || appended) await this.summarise(next);
      return { pd: next, changed: rewrite || appended };
    }
    throw new ConcurrencyError(reference);
  }

  /** True when at least one entry was new. */
  private async append(pk: string, from: number, entries: LogEntry[]): Promise<boolean> {
    const created = await Promise.all(
      entries.map((entry, i) => createOnce(this.client, pk, logKey(from + i, entry), { index: from + i, entry } satisfies LogRow)),
    );
    return created.some(Boolean);
  }

  /** The differences raised from this discussion or its minutes: a scan, read only when someone not otherwise involved asks for it. */
  async raisedFrom(reference: string): Promise<ProfessionalDifference[]> {
    return (await this.everyDifference()).filter((pd) => pd.origin?.reference === reference);
  }

  /** Every difference's summary: one partition read. */
  async summaries(): Promise<DifferenceSummary[]> {
    await this.summariseOlder();
    return (await listJson<DifferenceSummary>(this.client, SUMMARIES, '')).filter((s) => s.reference);
  }

  /**
   * Makes the summaries of differences stored before summaries existed, once (Concord starts it
   * in the background; a log asked for meanwhile waits for it): a scan of the table, the rows
   * written 100 to a transaction.
   */
  summariseOlder(): Promise<void> {
    this.older ??= this.makeOlderSummaries().catch((e: unknown) => {
      this.older = undefined;
      throw e;
    });
    return this.older;
  }

  private older: Promise<void> | undefined;

  private async makeOlderSummaries(): Promise<void> {
    if (await readJson<object>(this.client, SUMMARIES, SUMMARIES_COMPLETE)) return;
    const rows = (await this.everyDifference()).map((pd) => jsonEntity(SUMMARIES, encodeKey(pd.reference), summaryOf(pd)));
    for (let i = 0; i < rows.length; i += 100) await this.client.submitTransaction(rows.slice(i, i + 100).map((r) => ['upsert', r, 'Replace']));
    await upsertJson(this.client, SUMMARIES, SUMMARIES_COMPLETE, {});
  }

  /** Every difference in full: a scan of the table, done once, to make the summaries of differences stored before them. */
  private async everyDifference(): Promise<ProfessionalDifference[]> {
    const byCase = new Map<string, JsonRow<unknown>[]>();
    const rows = this.client.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`RowKey ge ${CORE} and RowKey lt ${`${LOG}~`}` } });
    for await (const r of rows) {
      if (r.partitionKey === SUMMARIES) continue;
      const list = byCase.get(r.partitionKey!) ?? [];
      list.push({ rowKey: r.rowKey!, etag: r.etag, doc: unpackJson(r) });
      byCase.set(r.partitionKey!, list);
    }
    return [...byCase.values()].map(assemble).filter((pd): pd is ProfessionalDifference => !!pd);
  }
}

/**
 * The difference's own row: no log (its entries are rows) and no proposal (it is the latest
 * proposal of the current stage, read from the log). A difference stored before the log was rows
 * keeps its own entries.
 */
function coreOf(pd: ProfessionalDifference, stored?: ProfessionalDifference): ProfessionalDifference {
  const { proposal: _proposal, ...rest } = pd;
  return { ...rest, log: stored?.log ?? [] };
}

function assemble(rows: JsonRow<unknown>[]): ProfessionalDifference | undefined {
  const core = rows.find((r) => r.rowKey === CORE)?.doc as ProfessionalDifference | undefined;
  if (!core) return undefined;
  const logged = rows
    .filter((r) => r.rowKey.startsWith(LOG))
    .map((r) => ({ key: r.rowKey, ...(r.doc as LogRow) }))
    .sort((a, b) => a.index - b.index || a.entry.at.localeCompare(b.entry.at) || a.key.localeCompare(b.key))
    .map((r) => r.entry);
  const pd: ProfessionalDifference = { ...core, log: [...(core.log ?? []), ...logged], proposal: undefined };
  return { ...pd, proposal: core.proposal && !logged.length ? core.proposal : proposalOf(pd) };
}

/** The proposal on the table: the latest made at the current stage of an open difference. */
function proposalOf(pd: ProfessionalDifference): ProfessionalDifference['proposal'] {
  if (pd.state !== 'open') return undefined;
  const stage = currentStage(pd).stage;
  const last = [...pd.log].reverse().find((e) => e.stage === stage && e.what === 'proposed');
  if (!last) return undefined;
  return { by: last.by, side: participant(pd, last.by)?.side, text: last.text ?? '', at: last.at };
}
