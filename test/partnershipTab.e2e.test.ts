import { checkDirectory } from '../src/directoryFile';
import { Directory } from '../src/domain/directory';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OUTSIDE_TENANT } from './harness/teams';
import { TestEntra } from './harness/tabTokens';
import { seedPartnership, SEEDED } from './harness/partnershipSeed';
import { World } from './harness/world';

/** The sample partnership, with a business manager who may only read the figures. */
function directoryWithViewer(): Directory {
  const data = JSON.parse(readFileSync('config/partnership.sample.json', 'utf8'));
  data.people.push({
    aadObjectId: 'abababab-0000-4000-8000-000000000017',
    tenantId: data.tenants[0].id,
    name: 'Grace Mensah',
    email: 'grace.mensah@westmoor.example',
    agency: 'wm-partnership',
    jobTitle: 'Business Manager',
    roles: ['partnership-viewer'],
  });
  return new Directory(checkDirectory(data));
}

const figure = (answer: any, section: string, id: string) => answer.sections.find((s: any) => s.id === section).figures.find((f: any) => f.id === id);

describe('the Partnership tab’s figures', () => {
  let world: World;
  let entra: TestEntra;
  beforeAll(async () => {
    entra = await TestEntra.start();
    world = await World.start({ at: '2026-11-23T10:00:00Z', directory: directoryWithViewer(), env: entra.env });
    await seedPartnership(world);
  }, 120_000);
  afterAll(async () => {
    await world?.stop();
    await entra?.stop();
  });

  const get = (path: string, token?: string) => fetch(`${world.concord.url}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });

  test('an admin sees the month’s figures from what happened: 5 of 6 minutes within 24 hours; 3 referrals show as “fewer than 5”', async () => {
    const res = await get('/api/partnership/figures?from=2026-10&to=2026-11', await entra.tokenFor(world.directory, 'Alison Bright'));
    expect(res.status).toBe(200);
    const answer = await res.json();
    expect(answer.months.map((m: any) => m.month)).toEqual(['2026-10', SEEDED.month]);
    expect(figure(answer, 'minutes', 'minutes.ended').months).toEqual([
      { value: 0, text: '0' },
      { value: 6, text: '6' },
    ]);
    expect(figure(answer, 'minutes', 'minutes.withinDay').months[1]).toEqual({ value: 5, text: '5 of 6 (83%)' });
    expect(figure(answer, 'minutes', 'minutes.fullyConfirmed').period).toEqual({ value: 0, text: '0 of 6 (0%)' });
    expect(figure(answer, 'discussions', 'discussions.convened').period).toEqual({ value: 6, text: '6' });
    expect(figure(answer, 'discussions', 'discussions.invited.gp-child').period.text).toBe('6 of 6 (100%)');
    expect(figure(answer, 'discussions', 'discussions.excused.gp-parents').period.text).toBe('6 of 6 (100%)');
    expect(figure(answer, 'discussions', 'discussions.invited.education').period.text).toBe('0 of 6 (0%)');
    expect(figure(answer, 'front-door', 'referrals.received').months[1]).toEqual({ value: null, text: 'fewer than 5' });
    expect(figure(answer, 'front-door', 'referrals.decidedInTime').months[1]).toEqual({ value: null, text: 'fewer than 5 of fewer than 5' });
    expect(figure(answer, 'front-door', 'referrals.outcome.strategy-discussion').period).toEqual({ value: null, text: 'fewer than 5' });
    expect(figure(answer, 'front-door', 'referrals.received').definition).toContain('submitted to the Front Door');
    expect(figure(answer, 'transfers', 'transfers.started').period).toEqual({ value: 0, text: '0' });
    expect(figure(answer, 'transfers', 'transfers.acceptanceDays').definition).toContain('to the receiving authority’s acceptance');
  });

  test('the CSV holds exactly the charted numbers, cells neutralised', async () => {
    const token = await entra.tokenFor(world.directory, 'Grace Mensah');
    const [json, csv] = await Promise.all([
      get('/api/partnership/figures?from=2026-11&to=2026-11', token),
      get('/api/partnership/figures.csv?from=2026-11&to=2026-11', token),
    ]);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="partnership-figures-2026-11-to-2026-11.csv"');
    const lines = (await csv.text()).split('\n');
    expect(lines[0]).toBe('section,figure,month,value,shown as');
    expect(lines).toContain('Minutes,Minutes circulated within 24 hours,2026-11,5,5 of 6 (83%)');
    expect(lines).toContain('Front Door referrals,Referrals received,2026-11,,fewer than 5');
    const answer = await json.json();
    const figures = answer.sections.flatMap((s: any) => s.figures);
    expect(lines).toHaveLength(1 + figures.length * 2);
  });

  test('refused, audited, and no figure in the answer: no token, another tenant, an expired token, a person without the role', async () => {
    const path = '/api/partnership/figures?from=2026-11&to=2026-11';
    const cases: [string | undefined, number, string][] = [
      [undefined, 401, 'refused.tab-no-token'],
      [await entra.tokenFor(world.directory, 'Alison Bright', { tenantId: OUTSIDE_TENANT }), 403, 'refused.tab-other-tenant'],
      [await entra.tokenFor(world.directory, 'Alison Bright', { expired: true }), 401, 'refused.tab-expired'],
      [await entra.tokenFor(world.directory, 'Sam Okafor'), 403, 'refused.not-admin'],
      [await entra.tokenFor(world.directory, 'Alison Bright', { audience: 'api://elsewhere/other-app' }), 401, 'refused.tab-bad-token'],
    ];
    for (const [token, status] of cases) {
      for (const p of [path, path.replace('figures?', 'figures.csv?')]) {
        const res = await get(p, token);
        expect(res.status).toBe(status);
        const body = await res.text();
        expect(JSON.parse(body).error).toEqual(expect.any(String));
        expect(body).not.toMatch(/\d/);
      }
    }
    // Each kind of refusal is audited at once (later ones in the same minute are tallied); the person without the role each time, by name.
    const audited = (await world.concord.audit.trail('access')).filter((e) => e.detail === 'partnership figures');
    expect(audited.map((e) => e.action)).toEqual([
      'refused.tab-no-token',
      'refused.tab-other-tenant',
      'refused.tab-expired',
      'refused.not-admin',
      'refused.not-admin',
      'refused.tab-bad-token',
    ]);
    expect(audited.filter((e) => e.action === 'refused.not-admin').map((e) => e.actorAadObjectId)).toEqual([
      world.directory.data.people.find((p) => p.name === 'Sam Okafor')!.aadObjectId,
      world.directory.data.people.find((p) => p.name === 'Sam Okafor')!.aadObjectId,
    ]);
  });

  test('the page and its scripts are served from Concord, framed only by Teams', async () => {
    const page = await get('/tab/partnership');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain('frame-ancestors teams.microsoft.com');
    expect(await page.text()).toContain('<script src="/tab/partnership/chart.js"></script>');
    for (const script of ['chart.js', 'teams-js.js', 'page.js', 'page.css']) expect((await get(`/tab/partnership/${script}`)).status).toBe(200);
  });
});

describe('trying the tab locally', () => {
  test('npm run dev-token signs a token the local Concord (no BOT_ID) accepts; it refuses to run with a BOT_ID', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'concord-dev-token-'));
    const world = await World.start({ env: { DATA_DIR: dataDir } });
    try {
      const run = (env: Record<string, string>) =>
        execFileSync(process.execPath, ['scripts/dev-token.js', 'Alison Bright'], {
          env: { ...process.env, DATA_DIR: dataDir, BOT_ID: '', ...env },
          stdio: 'pipe',
        })
          .toString()
          .trim();
      const token = /#token=(\S+)$/.exec(run({}))![1];
      const res = await fetch(`${world.concord.url}/api/partnership/figures?from=2026-11&to=2026-11`, { headers: { Authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect(() => run({ BOT_ID: '0b0b0b0b-0000-4000-8000-000000000001' })).toThrow(/BOT_ID is set/);
    } finally {
      await world.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
