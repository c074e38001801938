import { INestApplication } from '@nestjs/common';
import type { Registry } from 'prom-client';
import { OpsServer, startOpsServer } from '@app/observability';
import { ApiConfig } from '../api.config';
import { DependencyChecks } from '../health/dependency-checks';
import { METRICS_REGISTRY } from './metrics.tokens';

/**
 * The API's operations listener, apart from its public port: `/metrics` describes the inside of the
 * deployment, so it is served on METRICS_HOST:METRICS_PORT (loopback by default) and never through the
 * API's published port. `/health/live` and `/health/ready` answer there too, as on the API's port.
 */
export function startApiOpsServer(
  app: INestApplication,
  config: Pick<ApiConfig, 'METRICS_HOST' | 'METRICS_PORT'>,
): Promise<OpsServer> {
  return startOpsServer({
    host: config.METRICS_HOST,
    port: config.METRICS_PORT,
    registry: app.get<Registry>(METRICS_REGISTRY),
    readiness: app.get(DependencyChecks).checks,
  });
}
