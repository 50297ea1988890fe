#!/usr/bin/env node
// `npm run playground`: Concord on embedded storage plus the Microsoft 365 Agents Playground (a
// local Teams web client), all on 127.0.0.1. The Playground (0.2.x) acts as one person and has no
// working user switcher, so there is one Playground a person, on consecutive ports, each acting as
// someone from the sample directory (`npm run playground -- "Kim Lee" "Tom Hughes"` picks others).
// Ctrl+C stops them all.
const { spawn } = require('node:child_process');
const net = require('node:net');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
// Who the Playgrounds act as when nobody is named: a nurse who refers, a chair, the Front Door.
const DEFAULT_PEOPLE = ['Nia Evans', 'Sam Okafor', 'Kim Lee'];
// The Playground's config takes a current user and at most five others.
const PEOPLE = ['Nia Evans', 'Sam Okafor', 'Alex Carter', 'Helen Grant', 'Tom Hughes', 'Kim Lee'];

/** Fails at once, naming the port, when something already listens there (another Concord, another Playground). */
function ensureFree(port) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', () => reject(new Error(`port ${port} on 127.0.0.1 is taken: is another Concord or Playground running? Stop it first.`)));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/** The Playground's configuration, acting as `current`: its users are people of the sample directory. */
function playgroundConfig(directory, current = PEOPLE[0]) {
  const person = (name) => {
    const p = directory.people.find((x) => x.name === name);
    const [given, ...rest] = p.name.split(' ');
    return {
      id: `29:${p.aadObjectId}`,
      name: p.name,
      userPrincipleName: p.email,
      aadObjectId: p.aadObjectId,
      givenName: given,
      surname: rest.join(' '),
      email: p.email,
    };
  };
  const [first, ...others] = [current, ...PEOPLE.filter((n) => n !== current)].slice(0, 6).map(person);
  const yaml = (o, indent = '') =>
    Object.entries(o)
      .map(([k, v]) => `${indent}${k}: ${typeof v === 'string' ? JSON.stringify(v) : v}`)
      .join('\n');
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

/**
 * Starts Concord and one Playground a person (ports playgroundPort, +1, +2…); resolves with their
 * addresses and a stop function. Used by the browser test too (one person).
 */
async function startPlayground({ botPort = 3978, playgroundPort = 56150, people = [PEOPLE[0]], dataDir = path.join(root, '.data'), quiet = false } = {}) {
  const directory = JSON.parse(fs.readFileSync(path.join(root, 'config', 'partnership.sample.json'), 'utf8'));
  for (const name of people) if (!directory.people.some((p) => p.name === name)) throw new Error(`"${name}" is not in the sample directory`);
  for (const port of [botPort, ...people.map((_, i) => playgroundPort + i)]) await ensureFree(port);
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
  const playgrounds = people.map((name, i) => {
    // Each Playground reads its configuration from its working directory: one directory a person.
    const workDir = path.join(root, '.playground', name.toLowerCase().replace(/[^a-z]+/g, '-'));
    fs.mkdirSync(workDir, { recursive: true });
    fs.writeFileSync(path.join(workDir, '.m365agentsplayground.yml'), playgroundConfig(directory, name));
    const port = playgroundPort + i;
    const child = spawn(
      process.execPath,
      [
        '-r',
        path.join(__dirname, 'loopback-only.js'),
        cli,
        '-e',
        `http://127.0.0.1:${botPort}/api/messages`,
        '-c',
        'msteams',
        '-p',
        String(port),
        '--disable-telemetry',
      ],
      { cwd: workDir, env: { ...process.env, BROWSER: 'none', TEAMSFX_TELEMETRY_TESTTOOL_DISABLED: 'true' }, stdio: ['ignore', out, out] },
    );
    children.push(child);
    return { name, url: `http://127.0.0.1:${port}` };
  });
  for (const p of playgrounds) await waitFor(p.url, 30000);
  const stop = async () => {
    for (const child of [...children].reverse()) {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    }
  };
  return { url: playgrounds[0].url, playgrounds, stop };
}

if (require.main === module) {
  const named = process.argv.slice(2);
  startPlayground({ people: named.length ? named : DEFAULT_PEOPLE }).then(
    ({ playgrounds, stop }) => {
      console.log(
        `\nConcord is in the Playground, one browser tab a person:\n${playgrounds.map((p) => `  ${p.name.padEnd(12)} ${p.url}`).join('\n')}\nCtrl+C stops them all.\n`,
      );
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
