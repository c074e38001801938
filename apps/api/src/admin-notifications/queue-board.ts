import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Queue } from 'bullmq';
import { Role } from '@app/domain';
import type { AuthService } from '../auth/auth.service';

export const BOARD_PATH = '/admin/queues';
export const BOARD_COOKIE = 'ap_board_token';

function tokenOf(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  const cookie = (req.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${BOARD_COOKIE}=`));
  return cookie ? decodeURIComponent(cookie.slice(BOARD_COOKIE.length + 1)) : undefined;
}

/** Bull Board is plain Express, outside Nest's guards, so it checks the same JWT and ADMIN role itself. */
function requireAdmin(auth: AuthService): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const token = tokenOf(req);
    if (!token) {
      res.status(401).json({ statusCode: 401, message: 'missing bearer token (Authorization: Bearer <token>)' });
      return;
    }
    auth.principalFromToken(token).then(
      (p) =>
        p.roles.includes(Role.ADMIN)
          ? next()
          : res.status(403).json({ statusCode: 403, message: 'this needs the ADMIN role' }),
      (err: Error) => res.status(401).json({ statusCode: 401, message: err.message }),
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
