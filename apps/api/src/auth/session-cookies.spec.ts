import type { Request, Response } from 'express';
import { loadApiConfig } from '../api.config';
import { readCookie, sameSecret, SessionCookies } from './session-cookies';

const session = {
  sessionId: '00000000-0000-4000-8000-000000000001',
  accessToken: 'a.b.c',
  accessTokenExpiresAt: new Date(Date.now() + 600_000),
  refreshToken: 'r',
  refreshTokenExpiresAt: new Date(Date.now() + 3_600_000),
};

function recordCookies(cookies: SessionCookies, req: Partial<Request>) {
  const set: Record<string, Record<string, unknown>> = {};
  const res = { cookie: (name: string, _value: string, options: Record<string, unknown>) => (set[name] = options) };
  cookies.set(req as Request, res as unknown as Response, session);
  return set;
}

describe('SessionCookies', () => {
  it('sets HttpOnly, SameSite=Strict token cookies, a readable csrf cookie, and the refresh cookie only under /auth', () => {
    const set = recordCookies(new SessionCookies(loadApiConfig({ NODE_ENV: 'test' })), { secure: false });
    expect(set.ap_access).toMatchObject({ httpOnly: true, sameSite: 'strict', path: '/', secure: false });
    expect(set.ap_refresh).toMatchObject({ httpOnly: true, sameSite: 'strict', path: '/auth' });
    expect(set.csrf).toMatchObject({ httpOnly: false, sameSite: 'strict', path: '/' });
  });

  it('marks them Secure in production, over https, or when configured', () => {
    const secureOf = (env: NodeJS.ProcessEnv, req: Partial<Request>) =>
      recordCookies(new SessionCookies(loadApiConfig(env)), req).ap_access.secure;
    expect(secureOf({ NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40) }, { secure: false })).toBe(true);
    expect(secureOf({ NODE_ENV: 'test' }, { secure: true })).toBe(true);
    expect(secureOf({ NODE_ENV: 'test', SESSION_COOKIE_SECURE: 'always' }, { secure: false })).toBe(true);
    expect(secureOf({ NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40), SESSION_COOKIE_SECURE: 'never' }, {})).toBe(
      false,
    );
  });

  it('accepts a CSRF header only when it equals the csrf cookie and belongs to the session', () => {
    const cookies = new SessionCookies(loadApiConfig({ NODE_ENV: 'test' }));
    const token = cookies.csrfToken(session.sessionId);
    const req = (header: string | undefined, cookie: string) =>
      ({ headers: { 'x-csrf-token': header, cookie: `other=1; csrf=${cookie}` } }) as unknown as Request;
    expect(cookies.csrfMatches(req(token, token), session.sessionId)).toBe(true);
    expect(cookies.csrfMatches(req(undefined, token), session.sessionId)).toBe(false);
    expect(cookies.csrfMatches(req('forged', 'forged'), session.sessionId)).toBe(false);
    expect(cookies.csrfMatches(req(token, 'other'), session.sessionId)).toBe(false);
    expect(cookies.csrfMatches(req(token, token), '00000000-0000-4000-8000-000000000002')).toBe(false);
  });

  it('reads cookies and compares secrets safely', () => {
    expect(readCookie({ headers: { cookie: 'a=1; ap_access=x%2Ey' } }, 'ap_access')).toBe('x.y');
    expect(readCookie({ headers: {} }, 'ap_access')).toBeUndefined();
    expect(readCookie({ headers: { cookie: 'ap_access=%E0%A4%A' } }, 'ap_access')).toBeUndefined();
    expect([sameSecret('a', 'a'), sameSecret('a', 'b'), sameSecret('', ''), sameSecret(undefined, 'a')]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});
