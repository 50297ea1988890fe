import { useAzureMonitor } from '@azure/monitor-opentelemetry';

/**
 * Sends Concord's spans and metrics to Application Insights. Only Concord's own spans are sent
 * (turns, jobs, storage and Bot Connector calls, see telemetry.ts): the distro's automatic HTTP
 * and Azure SDK instrumentation is off, because its spans would duplicate ours and carry full
 * URLs. Loaded only when a connection string is set, so a local run loads none of it.
 */
export function startAzureMonitor(connectionString: string): void {
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    instrumentationOptions: { http: { enabled: false }, azureSdk: { enabled: false } },
    enableLiveMetrics: false,
  });
}
