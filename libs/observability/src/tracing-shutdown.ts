import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { shutdownTracing } from './tracing';

/**
 * Flushes the spans still buffered when the app closes (SIGTERM: Nest's shutdown hooks in the api and
 * the notifier, the worker's `app.close()` once it has drained). Does nothing when tracing is off.
 */
@Injectable()
export class TracingShutdown implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    await shutdownTracing();
  }
}
