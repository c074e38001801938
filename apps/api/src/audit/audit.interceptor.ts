import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  ServiceUnavailableException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { catchError, from, map, mergeMap, Observable, throwError } from 'rxjs';
import { auditRow, AuditableRequest } from './audit-row';
import { AuditRecorder } from './audit.recorder';
import { auditedRouteOf } from './audited-routes';

/** Where the interceptor and the response hook agree on who writes a request's row. */
export const AUDIT_STATE = Symbol('auditState');

export interface AuditState {
  /** The handler is running: the interceptor writes the row. */
  handling?: boolean;
  /** The row is written (or its failure logged). */
  written?: boolean;
  /** The connection closed. */
  closed?: boolean;
  /** What the handler threw, for the row written once the error has become a status. */
  error?: unknown;
}

export type AuditedRequest = Request & AuditableRequest & { [AUDIT_STATE]?: AuditState; route?: { path?: unknown } };

/** nginx's "client closed request": the caller left before the answer. */
export const CLIENT_CLOSED = 499;

export const NOT_RECORDED =
  'the act was carried out, but it could not be recorded in the audit trail; an administrator must be told (the server log holds it) before it is repeated';

export function auditState(req: AuditedRequest): AuditState {
  return (req[AUDIT_STATE] ??= {});
}

/**
 * Writes the row of an audited act that succeeded before its answer leaves, so no success is
 * answered without one: when the row cannot be written the caller gets 503 instead (for a
 * download, no file; for a login, no tokens or cookies). The act itself cannot share the row's
 * transaction: its effects are in Temporal, Redis and Postgres. (A handler that sends its own
 * answer, like the single sign-on callback's redirect, has answered before its row is written: for
 * it the log is the fallback.) Failed acts are written by the response hook (AuditResponseHook),
 * which sees the status the exception filter chose, and guards' refusals.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(private readonly recorder: AuditRecorder) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<AuditedRequest>();
    const routed = auditedRouteOf(req);
    if (!routed) return next.handle();
    const res = ctx.switchToHttp().getResponse<Response>();
    const state = auditState(req);
    state.handling = true;
    return next.handle().pipe(
      catchError((error: unknown) => {
        state.handling = false;
        state.error = error;
        // Gone already: the response hook has run, so the row is written here.
        if (state.closed) this.writeUnanswered(routed, req, { status: CLIENT_CLOSED, error });
        return throwError(() => error);
      }),
      mergeMap((answer: unknown) => {
        state.handling = false;
        if (routed.audited.failuresOnly) return [answer];
        state.written = true;
        const row = auditRow(routed.key, routed.audited, req, { status: res.statusCode, answer });
        return from(this.recorder.write(row)).pipe(
          catchError(() => {
            // A handler that answered by itself (a redirect) has been answered: the log alone holds the act.
            if (res.headersSent) return [undefined];
            // Nothing of the act reaches the caller: no file, no session cookies.
            for (const header of ['Content-Disposition', 'Set-Cookie']) res.removeHeader(header);
            return throwError(() => new ServiceUnavailableException(NOT_RECORDED));
          }),
          map(() => answer),
        );
      }),
    );
  }

  private writeUnanswered(
    routed: NonNullable<ReturnType<typeof auditedRouteOf>>,
    req: AuditedRequest,
    outcome: { status: number; error: unknown },
  ): void {
    auditState(req).written = true;
    this.recorder.write(auditRow(routed.key, routed.audited, req, outcome)).catch(() => undefined); // logged there
  }
}
