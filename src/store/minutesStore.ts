import { Confirmation, Correction, CorrectionDecision, CorrectionRequest, Minutes, MinutesContent, MinutesVersion } from '../domain/minutes';
import { MinutesRepository } from '../workflows/minutes/ports';
import { createOnce, encodeKey, isNotFound, JsonRow, listJson, listRows, readJson, Tables, upsertJson } from './tables';

/**
 * Minutes live in their discussion's partition. The minutes row itself holds only the clock (when
 * the discussion ended, when they are due); everything else is a row of its own, appended and
 * never copied: the draft (rewritten by its writer), each circulated version, each correction
 * asked for, its number, the chair's decision on it, and each confirmation. A version written
 * because a correction was accepted names the correction instead of copying the minutes again.
 * So thirty people asking for corrections at once never contend, and minutes corrected many
 * times cannot outgrow their storage.
 */
const CORE = 'minutes';
const PART = 'minutes|';
const pad = (n: number) => String(n).padStart(4, '0');
const person = (aadObjectId: string) => encodeKey(aadObjectId.toLowerCase());
const DRAFT = `${PART}draft`;
const versionKey = (version: number) => `${PART}version|${pad(version)}`;
const mineKey = (version: number, by: string) => `${PART}correction|${pad(version)}|${person(by)}|`;
const numberKey = (n: number) => `${PART}number|${pad(n)}`;
const numberOf = (rowKey: string) => Number(rowKey.slice(`${PART}number|`.length));
const decisionKey = (id: string) => `${PART}decision|${encodeKey(id)}`;
const raisedKey = (id: string) => `${PART}raised|${encodeKey(id)}`;
const confirmKey = (version: number, aadObjectId: string) => `mconfirm|${pad(version)}|${person(aadObjectId)}`;

/** A circulated version as stored: the first carries the minutes, each later one the correction it applies. */
type VersionRow = Omit<MinutesVersion, 'content'> & { content?: MinutesContent; applies?: string; lateByMinutes?: number };

export class MinutesStore implements MinutesRepository {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client('discussions');
  }

  /** False when the clock was already started: ending a discussion twice changes nothing. */
  create(m: Minutes): Promise<boolean> {
    return createOnce(this.client, encodeKey(m.reference), CORE, { reference: m.reference, endedAt: m.endedAt, dueAt: m.dueAt, versions: [], corrections: [] });
  }

  private rows(reference: string): Promise<JsonRow<unknown>[]> {
    return listRows<unknown>(this.client, encodeKey(reference), CORE, `${PART}~`);
  }

  async get(reference: string): Promise<Minutes | undefined> {
    return assemble(await this.rows(reference));
  }

  /** The writer's draft: theirs to rewrite until the minutes are circulated. */
  async saveDraft(reference: string, draft: NonNullable<Minutes['draft']>): Promise<void> {
    await upsertJson(this.client, encodeKey(reference), DRAFT, draft);
  }

  /**
   * False when this version already exists: someone else circulated or corrected a moment ago.
   * `applies` names the accepted correction a later version adds: its minutes are not copied.
   */
  async addVersion(reference: string, v: MinutesVersion, extra: { applies?: string; lateByMinutes?: number } = {}): Promise<boolean> {
    const { content, ...rest } = v;
    const row: VersionRow = extra.applies ? { ...rest, applies: extra.applies } : { ...rest, content, lateByMinutes: extra.lateByMinutes };
    if (!(await createOnce(this.client, encodeKey(reference), versionKey(v.version), row))) return false;
    if (v.version === 1) await this.client.deleteEntity(encodeKey(reference), DRAFT).catch((e: unknown) => (isNotFound(e) ? undefined : Promise.reject(e)));
    return true;
  }

  /**
   * Asks for a correction: a row of its own, created once per person, version and round (one open
   * correction each; a declined one lets them ask again), then numbered C1, C2… in the order
   * numbers are claimed. Undefined when this is a repeat of a request already made.
   */
  async addCorrection(reference: string, request: CorrectionRequest): Promise<Correction | undefined> {
    const rows = await this.rows(reference);
    const numbers = new Map(rows.filter((r) => r.rowKey.startsWith(`${PART}number|`)).map((r) => [(r.doc as { key: string }).key, numberOf(r.rowKey)]));
    const decided = new Set(rows.filter((r) => r.rowKey.startsWith(`${PART}decision|`)).map((r) => r.rowKey));
    const mine = rows.filter((r) => r.rowKey.startsWith(mineKey(request.version, request.by)));
    // Already asked and not yet decided (a repeat, or a click racing the first): it is numbered, once.
    const open = mine.find((r) => !numbers.has(r.rowKey) || !decided.has(decisionKey(`C${numbers.get(r.rowKey)}`)));
    if (open) {
      await this.claimNumber(reference, open.rowKey, rows);
      return undefined;
    }
    const key = `${mineKey(request.version, request.by)}${pad(mine.length + 1)}`;
    const created = await createOnce(this.client, encodeKey(reference), key, request);
    const n = await this.claimNumber(reference, key, rows);
    return created ? { ...request, id: `C${n}`, state: 'open' } : undefined;
  }

  /**
   * The next free number, claimed by creating its row: two people asking at once each get their
   * own, and no number is skipped, because a request claims a number only once it exists and
   * tries each free number in turn. Several claims for one request converge on one number:
   * each takes the first free number from where it starts, or finds the one already taken.
   */
  private async claimNumber(reference: string, key: string, rows: JsonRow<unknown>[]): Promise<number> {
    const pk = encodeKey(reference);
    const core = rows.find((r) => r.rowKey === CORE)?.doc as Minutes | undefined;
    const slots = rows.filter((r) => r.rowKey.startsWith(`${PART}number|`));
    const given = slots.find((r) => (r.doc as { key: string }).key === key);
    if (given) return numberOf(given.rowKey);
    for (let n = (core?.corrections?.length ?? 0) + slots.length + 1; ; n++) {
      if (await createOnce(this.client, pk, numberKey(n), { key })) return n;
      if ((await readJson<{ key: string }>(this.client, pk, numberKey(n)))?.key === key) return n;
    }
  }

  /** False when the correction was already decided: the first decision stands. */
  decideCorrection(reference: string, id: string, decision: CorrectionDecision): Promise<boolean> {
    return createOnce(this.client, encodeKey(reference), decisionKey(id), decision);
  }

  /** False when the correction was already raised as a professional difference. */
  markRaised(reference: string, id: string, raised: { at: string; difference: string }): Promise<boolean> {
    return createOnce(this.client, encodeKey(reference), raisedKey(id), raised);
  }

  confirm(reference: string, c: Confirmation): Promise<boolean> {
    return createOnce(this.client, encodeKey(reference), confirmKey(c.version, c.aadObjectId), c);
  }

  confirmation(reference: string, version: number, aadObjectId: string): Promise<Confirmation | undefined> {
    return readJson<Confirmation>(this.client, encodeKey(reference), confirmKey(version, aadObjectId));
  }

  confirmations(reference: string): Promise<Confirmation[]> {
    return listJson<Confirmation>(this.client, encodeKey(reference), 'mconfirm|');
  }
}

/**
 * The minutes as the domain sees them, from their rows. Minutes stored before their parts were
 * rows keep their own versions and corrections, and gain the new.
 */
function assemble(rows: JsonRow<unknown>[]): Minutes | undefined {
  const core = rows.find((r) => r.rowKey === CORE)?.doc as Minutes | undefined;
  if (!core) return undefined;
  const of = (kind: string) => rows.filter((r) => r.rowKey.startsWith(`${PART}${kind}|`));
  const requests = new Map(of('correction').map((r) => [r.rowKey, r.doc as CorrectionRequest]));
  const decisions = new Map(of('decision').map((r) => [r.rowKey, r.doc as CorrectionDecision]));
  const raised = new Map(of('raised').map((r) => [r.rowKey, r.doc as { at: string; difference: string }]));
  const numbered: Correction[] = of('number').flatMap((r) => {
    const request = requests.get((r.doc as { key: string }).key);
    const n = numberOf(r.rowKey);
    return request ? [{ ...request, id: `C${n}`, state: 'open' as const }] : [];
  });
  const corrections = [...(core.corrections ?? []), ...numbered].map((c): Correction => {
    const d = decisions.get(decisionKey(c.id));
    const r = raised.get(raisedKey(c.id));
    return {
      ...c,
      ...(d && c.state === 'open' ? { state: d.state, decision: { by: d.by, at: d.at, reason: d.reason } } : {}),
      ...(r && !c.differenceAt ? { differenceAt: r.at, difference: r.difference } : {}),
    };
  });
  const stored = of('version').map((r) => r.doc as VersionRow);
  const all: VersionRow[] = [...(core.versions ?? []), ...stored].sort((a, b) => a.version - b.version);
  const versions: MinutesVersion[] = [];
  for (const { applies, lateByMinutes: _late, ...v } of all) {
    let content = v.content;
    if (!content) {
      const before = versions[versions.length - 1].content;
      const c = corrections.find((x) => x.id === applies)!;
      content = { ...before, corrections: [...(before.corrections ?? []), { id: c.id, wrong: c.wrong, shouldSay: c.shouldSay }] };
    }
    versions.push({ ...v, content });
  }
  const draft = versions.length ? undefined : ((rows.find((r) => r.rowKey === DRAFT)?.doc as Minutes['draft']) ?? core.draft);
  const first = stored.find((v) => v.version === 1);
  return { ...core, draft, versions, corrections, lateByMinutes: core.lateByMinutes ?? first?.lateByMinutes };
}
