/** In-memory repositories for professional differences and the cases they can be raised from. */
import { ProfessionalDifference, summaryOf, type DifferenceSummary } from '../../src/domain/professionalDifference';
import type { Acknowledgement, DifferenceRequest, DifferenceResolution, StrategyDiscussion } from '../../src/domain/strategyDiscussion';
import type { Minutes } from '../../src/domain/minutes';
import type { CorrectionLinks, DifferenceRepository, OutcomeLinks } from '../../src/workflows/differences/ports';

/** Kept as JSON, so a use case never shares an object with what is stored. */
export class InMemoryDifferences implements DifferenceRepository {
  private readonly rows = new Map<string, string>();
  async create(pd: ProfessionalDifference): Promise<void> {
    if (this.rows.has(pd.reference)) throw new Error(`${pd.reference} exists`);
    this.rows.set(pd.reference, JSON.stringify(pd));
  }
  async get(reference: string): Promise<ProfessionalDifference | undefined> {
    const row = this.rows.get(reference);
    return row ? (JSON.parse(row) as ProfessionalDifference) : undefined;
  }
  async apply(reference: string, change: (pd: ProfessionalDifference) => ProfessionalDifference): Promise<{ pd: ProfessionalDifference; changed: boolean }> {
    const cur = (await this.get(reference))!;
    const next = change(cur);
    if (next === cur) return { pd: cur, changed: false };
    this.rows.set(reference, JSON.stringify(next));
    return { pd: next, changed: true };
  }
  async summaries(): Promise<DifferenceSummary[]> {
    return [...this.rows.values()].map((r) => summaryOf(JSON.parse(r) as ProfessionalDifference));
  }
}

export class InMemoryDiscussions implements OutcomeLinks {
  readonly discussions = new Map<string, StrategyDiscussion>();
  readonly acknowledgements: Acknowledgement[] = [];
  readonly differenceRequests: { reference: string; request: DifferenceRequest }[] = [];
  async get(reference: string): Promise<StrategyDiscussion | undefined> {
    return this.discussions.get(reference);
  }
  async acknowledgement(reference: string, version: number, aadObjectId: string): Promise<Acknowledgement | undefined> {
    return this.discussions.has(reference) ? this.acknowledgements.find((a) => a.version === version && a.aadObjectId === aadObjectId) : undefined;
  }
  async addDifferenceRequest(reference: string, request: DifferenceRequest): Promise<boolean> {
    if (
      this.differenceRequests.some((r) => r.reference === reference && r.request.aadObjectId === request.aadObjectId && r.request.version === request.version)
    )
      return false;
    this.differenceRequests.push({ reference, request });
    return true;
  }
  readonly resolutions: { reference: string; resolution: DifferenceResolution }[] = [];
  async addResolution(reference: string, resolution: DifferenceResolution): Promise<boolean> {
    if (this.resolutions.some((r) => r.reference === reference && r.resolution.difference === resolution.difference)) return false;
    this.resolutions.push({ reference, resolution });
    return true;
  }
}

export class InMemoryMinutes implements CorrectionLinks {
  readonly minutes = new Map<string, Minutes>();
  readonly raised: { reference: string; id: string; difference: string }[] = [];
  async get(reference: string): Promise<Minutes | undefined> {
    return this.minutes.get(reference);
  }
  async markRaised(reference: string, id: string, raised: { at: string; difference: string }): Promise<boolean> {
    if (this.raised.some((r) => r.reference === reference && r.id === id)) return false;
    this.raised.push({ reference, id, difference: raised.difference });
    return true;
  }
}
