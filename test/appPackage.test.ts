import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import AdmZip from 'adm-zip';

const ENV = {
  ...process.env,
  BOT_ID: '0b0b0b0b-0000-4000-8000-000000000001',
  TEAMS_APP_ID: '0a0a0a0a-0000-4000-8000-000000000001',
  BOT_DOMAIN: 'concord.example.org',
};

function pngInfo(buf: Buffer) {
  expect(buf.subarray(1, 4).toString('ascii')).toBe('PNG');
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const colourType = buf[25];
  // First pixel's alpha: inflate the image data (one IDAT chunk, as our icons are written).
  const idatAt = buf.indexOf('IDAT');
  const idatLength = buf.readUInt32BE(idatAt - 4);
  const raw = zlib.inflateSync(buf.subarray(idatAt + 4, idatAt + 4 + idatLength));
  return { width, height, colourType, firstAlpha: colourType === 6 ? raw[4] : 255 };
}

describe('the Teams app package', () => {
  let zip: AdmZip;
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/package.js'], { env: ENV, stdio: 'pipe' });
    zip = new AdmZip('build/concord-teams-app.zip');
  });

  test('the zip holds the manifest and both icons, with the bot id filled in', () => {
    expect(
      zip
        .getEntries()
        .map((e) => e.entryName)
        .sort(),
    ).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(zip.readAsText('manifest.json'));
    expect(manifest.bots[0].botId).toBe(ENV.BOT_ID);
    expect(manifest.id).toBe(ENV.TEAMS_APP_ID);
    expect(JSON.stringify(manifest)).not.toContain('${{');
  });

  // The validator is an ES module chain jest cannot load, so it runs as its own process.
  function validate(file: string): string[] {
    try {
      return JSON.parse(execFileSync(process.execPath, ['scripts/validate-manifest.js', file], { stdio: 'pipe' }).toString());
    } catch (e) {
      return JSON.parse(String((e as { stdout: Buffer }).stdout));
    }
  }

  test('the manifest passes the official Teams schema, offline', () => {
    expect(validate('build/concord-teams-app.zip')).toEqual([]);
  });

  test('the manifest check can fail: a manifest without a bot id is rejected', () => {
    const manifest = JSON.parse(zip.readAsText('manifest.json'));
    delete manifest.bots[0].botId;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'manifest-')), 'manifest.json');
    writeFileSync(file, JSON.stringify(manifest));
    expect(validate(file).join(' ')).toMatch(/botId/);
  });

  test('the bot lists the commands of every workflow, in personal, team and group chat', () => {
    const manifest = JSON.parse(zip.readAsText('manifest.json'));
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    const commands = manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title);
    expect(commands).toEqual(expect.arrayContaining(['help', 'refer', 'strategy', 'escalate', 'record', 'export', 'minutes', 'serious incident']));
  });

  test('the bot may send files: export offers Word documents through file consent, which Teams allows only then', () => {
    const manifest = JSON.parse(zip.readAsText('manifest.json'));
    expect(manifest.bots[0].supportsFiles).toBe(true);
  });

  test('the Partnership tab is a personal static tab signed in with Teams SSO (webApplicationInfo)', () => {
    const manifest = JSON.parse(zip.readAsText('manifest.json'));
    expect(manifest.staticTabs).toEqual([
      expect.objectContaining({
        entityId: 'partnership',
        name: 'Partnership',
        contentUrl: 'https://concord.example.org/tab/partnership',
        scopes: ['personal'],
      }),
    ]);
    expect(manifest.webApplicationInfo).toEqual({ id: ENV.BOT_ID, resource: `api://concord.example.org/${ENV.BOT_ID}` });
  });

  test('the colour icon is 192×192 and the outline 32×32 with a transparent background', () => {
    const colour = pngInfo(zip.readFile('color.png')!);
    expect([colour.width, colour.height]).toEqual([192, 192]);
    const outline = pngInfo(zip.readFile('outline.png')!);
    expect([outline.width, outline.height, outline.colourType, outline.firstAlpha]).toEqual([32, 32, 6, 0]);
  });

  test('a missing value stops the packaging with a message saying which', () => {
    let stderr = '';
    try {
      execFileSync(process.execPath, ['scripts/package.js'], { env: { ...ENV, BOT_ID: '' }, stdio: 'pipe' });
    } catch (e) {
      stderr = String((e as { stderr: Buffer }).stderr);
    }
    expect(stderr).toContain('Set BOT_ID in the environment');
    expect(readFileSync('appPackage/manifest.json', 'utf8')).toContain('${{BOT_ID}}');
  });
});
