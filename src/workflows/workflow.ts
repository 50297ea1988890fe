import { WorkingCalendar } from '../domain/calendar';
import { Directory } from '../domain/directory';
import { AuditTrail, References, Reply as CardReply } from './ports';
import { Schedule } from './jobs';
import { Tell } from './notices';
import { Actor } from './actor';
import { CaseAccess } from './caseAccess';

/** What every workflow uses: built once by the composition root. */
export interface WorkflowServices {
  access: CaseAccess;
  /** Telling people, in domain words: the edge presents and delivers. */
  tell: Tell;
  jobs: Schedule;
  audit: AuditTrail;
  directory: Directory;
  calendar: WorkingCalendar;
  references: References;
  now: () => Date;
}

/** A workflow's shared parts, and the guard that turns a refusal into a message and an audit event. */
export abstract class Workflow {
  protected readonly access: CaseAccess;
  protected readonly tell: Tell;
  protected readonly jobs: Schedule;
  protected readonly audit: AuditTrail;
  protected readonly directory: Directory;
  protected readonly calendar: WorkingCalendar;
  protected readonly references: References;
  protected readonly now: () => Date;

  constructor(s: WorkflowServices) {
    this.access = s.access;
    this.tell = s.tell;
    this.jobs = s.jobs;
    this.audit = s.audit;
    this.directory = s.directory;
    this.calendar = s.calendar;
    this.references = s.references;
    this.now = s.now;
  }

  guard(actor: Actor, reference: string, step: () => Promise<CardReply>): Promise<CardReply> {
    return this.access.guard(actor, reference, step);
  }
}
