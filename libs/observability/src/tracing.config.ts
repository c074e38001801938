import { loadConfig, str, url } from '@app/config';

/** The processes that trace, and the service name each reports when OTEL_SERVICE_NAME is unset. */
export type TracedApp = 'api' | 'worker' | 'notifier';

/**
 * Tracing's variables, the standard OpenTelemetry names. Off unless an OTLP/HTTP endpoint is given:
 * nothing is exported, no exporter or timer starts, and the apps run exactly as without tracing.
 */
export function tracingConfigSpec(app: TracedApp) {
  return {
    OTEL_EXPORTER_OTLP_ENDPOINT: url(
      'base URL of an OTLP/HTTP collector (spans go to <URL>/v1/traces); empty: tracing off',
      ['http', 'https'],
      '',
    ),
    OTEL_SERVICE_NAME: str('service name the spans of this process carry', app),
  };
}

/** What to start: null when tracing is off. */
export interface TracingPlan {
  serviceName: string;
  /** Where spans are POSTed (OTLP/HTTP, JSON). */
  tracesUrl: string;
}

/** Reads and checks the variables; a malformed endpoint throws a ConfigError naming it. */
export function tracingPlan(app: TracedApp, env: NodeJS.ProcessEnv = process.env): TracingPlan | null {
  const config = loadConfig(tracingConfigSpec(app), env);
  if (!config.OTEL_EXPORTER_OTLP_ENDPOINT) return null;
  return { serviceName: config.OTEL_SERVICE_NAME, tracesUrl: tracesUrl(config.OTEL_EXPORTER_OTLP_ENDPOINT) };
}

/** The OTLP rule for a base endpoint: the signal's path is appended to whatever path it has. */
export function tracesUrl(endpoint: string): string {
  const u = new URL(endpoint);
  u.pathname = `${u.pathname.replace(/\/+$/, '')}/v1/traces`;
  return u.toString();
}
