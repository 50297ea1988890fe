/**
 * The partnership's figures as the page shows them: each with its definition, per month and for
 * the whole period, small counts hidden. The JSON, the charts and the CSV are all this one
 * answer, so the CSV holds exactly what is charted.
 */
import { DateTime } from 'luxon';
import { Directory } from '../domain/directory';
import { FRONT_DOOR_DECISIONS } from '../domain/referral';
import { CORE_ROLES } from '../domain/strategyDiscussion';
import { csv } from '../documents/csv';
import { Counters } from './caseFacts';
import { MonthTotals } from './figuresStore';

/** Counts from 1 to 4 are shown as this, so that no case can be picked out. */
export const FEWER_THAN_5 = 'fewer than 5';
const SMALLEST_SHOWN = 5;

type Kind = { count: string } | { count: string; of: string } | { days: string; stages: string };

interface FigureSpec {
  id: string;
  label: string;
  definition: string;
  kind: Kind;
}

interface ChartSpec {
  id: string;
  title: string;
  /** `month`: each figure as a series over the months; `period`: each figure's total for the period as a bar. */
  by: 'month' | 'period';
  figures: string[];
}

interface SectionSpec {
  id: string;
  title: string;
  figures: FigureSpec[];
  charts: ChartSpec[];
}

/** A value as shown: `value` is null when it is hidden (fewer than 5) or cannot be given. */
export interface Shown {
  value: number | null;
  text: string;
}

export interface FigureAnswer {
  id: string;
  label: string;
  definition: string;
  months: Shown[];
  period: Shown;
}

export interface FiguresAnswer {
  from: string;
  to: string;
  months: { month: string; label: string }[];
  sections: { id: string; title: string; note?: string; figures: FigureAnswer[]; charts: ChartSpec[] }[];
}

const count = (c: Counters, key: string) => c[key] ?? 0;

export function shownCount(n: number): Shown {
  if (n > 0 && n < SMALLEST_SHOWN) return { value: null, text: FEWER_THAN_5 };
  return { value: n, text: String(n) };
}

function shown(kind: Kind, c: Counters): Shown {
  if ('days' in kind) {
    const stages = count(c, kind.stages);
    if (stages === 0) return { value: null, text: 'none ended' };
    if (stages < SMALLEST_SHOWN) return { value: null, text: `not shown: ${FEWER_THAN_5} ended` };
    const mean = Math.round((10 * count(c, kind.days)) / stages) / 10;
    return { value: mean, text: `${mean} working days (${stages} ended)` };
  }
  const n = shownCount(count(c, kind.count));
  if (!('of' in kind)) return n;
  const of = shownCount(count(c, kind.of));
  const rate = n.value !== null && of.value ? ` (${Math.round((100 * n.value) / of.value)}%)` : '';
  return { value: n.value, text: `${n.text} of ${of.text}${rate}` };
}

function sections(directory: Directory): SectionSpec[] {
  const stages = directory.partnership.escalation.stages;
  const agencies = directory.data.agencies;
  const roles = CORE_ROLES.map((r) => r.role);
  const fig = (id: string, label: string, definition: string, kind: Kind = { count: id }): FigureSpec => ({ id, label, definition, kind });
  return [
    {
      id: 'front-door',
      title: 'Front Door referrals',
      figures: [
        fig(
          'referrals.received',
          'Referrals received',
          'Referrals submitted to the Front Door through Concord in the month (counted in the month they were submitted).',
        ),
        fig(
          'referrals.decidedInTime',
          'Decided within the deadline',
          "Of the referrals received in the month, those the Front Door decided by their deadline (the deadline Concord chases): the end of the next working day after submission, or for an urgent referral the partnership's working hours.",
          { count: 'referrals.decidedInTime', of: 'referrals.received' },
        ),
        fig('referrals.urgent', 'Urgent referrals', 'Referrals received in the month that the referrer marked as a child in immediate danger.'),
        fig(
          'referrals.urgentDecidedInTime',
          'Urgent referrals decided within the deadline',
          "Of the urgent referrals received in the month, those decided within their deadline: the partnership's working hours for an urgent referral (4 by default), not the end of the next working day.",
          { count: 'referrals.urgentDecidedInTime', of: 'referrals.urgent' },
        ),
        ...Object.entries(FRONT_DOOR_DECISIONS).map(([k, label]) =>
          fig(`referrals.outcome.${k}`, `Outcome: ${label}`, `Referrals received in the month that the Front Door decided as “${label}”.`),
        ),
      ],
      charts: [
        {
          id: 'referrals-timeliness',
          title: 'Referrals received and decided within the deadline, by month',
          by: 'month',
          figures: ['referrals.received', 'referrals.decidedInTime', 'referrals.urgent'],
        },
        {
          id: 'referrals-outcomes',
          title: 'Front Door outcomes over the period',
          by: 'period',
          figures: Object.keys(FRONT_DOOR_DECISIONS).map((k) => `referrals.outcome.${k}`),
        },
      ],
    },
    {
      id: 'discussions',
      title: 'Strategy discussions',
      figures: [
        fig('discussions.convened', 'Convened', 'Strategy discussions convened in Concord in the month (counted in the month they were convened).'),
        ...CORE_ROLES.flatMap((r) => [
          fig(`discussions.invited.${r.role}`, `${r.label}: invited`, `Of the discussions convened in the month, those that invited someone as “${r.label}”.`, {
            count: `discussions.invited.${r.role}`,
            of: 'discussions.convened',
          }),
          fig(
            `discussions.excused.${r.role}`,
            `${r.label}: left out with a reason`,
            `Of the discussions convened in the month, those where the chair invited nobody as “${r.label}” and recorded why.${r.babiesOnly ? ' Only a core role when the child is a baby or unborn.' : ''}${r.openElsewhereOnly ? ' Only a core role when the referral says the child is known to another local authority.' : ''}`,
            { count: `discussions.excused.${r.role}`, of: 'discussions.convened' },
          ),
        ]),
        fig(
          'discussions.agreedByAll',
          'Outcome agreed by all',
          'Of the discussions convened in the month, those whose current outcome every attendee has acknowledged, none with a different understanding.',
          { count: 'discussions.agreedByAll', of: 'discussions.convened' },
        ),
        fig(
          'discussions.disputed',
          'Outcome disputed',
          'Of the discussions convened in the month, those where at least one attendee answered “My understanding is different” to the current outcome.',
          { count: 'discussions.disputed', of: 'discussions.convened' },
        ),
        fig(
          'discussions.amended',
          'Outcome amended after the meeting',
          'Of the discussions convened in the month, those whose chair recorded more than one version of the outcome.',
          { count: 'discussions.amended', of: 'discussions.convened' },
        ),
        fig(
          'discussions.actionsOnTime',
          'Agreed actions done by their due date',
          'Of the actions in the current outcomes of the discussions convened in the month, those marked done on or before their due date (the follow-up Concord records).',
          { count: 'discussions.actionsOnTime', of: 'discussions.actions' },
        ),
      ],
      charts: [
        {
          id: 'discussions-outcomes',
          title: 'Discussions convened, and how their outcomes stand, by month',
          by: 'month',
          figures: ['discussions.convened', 'discussions.agreedByAll', 'discussions.disputed', 'discussions.amended'],
        },
        { id: 'discussions-invited', title: 'Core roles invited over the period', by: 'period', figures: roles.map((r) => `discussions.invited.${r}`) },
        {
          id: 'discussions-excused',
          title: 'Core roles left out with a reason over the period',
          by: 'period',
          figures: roles.map((r) => `discussions.excused.${r}`),
        },
        { id: 'discussions-actions', title: 'Agreed actions done by their due date, by month', by: 'month', figures: ['discussions.actionsOnTime'] },
      ],
    },
    {
      id: 'minutes',
      title: 'Minutes',
      figures: [
        fig('minutes.ended', 'Discussions ended', 'Strategy discussions whose chair marked them ended in the month: the 24-hour minutes clock started.'),
        fig(
          'minutes.withinDay',
          'Minutes circulated within 24 hours',
          'Of the discussions ended in the month, those whose minutes were circulated within 24 clock hours of the end.',
          { count: 'minutes.withinDay', of: 'minutes.ended' },
        ),
        fig(
          'minutes.fullyConfirmed',
          'Minutes confirmed by every recipient',
          'Of the discussions ended in the month, those whose latest circulated minutes every recipient has confirmed they received and reviewed.',
          { count: 'minutes.fullyConfirmed', of: 'minutes.ended' },
        ),
        fig('minutes.corrections', 'Corrections asked for', 'Corrections recipients asked for to the minutes of discussions ended in the month.'),
        fig('minutes.correctionsAccepted', 'Corrections accepted', 'Of those corrections, the ones the chair accepted (a new version was circulated).', {
          count: 'minutes.correctionsAccepted',
          of: 'minutes.corrections',
        }),
        fig(
          'minutes.dissent',
          'Corrections declined (dissent on the record)',
          'Of those corrections, the ones the chair declined with a reason: the agency’s dissent stays on the record.',
          { count: 'minutes.dissent', of: 'minutes.corrections' },
        ),
      ],
      charts: [
        {
          id: 'minutes-timeliness',
          title: 'Minutes within 24 hours and fully confirmed, by month',
          by: 'month',
          figures: ['minutes.ended', 'minutes.withinDay', 'minutes.fullyConfirmed'],
        },
        {
          id: 'minutes-corrections',
          title: 'Corrections and dissent, by month',
          by: 'month',
          figures: ['minutes.corrections', 'minutes.correctionsAccepted', 'minutes.dissent'],
        },
      ],
    },
    {
      id: 'differences',
      title: 'Professional differences',
      figures: [
        fig('differences.raised', 'Raised', 'Professional differences raised in the month (counted in the month they were raised).'),
        ...agencies.map((a) => fig(`differences.raisedBy.${a.id}`, `Raised by ${a.name}`, `Differences raised in the month by someone in ${a.name}.`)),
        ...agencies.map((a) =>
          fig(`differences.against.${a.id}`, `About a decision of ${a.name}`, `Differences raised in the month where the person responding is in ${a.name}.`),
        ),
        ...stages.map((s, i) =>
          fig(
            `differences.reached.${i + 1}`,
            `Reached stage ${i + 1} (${s.name})`,
            `Of the differences raised in the month, those whose highest stage so far is stage ${i + 1}.`,
            { count: `differences.reached.${i + 1}`, of: 'differences.raised' },
          ),
        ),
        fig(
          'differences.autoEscalations',
          'Automatic escalations',
          'Stages of the differences raised in the month that reached their deadline unresolved, so that Concord moved the difference up by itself.',
        ),
        ...stages.map((s, i) =>
          fig(
            `differences.stageDays.${i + 1}`,
            `Time at stage ${i + 1}`,
            `The mean number of whole working days a stage ${i + 1} (${s.name}) lasted, for the differences raised in the month whose stage ${i + 1} has ended (its deadline is ${s.workingDays} working days). Not shown when fewer than 5 such stages ended.`,
            { days: `differences.stageDays.${i + 1}`, stages: `differences.stageEnded.${i + 1}` },
          ),
        ),
        fig('differences.resolved', 'Resolved by agreement', 'Of the differences raised in the month, those both sides resolved by agreeing a proposal.', {
          count: 'differences.resolved',
          of: 'differences.raised',
        }),
        fig(
          'differences.partnershipDecision',
          'Closed by the partnership’s decision',
          'Of the differences raised in the month, those closed by a decision of the safeguarding partnership (the last stage).',
          { count: 'differences.partnershipDecision', of: 'differences.raised' },
        ),
        fig('differences.open', 'Still open', 'Of the differences raised in the month, those neither resolved nor closed yet.', {
          count: 'differences.open',
          of: 'differences.raised',
        }),
      ],
      charts: [
        {
          id: 'differences-progress',
          title: 'Differences raised, escalated automatically and settled, by month',
          by: 'month',
          figures: ['differences.raised', 'differences.autoEscalations', 'differences.resolved', 'differences.partnershipDecision'],
        },
        {
          id: 'differences-raised-by',
          title: 'Differences raised, by the raiser’s agency, over the period',
          by: 'period',
          figures: agencies.map((a) => `differences.raisedBy.${a.id}`),
        },
        {
          id: 'differences-against',
          title: 'Differences raised, by the responding agency, over the period',
          by: 'period',
          figures: agencies.map((a) => `differences.against.${a.id}`),
        },
        {
          id: 'differences-stages',
          title: 'Highest stage reached over the period',
          by: 'period',
          figures: stages.map((_, i) => `differences.reached.${i + 1}`),
        },
        {
          id: 'differences-stage-days',
          title: 'Mean working days at each stage over the period',
          by: 'period',
          figures: stages.map((_, i) => `differences.stageDays.${i + 1}`),
        },
      ],
    },
    {
      id: 'incidents',
      title: 'Serious incidents',
      figures: [
        fig('incidents.reported', 'Reported', 'Serious incidents reported in Concord in the month.'),
        fig(
          'incidents.panelInTime',
          'National Panel notified within 5 working days',
          'Of the serious incidents reported in the month, those whose National Panel notification was recorded within 5 working days of the report.',
          { count: 'incidents.panelInTime', of: 'incidents.reported' },
        ),
        fig(
          'incidents.reviewInTime',
          'Rapid review within 15 working days',
          'Of the serious incidents reported in the month, those whose rapid review was recorded as completed within 15 working days of the Panel notification.',
          { count: 'incidents.reviewInTime', of: 'incidents.reported' },
        ),
      ],
      charts: [
        {
          id: 'incidents-timeliness',
          title: 'Serious incidents and their statutory steps on time, by month',
          by: 'month',
          figures: ['incidents.reported', 'incidents.panelInTime', 'incidents.reviewInTime'],
        },
      ],
    },
    {
      id: 'transfers',
      title: 'Case transfers',
      figures: [
        fig(
          'transfers.started',
          'Started',
          'Case transfers to another local authority started in Concord in the month (counted in the month they were started).',
        ),
        fig('transfers.accepted', 'Accepted', 'Of the transfers started in the month, those the receiving authority accepted with an agreed date.', {
          count: 'transfers.accepted',
          of: 'transfers.started',
        }),
        fig(
          'transfers.acceptanceDays',
          'Time to acceptance',
          'The mean whole working days from a transfer’s start to the receiving authority’s acceptance, for the transfers started in the month and accepted. Not shown when fewer than 5 were accepted.',
          { days: 'transfers.acceptanceDays', stages: 'transfers.accepted' },
        ),
        fig('transfers.declined', 'Declined', 'Of the transfers started in the month, those the receiving authority declined.', {
          count: 'transfers.declined',
          of: 'transfers.started',
        }),
        fig('transfers.lapsed', 'Lapsed', 'Of the transfers started in the month, those whose proposed date passed without acceptance.', {
          count: 'transfers.lapsed',
          of: 'transfers.started',
        }),
      ],
      charts: [
        {
          id: 'transfers.outcomes',
          title: 'Case transfers and their outcome',
          by: 'month',
          figures: ['transfers.started', 'transfers.accepted', 'transfers.declined', 'transfers.lapsed'],
        },
      ],
    },
  ];
}

/** YYYY-MM → the months from one to the other, inclusive, at most `max`. */
export function monthRange(from: string, to: string, max = 24): string[] | undefined {
  const a = DateTime.fromFormat(from, 'yyyy-MM', { zone: 'utc' });
  const b = DateTime.fromFormat(to, 'yyyy-MM', { zone: 'utc' });
  if (!a.isValid || !b.isValid || b < a) return undefined;
  const out: string[] = [];
  for (let m = a; m <= b && out.length <= max; m = m.plus({ months: 1 })) out.push(m.toFormat('yyyy-MM'));
  return out.length > max ? undefined : out;
}

export function present(directory: Directory, months: string[], totals: MonthTotals[]): FiguresAnswer {
  const byMonth = new Map(totals.map((t) => [t.month, t.counters]));
  const perMonth = months.map((m) => byMonth.get(m) ?? {});
  const period: Counters = {};
  for (const c of perMonth) for (const [k, v] of Object.entries(c)) period[k] = (period[k] ?? 0) + v;
  return {
    from: months[0],
    to: months[months.length - 1],
    months: months.map((m) => ({ month: m, label: DateTime.fromFormat(m, 'yyyy-MM').toFormat('LLL yyyy') })),
    sections: [
      ...sections(directory).map((s) => ({
        id: s.id,
        title: s.title,
        charts: s.charts,
        figures: s.figures.map((f) => ({
          id: f.id,
          label: f.label,
          definition: f.definition,
          months: perMonth.map((c) => shown(f.kind, c)),
          period: shown(f.kind, period),
        })),
      })),
    ],
  };
}

/** Exactly what the page charts and tabulates: one line per figure and month, and the period. */
export function figuresCsv(answer: FiguresAnswer): string {
  const rows: string[][] = [];
  for (const s of answer.sections) {
    for (const f of s.figures) {
      answer.months.forEach((m, i) => rows.push([s.title, f.label, m.month, f.months[i].value === null ? '' : String(f.months[i].value), f.months[i].text]));
      rows.push([s.title, f.label, `${answer.from} to ${answer.to}`, f.period.value === null ? '' : String(f.period.value), f.period.text]);
    }
  }
  return csv(['section', 'figure', 'month', 'value', 'shown as'], rows);
}
