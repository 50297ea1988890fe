/**
 * Resolving Professional Differences: a difference about a decision for a child moves up a
 * ladder of stages until both sides agree. Every stage has a deadline, and at the deadline an
 * unresolved difference moves up by itself: it never just stays open. The protocol's own words:
 * "raised by" and "responding", never "challenger".
 */
import { Directory, Person } from './directory';
import { Invalid, Refused } from './refusals';
import { FIELDS, lengthProblems } from './limits';
import { WorkingCalendar } from './calendar';
import { receiverFor } from './cover';
import { immediateRiskStage, Ladder, ladderFrom, StageParticipants, stageOf } from './escalationLadder';

export type Side = 'raised-by' | 'responding';

/** The partnership's ladder, read from its directory each time (a reloaded directory takes effect at once). */
export function ladderOf(directory: Directory): Ladder {
  return ladderFrom(directory.partnership.escalation.stages);
}

/** When a stage begun at `from` must be resolved: the end of its last working day. */
function stageDueAt(directory: Directory, calendar: WorkingCalendar, stage: number, from: Date): Date {
  return calendar.endOfWorkingDayAfter(from, stageOf(ladderOf(directory), stage).workingDays);
}

export interface Participant {
  aadObjectId: string;
  /** The partnership stage has no side: it decides. */
  side?: Side;
  /** Added because the manager before them did not answer in time, or is away. */
  coverFor?: string;
}

export interface StageRecord {
  stage: number;
  startedAt: string;
  dueAt: string;
  participants: Participant[];
  endedAt?: string;
  ended?: 'escalated' | 'auto-escalated' | 'resolved' | 'closed';
}

export interface LogEntry {
  at: string;
  /** An Entra object id, or "system" for what the deadline did. */
  by: string;
  stage: number;
  what: 'raised' | 'escalated' | 'auto-escalated' | 'proposed' | 'asked' | 'answered' | 'silence' | 'resolved' | 'closed' | 'overdue';
  text?: string;
  /** For "silence": the manager who did not answer. */
  about?: string;
}

export interface Origin {
  kind: 'strategy-outcome' | 'minutes-correction';
  reference: string;
  /** Outcome version, or correction id. */
  detail: string;
}

export interface ProfessionalDifference {
  reference: string;
  caseReference: string;
  raisedBy: string;
  responding: string;
  decision: string;
  reasons: string;
  outcomeSought: string;
  immediateRisk: boolean;
  origin?: Origin;
  raisedAt: string;
  stages: StageRecord[];
  proposal?: { by: string; side: Side | undefined; text: string; at: string };
  log: LogEntry[];
  state: 'open' | 'resolved' | 'closed';
  resolution?: { text: string; at: string; agreedBy: string[] };
}

export interface RaiseRequest {
  caseReference: string;
  decision: string;
  reasons: string;
  outcomeSought: string;
  responding: string;
  immediateRisk: boolean;
  origin?: Origin;
}

/** Who takes part at a stage, for each side, from the directory, by the stage's rule. */
export function participantsFor(rule: StageParticipants, raisedBy: Person, responding: Person, directory: Directory): Participant[] {
  if (rule === 'partnership') return directory.withRole('partnership-admin').map((a) => ({ aadObjectId: a.aadObjectId }));
  const side = (p: Person, s: Side): Participant[] => {
    if (rule === 'practitioners') return [{ aadObjectId: p.aadObjectId, side: s }];
    if (rule === 'line-managers') {
      const m = directory.manager(p);
      return m ? [{ aadObjectId: m.aadObjectId, side: s }] : [];
    }
    // Senior managers: the nearest up the line, else a senior manager of the same agency.
    let cur: Person | undefined = directory.manager(p);
    for (let i = 0; cur && i < 6; i++, cur = directory.manager(cur)) {
      if (cur.roles.includes('senior-manager')) return [{ aadObjectId: cur.aadObjectId, side: s }];
    }
    const senior = directory.withRole('senior-manager').find((x) => x.agency === p.agency);
    return senior ? [{ aadObjectId: senior.aadObjectId, side: s }] : [];
  };
  return [...side(raisedBy, 'raised-by'), ...side(responding, 'responding')];
}

/**
 * Whoever covers a participant away today takes part beside them, on their side: a stage that
 * waits for someone on leave stalls (Child Alex: the follow-up fell into a holiday).
 */
function withCovers(participants: Participant[], directory: Directory, calendar: WorkingCalendar, now: Date): Participant[] {
  const out = [...participants];
  for (const p of participants) {
    if (!p.side) continue;
    const cover = receiverFor(directory, calendar, p.aadObjectId, now).person;
    if (cover !== p.aadObjectId && !out.some((x) => x.aadObjectId === cover)) out.push({ aadObjectId: cover, side: p.side, coverFor: p.aadObjectId });
  }
  return out;
}

/** A stage beginning now: its people by the ladder's rule, its deadline by the calendar. */
function begin(
  stage: number,
  raisedBy: Person,
  responding: Person,
  directory: Directory,
  calendar: WorkingCalendar,
  now: Date,
  immediateRisk = false,
): StageRecord {
  const participants = withCovers(participantsFor(stageOf(ladderOf(directory), stage).participants, raisedBy, responding, directory), directory, calendar, now);
  // A child at immediate risk cannot wait a stage's usual days: resolved or escalated within the partnership's immediate-risk deadline.
  const dueAt = immediateRisk
    ? calendar.endOfWorkingDayAfter(now, directory.partnership.escalation.immediateRiskWorkingDays)
    : stageDueAt(directory, calendar, stage, now);
  return { stage, startedAt: now.toISOString(), dueAt: dueAt.toISOString(), participants };
}

function mustFit(text: string, label: string): void {
  const long = lengthProblems([[FIELDS.stageText, text, label]]);
  if (long.length) throw new Invalid(long);
}

export function currentStage(pd: ProfessionalDifference): StageRecord {
  return pd.stages[pd.stages.length - 1];
}

export function participant(pd: ProfessionalDifference, aadObjectId: string): Participant | undefined {
  return currentStage(pd).participants.find((p) => p.aadObjectId === aadObjectId);
}

/** Parties, everyone at this or an earlier stage, and partnership admins (checked by the caller). */
export function maySee(pd: ProfessionalDifference, aadObjectId: string): boolean {
  return pd.raisedBy === aadObjectId || pd.responding === aadObjectId || pd.stages.some((s) => s.participants.some((p) => p.aadObjectId === aadObjectId));
}

function mustAct(pd: ProfessionalDifference, actor: string, stage: number): Participant {
  if (pd.state !== 'open') throw new Refused('old-version', `${pd.reference} is ${pd.state}: nothing more can be done on it.`);
  const cur = currentStage(pd);
  if (stage !== cur.stage) {
    throw new Refused(
      'old-version',
      `This card is for stage ${stage} of ${pd.reference}, which is now at stage ${cur.stage}. The people at stage ${cur.stage} act on it now.`,
    );
  }
  const p = participant(pd, actor);
  if (!p) throw new Refused('not-participant', `Only the people taking part in stage ${cur.stage} of ${pd.reference} can act on it now.`);
  return p;
}

export function raise(
  req: RaiseRequest,
  reference: string,
  raisedBy: Person,
  directory: Directory,
  calendar: WorkingCalendar,
  now: Date,
): ProfessionalDifference {
  const problems: string[] = [];
  if (!req.caseReference.trim()) problems.push('Give the case reference (for example SD-0142), not the child’s name.');
  if (!req.decision.trim()) problems.push('Say which decision or action is in question.');
  if (!req.reasons.trim()) problems.push('Give your reasons and the evidence.');
  if (!req.outcomeSought.trim()) problems.push('Say what outcome you are seeking.');
  problems.push(
    ...lengthProblems([
      [FIELDS.caseReference, req.caseReference, 'The case reference'],
      [FIELDS.differenceDecision, req.decision],
      [FIELDS.differenceReasons, req.reasons],
      [FIELDS.outcomeSought, req.outcomeSought],
    ]),
  );
  const responding = directory.person(req.responding);
  if (!responding) problems.push('Choose the responding practitioner.');
  else if (responding.aadObjectId === raisedBy.aadObjectId) problems.push('The responding practitioner must be someone else.');
  if (problems.length) throw new Invalid(problems);
  // Immediate risk cannot wait for practitioners and line managers: it starts with senior managers.
  const stage = req.immediateRisk ? immediateRiskStage(ladderOf(directory)) : 1;
  return {
    reference,
    caseReference: req.caseReference.trim().toUpperCase(),
    raisedBy: raisedBy.aadObjectId,
    responding: responding!.aadObjectId,
    decision: req.decision.trim(),
    reasons: req.reasons.trim(),
    outcomeSought: req.outcomeSought.trim(),
    immediateRisk: req.immediateRisk,
    origin: req.origin,
    raisedAt: now.toISOString(),
    stages: [begin(stage, raisedBy, responding!, directory, calendar, now, req.immediateRisk)],
    log: [
      {
        at: now.toISOString(),
        by: raisedBy.aadObjectId,
        stage,
        what: 'raised',
        text: req.immediateRisk ? `The child is at immediate risk: started at stage ${stage}.` : undefined,
      },
    ],
    state: 'open',
  };
}

/** Move to the next stage: by a participant's choice, or by the deadline ("system"). */
export function escalate(
  pd: ProfessionalDifference,
  by: string,
  stage: number,
  why: string,
  now: Date,
  directory: Directory,
  calendar: WorkingCalendar,
): ProfessionalDifference {
  if (by !== 'system') mustAct(pd, by, stage);
  const cur = currentStage(pd);
  if (pd.state !== 'open' || cur.stage !== stage) return pd; // already moved: a repeat does nothing
  if (cur.stage >= ladderOf(directory).length) {
    if (by === 'system') {
      return { ...pd, log: [...pd.log, { at: now.toISOString(), by, stage, what: 'overdue', text: why }] };
    }
    throw new Refused('old-version', `${pd.reference} is at the last stage: the partnership records the final outcome.`);
  }
  const next = cur.stage + 1;
  const raisedBy = directory.person(pd.raisedBy)!;
  const responding = directory.person(pd.responding)!;
  const ended: StageRecord = { ...cur, endedAt: now.toISOString(), ended: by === 'system' ? 'auto-escalated' : 'escalated' };
  return {
    ...pd,
    proposal: undefined,
    stages: [...pd.stages.slice(0, -1), ended, begin(next, raisedBy, responding, directory, calendar, now)],
    log: [...pd.log, { at: now.toISOString(), by, stage, what: by === 'system' ? 'auto-escalated' : 'escalated', text: why }],
  };
}

export function propose(pd: ProfessionalDifference, by: string, stage: number, text: string, now: Date): ProfessionalDifference {
  const p = mustAct(pd, by, stage);
  if (!text.trim()) throw new Invalid(['Write the resolution you propose: the agreed outcome and actions.']);
  mustFit(text, 'Your proposal');
  if (pd.proposal?.by === by && pd.proposal.text === text.trim()) return pd; // proposed already: a repeat
  return {
    ...pd,
    proposal: { by, side: p.side, text: text.trim(), at: now.toISOString() },
    log: [...pd.log, { at: now.toISOString(), by, stage, what: 'proposed', text: text.trim() }],
  };
}

/**
 * A resolution takes effect only when the other side accepts the same text. At the partnership
 * stage there are no sides: the partnership's outcome is final.
 */
export function accept(pd: ProfessionalDifference, by: string, stage: number, proposalAt: string, now: Date): ProfessionalDifference {
  const p = mustAct(pd, by, stage);
  const proposal = pd.proposal;
  if (!proposal || proposal.at !== proposalAt) throw new Refused('old-version', `That proposal for ${pd.reference} has been replaced; read the latest one.`);
  if (p.side && p.side === proposal.side) throw new Refused('same-side', 'The resolution must be accepted by the other side, not the side that proposed it.');
  return close(pd, by, stage, proposal.text, [proposal.by, by], now, 'resolved');
}

export function finalOutcome(pd: ProfessionalDifference, by: string, stage: number, text: string, now: Date): ProfessionalDifference {
  const p = mustAct(pd, by, stage);
  if (p.side) throw new Refused('not-admin', 'Only the partnership records a final outcome; the two sides agree a resolution.');
  if (!text.trim()) throw new Invalid(['Write the final outcome.']);
  mustFit(text, 'The final outcome');
  return close(pd, by, stage, text.trim(), [by], now, 'closed');
}

function close(
  pd: ProfessionalDifference,
  by: string,
  stage: number,
  text: string,
  agreedBy: string[],
  now: Date,
  how: 'resolved' | 'closed',
): ProfessionalDifference {
  const cur = currentStage(pd);
  return {
    ...pd,
    state: how,
    proposal: undefined,
    resolution: { text, at: now.toISOString(), agreedBy },
    stages: [...pd.stages.slice(0, -1), { ...cur, endedAt: now.toISOString(), ended: how }],
    log: [...pd.log, { at: now.toISOString(), by, stage, what: how, text }],
  };
}

/** The question asked at the current stage that nobody has answered since, if any. */
export function openQuestion(pd: ProfessionalDifference): LogEntry | undefined {
  const cur = currentStage(pd).stage;
  for (let i = pd.log.length - 1; i >= 0; i--) {
    const e = pd.log[i];
    if (e.stage !== cur) break;
    if (e.what === 'answered') return undefined;
    if (e.what === 'asked') return e;
  }
  return undefined;
}

/**
 * Who may answer a question at the current stage: its own participants, and anyone who took part
 * earlier (the two practitioners, their managers), since a manager asking for information at stage
 * 2 usually asks the practitioners who know the case.
 */
export function mayAnswer(pd: ProfessionalDifference, aadObjectId: string): boolean {
  if (pd.state !== 'open') return false;
  if (participant(pd, aadObjectId)) return true;
  const earlier =
    pd.raisedBy === aadObjectId || pd.responding === aadObjectId || pd.stages.some((s) => s.participants.some((p) => p.aadObjectId === aadObjectId));
  return earlier && !!openQuestion(pd);
}

export function askOrAnswer(
  pd: ProfessionalDifference,
  by: string,
  stage: number,
  what: 'asked' | 'answered',
  text: string,
  now: Date,
): ProfessionalDifference {
  if (what === 'answered' && !participant(pd, by) && mayAnswer(pd, by) && stage === currentStage(pd).stage) {
    // someone from an earlier stage answering the open question: allowed
  } else mustAct(pd, by, stage);
  if (!text.trim()) throw new Invalid([what === 'asked' ? 'Write the information you are asking for.' : 'Write the information you are giving.']);
  mustFit(text, what === 'asked' ? 'Your question' : 'The information you give');
  const last = pd.log[pd.log.length - 1];
  if (last && last.by === by && last.stage === stage && last.what === what && last.text === text.trim()) return pd; // a repeat
  return { ...pd, log: [...pd.log, { at: now.toISOString(), by, stage, what, text: text.trim() }] };
}

/** Has this participant done anything at this stage? Silence goes to their own manager. */
export function hasActed(pd: ProfessionalDifference, aadObjectId: string, stage: number): boolean {
  return pd.log.some((e) => e.by === aadObjectId && e.stage === stage);
}

/**
 * Someone covering for a participant of the current stage who is away joins it on their side, so
 * the chase they are sent can be acted on. Joined already, or not at the stage: unchanged.
 */
export function joinAsCover(pd: ProfessionalDifference, cover: string, forWhom: string): ProfessionalDifference {
  const cur = currentStage(pd);
  const covered = cur.participants.find((p) => p.aadObjectId === forWhom);
  if (pd.state !== 'open' || !covered?.side || cur.participants.some((p) => p.aadObjectId === cover)) return pd;
  const participants = [...cur.participants, { aadObjectId: cover, side: covered.side, coverFor: forWhom }];
  return { ...pd, stages: [...pd.stages.slice(0, -1), { ...cur, participants }] };
}

export function coverForSilence(
  pd: ProfessionalDifference,
  manager: string,
  stage: number,
  cover: Person | undefined,
  now: Date,
  managerName: string,
): ProfessionalDifference {
  const cur = currentStage(pd);
  if (pd.state !== 'open' || cur.stage !== stage || hasActed(pd, manager, stage)) return pd;
  if (pd.log.some((e) => e.what === 'silence' && e.stage === stage && e.about === manager)) return pd;
  const side = cur.participants.find((p) => p.aadObjectId === manager)?.side;
  const participants =
    cover && !cur.participants.some((p) => p.aadObjectId === cover.aadObjectId)
      ? [...cur.participants, { aadObjectId: cover.aadObjectId, side, coverFor: manager }]
      : cur.participants;
  return {
    ...pd,
    stages: [...pd.stages.slice(0, -1), { ...cur, participants }],
    log: [
      ...pd.log,
      {
        at: now.toISOString(),
        by: 'system',
        stage,
        what: 'silence',
        about: manager,
        text: `${managerName} did not answer within a working day${cover ? `; ${cover.name} asked instead` : '; nobody above them in the directory'}`,
      },
    ],
  };
}

/** A difference as the partnership's log lists it: one small row, kept beside the difference as it changes. */
export interface DifferenceSummary {
  reference: string;
  caseReference: string;
  raisedAt: string;
  raisedBy: string;
  responding: string;
  state: ProfessionalDifference['state'];
  stages: { stage: number; startedAt: string; endedAt?: string }[];
  autoEscalations: number;
}

export function summaryOf(pd: ProfessionalDifference): DifferenceSummary {
  return {
    reference: pd.reference,
    caseReference: pd.caseReference,
    raisedAt: pd.raisedAt,
    raisedBy: pd.raisedBy,
    responding: pd.responding,
    state: pd.state,
    stages: pd.stages.map((s) => ({ stage: s.stage, startedAt: s.startedAt, ...(s.endedAt ? { endedAt: s.endedAt } : {}) })),
    autoEscalations: pd.log.filter((e) => e.what === 'auto-escalated').length,
  };
}
