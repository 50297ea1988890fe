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
    storage: settings.storageAccountUrl
      ? settings.storageAccountUrl
      : settings.storageConnectionString
        ? 'connection string'
        : `embedded Azurite in ${settings.dataDir}`,
    partnership: concord.directory.partnership.name,
    startupMs: Date.now() - started,
  });
  // Ctrl+C reaches the whole process group, and `npm start` forwards it once more: the first
  // signal starts an orderly stop (requests, then the sweeper's jobs, then the storage); the
  // others must not cut it short (Node's default for a signal nobody listens to is to exit).
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('Concord is stopping', { signal });
    concord.stop().then(
      () => process.exit(0),
      (e: Error) => {
        process.stderr.write(`Concord did not stop cleanly: ${e.message}\n`);
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => shutdown(signal));
}

main().catch((e: Error) => {
  // Configuration and directory problems are for an operator: say them plainly, no stack.
  if (e instanceof ConfigError || e instanceof DirectoryError) process.stderr.write(`Concord cannot start:\n${e.message}\n`);
  else process.stderr.write(`Concord cannot start: ${e.message}\n`);
  process.exit(1);
});
