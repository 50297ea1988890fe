/**
 * The minutes of a strategy discussion: due a number of clock hours after it ends (the
 * partnership's `minutesDueHours`, 24 by default), circulated to everyone
 * involved, each recipient confirming they received and reviewed them. Corrections are accepted
 * (a new version, circulated again) or declined with a reason, and a declined correction stays on
 * the record as that agency's dissent.
 */
import { Decision, DECISIONS, StrategyDiscussion, attendees, currentVersion } from './strategyDiscussion';
import { Invalid, Refused } from './refusals';
import { isChoice } from './choices';
import { FIELDS, lengthProblems } from './limits';

export interface MinutesContent {
  agencyInformation: string;
  analysis: string;
  decision: Decision;
  rationale: string;
  actions: string;
  familyTold: string;
  link?: string;
  /** Corrections the chair accepted, shown with the minutes from the version that applies them. */
  corrections?: { id: string; wrong: string; shouldSay: string }[];
}

export interface MinutesVersion {
  version: number;
  content: MinutesContent;
  circulatedAt: string;
  circulatedBy: string;
  recipients: string[];
  /** Why this version exists, when it is not the first: the correction it applies. */
  reason?: string;
}

export interface Correction {
  id: string;
  by: string;
  version: number;
  wrong: string;
  shouldSay: string;
  at: string;
  state: 'open' | 'accepted' | 'declined';
  decision?: { by: string; at: string; reason?: string };
  /** When the person raised their declined correction as a professional difference, and which. */
  differenceAt?: string;
  difference?: string;
}

export interface Minutes {
  reference: string;
  endedAt: string;
  dueAt: string;
  draft?: MinutesContent & { savedAt: string; savedBy: string };
  versions: MinutesVersion[];
  corrections: Correction[];
  /** Set once, at the first circulation after the deadline: the record shows it for good. */
  lateByMinutes?: number;
}

/** A correction as the person asks for it, before it is numbered. */
export type CorrectionRequest = Pick<Correction, 'by' | 'version' | 'wrong' | 'shouldSay' | 'at'>;
/** The chair's decision on a correction. */
export type CorrectionDecision = { state: 'accepted' | 'declined'; by: string; at: string; reason?: string };

export interface Confirmation {
  version: number;
  aadObjectId: string;
  at: string;
}

export function latest(m: Minutes): MinutesVersion | undefined {
  return m.versions[m.versions.length - 1];
}

/** Everyone who receives the minutes: attendees, invitees who did not attend, the referrer and the chair. */
export function recipients(d: StrategyDiscussion): string[] {
  const all = [d.chair, ...attendees(d), ...d.invitees.map((i) => i.aadObjectId), ...(d.referrer ? [d.referrer] : [])];
  return [...new Set(all)].filter((id) => id !== d.minuteTaker);
}

export function mayWrite(d: StrategyDiscussion, aadObjectId: string): boolean {
  return aadObjectId === d.minuteTaker || aadObjectId === d.chair;
}

/** The clock starts when the discussion ends: due `dueHours` clock hours later, across weekends and clock changes. */
export function startClock(d: StrategyDiscussion, now: Date, dueHours: number): Minutes {
  return {
    reference: d.reference,
    endedAt: now.toISOString(),
    dueAt: new Date(now.getTime() + dueHours * 3_600_000).toISOString(),
    versions: [],
    corrections: [],
  };
}

/**
 * The clock hours these minutes were given: kept with them (their due time), so minutes whose
 * clock started before the partnership changed its timescale are still described truly.
 */
export function dueHours(m: Pick<Minutes, 'endedAt' | 'dueAt'>): number {
  return Math.round((new Date(m.dueAt).getTime() - new Date(m.endedAt).getTime()) / 3_600_000);
}

/** "6 hours", "1 hour 5 minutes": how late, or how long, in words. */
export function lateness(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  return [h ? part(h, 'hour') : '', m ? part(m, 'minute') : ''].filter(Boolean).join(' ') || 'less than a minute';
}

/** A level of need alone ("level 3") is never accepted: the needs must be described in words. */
const LEVEL_ONLY = /^\s*(level|tier)\s*\d+\s*\.?\s*$/i;

/** What stops minutes being circulated, each with the field it is about (the card shows it beside that field). */
export function contentProblems(input: Record<string, string | undefined>): { field: keyof MinutesContent; problem: string }[] {
  const t = (k: keyof MinutesContent) => (input[k] ?? '').trim();
  const problems: { field: keyof MinutesContent; problem: string }[] = [];
  const add = (field: keyof MinutesContent, problem: string) => problems.push({ field, problem });
  if (!t('agencyInformation')) add('agencyInformation', 'Record the information each agency shared.');
  if (!t('analysis')) add('analysis', 'Record the analysis of risk and needs.');
  else if (LEVEL_ONLY.test(t('analysis'))) add('analysis', 'Describe the needs and their impact on the child in words: a level alone is not enough.');
  if (!isChoice(DECISIONS, t('decision'))) add('decision', 'Record the decision.');
  if (!t('rationale')) add('rationale', 'Record the rationale for the decision.');
  if (!t('familyTold')) add('familyTold', 'Record what the family is told, or why not.');
  if (t('link') && !/^https:\/\/\S+$/.test(t('link'))) add('link', 'The link to a longer document must start with https://.');
  return problems;
}

export function checkContent(input: Record<string, string>): MinutesContent {
  const t = (k: string) => (input[k] ?? '').trim();
  const link = t('link');
  const problems = [...contentProblems(input).map((p) => p.problem), ...draftProblems(input)];
  if (problems.length) throw new Invalid(problems);
  return {
    agencyInformation: t('agencyInformation'),
    analysis: t('analysis'),
    decision: t('decision') as Decision,
    rationale: t('rationale'),
    actions: t('actions'),
    familyTold: t('familyTold'),
    link: link || undefined,
  };
}

/** Minutes longer than their fields take, whether saved as a draft or circulated. */
export function draftProblems(input: Record<string, string | undefined>): string[] {
  return lengthProblems([
    [FIELDS.agencyInformation, input.agencyInformation],
    [FIELDS.analysis, input.analysis],
    [FIELDS.minutesRationale, input.rationale],
    [FIELDS.minutesActions, input.actions],
    [FIELDS.familyTold, input.familyTold],
    [FIELDS.link, input.link],
  ]);
}

/**
 * The minutes may not contradict the acknowledged outcome silently: either the minutes are
 * corrected, or the chair amends the outcome (a new version, acknowledged again).
 */
export function contradiction(d: StrategyDiscussion, content: MinutesContent): string | undefined {
  const v = currentVersion(d);
  if (!v || v.outcome.decision === content.decision) return undefined;
  return `The minutes record the decision as “${DECISIONS[content.decision]}”, but the outcome acknowledged by the attendees (version ${v.version}) is “${DECISIONS[v.outcome.decision]}”. Correct the minutes, or the chair amends the outcome so that every attendee acknowledges it again.`;
}

export function circulate(m: Minutes, d: StrategyDiscussion, actor: string, content: MinutesContent, now: Date, reason?: string): Minutes {
  if (!mayWrite(d, actor)) throw new Refused('not-minute-writer', `Only the minute-taker or the chair of ${d.reference} can circulate its minutes.`);
  const problem = contradiction(d, content);
  if (problem) throw new Invalid([problem]);
  const version = (latest(m)?.version ?? 0) + 1;
  const late = now.getTime() - new Date(m.dueAt).getTime();
  return {
    ...m,
    draft: undefined,
    versions: [...m.versions, { version, content, circulatedAt: now.toISOString(), circulatedBy: actor, recipients: recipients(d), reason }],
    lateByMinutes: m.lateByMinutes ?? (version === 1 && late > 0 ? Math.round(late / 60_000) : undefined),
  };
}

export function requestCorrection(m: Minutes, d: StrategyDiscussion, actor: string, version: number, wrong: string, shouldSay: string, now: Date): Minutes {
  const v = latest(m);
  if (!v?.recipients.includes(actor))
    throw new Refused('not-recipient', `Only the people the minutes of ${d.reference} were sent to can ask for a correction.`);
  if (version !== v.version)
    throw new Refused(
      'old-version',
      `These are version ${version} of the minutes of ${d.reference}; version ${v.version} has replaced them. Please review that one.`,
    );
  // One open correction per person and version: a second click, or a repeat, changes nothing.
  if (m.corrections.some((c) => c.by === actor && c.version === version && c.state === 'open')) return m;
  const problems: string[] = [];
  if (!wrong.trim()) problems.push('Say what is wrong in the minutes.');
  if (!shouldSay.trim()) problems.push('Say what the minutes should say.');
  problems.push(
    ...lengthProblems([
      [FIELDS.correctionWrong, wrong, 'What is wrong'],
      [FIELDS.correctionShouldSay, shouldSay],
    ]),
  );
  if (problems.length) throw new Invalid(problems);
  const id = `C${m.corrections.length + 1}`;
  return {
    ...m,
    corrections: [...m.corrections, { id, by: actor, version, wrong: wrong.trim(), shouldSay: shouldSay.trim(), at: now.toISOString(), state: 'open' }],
  };
}

export function decideCorrection(
  m: Minutes,
  d: StrategyDiscussion,
  actor: string,
  id: string,
  accept: boolean,
  reason: string,
  now: Date,
): { minutes: Minutes; correction: Correction } {
  if (actor !== d.chair) throw new Refused('not-chair', `Only the chair of ${d.reference} decides on corrections to its minutes.`);
  const c = m.corrections.find((x) => x.id === id);
  if (!c) throw new Refused('old-version', `There is no correction ${id} to the minutes of ${d.reference}.`);
  if (c.state !== 'open') return { minutes: m, correction: c };
  if (!accept && !reason.trim()) throw new Invalid(['Give the reason for declining the correction: it stays on the record as a dissent.']);
  const long = lengthProblems([[FIELDS.declineReason, reason, 'The reason for declining']]);
  if (long.length) throw new Invalid(long);
  const decided: Correction = {
    ...c,
    state: accept ? 'accepted' : 'declined',
    decision: { by: actor, at: now.toISOString(), reason: reason.trim() || undefined },
  };
  let minutes: Minutes = { ...m, corrections: m.corrections.map((x) => (x.id === id ? decided : x)) };
  if (accept) {
    const v = latest(m)!;
    const content = { ...v.content, corrections: [...(v.content.corrections ?? []), { id, wrong: c.wrong, shouldSay: c.shouldSay }] };
    minutes = circulate(minutes, d, actor, content, now, `Correction ${id} accepted`);
  }
  return { minutes, correction: decided };
}
