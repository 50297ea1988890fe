/**
 * What an operator sees of Concord: spans and metrics through the OpenTelemetry API. Without a
 * registered provider (tests, a local run) every call here is a no-op; with
 * APPLICATIONINSIGHTS_CONNECTION_STRING set, `telemetryAzureMonitor.ts` registers Azure Monitor's.
 *
 * Attributes carry identifiers and counts only: a case reference, a registered card verb, a job
 * kind, an outcome, a table name. Never text a person typed: it may identify a child.
 */
import { Attributes, Counter, Histogram, metrics, MeterProvider, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

const NAME = 'concord';

/** A case reference as Concord spends them, or nothing: anything else may be typed text. */
export function caseReference(value: unknown): string | undefined {
  return typeof value === 'string' && /^(SD|PD|REF|SI|TR)-\d{4,6}$/.test(value) ? value : undefined;
}

export async function inSpan<T>(name: string, kind: SpanKind, attributes: Attributes, work: (span: Span) => Promise<T>): Promise<T> {
  return trace.getTracer(NAME).startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await work(span);
    } catch (e) {
      // The error's class only: messages from storage or the connector can quote request content.
      span.setStatus({ code: SpanStatusCode.ERROR, message: (e as Error).name });
      throw e;
    } finally {
      span.end();
    }
  });
}

interface Instruments {
  provider: MeterProvider;
  cardAction: Histogram;
  deliveries: Counter;
  jobsRun: Counter;
  jobsParked: Counter;
  sweepLag: Histogram;
}
let instruments: Instruments | undefined;

// The API hands out no-op meters until a provider is registered and does not upgrade them later:
// instruments are made (again) from whichever provider is current.
function meters(): Instruments {
  const provider = metrics.getMeterProvider();
  if (instruments?.provider === provider) return instruments;
  const m = provider.getMeter(NAME);
  instruments = {
    provider,
    cardAction: m.createHistogram('concord.card_action.duration', { unit: 'ms', description: 'Time to answer a card action, by verb and outcome' }),
    deliveries: m.createCounter('concord.deliveries', { description: 'Proactive messages, by outcome: sent, failed, unreachable' }),
    jobsRun: m.createCounter('concord.jobs.run', { description: 'Due jobs run, by kind and outcome' }),
    jobsParked: m.createCounter('concord.jobs.parked', { description: 'Jobs given up after their last attempt, by kind' }),
    sweepLag: m.createHistogram('concord.sweeper.lag', { unit: 'ms', description: 'How late a due job ran after its due time' }),
  };
  return instruments;
}

export const measure = {
  cardAction: (verb: string, ms: number, outcome: 'answered' | 'failed') => meters().cardAction.record(ms, { verb, outcome }),
  delivery: (outcome: 'sent' | 'failed' | 'unreachable') => meters().deliveries.add(1, { outcome }),
  jobRun: (kind: string, outcome: 'done' | 'failed', lagMs: number) => {
    meters().jobsRun.add(1, { kind, outcome });
    meters().sweepLag.record(Math.max(0, lagMs), { kind });
  },
  jobParked: (kind: string) => meters().jobsParked.add(1, { kind }),
};
