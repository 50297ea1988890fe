import { ConfigError, loadSettings } from '../src/config';

describe('configuration from the environment', () => {
  test('defaults start the bot on 127.0.0.1:3978 with embedded storage', () => {
    const s = loadSettings({});
    expect(s).toMatchObject({ port: 3978, host: '127.0.0.1', storageConnectionString: '', botId: '', botType: 'SingleTenant' });
    expect(s.dataDir).toMatch(/\.data$/);
    expect(s.directoryFile).toMatch(/config\/partnership\.sample\.json$/);
  });

  test('a non-loopback HOST without BOT_ID refuses to start, saying why', () => {
    expect(() => loadSettings({ HOST: '0.0.0.0' })).toThrow(ConfigError);
    expect(() => loadSettings({ HOST: '0.0.0.0' })).toThrow(/only safe on a loopback address/);
    expect(() => loadSettings({ HOST: '0.0.0.0', BOT_ID: 'id', BOT_PASSWORD: 'pw', BOT_TENANT_ID: 't' })).not.toThrow();
  });

  test('every bad value is named on its own line', () => {
    let message = '';
    try {
      loadSettings({ PORT: 'eighty', BOT_TYPE: 'MultiTenant', HOST: 'my host' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'PORT must be a whole number from 0 to 65535, not "eighty".',
      'HOST must be an IP address or "localhost", not "my host".',
      'BOT_TYPE must be SingleTenant or UserAssignedMSI, not "MultiTenant".',
    ]);
  });

  test('storage in Azure is an account URL reached with an identity, or a connection string, not both', () => {
    expect(loadSettings({ STORAGE_ACCOUNT_URL: 'https://concordwm.table.core.windows.net', AZURE_CLIENT_ID: 'c' })).toMatchObject({
      storageAccountUrl: 'https://concordwm.table.core.windows.net',
      azureClientId: 'c',
    });
    expect(() => loadSettings({ STORAGE_ACCOUNT_URL: 'http://example.org' })).toThrow(/STORAGE_ACCOUNT_URL must look like/);
    expect(() => loadSettings({ STORAGE_ACCOUNT_URL: 'https://a.table.core.windows.net', STORAGE_CONNECTION_STRING: 'x' })).toThrow(/not both/);
  });

  test('a bot id needs its tenant, and a password unless it uses a managed identity', () => {
    expect(() => loadSettings({ BOT_ID: 'id' })).toThrow(/BOT_TENANT_ID is required/);
    expect(() => loadSettings({ BOT_ID: 'id', BOT_TENANT_ID: 't' })).toThrow(/BOT_PASSWORD is required/);
    expect(() => loadSettings({ BOT_ID: 'id', BOT_TENANT_ID: 't', BOT_TYPE: 'UserAssignedMSI' })).not.toThrow();
  });
});
