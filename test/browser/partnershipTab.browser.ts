/**
 * The Partnership tab in a real browser (Debian's Chromium, playwright-core), signed in as a
 * partnership admin with a test-signed token in a seeded world. Run by `npm run test:browser`;
 * screenshots at 1280 and 390 px go to .artifacts/ (kept by CI as artefacts).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { Browser, chromium, Page } from 'playwright-core';
import { checkDirectory } from '../../src/directoryFile';
import { Directory } from '../../src/domain/directory';
import { seedPartnership } from '../harness/partnershipSeed';
import { TestEntra } from '../harness/tabTokens';
import { World } from '../harness/world';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CHROMIUM, FLAGS } = require('../../scripts/chromium') as { CHROMIUM: string; FLAGS: string[] };
const ARTIFACTS = '.artifacts';

describe('the Partnership tab in Chromium', () => {
  let world: World;
  let entra: TestEntra;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    entra = await TestEntra.start();
    const data = JSON.parse(readFileSync('config/partnership.sample.json', 'utf8'));
    world = await World.start({ at: '2026-11-23T10:00:00Z', directory: new Directory(checkDirectory(data)), env: entra.env });
    await seedPartnership(world);
    const token = await entra.tokenFor(world.directory, 'Alison Bright');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    // Teams is not here: TeamsJS is replaced by a stub whose getAuthToken gives the admin's token.
    await page.route('**/tab/partnership/teams-js.js', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: `window.microsoftTeams = { app: { initialize: () => Promise.resolve() }, authentication: { getAuthToken: () => Promise.resolve(${JSON.stringify(token)}) } };`,
      }),
    );
    await page.goto(`${world.concord.url}/tab/partnership?from=2026-10&to=2026-11`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await world?.stop();
    await entra?.stop();
  });

  const row = (id: string) => page.$$eval(`section table:not(figure table) tr[data-figure="${id}"] td`, (cells) => cells.map((c) => c.textContent));

  test('every chart is drawn, each with its table of the same numbers', async () => {
    const charts = await page.$$eval('figure[data-chart]', (figures) =>
      figures.map((f) => {
        const canvas = f.querySelector('canvas')!;
        const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let inked = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) inked++;
        return {
          id: f.getAttribute('data-chart'),
          width: canvas.width,
          inked,
          label: canvas.getAttribute('aria-label'),
          rows: f.querySelectorAll('tbody tr').length,
        };
      }),
    );
    expect(charts.length).toBe(15);
    for (const c of charts) {
      expect(c.width).toBeGreaterThan(0);
      expect(c.inked).toBeGreaterThan(500);
      expect(c.label).toContain('The same numbers are in the table below the chart.');
      expect(c.rows).toBeGreaterThan(0);
    }
    expect(problems).toEqual([]);
  });

  test('the numbers on the page are the seeded facts: 5 of 6 minutes within 24 hours, 3 referrals as “fewer than 5”', async () => {
    expect(await row('minutes.ended')).toEqual(['0', '6', '6']);
    expect(await row('minutes.withinDay')).toEqual(['0 of 0', '5 of 6 (83%)', '5 of 6 (83%)']);
    expect(await row('minutes.fullyConfirmed')).toEqual(['0 of 0', '0 of 6 (0%)', '0 of 6 (0%)']);
    expect(await row('discussions.convened')).toEqual(['0', '6', '6']);
    expect(await row('discussions.invited.police')).toEqual(['0 of 0', '6 of 6 (100%)', '6 of 6 (100%)']);
    expect(await row('discussions.excused.education')).toEqual(['0 of 0', '6 of 6 (100%)', '6 of 6 (100%)']);
    expect(await row('referrals.received')).toEqual(['0', 'fewer than 5', 'fewer than 5']);
    expect(await row('transfers.started')).toEqual(['0', '0', '0']);
  });

  test('a figure’s definition is one keypress away', async () => {
    const summary = page.locator('section table:not(figure table) tr[data-figure="minutes.withinDay"] summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('section table:not(figure table) tr[data-figure="minutes.withinDay"] .definition').isVisible()).resolves.toBe(true);
  });

  test('readable at 1280 and 390 px, no horizontal scrolling; screenshots kept', async () => {
    await page.screenshot({ path: `${ARTIFACTS}/partnership-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300); // Chart.js redraws on resize.
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
    expect(widths.page).toBeLessThanOrEqual(390);
    expect(widths.body).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${ARTIFACTS}/partnership-390.png`, fullPage: true });
  });
});
