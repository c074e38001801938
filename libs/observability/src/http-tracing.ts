import { context, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';

/**
 * Express middleware: one SERVER span per request, named `<METHOD> <route template>` once routed
 * (`POST /programmes/:id/actions/:action`; `unmatched` for static files, 404s and refusals before
 * routing), with the status code; 5xx marks it failed. The span is the active context for the rest of
 * the request, so the Temporal client's calls become its children. Every request starts a trace: a
 * `traceparent` sent by a browser or any outside caller is not continued. Ids and queries stay out.
 * Install first, before the body parser.
 */
export function httpTracing() {
  const tracer = trace.getTracer('action-programmes-http');
  return (req: Request, res: Response, next: NextFunction): void => {
    const span = tracer.startSpan(
      req.method,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method } },
      ROOT_CONTEXT,
    );
    const ctx = trace.setSpan(ROOT_CONTEXT, span);
    // Body parsing resumes on the request's own events; bound, they keep the request's context.
    context.bind(ctx, req);
    context.bind(ctx, res);
    let ended = false;
    const end = (aborted: boolean) => {
      if (ended) return;
      ended = true;
      const template = (req.route as { path?: string } | undefined)?.path;
      const route = typeof template === 'string' ? `${req.baseUrl}${template}` : 'unmatched';
      span.updateName(`${req.method} ${route}`);
      span.setAttribute('http.route', route);
      span.setAttribute('http.response.status_code', res.statusCode);
      if (aborted) span.setStatus({ code: SpanStatusCode.ERROR, message: 'connection closed before the answer' });
      else if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
    res.once('finish', () => end(false));
    res.once('close', () => end(!res.writableFinished));
    context.with(ctx, next);
  };
}
