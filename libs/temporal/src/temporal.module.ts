import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry/lib/client';
import { activeTracing } from '@app/observability/tracing';
import {
  buildTemporalConnectionOptions,
  TemporalConnectionConfig,
  TemporalConnectionOptions,
} from './connection-options';

export const TEMPORAL_OPTIONS = Symbol('TEMPORAL_OPTIONS');
/** The address, TLS and API key the client connected with; the worker connects with the same. */
export const TEMPORAL_CONNECTION_OPTIONS = Symbol('TEMPORAL_CONNECTION_OPTIONS');

export interface TemporalOptions {
  address: string;
  namespace: string;
  taskQueue: string;
  connectTimeoutMs: number;
}

export interface TemporalModuleOptions extends TemporalOptions {
  security: Omit<TemporalConnectionConfig, 'TEMPORAL_ADDRESS'>;
}

/** Connects, or fails with a message that names the service and its address (never the API key). */
export async function connectTemporal(
  opts: TemporalConnectionOptions & Pick<TemporalOptions, 'connectTimeoutMs'>,
): Promise<Connection> {
  const { connectTimeoutMs, ...options } = opts;
  // Connection.connect would leave a refused connection's channel open; lazy() lets us close it.
  const connection = Connection.lazy({ ...options, connectTimeout: connectTimeoutMs });
  try {
    await connection.ensureConnected();
    return connection;
  } catch (err) {
    await connection.close().catch(() => undefined);
    throw new Error(`Temporal is not reachable at ${opts.address}: ${causeChain(err)}`, { cause: err });
  }
}

/** "Failed to connect…: 16 UNAUTHENTICATED: …": the SDK wraps the reason a server refused us. */
function causeChain(err: unknown): string {
  const messages: string[] = [];
  for (let e = err; e instanceof Error && messages.length < 4; e = e.cause) messages.push(e.message);
  return messages.join(': ');
}

@Injectable()
class TemporalConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(Connection) private readonly connection: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

/** Provides the Temporal connection and client to Nest apps (api, worker, tests). */
@Module({})
export class TemporalModule {
  /**
   * `security` is the app's configuration, read for TLS, the client certificate and the API key (and
   * kept out of TEMPORAL_OPTIONS). A contradictory or unreadable setting throws a ConfigError here,
   * while the app's modules are assembled at boot.
   */
  static forRoot({ security, ...options }: TemporalModuleOptions): DynamicModule {
    const { options: connection, warnings } = buildTemporalConnectionOptions({
      ...security,
      TEMPORAL_ADDRESS: options.address,
    });
    return {
      module: TemporalModule,
      global: true,
      providers: [
        { provide: TEMPORAL_OPTIONS, useValue: options },
        { provide: TEMPORAL_CONNECTION_OPTIONS, useValue: connection },
        {
          provide: Connection,
          useFactory: () => {
            const logger = new Logger(TemporalModule.name);
            for (const warning of warnings) logger.warn(warning);
            return connectTemporal({ ...connection, connectTimeoutMs: options.connectTimeoutMs });
          },
        },
        {
          provide: Client,
          inject: [Connection],
          useFactory: (connection: Connection) =>
            new Client({
              connection,
              namespace: options.namespace,
              // With tracing on, starts, updates, signals and queries carry the caller's trace to the workflow.
              ...(activeTracing()
                ? { interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } }
                : {}),
            }),
        },
        TemporalConnectionCloser,
      ],
      exports: [TEMPORAL_OPTIONS, TEMPORAL_CONNECTION_OPTIONS, Connection, Client],
    };
  }
}

export async function temporalIsHealthy(connection: Connection, namespace: string, timeoutMs = 2000): Promise<void> {
  await connection.withDeadline(Date.now() + timeoutMs, () =>
    connection.workflowService.describeNamespace({ namespace }),
  );
}
