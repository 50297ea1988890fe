import { WorkingCalendar } from '../domain/calendar';
import { Directory } from '../domain/directory';
import { ConversationStore } from '../store/conversations';
import { AuditTrail, Notify, References, Reply as CardReply } from './ports';
import { Schedule } from './jobs';
import { Tell } from './notices';
import { Actor } from './actor';
import { CaseAccess } from './caseAccess';

/** What every workflow uses: built once by the composition root. */
export interface WorkflowServices {
  access: CaseAccess;
  outbox: Notify;
  /** Telling people in domain words (workflows move to it from `outbox`, which takes rendered messages). */
  tell: Tell;
  jobs: Schedule;
  audit: AuditTrail;
  directory: Directory;
  calendar: WorkingCalendar;
  conversations: ConversationStore;
  references: References;
  now: () => Date;
}

/** A workflow's shared parts, and the guard that turns a refusal into a message and an audit event. */
export abstract class Workflow {
  protected readonly access: CaseAccess;
  protected readonly outbox: Notify;
  protected readonly tell: Tell;
  protected readonly jobs: Schedule;
  protected readonly audit: AuditTrail;
  protected readonly directory: Directory;
  protected readonly calendar: WorkingCalendar;
  protected readonly conversations: ConversationStore;
  protected readonly references: References;
  protected readonly now: () => Date;

  constructor(s: WorkflowServices) {
    this.access = s.access;
    this.outbox = s.outbox;
    this.tell = s.tell;
    this.jobs = s.jobs;
    this.audit = s.audit;
    this.directory = s.directory;
    this.calendar = s.calendar;
    this.conversations = s.conversations;
    this.references = s.references;
    this.now = s.now;
  }

  guard(actor: Actor, reference: string, step: () => Promise<CardReply>): Promise<CardReply> {
    return this.access.guard(actor, reference, step);
  }
}
