import { Global, Module } from '@nestjs/common';
import { createMetricsRegistry } from '@app/observability';
import { AccessModule } from '../access';
import { METRICS_REGISTRY } from './metrics.tokens';
import { OverdueTasksMetric } from './overdue-tasks.metric';

/** The API's Prometheus registry (HTTP latency, process, business gauges); served by the ops listener. */
@Global()
@Module({
  imports: [AccessModule],
  providers: [{ provide: METRICS_REGISTRY, useFactory: () => createMetricsRegistry('api') }, OverdueTasksMetric],
  exports: [METRICS_REGISTRY],
})
export class MetricsModule {}
