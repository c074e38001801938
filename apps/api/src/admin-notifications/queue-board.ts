import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { HttpException } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Queue } from 'bullmq';
import { Role } from '@app/domain';
import type { AuthService } from '../auth/auth.service';
import { bearerToken } from '../auth/jwt-auth.guard';
import { ACCESS_COOKIE, readCookie } from '../auth/session-cookies';

export const BOARD_PATH = '/admin/queues';
export const BOARD_COOKIE = 'ap_board_token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The token and how it came: a bearer header (API clients), the console's session cookie (an admin
 * signed in to the console opens the board in the same browser), or the board's own cookie (set by
 * POST /admin/notifications/board-session for bearer clients).
 */
function credentialsOf(req: Request): { token: string; viaCookie: boolean } | undefined {
  const bearer = bearerToken(req);
  if (bearer) return { token: bearer, viaCookie: false };
  const cookie = readCookie(req, ACCESS_COOKIE) || readCookie(req, BOARD_COOKIE);
  return cookie ? { token: cookie, viaCookie: true } : undefined;
}

/**
 * The board's own page sends its changes (retry, clean, pause) without the console's CSRF token, so a
 * cookie-borne change must come from a page of this origin: the browser says so in Sec-Fetch-Site,
 * or, in a browser too old for it, in Origin. Beyond SameSite=Strict, this refuses a sibling site.
 */
export function sameOrigin(req: Request): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin';
  const origin = req.headers.origin;
  return typeof origin === 'string' && origin === `${req.protocol}://${req.get('host')}`;
}

/** Bull Board is plain Express, outside Nest's guards, so it checks the same session and SYSTEM_ADMIN role itself. */
function requireAdmin(auth: AuthService): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const credentials = credentialsOf(req);
    if (!credentials) {
      res.status(401).json({
        statusCode: 401,
        message: 'missing bearer token (Authorization: Bearer <token>) or session cookie',
      });
      return;
    }
    if (credentials.viaCookie && !SAFE_METHODS.has(req.method) && !sameOrigin(req)) {
      res.status(403).json({ statusCode: 403, message: 'a change by cookie must come from a page of this site' });
      return;
    }
    auth.principalFromToken(credentials.token).then(
      (p) =>
        p.roles.includes(Role.SYSTEM_ADMIN)
          ? next()
          : res.status(403).json({ statusCode: 403, message: 'this needs the SYSTEM_ADMIN role' }),
      (err: Error) => {
        // 403 while a reset password awaits its change; 401 for a session that is not (or no longer) valid.
        const status = err instanceof HttpException && err.getStatus() === 403 ? 403 : 401;
        res.status(status).json({ statusCode: status, message: err.message });
      },
    );
  };
}

/** The Bull Board UI and API over the notifier's queues, as Express handlers behind admin auth. */
export function queueBoardHandlers(queues: Queue[], auth: AuthService): RequestHandler[] {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(BOARD_PATH);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter });
  return [requireAdmin(auth), serverAdapter.getRouter()];
}
