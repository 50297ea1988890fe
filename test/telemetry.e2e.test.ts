import { context, metrics, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ackCard, discussionWithOutcome } from './harness/strategyFlow';
import { World } from './harness/world';
import * as cards from './harness/cards';

/**
 * What an operator sees in Application Insights, with the SDK's in-memory exporters standing in
 * for Azure Monitor: the same spans and metrics `startAzureMonitor` would export.
 */
const spans = new InMemorySpanExporter();
const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 3_600_000 });
let world: World;

beforeAll(async () => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] }));
  metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
  world = await World.start();
});
afterAll(async () => {
  await world.stop();
  trace.disable();
  metrics.disable();
  context.disable();
});

const NOTE = 'Zephyrine Quillfeather said the baby was dropped';

test('one acknowledgement is a traced turn with its storage calls, and its answer time is a metric; no attribute carries what was typed', async () => {
  const { reference, attendees } = await discussionWithOutcome(world);
  const [jordan] = attendees;
  const card = await ackCard(world, jordan, reference);
  spans.reset();

  const answered = await jordan.click(card, 'I agree, with a note', { 'Your note, or what you understood the outcome to be': NOTE });
  expect(cards.text(answered.card)).toContain('Your answer: I agree, with a note');

  const all = spans.getFinishedSpans();
  const turn = all.find((s) => s.name === 'turn invoke' && s.attributes['concord.verb'] === 'sd.ack');
  expect(turn).toBeDefined();
  expect(turn!.kind).toBe(SpanKind.SERVER);
  expect(turn!.attributes['concord.case.reference']).toBe(reference);
  expect(turn!.attributes['concord.invoke.name']).toBe('adaptiveCard/action');

  // Storage calls made inside the turn are its dependencies: same trace, client spans.
  const storage = all.filter((s) => s.name.startsWith('storage ') && s.spanContext().traceId === turn!.spanContext().traceId);
  expect(storage.length).toBeGreaterThan(0);
  expect(storage.every((s) => s.kind === SpanKind.CLIENT)).toBe(true);
  expect(storage.map((s) => s.attributes['concord.table'])).toContain('discussions');

  await reader.forceFlush();
  const points = metricExporter
    .getMetrics()
    .flatMap((r) => r.scopeMetrics.flatMap((s) => s.metrics))
    .filter((m) => m.descriptor.name === 'concord.card_action.duration')
    .flatMap((m) => m.dataPoints as { attributes: Record<string, unknown> }[]);
  expect(points.some((p) => p.attributes.verb === 'sd.ack' && p.attributes.outcome === 'answered')).toBe(true);

  // Nothing a person typed, and nothing of the child, in any attribute of any span.
  const typed = [NOTE, 'Zephyrine', 'baby', 'Injuries'];
  const leaks = all.flatMap((s: ReadableSpan) =>
    Object.entries(s.attributes)
      .filter(([, v]) => typed.some((t) => String(v).toLowerCase().includes(t.toLowerCase())))
      .map(([k, v]) => `${s.name} ${k}=${String(v)}`),
  );
  expect(leaks).toEqual([]);
});

test('a due job is a span of its own, with its case; a proactive message in it is a dependency on the Bot Connector', async () => {
  spans.reset();
  const { reference } = await discussionWithOutcome(world);
  await world.runDueWork();
  const finished = spans.getFinishedSpans();
  const job = finished.find((s) => s.name === 'job deliver' && s.attributes['concord.case.reference'] === reference);
  expect(job).toBeDefined();
  const sends = finished.filter((s) => s.name === 'connector send' && s.spanContext().traceId === job!.spanContext().traceId);
  expect(sends.length).toBeGreaterThan(0);
  expect(sends.every((s) => s.kind === SpanKind.CLIENT)).toBe(true);
});
