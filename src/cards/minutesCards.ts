/** View models for the minutes cards. First lines name only the case reference. */
import { WorkingCalendar } from '../domain/calendar';
import { Directory } from '../domain/directory';
import { Confirmation, contentProblems, Correction, dueHours, latest, lateness, Minutes, MinutesVersion } from '../domain/minutes';
import { DraftField } from '../workflows/minutes/forms';
import { ATTENDANCE, currentVersion, DECISIONS, Status, StrategyDiscussion } from '../domain/strategyDiscussion';
import { CARD_CHARS, renderCard } from './render';
import { inputsOf } from '../domain/limits';
import correctionTemplate from './templates/minutes/correction';
import draftTemplate from './templates/minutes/draft';
import reviewTemplate from './templates/minutes/review';
import supersededTemplate from './templates/superseded';

/** How the minutes name the outcome they record, by where it stands. */
const OUTCOME_STANDING: Record<Status, string> = {
  'no-outcome': 'Outcome',
  awaiting: 'Outcome, not yet acknowledged by everyone',
  'agreed-by-all': 'Outcome agreed by all',
  disputed: 'Disputed outcome',
};

type Card = Record<string, unknown>;

export class MinutesCards {
  constructor(
    private readonly directory: Directory,
    private readonly calendar: WorkingCalendar,
  ) {}

  private lateLine(m: Minutes): string {
    return m.lateByMinutes ? `Circulated late: ${lateness(m.lateByMinutes)} after the ${dueHours(m)}-hour deadline.` : '';
  }

  draft(
    d: StrategyDiscussion,
    m: Minutes,
    now: Date,
    options: { standing?: Status; values?: Record<string, string>; errors?: string[]; saved?: string } = {},
  ): Card {
    const o = currentVersion(d)?.outcome;
    const prefill: Record<string, string> = m.draft
      ? {
          agencyInformation: m.draft.agencyInformation,
          analysis: m.draft.analysis,
          decision: m.draft.decision,
          rationale: m.draft.rationale,
          actions: m.draft.actions,
          familyTold: m.draft.familyTold,
          link: m.draft.link ?? '',
        }
      : {
          agencyInformation: '',
          analysis: '',
          decision: o?.decision ?? '',
          rationale: o?.rationale ?? '',
          actions: (o?.actions ?? [])
            .map(
              (a) =>
                `${a.id}: ${a.description} (${this.directory.person(a.ownerAadObjectId)?.name}, due ${this.calendar.local(this.calendar.fromLocal(a.dueDate)!).toFormat('cccc d LLLL yyyy')})`,
            )
            .join('\n'),
          familyTold: o ? `${o.family.shared ? 'Shared' : 'Not shared'}: ${o.family.detail}` : '',
          link: '',
        };
    const values = { ...prefill, ...(options.values ?? {}) };
    const overdue = now.getTime() > new Date(m.dueAt).getTime();
    return renderCard(draftTemplate, {
      reference: d.reference,
      due: this.calendar.phrase(new Date(m.dueAt), now),
      late: overdue && !latest(m) ? `The ${dueHours(m)} hours have passed: the minutes are late, and the record will show by how much.` : '',
      saved: options.saved ?? '',
      ...this.errorsBeside(values, options.errors ?? []),
      f: inputsOf('agencyInformation', 'analysis', 'minutesRationale', 'minutesActions', 'familyTold', 'link'),
      attendance: d.invitees.map((i) => `${this.directory.nameWithAgency(i.aadObjectId)}: ${ATTENDANCE[d.attendance?.[i.aadObjectId] ?? 'absent']}`),
      outcomeLabel: OUTCOME_STANDING[options.standing ?? 'no-outcome'],
      outcomeVersion: currentVersion(d)?.version ?? 0,
      outcomeDecision: o ? DECISIONS[o.decision] : 'not recorded yet',
      decisions: Object.entries(DECISIONS).map(([value, title]) => ({ value, title })),
      values: {
        agencyInformation: values.agencyInformation ?? '',
        analysis: values.analysis ?? '',
        decision: values.decision ?? '',
        rationale: values.rationale ?? '',
        actions: values.actions ?? '',
        familyTold: values.familyTold ?? '',
        link: values.link ?? '',
      },
    });
  }

  /** Each problem beside the field it is about (on a phone the button is far below the top); the rest at the buttons. */
  private errorsBeside(values: Record<string, string>, errors: string[]): { e: Record<DraftField, string>; errors: string } {
    const fieldOf = new Map(contentProblems(values).map((p) => [p.problem, p.field]));
    const e: Record<DraftField, string> = { agencyInformation: '', analysis: '', decision: '', rationale: '', actions: '', familyTold: '', link: '' };
    const rest: string[] = [];
    for (const problem of errors) {
      const field = fieldOf.get(problem) as DraftField | undefined;
      if (field && field in e) e[field] = [e[field], problem].filter(Boolean).join(' ');
      else rest.push(problem);
    }
    return { e, errors: rest.join(' ') };
  }

  /** A recipient's own view of one version: the minutes, their confirmation, the dissents on record. */
  review(
    d: StrategyDiscussion,
    m: Minutes,
    v: MinutesVersion,
    person: { aadObjectId: string; userId?: string },
    confirmation: Confirmation | undefined,
    options: { headline?: string; error?: string } = {},
  ): Card {
    const superseded = v.version !== latest(m)!.version;
    const mine = m.corrections.filter((c) => c.by === person.aadObjectId && c.version === v.version);
    const openMine = mine.find((c) => c.state === 'open');
    const declinedMine = m.corrections.find((c) => c.by === person.aadObjectId && c.state === 'declined' && !c.differenceAt);
    const state = confirmation
      ? `You confirmed you received and reviewed these minutes (${this.calendar.describe(new Date(confirmation.at))}).`
      : openMine
        ? `You asked for correction ${openMine.id}; the chair will accept or decline it.`
        : '';
    // Every applied correction and dissent, whole while the card fits a Teams message; past it the
    // oldest are named, each with where its wording is whole (the export), so every reader still
    // gets the card. The minutes themselves are always whole.
    const corrections = [
      ...(v.content.corrections ?? []).map((c) => ({
        id: c.id,
        applied: true,
        whole: `Correction ${c.id} applied: “${c.wrong}” now reads “${c.shouldSay}”.`,
        short: `Correction ${c.id} applied: its wording is in the export (“export ${d.reference}”).`,
      })),
      ...m.corrections
        .filter((c) => c.state === 'declined')
        .map((c) => ({
          id: c.id,
          applied: false,
          whole: `Dissent on the record from ${this.directory.nameWithAgency(c.by)}: “${c.wrong}” should say “${c.shouldSay}”. The chair declined: ${c.decision?.reason}.`,
          short: `Dissent on the record from ${this.directory.nameWithAgency(c.by)} (correction ${c.id}, declined): its wording is in the export (“export ${d.reference}”).`,
        })),
    ].sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
    const view = {
      reference: d.reference,
      version: v.version,
      userIds: person.userId ? [person.userId] : [],
      headline: options.headline ?? `${d.reference}: the minutes need your review`,
      circulated: this.calendar.describe(new Date(v.circulatedAt)),
      late: this.lateLine(m),
      superseded: superseded ? `Version ${latest(m)!.version} has replaced these minutes; please review that one.` : '',
      content: v.content,
      decision: DECISIONS[v.content.decision],
      link: v.content.link ?? '',
      yourState: state,
      error: options.error ?? '',
      f: inputsOf('correctionWrong', 'correctionShouldSay'),
      canAnswer: !confirmation && !openMine && !superseded,
      dissentId: declinedMine?.id ?? '',
    };
    for (let named = 0; named <= corrections.length; named++) {
      const lines = corrections.map((c, i) => ({ applied: c.applied, line: i < named ? c.short : c.whole }));
      const card = renderCard(reviewTemplate, {
        ...view,
        applied: lines.filter((c) => c.applied).map((c) => c.line),
        dissents: lines.filter((c) => !c.applied).map((c) => c.line),
      });
      if (JSON.stringify(card).length <= CARD_CHARS) return card;
    }
    // The minutes alone at their limits: nothing left to shorten (typed text is bounded, so this
    // stays near Teams' size).
    if (!corrections.length) return renderCard(reviewTemplate, { ...view, applied: [], dissents: [] });
    // So many that even their names do not fit: one line for them all.
    const all = `Corrections ${corrections[0].id} to ${corrections[corrections.length - 1].id}, applied and declined: their wording, and who asked, is in the export (“export ${d.reference}”).`;
    return renderCard(reviewTemplate, { ...view, applied: [all], dissents: [] });
  }

  /** A card of an earlier version, or (`draft`) the request to write them: what replaced it and where that is, nothing to click. */
  superseded(reference: string, m: Minutes, draft = false): Card {
    const v = latest(m)!;
    const when = this.calendar.describe(new Date(v.circulatedAt));
    return renderCard(
      supersededTemplate,
      draft
        ? { headline: `${reference}: minutes circulated`, line: `The minutes were circulated on ${when}. Type “record ${reference}” to see them.` }
        : {
            headline: `${reference}: minutes replaced by version ${v.version}`,
            line: `The minutes were corrected on ${when}. Open the card for version ${v.version}, further down this chat, and review that one.`,
          },
    );
  }

  correction(d: StrategyDiscussion, c: Correction, error = ''): Card {
    return renderCard(correctionTemplate, {
      reference: d.reference,
      by: this.directory.nameWithAgency(c.by),
      id: c.id,
      version: c.version,
      wrong: c.wrong,
      shouldSay: c.shouldSay,
      f: inputsOf('declineReason'),
      decided:
        c.state === 'open'
          ? ''
          : c.state === 'accepted'
            ? 'Accepted: a new version of the minutes has been circulated.'
            : `Declined: ${c.decision?.reason}. It stays on the record as a dissent.`,
      error,
    });
  }
}
