/**
 * The workflow side of tracing, bundled only into a traced worker's bundle (libs/temporal/src/
 * workflow-bundle.ts). It continues the trace a workflow was started, updated or signalled with, and
 * starts the activities, children and signals it schedules as children of that trace; the spans leave
 * the sandbox through the worker's `exporter` sink.
 *
 * Replay-safe in both directions, so tracing can be switched on or off under running workflows: every
 * interceptor hands back the very promise the SDK gave it (no `await` layer: an extra one would move
 * the commands issued after an activity result or an update completion, which the recorded histories
 * fix), span ids come from a named random stream (the workflow's own `Math.random` sequence is left
 * alone), and only the trace header of a command changes. Temporal's stock OpenTelemetry workflow
 * interceptors add such layers and do not replay this project's recorded histories. Nothing is
 * registered globally: each workflow execution holds its own context manager and propagator, as the
 * sandbox gives every execution globals of its own. The header is the one Temporal's client and
 * activity interceptors read and write.
 *
 * A staff action is an update, but the projection it causes is scheduled by the workflow's main loop,
 * which would put it in the trace of whoever started the workflow, perhaps years before. So an
 * accepted update's span stays the parent of what is scheduled for the rest of its activation: HTTP
 * request → update → projection activity → notification job. When several updates arrive in one
 * activation, the last one's trace gets the work.
 */
import '@temporalio/interceptors-opentelemetry/lib/workflow/runtime';
import * as otel from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, IdGenerator, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { defaultPayloadConverter, type Headers } from '@temporalio/common';
import { TRACE_HEADER } from '@temporalio/interceptors-opentelemetry/lib/instrumentation';
import { ContextManager } from '@temporalio/interceptors-opentelemetry/lib/workflow/context-manager';
import { SpanExporter } from '@temporalio/interceptors-opentelemetry/lib/workflow/span-exporter';
import { getRandomStream } from '@temporalio/workflow';
import type {
  ActivateInput,
  ActivityInput,
  ContinueAsNewInput,
  LocalActivityInput,
  Next,
  SignalInput,
  SignalWorkflowInput,
  StartChildWorkflowExecutionInput,
  UpdateInput,
  WorkflowExecuteInput,
  WorkflowInboundCallsInterceptor,
  WorkflowInterceptors,
  WorkflowInternalsInterceptor,
  WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';

/** Span and trace ids from a random stream of their own, replay-stable and apart from the workflow's. */
class StreamIdGenerator implements IdGenerator {
  generateTraceId(): string {
    return hex(16);
  }
  generateSpanId(): string {
    return hex(8);
  }
}

function hex(bytes: number): string {
  const filled = getRandomStream('action-programmes/tracing').fill(new Uint8Array(bytes));
  return Array.from(filled, (b) => b.toString(16).padStart(2, '0')).join('');
}

let tracer: otel.Tracer | undefined;

/** One tracer per sandbox (never registered as the global one), exporting each span to the sink. */
function getTracer(): otel.Tracer {
  tracer ??= new BasicTracerProvider({
    idGenerator: new StreamIdGenerator(),
    spanProcessors: [new SimpleSpanProcessor(new SpanExporter())],
  }).getTracer('action-programmes-workflow');
  return tracer;
}

/** Ends the span when the promise settles, without adding a step to the promise the SDK awaits. */
function endWhenSettled<T>(span: otel.Span, promise: Promise<T>): Promise<T> {
  promise.then(
    () => span.end(),
    (err: unknown) => {
      span.setStatus({ code: otel.SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
      span.end();
    },
  );
  return promise;
}

/** One workflow execution's tracing: its context, and the update that caused the current activation's work. */
class ExecutionTracing {
  private readonly contexts = new ContextManager();
  private readonly propagator = new W3CTraceContextPropagator();
  /** The span of the update accepted in the current activation. */
  cause: otel.Context | undefined;

  active(): otel.Context {
    return this.contexts.active();
  }

  with<T>(context: otel.Context, fn: () => T): T {
    return this.contexts.with(context, fn);
  }

  /** The caller's context from a command's headers, if it sent one. */
  extract(headers: Headers): otel.Context | undefined {
    const payload = headers[TRACE_HEADER];
    if (payload === undefined) return undefined;
    const carrier = defaultPayloadConverter.fromPayload<Record<string, string>>(payload);
    return this.propagator.extract(otel.ROOT_CONTEXT, carrier, otel.defaultTextMapGetter);
  }

  inject(context: otel.Context, headers: Headers): Headers {
    const carrier: Record<string, string> = {};
    this.propagator.inject(context, carrier, otel.defaultTextMapSetter);
    return { ...headers, [TRACE_HEADER]: defaultPayloadConverter.toPayload(carrier) };
  }

  /** A span and the context it makes, child of `parent`. */
  start(name: string, parent: otel.Context, attributes: otel.Attributes = {}): [otel.Span, otel.Context] {
    const span = getTracer().startSpan(name, { attributes }, parent);
    return [span, otel.trace.setSpan(parent, span)];
  }
}

class TracingInbound implements WorkflowInboundCallsInterceptor {
  constructor(private readonly tracing: ExecutionTracing) {}

  execute(input: WorkflowExecuteInput, next: Next<WorkflowInboundCallsInterceptor, 'execute'>): Promise<unknown> {
    // No span of its own (a programme runs for years); the starter's context is the parent of its work.
    const started = this.tracing.extract(input.headers);
    return started ? this.tracing.with(started, () => next(input)) : next(input);
  }

  handleUpdate(input: UpdateInput, next: Next<WorkflowInboundCallsInterceptor, 'handleUpdate'>): Promise<unknown> {
    const parent = this.tracing.extract(input.headers) ?? this.tracing.active();
    const [span, context] = this.tracing.start(`HandleUpdate:${input.name}`, parent, {
      temporalUpdateId: input.updateId,
    });
    this.tracing.cause = context;
    return endWhenSettled(
      span,
      this.tracing.with(context, () => next(input)),
    );
  }

  handleSignal(input: SignalInput, next: Next<WorkflowInboundCallsInterceptor, 'handleSignal'>): Promise<void> {
    const parent = this.tracing.extract(input.headers);
    if (!parent) return next(input);
    const [span, context] = this.tracing.start(`HandleSignal:${input.signalName}`, parent);
    return endWhenSettled(
      span,
      this.tracing.with(context, () => next(input)),
    );
  }
}

class TracingOutbound implements WorkflowOutboundCallsInterceptor {
  constructor(private readonly tracing: ExecutionTracing) {}

  scheduleActivity(input: ActivityInput, next: Next<WorkflowOutboundCallsInterceptor, 'scheduleActivity'>) {
    return this.started(`StartActivity:${input.activityType}`, input.headers, (headers) => next({ ...input, headers }));
  }

  scheduleLocalActivity(
    input: LocalActivityInput,
    next: Next<WorkflowOutboundCallsInterceptor, 'scheduleLocalActivity'>,
  ) {
    return this.started(`StartActivity:${input.activityType}`, input.headers, (headers) => next({ ...input, headers }));
  }

  startChildWorkflowExecution(
    input: StartChildWorkflowExecutionInput,
    next: Next<WorkflowOutboundCallsInterceptor, 'startChildWorkflowExecution'>,
  ) {
    return this.started(`StartChildWorkflow:${input.workflowType}`, input.headers, (headers) =>
      next({ ...input, headers }),
    );
  }

  signalWorkflow(input: SignalWorkflowInput, next: Next<WorkflowOutboundCallsInterceptor, 'signalWorkflow'>) {
    return this.started(`SignalWorkflow:${input.signalName}`, input.headers, (headers) => next({ ...input, headers }));
  }

  continueAsNew(input: ContinueAsNewInput, next: Next<WorkflowOutboundCallsInterceptor, 'continueAsNew'>) {
    // The next run goes on in the trace this one was started in.
    return next({ ...input, headers: this.tracing.inject(this.tracing.active(), input.headers) });
  }

  /** A span for scheduling a command, its context in the command's headers; the command itself unchanged. */
  private started<T>(name: string, headers: Headers, schedule: (headers: Headers) => T): T {
    const [span, context] = this.tracing.start(name, this.tracing.cause ?? this.tracing.active());
    try {
      return this.tracing.with(context, () => schedule(this.tracing.inject(context, headers)));
    } finally {
      span.end();
    }
  }
}

class ForgetCauseAtActivation implements WorkflowInternalsInterceptor {
  constructor(private readonly tracing: ExecutionTracing) {}

  activate(input: ActivateInput, next: Next<WorkflowInternalsInterceptor, 'activate'>): void {
    // An activation's jobs may come in several batches; the cause lasts the whole activation.
    if (input.batchIndex === 0) this.tracing.cause = undefined;
    next(input);
  }
}

export const interceptors = (): WorkflowInterceptors => {
  const tracing = new ExecutionTracing();
  return {
    inbound: [new TracingInbound(tracing)],
    outbound: [new TracingOutbound(tracing)],
    internals: [new ForgetCauseAtActivation(tracing)],
  };
};
