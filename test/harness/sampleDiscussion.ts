import { loadDirectory } from '../../src/directoryFile';
import { convene } from '../../src/domain/convening';
import { checkOutcome, recordAttendance, recordOutcome } from '../../src/domain/outcome';
import { StrategyDiscussion } from '../../src/domain/strategyDiscussion';

export const directory = loadDirectory('config/partnership.sample.json');
export const id = (name: string) => directory.data.people.find((p) => p.name === name)!.aadObjectId;
export const NOW = new Date('2026-11-23T10:00:00Z');

/** A discussion built with the domain's own rules from plain values: convened, attended, outcome recorded. */
export function sampleDiscussion(): StrategyDiscussion {
  let d = convene(
    {
      chair: id('Sam Okafor'),
      scheduledAt: new Date('2026-11-23T09:00:00Z'),
      minuteTaker: id('Dee Walsh'),
      referrer: id('Nia Evans'),
      babyOrUnborn: true,
      purpose: 'Injuries to a baby',
      invitees: {
        'social-care': [id('Jordan Reid')],
        police: [id('Alex Carter')],
        health: [id('Nia Evans')],
        'gp-child': [id('Helen Grant')],
        'health-visitor-midwife': [id('Lucy Park')],
      },
      reasons: { 'gp-parents': 'Same practice as the child', education: 'Not at nursery' },
    },
    'SD-0042',
    directory,
    NOW,
  );
  const attendance = Object.fromEntries(d.invitees.map((i) => [i.aadObjectId, 'attended' as const]));
  d = recordAttendance(d, id('Sam Okafor'), attendance, NOW);
  const outcome = checkOutcome(
    {
      threshold: 'likely',
      rationale: 'Unexplained injuries',
      decision: 's47-joint',
      actions: [{ description: 'Joint visit', owner: id('Jordan Reid'), dueDate: '2026-11-25' }],
      contributions: 'Police checks',
      familyShared: 'no',
      familyDetail: 'Risk to the baby',
      followUpDate: '',
    },
    d,
    '2026-11-23',
  );
  return recordOutcome(d, id('Sam Okafor'), outcome, undefined, NOW);
}
