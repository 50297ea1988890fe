import { Confirmation, Correction, CorrectionDecision, CorrectionRequest, Minutes, MinutesVersion } from '../../src/domain/minutes';
import { MinutesMeasures, MinutesRepository } from '../../src/workflows/minutes/ports';
import { FactsOf } from '../../src/partnership/caseFacts';
import { measured } from '../../src/partnership/minutesMeasures';

/** The minutes in memory, with the store's once-only answers (a version, a decision, a confirmation). */
export class InMemoryMinutes implements MinutesRepository {
  private readonly byRef = new Map<string, Minutes>();
  private readonly confirmed: (Confirmation & { reference: string })[] = [];

  async create(m: Minutes): Promise<boolean> {
    if (this.byRef.has(m.reference)) return false;
    this.byRef.set(m.reference, structuredClone(m));
    return true;
  }
  async get(reference: string): Promise<Minutes | undefined> {
    const m = this.byRef.get(reference);
    return m && structuredClone(m);
  }
  async saveDraft(reference: string, draft: NonNullable<Minutes['draft']>): Promise<void> {
    this.byRef.get(reference)!.draft = structuredClone(draft);
  }
  async addVersion(reference: string, v: MinutesVersion, extra: { applies?: string; lateByMinutes?: number } = {}): Promise<boolean> {
    const m = this.byRef.get(reference)!;
    if (m.versions.some((x) => x.version === v.version)) return false;
    m.versions.push(structuredClone(v));
    if (v.version === 1) {
      m.draft = undefined;
      m.lateByMinutes = extra.lateByMinutes;
    }
    return true;
  }
  async addCorrection(reference: string, request: CorrectionRequest): Promise<Correction | undefined> {
    const m = this.byRef.get(reference)!;
    if (m.corrections.some((c) => c.by === request.by && c.version === request.version && c.state === 'open')) return undefined;
    const c: Correction = { ...request, id: `C${m.corrections.length + 1}`, state: 'open' };
    m.corrections.push(c);
    return structuredClone(c);
  }
  async decideCorrection(reference: string, id: string, d: CorrectionDecision): Promise<boolean> {
    const c = this.byRef.get(reference)!.corrections.find((x) => x.id === id)!;
    if (c.state !== 'open') return false;
    c.state = d.state;
    c.decision = { by: d.by, at: d.at, reason: d.reason };
    return true;
  }
  async markRaised(reference: string, id: string, raised: { at: string; difference: string }): Promise<boolean> {
    const c = this.byRef.get(reference)!.corrections.find((x) => x.id === id)!;
    if (c.differenceAt) return false;
    c.differenceAt = raised.at;
    c.difference = raised.difference;
    return true;
  }
  async confirm(reference: string, c: Confirmation): Promise<boolean> {
    if (await this.confirmation(reference, c.version, c.aadObjectId)) return false;
    this.confirmed.push({ ...c, reference });
    return true;
  }
  async confirmation(reference: string, version: number, aadObjectId: string): Promise<Confirmation | undefined> {
    const c = this.confirmed.find((x) => x.reference === reference && x.version === version && x.aadObjectId === aadObjectId);
    return c && { version: c.version, aadObjectId: c.aadObjectId, at: c.at };
  }
  async confirmations(reference: string): Promise<Confirmation[]> {
    return this.confirmed.filter((x) => x.reference === reference).map(({ reference: _r, ...c }) => c);
  }
  /** The minutes measure counted as the Partnership tab's projector counts it. */
  measures(facts: FactsOf): MinutesMeasures {
    return {
      endedIn: async (month) =>
        [...this.byRef.values()].flatMap((m) => {
          const counters = facts
            .minutes(
              m,
              this.confirmed.filter((c) => c.reference === m.reference),
            )
            .get(month);
          return counters ? [measured(counters)] : [];
        }),
    };
  }
}
