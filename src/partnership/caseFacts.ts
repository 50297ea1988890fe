/**
 * What one case contributes to the partnership's monthly figures: counters only (0, 1, a number of
 * working days), never who or what. Pure: the records in, the counters out, so that recounting a
 * case after every event gives the same answer however often it runs.
 */
import { WorkingCalendar } from '../domain/calendar';
import { Directory } from '../domain/directory';
import { Minutes, Confirmation, latest } from '../domain/minutes';
import { ProfessionalDifference } from '../domain/professionalDifference';
import { Referral } from '../domain/referral';
import { SeriousIncident } from '../domain/seriousIncident';
import { Acknowledgement, CORE_ROLES, StrategyDiscussion, status } from '../domain/strategyDiscussion';
import { Transfer } from '../domain/transfer';

/** Figure name → amount, e.g. `minutes.withinDay` → 1. Summed over a month's cases. */
export type Counters = Record<string, number>;
/** A case's counters by the month (YYYY-MM, the partnership's time zone) they belong to. */
export type CaseFacts = Map<string, Counters>;

function add(facts: CaseFacts, month: string, counters: Counters): void {
  const into = facts.get(month) ?? {};
  for (const [k, v] of Object.entries(counters)) if (v) into[k] = (into[k] ?? 0) + v;
  facts.set(month, into);
}

const one = (yes: boolean | undefined) => (yes ? 1 : 0);

export class FactsOf {
  constructor(
    private readonly calendar: WorkingCalendar,
    private readonly directory: Directory,
  ) {}

  month(iso: string): string {
    return this.calendar.local(new Date(iso)).toFormat('yyyy-MM');
  }

  /** Whole working days from one instant to another, counted as the stage deadlines count them. */
  private workingDays(from: string, to: string): number {
    const start = new Date(from);
    const end = new Date(to).getTime();
    let days = 0;
    while (days < 400 && this.calendar.addWorkingDays(start, days + 1).getTime() <= end) days++;
    return days;
  }

  /** A case transfer counts in the month it was started. */
  transfer(t: Transfer): CaseFacts {
    const facts: CaseFacts = new Map();
    add(facts, this.month(t.startedAt), {
      'transfers.started': 1,
      'transfers.accepted': one(!!t.acceptance),
      'transfers.acceptanceDays': t.acceptance ? this.workingDays(t.startedAt, t.acceptance.at) : 0,
      'transfers.declined': one(t.state === 'declined'),
      'transfers.lapsed': one(t.state === 'lapsed'),
    });
    return facts;
  }

  /** A referral counts in the month it was submitted. */
  referral(r: Referral): CaseFacts {
    const facts: CaseFacts = new Map();
    const inTime = !!r.decision && r.decision.at <= r.decideBy;
    add(facts, this.month(r.submittedAt), {
      'referrals.received': 1,
      'referrals.urgent': one(r.urgent),
      'referrals.decided': one(!!r.decision),
      'referrals.decidedInTime': one(inTime),
      'referrals.urgentDecidedInTime': one(r.urgent && inTime),
      [`referrals.outcome.${r.decision?.outcome}`]: one(!!r.decision),
    });
    return facts;
  }

  /** A discussion counts in the month it was convened; its minutes in the month it ended. */
  discussion(d: StrategyDiscussion, acks: Acknowledgement[], minutes: Minutes | undefined, confirmations: Confirmation[]): CaseFacts {
    const facts: CaseFacts = new Map();
    const roles: Counters = {};
    for (const spec of CORE_ROLES) {
      roles[`discussions.invited.${spec.role}`] = one(d.invitees.some((i) => i.role === spec.role));
      roles[`discussions.excused.${spec.role}`] = one(d.omissions.some((o) => o.role === spec.role));
    }
    const state = status(d, acks);
    const actions = d.versions[d.versions.length - 1]?.outcome.actions ?? [];
    const onTime = actions.filter((a) => a.done && this.calendar.local(new Date(a.done.at)).toISODate()! <= a.dueDate);
    add(facts, this.month(d.convenedAt), {
      'discussions.convened': 1,
      ...roles,
      'discussions.withOutcome': one(state !== 'no-outcome'),
      'discussions.agreedByAll': one(state === 'agreed-by-all'),
      'discussions.disputed': one(state === 'disputed'),
      'discussions.awaiting': one(state === 'awaiting'),
      'discussions.amended': one(d.versions.length > 1),
      'discussions.actions': actions.length,
      'discussions.actionsOnTime': onTime.length,
    });
    if (minutes) for (const [month, counters] of this.minutes(minutes, confirmations)) add(facts, month, counters);
    return facts;
  }

  /** Minutes count in the month their discussion ended. */
  minutes(minutes: Minutes, confirmations: Confirmation[]): CaseFacts {
    const facts: CaseFacts = new Map();
    const v = latest(minutes);
    const confirmedBy = new Set(confirmations.filter((c) => v && c.version === v.version).map((c) => c.aadObjectId));
    const first = minutes.versions[0];
    add(facts, this.month(minutes.endedAt), {
      'minutes.ended': 1,
      'minutes.circulated': one(!!v),
      'minutes.withinDay': one(!!v && !minutes.lateByMinutes),
      'minutes.fullyConfirmed': one(!!v && v.recipients.every((r) => confirmedBy.has(r))),
      // Kept per case for the median in `minutes report` (its monthly sum means nothing and is not shown).
      'minutes.minutesToCirculation': first ? Math.round((new Date(first.circulatedAt).getTime() - new Date(minutes.endedAt).getTime()) / 60_000) : 0,
      'minutes.corrections': minutes.corrections.length,
      'minutes.correctionsAccepted': minutes.corrections.filter((c) => c.state === 'accepted').length,
      'minutes.dissent': minutes.corrections.filter((c) => c.state === 'declined').length,
    });
    return facts;
  }

  /** A difference counts in the month it was raised; each stage's time once the stage has ended. */
  difference(pd: ProfessionalDifference): CaseFacts {
    const facts: CaseFacts = new Map();
    const agencyOf = (id: string) => this.directory.person(id)?.agency ?? 'unknown';
    const counters: Counters = {
      'differences.raised': 1,
      [`differences.raisedBy.${agencyOf(pd.raisedBy)}`]: 1,
      [`differences.against.${agencyOf(pd.responding)}`]: 1,
      [`differences.reached.${pd.stages[pd.stages.length - 1].stage}`]: 1,
      'differences.autoEscalations': pd.stages.filter((s) => s.ended === 'auto-escalated').length,
      'differences.resolved': one(pd.state === 'resolved'),
      'differences.partnershipDecision': one(pd.state === 'closed'),
      'differences.open': one(pd.state === 'open'),
    };
    for (const s of pd.stages.filter((x) => x.endedAt)) {
      counters[`differences.stageEnded.${s.stage}`] = (counters[`differences.stageEnded.${s.stage}`] ?? 0) + 1;
      counters[`differences.stageDays.${s.stage}`] = (counters[`differences.stageDays.${s.stage}`] ?? 0) + this.workingDays(s.startedAt, s.endedAt!);
    }
    add(facts, this.month(pd.raisedAt), counters);
    return facts;
  }

  /** A serious incident counts in the month it was reported. */
  incident(si: SeriousIncident): CaseFacts {
    const facts: CaseFacts = new Map();
    add(facts, this.month(si.raisedAt), {
      'incidents.reported': 1,
      'incidents.panelInTime': one(!!si.panelNotifiedAt && si.panelNotifiedAt <= si.panelDueAt),
      'incidents.panelNotified': one(!!si.panelNotifiedAt),
      'incidents.reviewInTime': one(!!si.rapidReviewCompletedAt && !!si.rapidReviewDueAt && si.rapidReviewCompletedAt <= si.rapidReviewDueAt),
      'incidents.reviewCompleted': one(!!si.rapidReviewCompletedAt),
    });
    return facts;
  }
}
