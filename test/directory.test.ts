import { readFileSync } from 'node:fs';
import { checkDirectory, loadDirectory } from '../src/directoryFile';
import { Directory } from '../src/domain/directory';

const sample = () => JSON.parse(readFileSync('config/partnership.sample.json', 'utf8'));

describe('the partnership directory', () => {
  test('the shipped sample partnership is valid and finds people by Entra object id, not by name', () => {
    const d = loadDirectory('config/partnership.sample.json');
    const nia = d.data.people.find((p) => p.name === 'Nia Evans')!;
    expect(d.person(nia.aadObjectId.toUpperCase())?.name).toBe('Nia Evans');
    expect(d.person('Nia Evans')).toBeUndefined();
    expect(d.manager(nia)?.name).toBe('Tom Hughes');
    expect(d.isTenantAllowed('22222222-2222-4222-8222-222222222222')).toBe(true);
    expect(d.isTenantAllowed('99999999-9999-4999-8999-999999999999')).toBe(false);
  });

  test('a bad entry is named by the person or agency it belongs to', () => {
    const data = sample();
    data.people[5].roles = ['nurse'];
    data.people[6].email = 'not an email';
    expect(() => checkDirectory(data)).toThrow(/person "Nia Evans" \(roles\.0\): must be equal to one of the allowed values/);
    expect(() => checkDirectory(data)).toThrow(/person "Tom Hughes" \(email\)/);
  });

  test('references between entries are checked: agencies, managers, duplicate ids, time zone', () => {
    const data = sample();
    data.people[0].agency = 'nowhere';
    data.people[1].managerAadObjectId = 'cccccccc-0000-4000-8000-000000000000';
    data.people[2].aadObjectId = data.people[3].aadObjectId;
    data.partnership.timeZone = 'Europe/Atlantis';
    let message = '';
    try {
      checkDirectory(data);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('person "Sam Okafor": agency "nowhere" is not in the agencies list');
    expect(message).toContain('person "Priya Shah": manager cccccccc-0000-4000-8000-000000000000 is not in the people list');
    expect(message).toContain('is used twice');
    expect(message).toContain('time zone "Europe/Atlantis" is not a known IANA zone');
  });

  test('a person with a home and a guest identity is one person; each identity is theirs in its own tenant only', () => {
    const d = loadDirectory('config/partnership.sample.json');
    const [nhs, council] = ['22222222-2222-4222-8222-222222222222', '11111111-1111-4111-8111-111111111111'];
    const home = 'aaaaaaaa-0000-4000-8000-000000000011';
    const guest = 'bbbbbbbb-0000-4000-8000-000000000011';
    expect(d.person(guest)?.aadObjectId).toBe(home);
    expect(d.personActing(home, nhs)).toBe(d.person(home));
    expect(d.personActing(guest, council)).toBe(d.person(home));
    expect(d.personActing(home, council)).toBe('wrong-tenant');
    expect(d.personActing(guest, nhs)).toBe('wrong-tenant');
  });

  test('identities are checked: each used once, each in a tenant of the partnership', () => {
    const data = sample();
    data.people[0].otherIdentities = [{ aadObjectId: data.people[1].aadObjectId, tenantId: '99999999-9999-4999-8999-999999999999' }];
    expect(() => checkDirectory(data)).toThrow(/person "Sam Okafor": tenant 99999999-9999-4999-8999-999999999999 is not in the tenants list/);
    expect(() => checkDirectory(data)).toThrow(/is used twice/);
  });

  test('an escalation ladder of any length says who takes part at each stage, and ends with the partnership alone', () => {
    const three = sample();
    three.partnership.escalation.stages = [
      { name: 'Practitioners', workingDays: 2, participants: 'practitioners' },
      { name: 'Managers', workingDays: 3 },
      { name: 'Partnership', workingDays: 10, participants: 'partnership' },
    ];
    expect(() => checkDirectory(three)).toThrow(/a ladder of 3 stages says who takes part at each \("participants"\); missing at stage 2/);
    three.partnership.escalation.stages[1].participants = 'partnership';
    expect(() => checkDirectory(three)).toThrow(/the last stage, and only the last, must have "participants": "partnership".*found it at stage 2, 3/);
    three.partnership.escalation.stages[1].participants = 'line-managers';
    expect(checkDirectory(three).partnership.escalation.stages.map((s) => s.participants)).toEqual(['practitioners', 'line-managers', 'partnership']);
    const four = sample();
    for (const s of four.partnership.escalation.stages) delete s.participants;
    expect(checkDirectory(four).partnership.escalation.stages.map((s) => s.participants)).toEqual([
      'practitioners',
      'line-managers',
      'senior-managers',
      'partnership',
    ]);
  });

  test('a file that is not JSON says so', () => {
    expect(() => loadDirectory('README.md')).toThrow(/could not be read/);
  });

  test("the minutes deadline is the partnership's (24 hours unless it says), and a reminder after it is refused", () => {
    expect(checkDirectory(sample()).partnership.timescales.minutesDueHours).toBe(24);
    const late = sample();
    late.partnership.timescales = { minutesReminderHours: [12, 30] };
    expect(() => checkDirectory(late)).toThrow(/the minutes reminder at 30 hours is not before the minutes are due \(24 hours\)/);
    const longer = sample();
    longer.partnership.timescales = { minutesDueHours: 48, minutesReminderHours: [12, 30] };
    expect(checkDirectory(longer).partnership.timescales).toMatchObject({ minutesDueHours: 48, minutesReminderHours: [12, 30] });
  });

  test('neighbouring authorities each have one way to reach their transfer contact, checked by name', () => {
    const d = loadDirectory('config/partnership.sample.json');
    expect(d.neighbouringAuthorities().map((a) => a.name)).toEqual(['Northshire Council', 'Eastvale Borough Council', 'Southmere District Council']);
    expect(d.person(d.neighbouringAuthority('northshire')?.transferContact.teams)?.name).toBe('Fiona Nash');
    expect(d.transfers).toMatchObject({ answerWorkingDays: 2 });
    expect(d.transfers.checklist.find((i) => i.id === 'cp-conference')).toMatchObject({ plans: ['cp'], withinWorkingDays: 15 });
    // A file from before items carried their own days: its cpConferenceWorkingDays still sets the conference's.
    const older = sample();
    delete older.partnership.transfers;
    older.partnership.transfers = { cpConferenceWorkingDays: 10 };
    expect(new Directory(checkDirectory(older)).transfers.checklist.find((i) => i.id === 'cp-conference')?.withinWorkingDays).toBe(10);

    const data = sample();
    const [northshire, eastvale, southmere] = data.neighbouringAuthorities;
    northshire.transferContact = { teams: 'cccccccc-0000-4000-8000-000000000000' };
    eastvale.transferContact = { name: 'Duty' };
    delete southmere.recordedBy;
    data.neighbouringAuthorities.push({
      id: 'wm-csc',
      name: 'Westmoor again',
      agency: 'wm-police',
      transferContact: { teams: data.people[0].aadObjectId, email: 'a@b.c' },
    });
    data.partnership.transfers = {
      checklist: [
        { id: 'x', label: 'One' },
        { id: 'x', label: 'Two' },
      ],
    };
    let message = '';
    try {
      checkDirectory(data);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(
      'neighbouring authority "Northshire Council": the transfer contact cccccccc-0000-4000-8000-000000000000 is not in the people list',
    );
    expect(message).toContain('neighbouring authority "Eastvale Borough Council": the transfer contact "Duty" needs an "email" or a "phone"');
    expect(message).toContain('neighbouring authority "Southmere District Council": a transfer contact reached by phone needs "recordedBy"');
    expect(message).toContain('neighbouring authority "Westmoor again": the id "wm-csc" is used twice');
    expect(message).toContain('neighbouring authority "Westmoor again": agency "wm-police" is not a social care agency');
    expect(message).toContain('either a person in Teams ("teams") or an email or phone contact, not both');
    expect(message).toContain('partnership.transfers.checklist: the item "x" is listed twice');
  });
});
