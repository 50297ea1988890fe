import { acknowledge } from '../src/domain/acknowledgement';
import { convene } from '../src/domain/convening';
import { checkOutcome } from '../src/domain/outcome';
import { Acknowledgement, attendees, status } from '../src/domain/strategyDiscussion';
import { Invalid, Refused } from '../src/domain/refusals';
import { directory, id, NOW, sampleDiscussion } from './harness/sampleDiscussion';

const ack = (name: string, answer: Acknowledgement['answer'], version = 1): Acknowledgement => ({
  version,
  aadObjectId: id(name),
  answer,
  at: NOW.toISOString(),
});

describe('the status of an outcome', () => {
  const d = sampleDiscussion();
  const everyone = attendees(d).map((a) => directory.person(a)!.name);

  test('is agreed by all only when every attendee has agreed', () => {
    expect(everyone).toHaveLength(5);
    const four = everyone.slice(0, 4).map((n) => ack(n, 'agree'));
    expect(status(d, four)).toBe('awaiting');
    expect(status(d, [...four, ack(everyone[4], 'agree-with-note')])).toBe('agreed-by-all');
  });

  test('is disputed as soon as one attendee understood it differently', () => {
    expect(status(d, [ack('Nia Evans', 'different')])).toBe('disputed');
  });

  test('answers to an earlier version do not count for the current one', () => {
    const amended = { ...d, versions: [...d.versions, { ...d.versions[0], version: 2 }] };
    expect(
      status(
        amended,
        everyone.map((n) => ack(n, 'agree', 1)),
      ),
    ).toBe('awaiting');
  });
});

describe('acknowledging', () => {
  const d = sampleDiscussion();
  test('a different understanding must say what was understood', () => {
    expect(() => acknowledge(d, id('Nia Evans'), 1, 'different', '  ', NOW)).toThrow(Invalid);
    expect(acknowledge(d, id('Nia Evans'), 1, 'different', 's47 by social care alone', NOW).note).toBe('s47 by social care alone');
  });
  test('only attendees acknowledge, and only the current version', () => {
    expect(() => acknowledge(d, id('Tom Hughes'), 1, 'agree', '', NOW)).toThrow(Refused);
    expect(() => acknowledge(d, id('Sam Okafor'), 1, 'agree', '', NOW)).toThrow(/Only the people who attended/);
    expect(() => acknowledge(d, id('Nia Evans'), 2, 'agree', '', NOW)).toThrow(/replaced with version 1|version 2/);
  });
});

describe('convening', () => {
  test('the chair taking the minutes is warned, not silently accepted', () => {
    const d = convene(
      {
        chair: id('Sam Okafor'),
        scheduledAt: NOW,
        minuteTaker: id('Sam Okafor'),
        babyOrUnborn: false,
        purpose: 'x',
        invitees: {
          'social-care': [id('Jordan Reid')],
          police: [id('Alex Carter')],
          health: [id('Nia Evans')],
          'gp-child': [id('Helen Grant')],
          'gp-parents': [id('Ben Ford')],
          education: [id('Mark Stone')],
        },
        reasons: { referrer: 'Anonymous referral' },
      },
      'SD-0001',
      directory,
      NOW,
    );
    expect(d.warnings[0]).toContain('The chair is also taking the minutes');
  });

  test('a health visitor or midwife is core only for a baby or unborn child', () => {
    const base = {
      chair: id('Sam Okafor'),
      scheduledAt: NOW,
      minuteTaker: id('Dee Walsh'),
      purpose: 'x',
      invitees: {
        'social-care': [id('Jordan Reid')],
        police: [id('Alex Carter')],
        health: [id('Nia Evans')],
        'gp-child': [id('Helen Grant')],
        'gp-parents': [id('Ben Ford')],
        education: [id('Mark Stone')],
      },
      reasons: { referrer: 'Anonymous referral' },
    };
    expect(() => convene({ ...base, babyOrUnborn: false }, 'SD-1', directory, NOW)).not.toThrow();
    expect(() => convene({ ...base, babyOrUnborn: true }, 'SD-1', directory, NOW)).toThrow(/Nobody is invited as Health visitor or midwife/);
  });
});

describe('the outcome', () => {
  const d = sampleDiscussion();
  const valid = {
    threshold: 'likely',
    rationale: 'r',
    decision: 's47-single',
    actions: [{ description: 'visit', owner: id('Jordan Reid'), dueDate: '2026-11-24' }],
    contributions: 'c',
    familyShared: 'yes',
    familyDetail: 'told by the social worker today',
    followUpDate: '',
    amendmentReason: 'police withdrew',
  };
  test('a s47 enquiry with the threshold not met is inconsistent', () => {
    expect(() => checkOutcome({ ...valid, threshold: 'not-met' }, d, '2026-11-23')).toThrow(/needs reasonable cause to suspect significant harm/);
  });
  test('an action owned by someone not invited is refused', () => {
    expect(() => checkOutcome({ ...valid, actions: [{ description: 'x', owner: id('Ruth Abbott'), dueDate: '2026-11-24' }] }, d, '2026-11-23')).toThrow(
      /owner must be someone invited/,
    );
  });
  test('a level alone is not a rationale: the rationale is required in words', () => {
    expect(() => checkOutcome({ ...valid, rationale: ' ' }, d, '2026-11-23')).toThrow(/Give the rationale/);
    for (const level of ['level 2', 'Level 3', ' LEVEL 4. ', 'tier 1']) {
      expect(() => checkOutcome({ ...valid, rationale: level }, d, '2026-11-23')).toThrow(/a level alone is not a rationale/);
    }
    expect(() => checkOutcome({ ...valid, rationale: 'Level 3: unexplained bruising, no account given' }, d, '2026-11-23')).not.toThrow();
  });
});

describe('forms as data', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadForm } = require('../src/formsFile');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { checkForm, checkStep } = require('../src/domain/forms');
  test('the shipped forms are valid, and a broken one is refused at start-up with the reason', () => {
    expect(checkForm(loadForm('config/forms/referral.json'))).toEqual([]);
    expect(checkForm(loadForm('config/forms/serious-incident.json'))).toEqual([]);
    const broken = {
      id: 'x',
      title: 'x',
      steps: [
        {
          id: 's',
          title: 's',
          questions: [
            { id: 'a', label: 'A', type: 'choice' },
            { id: 'a', label: 'B', type: 'text', rules: ['made-up'] },
          ],
        },
      ],
    };
    expect(checkForm(broken)).toEqual([
      'question "a" is a choice with no choices',
      'question "a" appears twice',
      'question "a" names an unknown rule "made-up"',
    ]);
    const long = {
      id: 'x',
      title: 'x',
      steps: [{ id: 's', title: 's', questions: Array.from({ length: 13 }, (_, i) => ({ id: `q${i}`, label: 'q', type: 'multiline' })) }],
    };
    expect(checkForm(long)).toEqual([
      'its free-text questions take up to 32,500 characters in all, more than the 32,000 one Teams message can carry to the Front Door: ask fewer questions, or make some one-line',
    ]);
  });
  test('an expected due date must not be past; a date of birth must not be future', () => {
    const step = loadForm('config/forms/referral.json').steps[0];
    const base = { childName: 'x', address: 'y', dateOfBirth: '2026-12-01' };
    expect(checkStep(step, base, '2026-11-23').join()).toContain('cannot be in the future');
    expect(checkStep(step, { ...base, unborn: 'true' }, '2026-11-23')).toEqual([]);
    expect(checkStep(step, { ...base, unborn: 'true', dateOfBirth: '2026-01-01' }, '2026-11-23').join()).toContain('cannot be in the past');
  });
  test('consent: a reason is needed unless the parents consent', () => {
    const step = loadForm('config/forms/referral.json').steps[4];
    expect(checkStep(step, { parentsKnow: 'yes', consent: 'yes' }, '2026-11-23')).toEqual([]);
    expect(checkStep(step, { parentsKnow: 'no', consent: 'not-asked' }, '2026-11-23')).toEqual(['If they do not know or do not consent, why: please answer.']);
  });
});

describe('threshold and decision agree (s47(1) is a duty to enquire)', () => {
  const base = {
    threshold: 'likely',
    rationale: 'Unexplained injuries',
    actions: [],
    contributions: 'Police checks',
    familyShared: 'no',
    familyDetail: 'Risk to the baby',
    followUpDate: '',
  };
  const d = () => {
    const x = sampleDiscussion();
    return { ...x, versions: [] };
  };
  test.each(['no-further-action', 'early-help', 's17-assessment'])('threshold met with %s needs a reason, kept on the outcome', (decision) => {
    expect(() => checkOutcome({ ...base, decision }, d(), '2026-11-23')).toThrow(/section 47\(1\) is a duty to enquire/);
    expect(checkOutcome({ ...base, decision, noEnquiryReason: 'A medical cause is confirmed.' }, d(), '2026-11-23').noEnquiryReason).toBe(
      'A medical cause is confirmed.',
    );
  });
  test('threshold not met with no further action needs no such reason, and keeps none', () => {
    expect(
      checkOutcome({ ...base, threshold: 'not-met', decision: 'no-further-action', noEnquiryReason: 'ignored' }, d(), '2026-11-23').noEnquiryReason,
    ).toBeUndefined();
  });
});
