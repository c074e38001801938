import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';

export const TEMPORAL_OPTIONS = Symbol('TEMPORAL_OPTIONS');

export interface TemporalOptions {
  address: string;
  namespace: string;
  taskQueue: string;
  connectTimeoutMs: number;
}

/** Connects, or fails with a message that names the service and its address. */
export async function connectTemporal(
  opts: Pick<TemporalOptions, 'address' | 'connectTimeoutMs'>,
): Promise<Connection> {
  try {
    return await Connection.connect({ address: opts.address, connectTimeout: opts.connectTimeoutMs });
  } catch (err) {
    throw new Error(`Temporal is not reachable at ${opts.address}: ${(err as Error).message}`, { cause: err });
  }
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
  static forRoot(options: TemporalOptions): DynamicModule {
    return {
      module: TemporalModule,
      global: true,
      providers: [
        { provide: TEMPORAL_OPTIONS, useValue: options },
        { provide: Connection, useFactory: () => connectTemporal(options) },
        {
          provide: Client,
          inject: [Connection],
          useFactory: (connection: Connection) => new Client({ connection, namespace: options.namespace }),
        },
        TemporalConnectionCloser,
      ],
      exports: [TEMPORAL_OPTIONS, Connection, Client],
    };
  }
}

export async function temporalIsHealthy(connection: Connection, namespace: string, timeoutMs = 2000): Promise<void> {
  await connection.withDeadline(Date.now() + timeoutMs, () =>
    connection.workflowService.describeNamespace({ namespace }),
  );
}
