import path from 'node:path';
import { isIP } from 'node:net';

export type BotType = 'SingleTenant' | 'UserAssignedMSI';

export interface Settings {
  port: number;
  host: string;
  /** Empty (and no account URL): Concord starts Azurite's table service itself, persisted under dataDir. */
  storageConnectionString: string;
  /** https://<account>.table.core.windows.net: reached with a managed identity, no keys. */
  storageAccountUrl: string;
  /** The user-assigned managed identity's client id, for the storage account and the bot. */
  azureClientId: string;
  dataDir: string;
  directoryFile: string;
  botId: string;
  botPassword: string;
  botTenantId: string;
  botType: BotType;
  /** How often the scheduler looks for due work. */
  sweepIntervalMs: number;
  /** Application Insights: traces, metrics and logs go there when set; nothing is sent otherwise. */
  appInsightsConnectionString: string;
  /** How long an instance holds a job it is running before another may take it over (renewed while it runs). */
  jobLeaseMs: number;
  /** The Partnership tab's SSO: the audiences its Teams token may carry (client id, app ID URI). */
  ssoAudiences: string[];
  /** Entra's signing keys; empty only without BOT_ID: the local development key set (npm run dev-token). */
  ssoJwksUrl: string;
  /**
   * The partnership's secret for NHS-number fingerprints (HMAC-SHA256): kept outside the storage
   * account (Key Vault), so storage alone cannot tell whose number a fingerprint is. Empty: a
   * random key kept in storage (local runs).
   */
  nhsNumberKey: string;
}

/** Microsoft Entra's signing keys, for tokens of every tenant. */
export const ENTRA_KEYS = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';
/** Where `npm run dev-token` keeps its local key pair; Concord reads it only without BOT_ID. */
export const devTabKeyFile = (dataDir: string) => path.join(dataDir, 'dev-tab-keys.json');

/** The audience of local development tokens (npm run dev-token), accepted only without BOT_ID. */
export const LOCAL_TAB_AUDIENCE = 'api://localhost/concord-local-tab';

export class ConfigError extends Error {}

// Relative paths are taken from the working directory, the project root under `npm start`.
const DEFAULT_DIRECTORY = 'config/partnership.sample.json';

function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1';
  return false;
}

/**
 * Reads the environment into typed settings. Every bad value is reported on its own line,
 * so an operator fixes them all in one go.
 */
export function loadSettings(env: NodeJS.ProcessEnv): Settings {
  const problems: string[] = [];
  const text = (name: string, fallback: string) => (env[name] ?? '').trim() || fallback;

  const portText = text('PORT', '3978');
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) problems.push(`PORT must be a whole number from 0 to 65535, not "${portText}".`);

  const host = text('HOST', '127.0.0.1');
  if (host !== 'localhost' && isIP(host) === 0) problems.push(`HOST must be an IP address or "localhost", not "${host}".`);

  const botType = text('BOT_TYPE', 'SingleTenant');
  if (botType !== 'SingleTenant' && botType !== 'UserAssignedMSI') {
    problems.push(`BOT_TYPE must be SingleTenant or UserAssignedMSI, not "${botType}".`);
  }

  const botId = text('BOT_ID', '');
  const botPassword = text('BOT_PASSWORD', '');
  const botTenantId = text('BOT_TENANT_ID', '');
  if (!botId && isIP(host) + Number(host === 'localhost') > 0 && !isLoopback(host)) {
    problems.push(
      `HOST is ${host} but BOT_ID is empty: without a bot id requests are not authenticated, which is only safe on a loopback address (127.0.0.1). Set BOT_ID, or HOST=127.0.0.1.`,
    );
  }
  if (botId && !botTenantId) problems.push('BOT_TENANT_ID is required when BOT_ID is set (the bot is single-tenant).');
  if (botId && botType === 'SingleTenant' && !botPassword) problems.push('BOT_PASSWORD is required when BOT_ID is set and BOT_TYPE is SingleTenant.');

  const storageConnectionString = text('STORAGE_CONNECTION_STRING', '');
  const storageAccountUrl = text('STORAGE_ACCOUNT_URL', '');
  if (storageConnectionString && storageAccountUrl) problems.push('Set STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL, not both.');
  if (storageAccountUrl && !/^https:\/\/[a-z0-9]+\.table\.core\.windows\.net\/?$/.test(storageAccountUrl)) {
    problems.push(`STORAGE_ACCOUNT_URL must look like https://<account>.table.core.windows.net, not "${storageAccountUrl}".`);
  }

  const sweepText = text('SWEEP_INTERVAL_MS', '5000');
  const sweepIntervalMs = Number(sweepText);
  if (!/^\d+$/.test(sweepText) || sweepIntervalMs < 50) problems.push(`SWEEP_INTERVAL_MS must be a whole number of at least 50, not "${sweepText}".`);

  const appInsightsConnectionString = text('APPLICATIONINSIGHTS_CONNECTION_STRING', '');
  if (appInsightsConnectionString && !/(^|;)\s*InstrumentationKey=[0-9a-f-]{36}/i.test(appInsightsConnectionString)) {
    problems.push('APPLICATIONINSIGHTS_CONNECTION_STRING must be the Application Insights connection string (it starts InstrumentationKey=<a GUID>).');
  }
  const leaseText = text('JOB_LEASE_MS', '60000');
  const jobLeaseMs = Number(leaseText);
  if (!/^\d+$/.test(leaseText) || jobLeaseMs < 1000) problems.push(`JOB_LEASE_MS must be a whole number of at least 1000, not "${leaseText}".`);

  const ssoClientId = text('SSO_CLIENT_ID', '');
  const ssoAppIdUri = text('SSO_APP_ID_URI', '');
  if (ssoAppIdUri && !/^api:\/\/\S+$/.test(ssoAppIdUri))
    problems.push(`SSO_APP_ID_URI must be the tab's application ID URI, api://<host>/<client id>, not "${ssoAppIdUri}".`);
  const ssoJwksUrl = text('SSO_JWKS_URL', botId ? ENTRA_KEYS : '');
  if (ssoJwksUrl && !/^https:\/\//.test(ssoJwksUrl) && !/^http:\/\/127\.0\.0\.1(:\d+)?\//.test(ssoJwksUrl)) {
    problems.push(`SSO_JWKS_URL must be an https address (or http://127.0.0.1 for tests), not "${ssoJwksUrl}".`);
  }
  const ssoAudiences = [ssoClientId, ssoAppIdUri].filter(Boolean);
  const nhsNumberKey = text('NHS_NUMBER_KEY', '');
  if (nhsNumberKey && nhsNumberKey.length < 32) problems.push('NHS_NUMBER_KEY must be at least 32 characters (a random secret, e.g. openssl rand -base64 32).');

  if (problems.length) throw new ConfigError(problems.join('\n'));
  return {
    port,
    host,
    storageConnectionString,
    storageAccountUrl,
    azureClientId: text('AZURE_CLIENT_ID', ''),
    dataDir: path.resolve(text('DATA_DIR', '.data')),
    directoryFile: path.resolve(text('DIRECTORY_FILE', DEFAULT_DIRECTORY)),
    botId,
    botPassword,
    botTenantId,
    botType: botType as BotType,
    sweepIntervalMs,
    appInsightsConnectionString,
    jobLeaseMs,
    ssoAudiences: ssoAudiences.length || botId ? ssoAudiences : [LOCAL_TAB_AUDIENCE],
    ssoJwksUrl,
    nhsNumberKey,
  };
}
