#!/usr/bin/env node
// The real-browser check (run by .ci/run after npm test): Concord and the Microsoft 365 Agents
// Playground on 127.0.0.1, Debian's Chromium driven by playwright-core. It opens the Playground,
// sends "help", sees the card, clicks a button and sees the bot's answer; it saves a screenshot
// to .artifacts/playground.png (git-ignored; docs/playground.png is a kept copy, updated by hand). Needs `npm run build` first and /usr/bin/chromium (apt-get install chromium).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');
const { chromium } = require('playwright-core');
const { startPlayground } = require('./playground');

const { CHROMIUM, FLAGS } = require('./chromium');

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function main() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-browser-'));
  const pg = await startPlayground({ botPort: await freePort(), playgroundPort: await freePort(), dataDir, quiet: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pg.url);
    // Installing the app greets the person with their help card.
    await page.getByText('What you can do with Concord').first().waitFor({ timeout: 30000 });

    const box = page.getByRole('textbox').last();
    await box.click();
    await page.keyboard.type('help');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.body.innerText.split('What you can do with Concord').length - 1 >= 2, null, { timeout: 20000 });

    await page.getByRole('button', { name: 'Refer a concern about a child' }).last().click();
    await page.getByText('Is a child in immediate danger now?').waitFor({ timeout: 20000 });
    const artifacts = path.join(__dirname, '..', '.artifacts');
    fs.mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, 'playground.png') });
    console.log('browser: the Playground shows the help card, "help" answers, and "Refer a concern about a child" opens the referral');
    console.log('browser: 1 passed, 0 failed');
  } finally {
    await browser.close();
    await pg.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`browser: ${e.message}`);
  console.log('browser: 0 passed, 1 failed');
  process.exit(1);
});
