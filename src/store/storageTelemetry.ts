import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { SpanKind } from '@opentelemetry/api';
import { inSpan } from '../telemetry';

/**
 * A dependency span for every request to Azure Table storage, retries included (the policy runs
 * per attempt). Named by table and method only: keys and filters stay out of the span, the way
 * request content does.
 */
export function storageSpans(table: string): PipelinePolicy {
  return {
    name: 'concordStorageSpans',
    sendRequest: (request, next) =>
      inSpan(
        `storage ${request.method} ${table}`,
        SpanKind.CLIENT,
        { 'peer.service': 'Azure Table storage', 'concord.table': table, 'http.request.method': request.method },
        async (span) => {
          const response = await next(request);
          span.setAttribute('http.response.status_code', response.status);
          return response;
        },
      ),
  };
}
