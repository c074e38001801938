import { int, str } from '@app/config';

/**
 * The operations listener's variables, one pair per app (METRICS_HOST/METRICS_PORT): where
 * `/metrics`, `/health/live` and `/health/ready` answer. Loopback by default: whoever reads the
 * metrics learns the deployment's shape; a container sets 0.0.0.0 on a network only Prometheus joins.
 */
export function opsConfigSpec(defaultPort: number) {
  return {
    METRICS_HOST: str('interface of the operations listener (/metrics, /health/live, /health/ready)', '127.0.0.1'),
    METRICS_PORT: int('port of the operations listener; 0: any free port (logged at start)', defaultPort, 0, 65535),
  };
}
