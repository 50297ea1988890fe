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
import { CONVENE_STEPS, OUTCOME_STEPS } from '../../src/workflows/strategy/formSteps';
import { ACTION_ROWS, outcomeValues } from '../../src/workflows/strategy/forms';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CHROMIUM, FLAGS } = require('../../scripts/chromium') as { CHROMIUM: string; FLAGS: string[] };
const ARTIFACTS = '.artifacts';
const WIDTH = 390;
/** How tall one step of a form in steps may be at 390 px: about a phone screen and a half. */
const STEP_HEIGHT = 1200;

const LONG = 'Seen on the ward on 20 November with bruising to both upper arms; the account given does not explain it.';

/** Every step of the convene and outcome forms (their reviews included), every answer given at length: the tallest each step gets. */
function formSteps(): Record<string, object> {
  const calendar = new WorkingCalendar('Europe/London');
  const sd = new StrategyCards(directory, calendar);
  const sam = directory.person(id('Sam Okafor'))!;
  const d = sampleDiscussion();
  const convene = {
    purpose: LONG,
    date: '2026-11-23',
    time: '09:00',
    minuteTaker: id('Dee Walsh'),
    babyOrUnborn: 'true',
    'invite_social-care': id('Jordan Reid'),
    invite_police: id('Alex Carter'),
    invite_health: id('Nia Evans'),
    'invite_gp-child': id('Helen Grant'),
    'reason_gp-parents': LONG,
    'invite_health-visitor-midwife': id('Lucy Park'),
    reason_education: LONG,
    invite_referrer: id('Nia Evans'),
    invite_other: [id('Chris Dunn'), id('Dee Walsh')].join(','),
  };
  const outcome = { ...outcomeValues(d.versions[0].outcome), rationale: LONG, contributions: LONG, familyDetail: LONG, noEnquiryReason: LONG };
  for (let n = 1; n <= ACTION_ROWS; n++)
    Object.assign(outcome, { [`action_${n}_text`]: LONG, [`action_${n}_owner`]: id('Jordan Reid'), [`action_${n}_due`]: '2026-11-30' });
  const screens: Record<string, object> = {};
  for (let step = 0; step <= CONVENE_STEPS.length; step++) screens[`convene step ${step + 1}`] = sd.convene(sam, convene, { step, formId: 'a-draft' });
  for (let step = 0; step <= OUTCOME_STEPS.length; step++)
    screens[`outcome step ${step + 1}`] = sd.outcomeForm(d, { ...outcome, amendmentReason: LONG }, { step, formId: 'a-draft' });
  return screens;
}

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
    'convene form': sd.convene(sam, {}),
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

  /** Renders the card at 390 px and says what would not fit: a page wider than the screen, buttons outside it or cut short, or taller than `maxHeight`. */
  async function whatDoesNotFit(name: string, card: object, maxHeight = Infinity): Promise<string[]> {
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
      return { pageWidth: document.documentElement.scrollWidth, height: host.getBoundingClientRect().height, buttons };
    }, card);
    heights[name] = Math.round(measured.height);
    await page.screenshot({ path: path.join(ARTIFACTS, `card-${name.replace(/\W+/g, '-')}-${WIDTH}.png`), fullPage: true });
    const problems = measured.buttons.filter((b) => b.left < 0 || b.right > WIDTH || b.cut).map((b) => `button cut or outside: ${b.title}`);
    if (measured.pageWidth > WIDTH) problems.push(`the page is ${measured.pageWidth} px wide`);
    if (!measured.buttons.length) problems.push('no buttons');
    if (measured.height > maxHeight) problems.push(`the card is ${Math.round(measured.height)} px tall`);
    return problems;
  }

  /** Each card's height at 390 px, printed at the end (BENCHMARKS.md-style figures for the forms). */
  const heights: Record<string, number> = {};
  afterAll(() =>
    console.log(
      `card heights at ${WIDTH} px:\n${Object.entries(heights)
        .map(([n, h]) => `${n}: ${h} px`)
        .join('\n')}`,
    ),
  );

  test.each(Object.entries(keyScreens()))('%s: nothing scrolls sideways and every button shows its whole title', async (name, card) => {
    expect(await whatDoesNotFit(name, card)).toEqual([]);
  });

  test.each(Object.entries(formSteps()))(`%s: fits ${WIDTH} px, its buttons whole, no taller than ${STEP_HEIGHT} px`, async (name, card) => {
    expect(await whatDoesNotFit(name, card, STEP_HEIGHT)).toEqual([]);
  });

  test('the check sees a form too tall for a phone: the convene form on one card, as it was', async () => {
    const calendar = new WorkingCalendar('Europe/London');
    const whole = new StrategyCards(directory, calendar).convene(directory.person(id('Sam Okafor'))!, {}) as { body: object[] };
    // Every step's inputs on one card.
    const all = [0, 1, 2, 3].flatMap(
      (step) => (new StrategyCards(directory, calendar).convene(directory.person(id('Sam Okafor'))!, {}, { step }) as { body: object[] }).body,
    );
    const problems = await whatDoesNotFit('the check itself, height', { ...whole, body: all }, STEP_HEIGHT);
    expect(problems.join('\n')).toMatch(/the card is \d+ px tall/);
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
