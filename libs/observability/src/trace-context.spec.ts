import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { currentTraceparent, inConsumerSpan } from './trace-context';

/** With a provider registered (in memory here; startTracing registers one exporting over OTLP). */
describe('trace context across a queue', () => {
  const spans = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });

  beforeAll(() => provider.register());
  afterEach(() => spans.reset());
  afterAll(() => provider.shutdown());

  it("gives the active span's traceparent to whoever enqueues, and none outside a span", () => {
    expect(currentTraceparent()).toBeUndefined();
    const span = trace.getTracer('test').startSpan('activity');
    const seen = context.with(trace.setSpan(context.active(), span), () => currentTraceparent());
    const { traceId, spanId } = span.spanContext();
    expect(seen).toBe(`00-${traceId}-${spanId}-01`);
    span.end();
  });

  it('runs a job in a consumer span that continues the carried trace and is active inside', async () => {
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const inside = await inConsumerSpan('notifications', traceparent, { 'messaging.message.id': 'k1' }, async () =>
      currentTraceparent(),
    );
    const [span] = spans.getFinishedSpans();
    expect(span.name).toBe('process notifications');
    expect(span.kind).toBe(SpanKind.CONSUMER);
    expect(span.spanContext().traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(span.parentSpanId).toBe('b7ad6b7169203331');
    expect(span.attributes).toMatchObject({
      'messaging.destination.name': 'notifications',
      'messaging.message.id': 'k1',
    });
    // What the job enqueues in turn continues from the job's own span.
    expect(inside).toBe(`00-0af7651916cd43dd8448eb211c80319c-${span.spanContext().spanId}-01`);
  });

  it('starts a trace of its own for a job without a (valid) traceparent, and records a failure', async () => {
    await inConsumerSpan('notification-email', undefined, {}, async () => 1);
    await expect(
      inConsumerSpan('notification-email', 'not-a-traceparent', {}, async () => {
        throw new Error('SMTP refused');
      }),
    ).rejects.toThrow('SMTP refused');
    const [ok, failed] = spans.getFinishedSpans();
    expect(ok.parentSpanId).toBeUndefined();
    expect(failed.parentSpanId).toBeUndefined();
    expect(failed.status).toEqual({ code: SpanStatusCode.ERROR, message: 'SMTP refused' });
    expect(failed.events.map((e) => e.name)).toEqual(['exception']);
  });
});
