import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Attributes } from '@opentelemetry/api';

/**
 * Carrying a trace across a queue. Only the OpenTelemetry API is used here: with tracing off its calls
 * are no-ops, so `currentTraceparent()` is undefined and a job's span records nothing.
 */
const TRACER = 'action-programmes';

/** The W3C `traceparent` of the active span (e.g. the activity enqueueing a job), or undefined. */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/**
 * Runs `fn` in a CONSUMER span named `process <queue>`, child of `traceparent` when one is given
 * (a malformed one is ignored: the span then starts a trace of its own); a failure is recorded on the
 * span and rethrown.
 */
export async function inConsumerSpan<T>(
  queue: string,
  traceparent: string | undefined,
  attributes: Attributes,
  fn: () => Promise<T>,
): Promise<T> {
  const parent = traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent }) : ROOT_CONTEXT;
  const attrs = { 'messaging.destination.name': queue, 'messaging.operation.type': 'process', ...attributes };
  return trace
    .getTracer(TRACER)
    .startActiveSpan(`process ${queue}`, { kind: SpanKind.CONSUMER, attributes: attrs }, parent, async (span) => {
      try {
        return await fn();
      } catch (err) {
        span.recordException(err as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
        throw err;
      } finally {
        span.end();
      }
    });
}
