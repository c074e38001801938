import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { auditRow } from './audit-row';
import { AuditRecorder } from './audit.recorder';
import { auditedRouteOf } from './audited-routes';
import { auditState, AuditedRequest, CLIENT_CLOSED } from './audit.interceptor';

/**
 * Writes the row of an audited act that did not succeed, once its connection closes and its status
 * is known: refused by a guard (401, 403; no interceptor runs then), by validation (400), by the
 * handler or a workflow (as the exception filter mapped it), or failed (5xx). Nothing was done, so
 * the answer does not wait for the row; one that cannot be written is logged whole by the recorder.
 */
@Injectable()
export class AuditResponseHook implements NestMiddleware {
  constructor(private readonly recorder: AuditRecorder) {}

  use(req: AuditedRequest, res: Response, next: NextFunction): void {
    res.once('close', () => this.afterResponse(req, res));
    next();
  }

  private afterResponse(req: AuditedRequest, res: Response): void {
    const state = auditState(req);
    state.closed = true;
    if (state.written || state.handling) return;
    const routed = auditedRouteOf(req);
    if (!routed) return;
    const status = res.writableFinished ? res.statusCode : CLIENT_CLOSED;
    if (status < 400 && routed.audited.failuresOnly) return;
    state.written = true;
    const row = auditRow(routed.key, routed.audited, req, { status, error: state.error });
    this.recorder.write(row).catch(() => undefined); // logged by the recorder
  }
}
