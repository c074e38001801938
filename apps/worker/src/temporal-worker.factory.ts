import { INestApplicationContext } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { TEMPORAL_CONNECTION_OPTIONS, type TemporalConnectionOptions } from '@app/temporal';
import { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import { activeTracing, Tracing } from '@app/observability/tracing';
import { createProgrammeActivities } from './programmes/programme.activities';
import { ProgrammeProjectionService } from './programmes/programme-projection.service';
import { createBreakthroughActivities } from './breakthrough/breakthrough.activities';
import { BreakthroughProjectionService } from './breakthrough/breakthrough-projection.service';
import { createTaskActivities } from './tasks/task.activities';
import { createCascadeActivities } from './cascade/cascade.activities';
import { CascadeProjectionService } from './cascade/cascade-projection.service';
import { TaskProjectionService } from './tasks/task-projection.service';
import { WorkingCalendarLoaderService } from './tasks/working-calendar-loader.service';
import { createOrgChangeActivities } from './restructuring/org-change.activities';
import { OrgChangeService } from './restructuring/org-change.service';
import { createReconcileActivities } from './reconcile/reconcile.activities';
import { ReconcileService } from './reconcile/reconcile.service';

export interface TemporalWorkerOptions {
  address: string;
  namespace: string;
  taskQueue: string;
  maxConcurrentActivities: number;
  /** How long running activities may finish after shutdown begins (the SDK's default is 0: cut at once). */
  shutdownGraceTimeMs?: number;
  /** Either a pre-built bundle (production) or a bundle built once by the caller (tests). */
  workflowBundle: WorkerOptions['workflowBundle'];
}

/** Builds the Temporal worker with activities from the Nest context; shared by main and tests. */
export async function createTemporalWorker(
  app: INestApplicationContext,
  opts: TemporalWorkerOptions,
): Promise<{ worker: Worker; connection: NativeConnection }> {
  let connection: NativeConnection;
  try {
    // TLS and the API key as the app's client has them (TemporalModule built them from the config).
    const security = app.get<TemporalConnectionOptions>(TEMPORAL_CONNECTION_OPTIONS);
    connection = await NativeConnection.connect({ ...security, address: opts.address });
  } catch (err) {
    throw new Error(`Temporal is not reachable at ${opts.address}: ${(err as Error).message}`, { cause: err });
  }
  const worker = await Worker.create({
    connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    workflowBundle: opts.workflowBundle,
    activities: {
      // The projections read the state through each workflow's view query.
      ...createProgrammeActivities(app.get(ProgrammeProjectionService), app.get(Client)),
      ...createTaskActivities(app.get(TaskProjectionService), app.get(WorkingCalendarLoaderService), app.get(Client)),
      ...createBreakthroughActivities(app.get(BreakthroughProjectionService), app.get(Client)),
      ...createOrgChangeActivities(app.get(OrgChangeService)),
      ...createCascadeActivities(app.get(CascadeProjectionService), app.get(Client)),
      ...createReconcileActivities(app.get(ReconcileService)),
    },
    maxConcurrentActivityTaskExecutions: opts.maxConcurrentActivities,
    shutdownGraceTime: opts.shutdownGraceTimeMs ?? 0,
    ...tracingOptions(activeTracing()),
  });
  return { worker, connection };
}

/**
 * With tracing on: each activity runs in a span continuing the trace its workflow passed along, and
 * the workflow's own spans (made in the sandbox by the traced bundle's interceptors) leave through the
 * `exporter` sink into this process's exporter. Off: nothing.
 */
function tracingOptions(tracing: Tracing | null): Pick<WorkerOptions, 'interceptors' | 'sinks'> {
  if (!tracing) return {};
  return {
    interceptors: {
      activity: [
        (ctx) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
          outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ],
    },
    sinks: { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) },
  };
}
