import { isCaseReference } from '../../domain/caseReference';
import { roleHolder } from '../../domain/waiting';
import { Notice, Tell } from '../notices';
import { WorkIndex } from './ports';

/**
 * Telling people, that also keeps the worklist index: whoever is told about a case may have work
 * in it, and so may those a discussion gives work without telling them (its chair, minute-taker
 * and action owners) and the Front Door for an undecided referral. About one small row a notice,
 * like the delivery row the outbox writes anyway. The index is written before the telling, so a
 * crash between the two never leaves someone told of work their list does not show. Replacing a
 * card already sent adds nobody: its reader was indexed when it was first sent.
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

  replace(notice: Notice): Promise<boolean> {
    return this.inner.replace(notice);
  }

  replaceLater(notices: Notice[]): Promise<void> {
    return this.inner.replaceLater(notices);
  }

  replaceNewest(notice: Notice): Promise<boolean> {
    return this.inner.replaceNewest(notice);
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
    out.push(d.chair, d.minuteTaker, ...actions.map((a) => a.ownerAadObjectId));
  }
  if ('referral' in n && !n.referral.decision) out.push(roleHolder('front-door'));
  // Any partnership admin records an incident's statutory steps, also one who joins later.
  if ('incident' in n) out.push(roleHolder('partnership-admin'));
  return out;
}
