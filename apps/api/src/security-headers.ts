import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { BOARD_PATH } from './admin-notifications/queue-board';

type Directives = Record<string, string[]>;

/**
 * The console and the API: the page's own scripts, styles and API only. No inline script or style
 * (the built console has none; React and Chart.js set styles through the DOM, which CSP allows), no
 * plugins, no framing by any page (clickjacking), no <base> or form posts elsewhere.
 */
export const CONSOLE_POLICY: Directives = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Swagger UI (/docs) and Bull Board carry inline <style> blocks and style attributes in their pages;
 * their scripts are files, so only styles are relaxed. Bull Board's web fonts from Google stay
 * blocked: no page of the system makes the browser call a third party.
 */
export const INLINE_STYLE_POLICY: Directives = { ...CONSOLE_POLICY, 'style-src': ["'self'", "'unsafe-inline'"] };
const INLINE_STYLE_PATHS = ['/docs', BOARD_PATH];

const HSTS_SECONDS = 365 * 24 * 3600;

function headers(directives: Directives, production: boolean): RequestHandler {
  return helmet({
    // No upgrade-insecure-requests: every resource is same-origin and relative, so an https page loads
    // it over https anyway, and the compose stack runs production mode over http on localhost.
    contentSecurityPolicy: { useDefaults: false, directives },
    // Browsers remember HSTS for the host: only a production deployment (https) may set it.
    strictTransportSecurity: production ? { maxAge: HSTS_SECONDS, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/**
 * Helmet's headers on every answer (pages, API, errors): CSP, X-Frame-Options DENY, nosniff,
 * Referrer-Policy no-referrer, cross-origin isolation of windows and resources, no X-Powered-By, and
 * HSTS in production. One policy for the console and the API, a relaxed one where a bundled tool needs it.
 */
export function securityHeaders(nodeEnv: string): RequestHandler {
  const production = nodeEnv === 'production';
  const strict = headers(CONSOLE_POLICY, production);
  const inlineStyles = headers(INLINE_STYLE_POLICY, production);
  return (req, res, next) =>
    (INLINE_STYLE_PATHS.some((prefix) => under(req.path, prefix)) ? inlineStyles : strict)(req, res, next);
}
