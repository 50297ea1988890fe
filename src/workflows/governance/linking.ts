/**
 * One child, one thread: a Front Door person or a chair links two cases they are both part of
 * (`link REF-0003 SD-0002`), and every record shows the cases on its thread.
 */
import { Refused } from '../../domain/refusals';
import { isCaseReference, referenceForAudit } from '../../domain/caseReference';
import { Actor } from '../actor';
import { CaseAccess } from '../caseAccess';
import { CaseInvolvement } from './involvement';
import { CaseThreads } from './ports';

export class CaseLinking {
  constructor(
    private readonly threads: CaseThreads,
    private readonly involvement: CaseInvolvement,
    private readonly access: CaseAccess,
  ) {}

  async link(actor: Actor, a: string, b: string): Promise<string> {
    const p = actor.person;
    if (!p.roles.includes('front-door') && !p.roles.includes('chair'))
      throw new Refused('not-front-door', 'Only the Front Door or a chair can link two cases.', 'link');
    for (const ref of [a, b]) {
      if (!isCaseReference(ref) || !(await this.involvement.isPartOf(p, ref)))
        throw new Refused(
          'not-involved',
          `You are not involved in ${ref}, so Concord cannot link it. You can link cases you are part of.`,
          `asked to link ${referenceForAudit(ref)}`,
        );
    }
    if (a === b) return `${a} is one case: name two different cases to link.`;
    const linked = await this.threads.link(a, b, 'by-hand');
    // Linked already (by hand, by a case started from the other, by an NHS number): nothing happened to audit.
    if (linked) {
      await this.access.note(actor, a, 'thread.linked', `linked to ${b} by hand`);
      await this.access.note(actor, b, 'thread.linked', `linked to ${a} by hand`);
    }
    const thread = await this.threads.thread(a);
    return `${a} and ${b} are ${linked ? 'now' : 'already'} linked as cases of the same child. The thread: ${[a, ...thread].join(', ')}.`;
  }

  /** The other cases on this case's thread: shown only below a record its reader may already see. */
  linked(reference: string): Promise<string[]> {
    return this.threads.thread(reference);
  }
}
