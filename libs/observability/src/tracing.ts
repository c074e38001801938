import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { TracedApp, tracingPlan } from './tracing.config';

/** Tracing as started in this process: what the Temporal worker needs to export workflow spans too. */
export interface Tracing {
  serviceName: string;
  tracesUrl: string;
  resource: Resource;
  spanProcessor: SpanProcessor;
  /** Exports what is still buffered, then stops; later spans are dropped. */
  shutdown(): Promise<void>;
}

let active: Tracing | null = null;

/**
 * Called first in each app's main.ts, before Nest builds anything: when OTEL_EXPORTER_OTLP_ENDPOINT is
 * set, registers the process-wide tracer provider (async-local context, W3C `traceparent`
 * propagation) exporting in batches over OTLP/HTTP; otherwise does nothing and returns null. A
 * malformed endpoint throws a ConfigError naming it.
 */
export function startTracing(app: TracedApp, env: NodeJS.ProcessEnv = process.env): Tracing | null {
  const plan = tracingPlan(app, env);
  if (!plan) return null;
  if (active) throw new Error('tracing is already started in this process');
  const resource = new Resource({ 'service.name': plan.serviceName });
  const spanProcessor = new BatchSpanProcessor(new OTLPTraceExporter({ url: plan.tracesUrl }));
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  const tracing: Tracing = {
    ...plan,
    resource,
    spanProcessor,
    async shutdown() {
      if (active === tracing) active = null;
      await provider.shutdown();
    },
  };
  active = tracing;
  return tracing;
}

/** The tracing this process started, or null when it is off. */
export function activeTracing(): Tracing | null {
  return active;
}

/** Flushes and stops tracing if it is on; apps call it last in their shutdown. */
export async function shutdownTracing(): Promise<void> {
  await active?.shutdown();
}
