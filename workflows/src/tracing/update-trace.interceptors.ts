/**
 * Workflow interceptors bundled only when tracing is on, before Temporal's OpenTelemetry ones (see
 * libs/temporal/src/workflow-bundle.ts): they make the work a staff action causes part of that
 * action's trace.
 *
 * A programme's projection activity is scheduled by the workflow's main loop, not by the update
 * handler, so by default it would join the trace of the request that started the workflow, years
 * earlier. Here an accepted update's trace context (from its headers) is kept for the rest of the
 * workflow activation it arrived in, and the activities, children and signals scheduled in that
 * activation are started under it: HTTP request → update → projection activity → notification job.
 * When several updates arrive in one activation, the last one's trace gets the work.
 *
 * Only the trace headers of scheduled commands change, never the commands themselves: deterministic,
 * and a replay with or without this module issues the same commands.
 */
import * as otel from '@opentelemetry/api';
import { extractContextFromHeaders } from '@temporalio/interceptors-opentelemetry/lib/instrumentation';
import type {
  ActivateInput,
  ActivityInput,
  Next,
  SignalWorkflowInput,
  StartChildWorkflowExecutionInput,
  UpdateInput,
  WorkflowInboundCallsInterceptor,
  WorkflowInterceptors,
  WorkflowInternalsInterceptor,
  WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';

/** The trace context of the update accepted in the current activation, per workflow execution. */
class UpdateCause {
  context: otel.Context | undefined;

  /** Runs `fn` under the update's context, or as it is when no update came in this activation. */
  run<T>(fn: () => T): T {
    return this.context ? otel.context.with(this.context, fn) : fn();
  }
}

class RememberUpdate implements WorkflowInboundCallsInterceptor {
  constructor(private readonly cause: UpdateCause) {}

  handleUpdate(input: UpdateInput, next: Next<WorkflowInboundCallsInterceptor, 'handleUpdate'>): Promise<unknown> {
    const context = extractContextFromHeaders(input.headers);
    if (context) this.cause.context = context;
    return next(input);
  }
}

class ForgetAtActivation implements WorkflowInternalsInterceptor {
  constructor(private readonly cause: UpdateCause) {}

  activate(input: ActivateInput, next: Next<WorkflowInternalsInterceptor, 'activate'>): void {
    // An activation's jobs come in one or more batches; the cause lasts the whole activation.
    if (input.batchIndex === 0) this.cause.context = undefined;
    next(input);
  }
}

class ScheduleUnderUpdate implements WorkflowOutboundCallsInterceptor {
  constructor(private readonly cause: UpdateCause) {}

  scheduleActivity(input: ActivityInput, next: Next<WorkflowOutboundCallsInterceptor, 'scheduleActivity'>) {
    return this.cause.run(() => next(input));
  }

  startChildWorkflowExecution(
    input: StartChildWorkflowExecutionInput,
    next: Next<WorkflowOutboundCallsInterceptor, 'startChildWorkflowExecution'>,
  ) {
    return this.cause.run(() => next(input));
  }

  signalWorkflow(input: SignalWorkflowInput, next: Next<WorkflowOutboundCallsInterceptor, 'signalWorkflow'>) {
    return this.cause.run(() => next(input));
  }
}

export const interceptors = (): WorkflowInterceptors => {
  const cause = new UpdateCause();
  return {
    inbound: [new RememberUpdate(cause)],
    outbound: [new ScheduleUnderUpdate(cause)],
    internals: [new ForgetAtActivation(cause)],
  };
};
