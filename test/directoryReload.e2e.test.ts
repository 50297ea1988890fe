import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TeamsUser } from './harness/teams';
import { SAMPLE_DIRECTORY, World } from './harness/world';

/** A partnership adds a person, or makes a mistake in the file, while Concord runs. */
const file = path.join(mkdtempSync(path.join(tmpdir(), 'concord-directory-')), 'partnership.json');
const original = readFileSync(SAMPLE_DIRECTORY, 'utf8');
const NEW_PERSON = {
  aadObjectId: 'cccccccc-0000-4000-8000-000000000001',
  name: 'Rowan Ellis',
  email: 'rowan.ellis@westmoor.example',
  agency: 'wm-csc',
  jobTitle: 'Social worker',
  roles: [],
};
const COUNCIL = '11111111-1111-4111-8111-111111111111';

let world: World;
beforeAll(async () => {
  writeFileSync(file, original);
  world = await World.start({ directoryFile: file });
});
afterAll(() => world.stop());

const rowan = () => new TeamsUser({ aadObjectId: NEW_PERSON.aadObjectId, name: NEW_PERSON.name, tenantId: COUNCIL }, () => world.concord.url, world.connector);
const withPerson = (extra: object) => {
  const data = JSON.parse(original);
  data.people.push(extra);
  return JSON.stringify(data, null, 2);
};

test('a broken file keeps the directory in use and the administrator is told exactly what is wrong', async () => {
  const admin = world.user('Alison Bright');
  await admin.install();
  writeFileSync(file, withPerson({ ...NEW_PERSON, agency: 'no-such-agency' }));
  const [reply] = await admin.say('reload directory');
  expect(reply.text).toContain('The directory was not reloaded: Concord keeps the one it had.');
  expect(reply.text).toContain('person "Rowan Ellis": agency "no-such-agency" is not in the agencies list');
  const [refused] = await rowan().say('help');
  expect(refused.text).toContain('You are not in the');
  expect(await world.auditActions('directory')).toContain('directory.reload-refused');
});

test('with a good file the new person can act at once, and the change is audited', async () => {
  writeFileSync(file, withPerson(NEW_PERSON));
  const [reply] = await world.user('Alison Bright').say('reload directory');
  expect(reply.text).toContain('The directory is reloaded');
  expect(reply.text).toContain('added: Rowan Ellis');
  const [help] = await rowan().say('help');
  expect(JSON.stringify(help)).not.toContain('You are not in the');
  expect(await world.auditActions('directory')).toContain('directory.reloaded');
});

test('only partnership administrators reload the directory', async () => {
  const nurse = world.user('Nia Evans');
  await nurse.install();
  const [reply] = await nurse.say('reload directory');
  expect(reply.text).toBe('Only partnership administrators can reload the directory.');
  expect(await world.auditActions('access')).toContain('refused.not-admin');
});

test('a changed file is picked up without a command; a broken one is reported to the administrators', async () => {
  writeFileSync(file, original);
  await world.connector.waitFor(async () => !world.directory.person(NEW_PERSON.aadObjectId), 'the watcher to reload the file');
  writeFileSync(file, '{ "partnership": ');
  const notice = await world
    .user('Alison Bright')
    .waitForMessage((a) => String(a.summary ?? '').startsWith('Concord: the changed partnership directory was not loaded'), 'the directory notice');
  expect(notice.text ?? JSON.stringify(notice)).toContain('could not be read');
  expect(world.directory.person('aaaaaaaa-0000-4000-8000-000000000011')).toBeDefined();
});
