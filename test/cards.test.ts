import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { helpCard } from '../src/cards/help';
import { StrategyCards } from '../src/cards/strategyCards';
import { MinutesCards } from '../src/cards/minutesCards';
import { DifferenceCards } from '../src/cards/differenceCards';
import { escalate, propose, raise } from '../src/domain/professionalDifference';
import { ReferralCards } from '../src/cards/referralCards';
import { loadForm } from '../src/formsFile';
import { checkContent, circulate, decideCorrection, requestCorrection, startClock } from '../src/domain/minutes';
import { WorkingCalendar } from '../src/domain/calendar';
import { directory, id, NOW, sampleDiscussion } from './harness/sampleDiscussion';
import * as cards from './harness/cards';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js');

/** Problems Teams would have with a card: beyond 1.5, unknown elements, duplicate ids, wide layouts. */
function problemsWith(card: any): string[] {
  const problems: string[] = [];
  if (card.version !== '1.5') problems.push(`version ${card.version}, not 1.5`);
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const e of parsed.validateProperties().validationEvents) problems.push(e.message);
  for (const a of cards.actions(card)) if (a.type === 'Action.Execute' && !a.verb) problems.push(`button "${a.title}" has no verb`);
  const walk = (n: any): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    if (n.type === 'TextBlock' && n.wrap !== true) problems.push(`text "${String(n.text).slice(0, 30)}" does not wrap on a phone`);
    if (n.type === 'ColumnSet' && (n.columns ?? []).length > 2) problems.push('more than two columns: too wide for a phone');
    if (n.type === 'Table') problems.push('a table: too wide for a phone');
    if (typeof n === 'object') Object.values(n).forEach(walk);
  };
  walk(card.body);
  if (JSON.stringify(card).includes('${')) problems.push('a template placeholder was left unexpanded');
  return problems;
}

function minutesCards(d: ReturnType<typeof sampleDiscussion>): Record<string, object> {
  const mc = new MinutesCards(directory, new WorkingCalendar('Europe/London'));
  let m = startClock(d, NOW, 24);
  const content = checkContent({
    agencyInformation: 'a',
    analysis: 'b',
    decision: 's47-joint',
    rationale: 'c',
    actions: '',
    familyTold: 'd',
    link: 'https://example.org/minutes',
  });
  m = circulate(m, d, id('Dee Walsh'), content, NOW);
  m = requestCorrection(m, d, id('Nia Evans'), 1, 'wrong', 'right', NOW);
  const declined = decideCorrection(m, d, id('Sam Okafor'), 'C1', false, 'the chair remembers otherwise', NOW);
  return {
    'minutes draft': mc.draft(d, startClock(d, NOW, 24), NOW, { errors: ['an error'] }),
    'minutes to review': mc.review(d, m, m.versions[0], { aadObjectId: id('Jordan Reid'), userId: '29:j' }, undefined),
    'minutes with dissent': mc.review(d, declined.minutes, m.versions[0], { aadObjectId: id('Nia Evans') }, undefined),
    'minutes correction': mc.correction(d, m.corrections[0]),
  };
}

function differenceCards(): Record<string, object> {
  const calendar = new WorkingCalendar('Europe/London');
  const dc = new DifferenceCards(directory, calendar);
  const nia = directory.person(id('Nia Evans'))!;
  let pd = raise(
    { caseReference: 'SD-0042', decision: 'No s47', reasons: 'r', outcomeSought: 'o', responding: id('Jordan Reid'), immediateRisk: false },
    'PD-0007',
    nia,
    directory,
    calendar,
    NOW,
  );
  pd = propose(pd, id('Nia Evans'), 1, 'A resolution', NOW);
  const atStage2 = escalate(pd, 'system', 1, 'deadline', NOW, directory, calendar);
  return {
    'raise form': dc.raiseForm(nia, {}, ['an error']),
    'difference, proposer': dc.stage(pd, { aadObjectId: id('Nia Evans'), userId: '29:n' }, NOW),
    'difference, other side': dc.stage(pd, { aadObjectId: id('Jordan Reid') }, NOW),
    'difference, manager on a phone': dc.stage(atStage2, { aadObjectId: id('Tom Hughes') }, NOW),
  };
}

function referralCards(): Record<string, object> {
  const rc = new ReferralCards(directory, new WorkingCalendar('Europe/London'));
  const form = loadForm('config/forms/referral.json');
  const incidentForm = loadForm('config/forms/serious-incident.json');
  const answers = { childName: 'A', unborn: 'true', consent: 'no' };
  const referral = { reference: 'REF-0042', referrer: id('Nia Evans'), answers, urgent: true, submittedAt: NOW.toISOString(), decideBy: NOW.toISOString() };
  const steps = Object.fromEntries(
    form.steps.map((s, i) => [
      `referral step ${i + 1}`,
      rc.step(form, i, answers, {
        errors: [
          { question: s.questions[0].id, text: 'an error' },
          { question: '', text: 'another step' },
        ],
        urgent: true,
        verb: 'ref.step',
        noun: 'Referral',
      }),
    ]),
  );
  return {
    danger: rc.danger(),
    emergency: rc.emergency(),
    ...steps,
    'referral review': rc.review(form, answers, true, 'referral', 'a-draft'),
    'front door triage': rc.referral(form, referral, { frontDoor: true, chair: false }, NOW),
    'serious incident': rc.incident(
      incidentForm,
      { reference: 'SI-0001', raisedBy: id('Jordan Reid'), answers: {}, raisedAt: NOW.toISOString(), panelDueAt: NOW.toISOString(), log: [] },
      { admin: true },
      NOW,
    ),
  };
}

describe('every card renders within Adaptive Cards 1.5 and fits a phone', () => {
  const calendar = new WorkingCalendar('Europe/London');
  const sd = new StrategyCards(directory, calendar);
  const d = sampleDiscussion();
  const v = d.versions[0];
  const nia = { aadObjectId: id('Nia Evans'), userId: '29:nia' };
  const rendered: Record<string, object> = {
    help: helpCard(directory, directory.person(id('Sam Okafor'))!),
    convene: sd.convene(directory.person(id('Sam Okafor'))!, {}, { errors: ['an error'] }),
    convened: sd.convened(d),
    invitation: sd.invitation(d, id('Nia Evans')),
    attendance: sd.attendance(d),
    'outcome form': sd.outcomeForm(d),
    'acknowledgement, unanswered': sd.acknowledgement(d, v, nia, undefined),
    'acknowledgement, different': sd.acknowledgement(d, v, nia, {
      version: 1,
      aadObjectId: nia.aadObjectId,
      answer: 'different',
      note: 'n',
      at: NOW.toISOString(),
    }),
    tally: sd.tally(d, [], '29:sam'),
    record: sd.record(d, []),
    'action due': sd.actionDue(d, 'A1', 'SD-0042: action A1 is due today'),
    ...minutesCards(d),
    ...differenceCards(),
    ...referralCards(),
  };
  test.each(Object.entries(rendered))('%s', (_name, card) => {
    expect(problemsWith(card)).toEqual([]);
  });

  test('every template in src/cards/templates is an Adaptive Card 1.5', () => {
    const dir = path.join('src', 'cards', 'templates');
    // Every template is a .ts module: its view model's type and its input ids are checked by tsc.
    const files = readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => statSync(path.join(dir, f)).isFile());
    const sources = readdirSync(path.join('src', 'cards'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(path.join('src', 'cards', f), 'utf8'))
      .join('\n');
    for (const f of files) {
      expect(f).toMatch(/\.ts$/);
      // A template module is loaded by its file name, synchronously, inside the loop.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const template = require(path.resolve(dir, f)).default;
      expect(template.version).toBe('1.5');
      expect(sources).toContain(`./templates/${f.replace(/\\/g, '/').replace(/\.ts$/, '')}'`); // no template left unused
    }
  });

  test('the first line of every card sent to a person names only the case reference', () => {
    for (const card of [
      rendered.invitation,
      rendered['acknowledgement, unanswered'],
      rendered.tally,
      rendered['action due'],
      rendered['minutes to review'],
      rendered['minutes correction'],
      rendered['difference, manager on a phone'],
      rendered['front door triage'],
      rendered['serious incident'],
    ]) {
      expect(cards.text(card).split('\n')[0]).toMatch(/^(SD-0042|PD-0007|REF-0042|SI-0001): [a-z]/);
      expect(cards.text(card).split('\n')[0]).not.toContain('baby');
    }
  });
});

test('the card check itself catches what Teams or a phone would get wrong', () => {
  const bad = {
    type: 'AdaptiveCard',
    version: '1.6',
    body: [
      { type: 'TextBlock', text: 'no wrap' },
      { type: 'Table', columns: [] },
      { type: 'Input.Text', id: 'a' },
      { type: 'Input.Text', id: 'a' },
      { type: 'TextBlock', text: '${left}', wrap: true },
    ],
    actions: [{ type: 'Action.Execute', title: 'No verb' }],
  };
  const problems = problemsWith(bad).join('\n');
  expect(problems).toContain('version 1.6');
  expect(problems).toContain('Duplicate Id');
  expect(problems).toContain('has no verb');
  expect(problems).toContain('does not wrap');
  expect(problems).toContain('a table');
  expect(problems).toContain('unexpanded');
});
