/**
 * The card contracts are checked by the compiler: each `@ts-expect-error` below is a rename the
 * build must refuse. If a check ever stops catching it, the directive itself fails `tsc` (and so
 * `npm test`, which runs `tsc` first, fails).
 */
import { TeamsUser } from './harness/teams';
import { parse } from '../src/teams/verbs';
import { inputIds } from '../src/cards/inputs';
import { OutcomeField } from '../src/workflows/strategy/forms';
import outcomeFormTemplate from '../src/cards/templates/strategy/outcomeForm';
import { renderCard } from '../src/cards/render';
import { raise, raiseForm } from '../src/workflows/differences/raising';
import type { DifferencePorts } from '../src/workflows/differences/ports';
import type { Actor } from '../src/workflows/actor';
import tallyTemplate, { TallyView } from '../src/cards/templates/strategy/tally';
import invitationTemplate from '../src/cards/templates/strategy/invitation';

/** Never run: only compiled. */
function harnessChecks(user: TeamsUser) {
  void user.invoke('sd.ack', { ref: 'SD-0001', version: 1, answer: 'agree', note: '' });
  void user.invoke('sd.outcome.save', { ref: 'SD-0001', baseVersion: 1, threshold: 'not-met', action_1_text: 'Visit' });
  // @ts-expect-error a verb renamed on one side only
  void user.invoke('sd.acknowledge', { ref: 'SD-0001', version: 1 });
  // @ts-expect-error an input renamed on one side only
  void user.invoke('sd.ack', { ref: 'SD-0001', versionNumber: 1 });
  // @ts-expect-error a form input renamed on one side only
  void user.invoke('sd.outcome.save', { ref: 'SD-0001', baseVersion: 1, action_1_description: 'Visit' });
  // A verb no workflow owns is still sendable: that is how tests forge one.
  void user.invoke('no.such.verb', {});
}

test('a verb’s data is parsed into the types its route is given', () => {
  expect(typeof harnessChecks).toBe('function');
  const ack: { version: number; answer: string; note: string } = parse('sd.ack', { version: '2', answer: 'agree', note: 'n' });
  expect(ack).toEqual({ version: 2, answer: 'agree', note: 'n' });
});

/** Never run: only compiled. The outcome form's template writes its ids exactly so. */
function templateChecks() {
  const id = inputIds<OutcomeField<'${n}'>>();
  void [id('threshold'), id('action_${n}_text'), id('action_${n}_due')];
  // @ts-expect-error an input renamed in a template but not in its form's type
  void id('thresholdOfHarm');
  // @ts-expect-error a repeated row's input renamed
  void id('action_${n}_description');
  // @ts-expect-error the row's own expression changed without the form's type
  void id('action_${row}_text');
}

test('every template input id is one of its form’s fields', () => {
  expect(typeof templateChecks).toBe('function');
  const ids = JSON.stringify(outcomeFormTemplate).match(/"id":"[^"$]*(\$\{n\}[^"]*)?"/g);
  expect(ids).toContain('"id":"action_${n}_text"');
});

const tallyView: TallyView = {
  reference: 'SD-0001',
  ended: false,
  userIds: [],
  status: 'Waiting for answers',
  statusColour: 'Default',
  version: 1,
  decision: 'Section 47 enquiry',
  agreed: '1',
  agreedWithNote: '0',
  different: '0',
  notAnsweredCount: '1',
  answers: ['Nia (Police): I agree'],
  waitingFor: 'Sam (Health)',
};

/** Never run: only compiled. Each template takes exactly its own view model. */
function viewModelChecks() {
  void renderCard(tallyTemplate, tallyView);
  const { waitingFor: _left, ...withoutWaitingFor } = tallyView;
  // @ts-expect-error a view model missing a field its template reads
  void renderCard(tallyTemplate, withoutWaitingFor);
  // @ts-expect-error a field renamed in the view model but not in the template's type
  void renderCard(tallyTemplate, { ...withoutWaitingFor, waiting: 'Sam (Health)' });
  // @ts-expect-error a field of the wrong type
  void renderCard(tallyTemplate, { ...tallyView, version: '1' });
  // @ts-expect-error another template's view model
  void renderCard(invitationTemplate, tallyView);
  // @ts-expect-error a bare object is not a template: its view model would be unchecked
  void renderCard({ type: 'AdaptiveCard' }, tallyView);
}

test('a template is expanded with its own view model', () => {
  expect(typeof viewModelChecks).toBe('function');
  expect(JSON.stringify(renderCard(tallyTemplate, tallyView))).toContain('Sam (Health)');
});

/** Never run: only compiled. The raise use case reads its form by the form's own field names. */
function raiseFormChecks(ports: DifferencePorts, actor: Actor) {
  void raise(ports, { actor, form: { caseReference: 'CR-1', responding: 'aad-sam', immediateRisk: 'false', formId: 'f1', origin: '' } });
  // @ts-expect-error a raise form field renamed on one side only
  void raise(ports, { actor, form: { caseRef: 'CR-1' } });
  // @ts-expect-error a form opened prefilled with a field the form does not have
  void raiseForm({ outcome: 'The minutes corrected' });
}

test('the raise form’s values are its fields', () => {
  expect(typeof raiseFormChecks).toBe('function');
  expect(raiseForm({ caseReference: 'CR-1' })).toMatchObject({ kind: 'pd.raise-form', values: { caseReference: 'CR-1' } });
});
