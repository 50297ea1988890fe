/**
 * The key screens on a phone, in a real browser: each card is rendered by the official Adaptive
 * Cards renderer in Debian's Chromium at 390 px wide, as Teams on a phone shows it (buttons
 * stacked, one a row). Checked: nothing scrolls sideways, and every button is inside the screen
 * with its whole title showing. Screenshots go to .artifacts/ (git-ignored, kept by CI as
 * artefacts). Run by `npm run test:browser`.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { helpCard } from '../../src/cards/help';
import { StrategyCards } from '../../src/cards/strategyCards';
import { DifferenceCards } from '../../src/cards/differenceCards';
import { ReferralCards } from '../../src/cards/referralCards';
import { WorkingCalendar } from '../../src/domain/calendar';
import { escalate, propose, raise } from '../../src/domain/professionalDifference';
import { loadForm } from '../../src/formsFile';
import { directory, id, NOW, sampleDiscussion } from '../harness/sampleDiscussion';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CHROMIUM, FLAGS } = require('../../scripts/chromium') as { CHROMIUM: string; FLAGS: string[] };
const ARTIFACTS = '.artifacts';
const WIDTH = 390;

function keyScreens(): Record<string, object> {
  const calendar = new WorkingCalendar('Europe/London');
  const sam = directory.person(id('Sam Okafor'))!;
  const kim = directory.person(id('Kim Lee'))!;
  const sd = new StrategyCards(directory, calendar);
  const d = sampleDiscussion();
  const form = loadForm('config/forms/referral.json');
  // Every question answered at some length, as a nurse would on a ward.
  const answers = Object.fromEntries(
    form.steps.flatMap((s) => s.questions.map((q) => [q.id, q.choices?.[0]?.value ?? 'Seen on the ward on 20 November with bruising to both upper arms.'])),
  );
  const dc = new DifferenceCards(directory, calendar);
  let pd = raise(
    {
      caseReference: 'SD-0042',
      decision: 'No section 47 enquiry after the second strategy discussion',
      reasons: 'Every agency but social care understood an enquiry would start.',
      outcomeSought: 'A section 47 enquiry',
      responding: id('Jordan Reid'),
      immediateRisk: false,
    },
    'PD-0007',
    directory.person(id('Nia Evans'))!,
    directory,
    calendar,
    NOW,
  );
  pd = propose(pd, id('Nia Evans'), 1, 'Social care starts a section 47 enquiry.', NOW);
  return {
    help: helpCard(directory, kim),
    'referral review': new ReferralCards(directory, calendar).review(form, answers, true, 'referral', 'a-draft'),
    'convene form': sd.convene(sam, {}, []),
    acknowledgement: sd.acknowledgement(d, d.versions[0], { aadObjectId: id('Nia Evans'), userId: '29:nia' }, undefined),
    'stage 2, manager': dc.stage(escalate(pd, 'system', 1, 'deadline', NOW, directory, calendar), { aadObjectId: id('Tom Hughes') }, NOW),
  };
}

describe('the key screens at 390 px in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    page = await browser.newPage({ viewport: { width: WIDTH, height: 844 } });
    await page.setContent(
      '<!doctype html><html><head><meta name="viewport" content="width=device-width"></head><body style="margin:0"><div id="card"></div></body></html>',
    );
    await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);

  afterAll(async () => browser?.close());

  /** Renders the card at 390 px and says what would not fit: a page wider than the screen, buttons outside it or cut short. */
  async function whatDoesNotFit(name: string, card: object): Promise<string[]> {
    const measured = await page.evaluate((json) => {
      const AC = (window as any).AdaptiveCards;
      const c = new AC.AdaptiveCard();
      // Teams on a phone: buttons stacked, one a row, the width of the card.
      c.hostConfig = new AC.HostConfig({
        fontFamily: 'Segoe UI, Helvetica Neue, sans-serif',
        actions: { actionsOrientation: 'vertical', actionAlignment: 'stretch', maxActions: 6, buttonSpacing: 8 },
        spacing: { padding: 16 },
      });
      c.parse(json);
      const host = document.getElementById('card')!;
      host.replaceChildren(c.render());
      const buttons = Array.from(host.querySelectorAll('button')).map((b) => {
        const r = b.getBoundingClientRect();
        const title = (b.querySelector('div') ?? b) as HTMLElement;
        return { title: b.textContent ?? '', left: r.left, right: r.right, cut: title.scrollWidth > title.clientWidth + 1 };
      });
      return { pageWidth: document.documentElement.scrollWidth, buttons };
    }, card);
    await page.screenshot({ path: path.join(ARTIFACTS, `card-${name.replace(/\W+/g, '-')}-${WIDTH}.png`), fullPage: true });
    const problems = measured.buttons.filter((b) => b.left < 0 || b.right > WIDTH || b.cut).map((b) => `button cut or outside: ${b.title}`);
    if (measured.pageWidth > WIDTH) problems.push(`the page is ${measured.pageWidth} px wide`);
    if (!measured.buttons.length) problems.push('no buttons');
    return problems;
  }

  test.each(Object.entries(keyScreens()))('%s: nothing scrolls sideways and every button shows its whole title', async (name, card) => {
    expect(await whatDoesNotFit(name, card)).toEqual([]);
  });

  test('the check sees what a phone would cut: a button title too long for the screen', async () => {
    const tooWide = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'A card' }],
      actions: [{ type: 'Action.Execute', verb: 'x', title: 'The discussion has ended: start the minutes clock for everyone now' }],
    };
    const problems = await whatDoesNotFit('the check itself', tooWide);
    expect(problems.join('\n')).toContain('button cut or outside');
  });
});
