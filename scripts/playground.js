#!/usr/bin/env node
// `npm run playground`: Concord on embedded storage plus the Microsoft 365 Agents Playground (a
// local Teams web client), both on 127.0.0.1, with Playground users taken from the sample
// directory so you can switch between a chair, a nurse, a police officer, a GP, a manager and the
// Front Door. Ctrl+C stops both.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
// The Playground takes a current user and at most five others.
const PEOPLE = ['Nia Evans', 'Sam Okafor', 'Alex Carter', 'Helen Grant', 'Tom Hughes', 'Kim Lee'];

/** The Playground's configuration: its users are people of the sample directory. */
function playgroundConfig(directory) {
  const person = (name) => {
    const p = directory.people.find((x) => x.name === name);
    const [given, ...rest] = p.name.split(' ');
    return { id: `29:${p.aadObjectId}`, name: p.name, userPrincipleName: p.email, aadObjectId: p.aadObjectId, givenName: given, surname: rest.join(' '), email: p.email };
  };
  const [first, ...others] = PEOPLE.map(person);
  const yaml = (o, indent = '') =>
    Object.entries(o).map(([k, v]) => `${indent}${k}: ${typeof v === 'string' ? JSON.stringify(v) : v}`).join('\n');
  return [
    'version: "0.1.1"',
    `tenantId: ${directory.tenants[0].id}`,
    'bot:',
    '  id: 28:concord-playground-bot',
    '  name: Concord',
    'currentUser:',
    yaml(first, '  '),
    'users:',
    ...others.map((u) => `  - ${yaml(u, '    ').trimStart()}`),
    'personalChat:',
    '  id: __PERSONAL_CHAT_ID__',
    'groupChat:',
    '  id: __GROUP_CHAT_ID__',
    '  name: Strategy discussion chat',
    'team:',
    '  id: front-door-team',
    '  name: Front Door',
    '  aadGroupId: 00000000-0000-4000-8000-000000000031',
    '  channels:',
    `    - id: ${JSON.stringify(directory.partnership.frontDoorChannelId ?? 'front-door')}`,
    '      name: Front Door',
    '',
  ].join('\n');
}

async function waitFor(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

/** Starts both; resolves with their addresses and a stop function. Used by the browser test too. */
async function startPlayground({ botPort = 3978, playgroundPort = 56150, dataDir = path.join(root, '.data'), quiet = false } = {}) {
  const directory = JSON.parse(fs.readFileSync(path.join(root, 'config', 'partnership.sample.json'), 'utf8'));
  const workDir = path.join(root, '.playground');
  fs.mkdirSync(workDir, { recursive: true });
  fs.writeFileSync(path.join(workDir, '.m365agentsplayground.yml'), playgroundConfig(directory));
  const out = quiet ? 'ignore' : 'inherit';
  const children = [];
  // Whatever happens to this process, its children go with it.
  process.once('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGTERM')));
  const bot = spawn(process.execPath, [path.join(root, 'dist', 'src', 'index.js')], {
    cwd: root,
    env: { ...process.env, PORT: String(botPort), HOST: '127.0.0.1', DATA_DIR: dataDir, SWEEP_INTERVAL_MS: '1000' },
    stdio: ['ignore', out, out],
  });
  children.push(bot);
  await waitFor(`http://127.0.0.1:${botPort}/healthz`, 20000);
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const playground = spawn(
    process.execPath,
    ['-r', path.join(__dirname, 'loopback-only.js'), cli, '-e', `http://127.0.0.1:${botPort}/api/messages`, '-c', 'msteams', '-p', String(playgroundPort), '--disable-telemetry'],
    { cwd: workDir, env: { ...process.env, BROWSER: 'none', TEAMSFX_TELEMETRY_TESTTOOL_DISABLED: 'true' }, stdio: ['ignore', out, out] },
  );
  children.push(playground);
  const url = `http://127.0.0.1:${playgroundPort}`;
  await waitFor(url, 30000);
  const stop = async () => {
    for (const child of [playground, bot]) {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    }
  };
  return { url, stop };
}

if (require.main === module) {
  startPlayground().then(
    ({ url, stop }) => {
      console.log(`\nConcord is in the Playground at ${url}\nSwitch user at the top to act as ${PEOPLE.join(', ')}. Ctrl+C stops both.\n`);
      const end = () => stop().then(() => process.exit(0));
      process.once('SIGINT', end);
      process.once('SIGTERM', end);
    },
    (e) => {
      console.error(`The Playground could not start: ${e.message}`);
      process.exit(1);
    },
  );
}

module.exports = { startPlayground, playgroundConfig };
