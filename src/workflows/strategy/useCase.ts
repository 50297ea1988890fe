/** What every strategy discussion use case shares: its ports, and loading, noting and guarding a case. */
import { StrategyDiscussion } from '../../domain/strategyDiscussion';
import { Actor } from '../actor';
import { CaseAccess } from '../caseAccess';
import { Tell } from '../notices';
import { Reply } from '../ports';
import { StrategyPorts } from './ports';

export abstract class StrategyUseCase {
  protected readonly access: CaseAccess;
  protected readonly tell: Tell;

  constructor(protected readonly ports: StrategyPorts) {
    this.access = new CaseAccess(ports.discussions, ports.audit, ports.differences, ports);
    this.tell = ports.tell;
  }

  protected now(): Date {
    return this.ports.now();
  }

  /** Runs one step; a refusal becomes a clear message and an audit event. */
  guard(actor: Actor, reference: string, step: () => Promise<Reply>): Promise<Reply> {
    return this.access.guard(actor, reference, step);
  }

  protected load(actor: Actor, reference: string, recent = false): Promise<StrategyDiscussion> {
    return this.access.load(actor, reference, recent);
  }

  protected note(actor: Actor, subject: string, action: string, detail?: string): Promise<void> {
    return this.access.note(actor, subject, action, detail);
  }
}
