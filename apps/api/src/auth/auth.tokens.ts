import type { Request } from 'express';
import type { Principal } from './principal';

/** The Redis connection the login throttle counts in (shared by every API replica). */
export const AUTH_REDIS = Symbol('AUTH_REDIS');

/** What the guard learnt about the request's session, beside the principal. */
export interface RequestSession {
  id: string;
  mustChangePassword: boolean;
  /** Authenticated by the session cookie (so unsafe methods need the CSRF token), not a bearer header. */
  viaCookie: boolean;
}

export type AuthenticatedRequest = Request & { principal?: Principal; authSession?: RequestSession };

/** The address throttling counts by: Express's view of the peer (honours `trust proxy` when set). */
export function clientIp(req: Request): string {
  return req.ip ?? req.socket?.remoteAddress ?? 'unknown';
}

export const MUST_CHANGE_PASSWORD =
  'your password was reset: choose a new one (POST /auth/password) before doing anything else';
