import { trace } from '@opentelemetry/api';
import { ConfigError } from '@app/config';
import { currentTraceparent } from './trace-context';
import { activeTracing, startTracing } from './tracing';
import { tracesUrl, tracingPlan } from './tracing.config';

describe('tracing configuration', () => {
  it('is off when OTEL_EXPORTER_OTLP_ENDPOINT is unset or empty: nothing starts, nothing is exported', () => {
    expect(tracingPlan('api', {})).toBeNull();
    expect(tracingPlan('worker', { OTEL_EXPORTER_OTLP_ENDPOINT: '' })).toBeNull();
    expect(tracingPlan('notifier', { OTEL_SERVICE_NAME: 'renamed' })).toBeNull();
    expect(startTracing('api', {})).toBeNull();
    expect(activeTracing()).toBeNull();
    // No provider was registered: spans are the API's no-op ones and no traceparent is ever produced.
    const span = trace.getTracer('probe').startSpan('probe');
    expect(span.isRecording()).toBe(false);
    span.end();
    expect(currentTraceparent()).toBeUndefined();
  });

  it('is on with an http(s) endpoint, naming the service after the app unless OTEL_SERVICE_NAME says otherwise', () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };
    expect(tracingPlan('api', endpoint)).toEqual({ serviceName: 'api', tracesUrl: 'http://collector:4318/v1/traces' });
    expect(tracingPlan('worker', endpoint)?.serviceName).toBe('worker');
    expect(tracingPlan('notifier', endpoint)?.serviceName).toBe('notifier');
    expect(tracingPlan('worker', { ...endpoint, OTEL_SERVICE_NAME: 'ap-worker-hg' })?.serviceName).toBe('ap-worker-hg');
  });

  it('appends the traces path to whatever path the endpoint has', () => {
    expect(tracesUrl('https://otel.example.vn')).toBe('https://otel.example.vn/v1/traces');
    expect(tracesUrl('https://otel.example.vn/')).toBe('https://otel.example.vn/v1/traces');
    expect(tracesUrl('http://gateway:8080/otlp/')).toBe('http://gateway:8080/otlp/v1/traces');
  });

  it('refuses a malformed endpoint, naming the variable', () => {
    for (const bad of ['collector:4318', 'grpc://collector:4317', 'not a url']) {
      const load = () => tracingPlan('api', { OTEL_EXPORTER_OTLP_ENDPOINT: bad });
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT=.* is not valid/);
    }
    expect(() => startTracing('worker', { OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://x' })).toThrow(ConfigError);
    expect(activeTracing()).toBeNull();
  });
});
