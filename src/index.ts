import { ConfigError, loadSettings } from './config';
import { startConcord } from './concord';
import { DirectoryError } from './directoryFile';
import { logger } from './logger';

async function main(): Promise<void> {
  const started = Date.now();
  const settings = loadSettings(process.env);
  if (settings.appInsightsConnectionString) (await import('./telemetryAzureMonitor')).startAzureMonitor(settings.appInsightsConnectionString);
  const concord = await startConcord(settings);
  logger.info('Concord is ready', {
    url: `${concord.url}/api/messages`,
    storage: settings.storageAccountUrl ? settings.storageAccountUrl : settings.storageConnectionString ? 'connection string' : `embedded Azurite in ${settings.dataDir}`,
    partnership: concord.directory.partnership.name,
    startupMs: Date.now() - started,
  });
  const shutdown = async () => {
    await concord.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((e: Error) => {
  // Configuration and directory problems are for an operator: say them plainly, no stack.
  if (e instanceof ConfigError || e instanceof DirectoryError) process.stderr.write(`Concord cannot start:\n${e.message}\n`);
  else process.stderr.write(`Concord cannot start: ${e.message}\n`);
  process.exit(1);
});
