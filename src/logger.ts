/**
 * Structured one-line JSON logs (pino), with the trace and span ids of the turn or job they belong
 * to, so a log line in Application Insights leads to its request. Callers pass identifiers and
 * counts only, never free text from a card or a message: that text may identify a child. The
 * redaction below is a second line of defence for fields that could carry such text.
 */
import pino from 'pino';
import { trace } from '@opentelemetry/api';

type Fields = Record<string, string | number | boolean | undefined>;

const REDACTED = ['text', 'note', 'rationale', 'purpose', 'summary', 'body', 'value', 'answer', 'reason', 'content'];

/** Under test, lines are held for the test environment, which prints them only if the test fails. */
const held = (globalThis as { __concordLogs?: string[] }).__concordLogs;

const base = pino(
  {
    level: process.env.LOG_LEVEL ?? (!held && process.env.CONCORD_QUIET === '1' ? 'warn' : 'info'),
    messageKey: 'message',
    base: undefined,
    timestamp: () => `,"at":"${new Date().toISOString()}"`,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: [...REDACTED, ...REDACTED.map((k) => `*.${k}`)], censor: '[redacted]' },
    mixin() {
      const span = trace.getActiveSpan()?.spanContext();
      return span ? { traceId: span.traceId, spanId: span.spanId } : {};
    },
  },
  held ? { write: (line: string) => void held.push(line) } : undefined,
);

export const logger = {
  info: (m: string, f?: Fields) => base.info(f ?? {}, m),
  warn: (m: string, f?: Fields) => base.warn(f ?? {}, m),
  error: (m: string, f?: Fields) => base.error(f ?? {}, m),
};
