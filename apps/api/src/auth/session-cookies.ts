import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { API_CONFIG, ApiConfig } from '../api.config';

export const ACCESS_COOKIE = 'ap_access';
export const REFRESH_COOKIE = 'ap_refresh';
/** Readable by the page on purpose: it echoes the value in the X-CSRF-Token header (double submit). */
export const CSRF_COOKIE = 'csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_REFUSED = 'missing or wrong CSRF token: send the csrf cookie value in X-CSRF-Token';
// Refresh and logout live under /auth: the refresh token is sent nowhere else.
const REFRESH_PATH = '/auth';

export function readCookie(req: Pick<Request, 'headers'>, name: string): string | undefined {
  const header = req.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Constant-time comparison of two strings; false when either is missing. */
export function sameSecret(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string' || a === '' || b === '') return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface CookieSession {
  sessionId: string;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

/**
 * The browser's session: the access and refresh tokens in HttpOnly, SameSite=Strict cookies (Secure in
 * production or over https), and a CSRF token derived from the session id with a server key, so a
 * cookie planted by a sibling site cannot be paired with a header of the attacker's choosing.
 */
@Injectable()
export class SessionCookies {
  private readonly csrfKey: Buffer;

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {
    this.csrfKey = createHmac('sha256', config.JWT_SECRET).update('csrf token key').digest();
  }

  csrfToken(sessionId: string): string {
    return createHmac('sha256', this.csrfKey).update(sessionId).digest('base64url');
  }

  /** The header must equal both the csrf cookie and the token of the session the cookies belong to. */
  csrfMatches(req: Request, sessionId: string): boolean {
    const header = req.headers[CSRF_HEADER];
    return sameSecret(header, readCookie(req, CSRF_COOKIE)) && sameSecret(header, this.csrfToken(sessionId));
  }

  set(req: Request, res: Response, s: CookieSession): string {
    const base = this.options(req);
    const csrf = this.csrfToken(s.sessionId);
    res.cookie(ACCESS_COOKIE, s.accessToken, { ...base, httpOnly: true, expires: s.accessTokenExpiresAt });
    res.cookie(REFRESH_COOKIE, s.refreshToken, {
      ...base,
      httpOnly: true,
      path: REFRESH_PATH,
      expires: s.refreshTokenExpiresAt,
    });
    res.cookie(CSRF_COOKIE, csrf, { ...base, httpOnly: false, expires: s.refreshTokenExpiresAt });
    return csrf;
  }

  clear(req: Request, res: Response): void {
    const base = this.options(req);
    res.clearCookie(ACCESS_COOKIE, { ...base, httpOnly: true });
    res.clearCookie(REFRESH_COOKIE, { ...base, httpOnly: true, path: REFRESH_PATH });
    res.clearCookie(CSRF_COOKIE, base);
  }

  private options(req: Request): CookieOptions {
    const mode = this.config.SESSION_COOKIE_SECURE;
    const secure = mode === 'always' || (mode === 'auto' && (this.config.NODE_ENV === 'production' || req.secure));
    return { secure, sameSite: 'strict', path: '/' };
  }
}
