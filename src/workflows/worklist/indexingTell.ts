import { isCaseReference } from '../../domain/caseReference';
import { roleHolder } from '../../domain/waiting';
import { Notice, Tell } from '../notices';
import { WorkIndex } from './ports';

/**
 * Telling people, that also keeps the worklist index: whoever is told about a case, and everyone
 * the case names (its chair, minute-taker, invitees and action owners; a difference's people; the
 * Front Door for an undecided referral), may have work in it. The index is written before the
 * telling, so a crash between the two never leaves someone told of work their list does not show.
 */
export class IndexingTell implements Tell {
  constructor(
    private readonly inner: Tell,
    private readonly index: WorkIndex,
  ) {}

  async tell(notices: Notice[]): Promise<void> {
    await this.note(notices);
    await this.inner.tell(notices);
  }

  async replace(notice: Notice): Promise<boolean> {
    await this.note([notice]);
    return this.inner.replace(notice);
  }

  async replaceEarlier(notice: Notice): Promise<void> {
    await this.note([notice]);
    await this.inner.replaceEarlier(notice);
  }

  private async note(notices: Notice[]): Promise<void> {
    const byCase = new Map<string, Set<string>>();
    for (const n of notices) {
      if (!isCaseReference(n.about)) continue;
      const holders = byCase.get(n.about) ?? new Set<string>();
      for (const h of holdersOf(n)) holders.add(h);
      byCase.set(n.about, holders);
    }
    await Promise.all([...byCase].map(([reference, holders]) => this.index.add([...holders], reference)));
  }
}

function holdersOf(n: Notice): string[] {
  // A channel is the Front Door's: the only channel Concord posts in.
  const out = ['person' in n.to ? n.to.person : roleHolder('front-door')];
  if ('discussion' in n) {
    const d = n.discussion;
    const actions = d.versions[d.versions.length - 1]?.outcome.actions ?? [];
    out.push(d.chair, d.minuteTaker, ...d.invitees.map((i) => i.aadObjectId), ...actions.map((a) => a.ownerAadObjectId));
  }
  if ('difference' in n) {
    const pd = n.difference;
    out.push(...pd.stages[pd.stages.length - 1].participants.map((p) => p.aadObjectId));
  }
  if ('referral' in n && !n.referral.decision) out.push(roleHolder('front-door'));
  return out;
}
