import { readFileSync } from 'node:fs';

// Bicep cannot be compiled on this machine (no Azure CLI, no network): the template is read as text.
const bicep = readFileSync('infra/main.bicep', 'utf8');
const readme = readFileSync('README.md', 'utf8');
const config = readFileSync('src/config.ts', 'utf8');

const appSettings = [...bicep.matchAll(/\{ name: '([A-Za-z_]+)', value: ([^}]+) \}/g)].map((m) => ({ name: m[1], value: m[2].trim() }));
const PLATFORM = ['APPLICATIONINSIGHTS_CONNECTION_STRING', 'ApplicationInsightsAgent_EXTENSION_VERSION', 'SCM_DO_BUILD_DURING_DEPLOYMENT'];

describe('the Azure infrastructure', () => {
  test('every setting the app needs in Azure is provided: managed-identity bot, identity-based storage, a public address', () => {
    const names = appSettings.map((s) => s.name);
    for (const required of ['HOST', 'BOT_ID', 'BOT_TYPE', 'BOT_TENANT_ID', 'AZURE_CLIENT_ID', 'STORAGE_ACCOUNT_URL', 'DIRECTORY_FILE'])
      expect(names).toContain(required);
    expect(appSettings.find((s) => s.name === 'BOT_TYPE')!.value).toBe("'UserAssignedMSI'");
    expect(appSettings.find((s) => s.name === 'HOST')!.value).toBe("'0.0.0.0'");
  });

  test('every app setting is one the app reads (no typos), or the platform’s own', () => {
    for (const { name } of appSettings) {
      if (PLATFORM.includes(name)) continue;
      expect(config).toContain(`'${name}'`);
    }
  });

  test('no secret is written into the template: no keys, no passwords, shared-key access off', () => {
    expect(bicep).not.toMatch(/listKeys\(|AccountKey=|BOT_PASSWORD|MicrosoftAppPassword|@secure\(\)/);
    expect(bicep).toContain('allowSharedKeyAccess: false');
    expect(appSettings.some((s) => s.name === 'STORAGE_CONNECTION_STRING')).toBe(false);
  });

  test('the App Service is Linux, Node 24 LTS, always on, HTTPS only; the bot is single-tenant managed identity on Teams', () => {
    expect(bicep).toContain("linuxFxVersion: 'NODE|24-lts'");
    expect(bicep).toContain('alwaysOn: true');
    expect(bicep).toContain('httpsOnly: true');
    expect(bicep).toContain("msaAppType: 'UserAssignedMSI'");
    expect(bicep).toContain("name: 'MsTeamsChannel'");
    expect(bicep).toMatch(/Storage Table Data Contributor[\s\S]*0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3/);
  });

  test('the README’s deploy section names every parameter', () => {
    const params = [...bicep.matchAll(/^param (\w+) /gm)].map((m) => m[1]);
    expect(params.length).toBeGreaterThanOrEqual(5);
    const section = readme.slice(readme.indexOf('## Deploy to Azure'));
    expect(section.length).toBeLessThan(readme.length);
    for (const p of params) expect(section).toContain(`\`${p}\``);
  });
});
