import type { Request, Response } from 'express';
import { securityHeaders } from './security-headers';

/** The headers the middleware sets on an answer to `path`, as Express would send them. */
function headersFor(nodeEnv: string, path: string): Record<string, string> {
  const headers: Record<string, string> = { 'x-powered-by': 'Express' };
  const res = {
    setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
    getHeader: (name: string) => headers[name.toLowerCase()],
  };
  let passed = false;
  securityHeaders(nodeEnv)({ path, method: 'GET', headers: {} } as Request, res as unknown as Response, () => {
    passed = true;
  });
  expect(passed).toBe(true);
  return headers;
}

const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .find((d) => d.trim().startsWith(`${name} `))
    ?.trim();

describe('security headers', () => {
  it('gives the console and the API a policy without inline script or style, framing or plugins', () => {
    const h = headersFor('development', '/');
    const csp = h['content-security-policy'];
    expect(directive(csp, 'script-src')).toBe("script-src 'self'");
    expect(directive(csp, 'style-src')).toBe("style-src 'self'");
    expect(directive(csp, 'object-src')).toBe("object-src 'none'");
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(h).toMatchObject({
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(h['x-powered-by']).toBeUndefined();
    expect(headersFor('development', '/programmes/x')['content-security-policy']).toBe(csp);
  });

  it('relaxes only styles, and only for Swagger UI and Bull Board', () => {
    for (const path of ['/docs', '/docs/', '/docs/swagger-ui-init.js', '/admin/queues', '/admin/queues/api/queues']) {
      const csp = headersFor('development', path)['content-security-policy'];
      expect(directive(csp, 'style-src')).toBe("style-src 'self' 'unsafe-inline'");
      expect(directive(csp, 'script-src')).toBe("script-src 'self'");
    }
    for (const path of ['/docsx', '/admin/queuesx', '/admin/notifications/failed'])
      expect(directive(headersFor('development', path)['content-security-policy'], 'style-src')).toBe(
        "style-src 'self'",
      );
  });

  it('sets HSTS in production only (a local run is plain http), with the same policy', () => {
    const prod = headersFor('production', '/');
    expect(prod['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(prod['content-security-policy']).toBe(headersFor('development', '/')['content-security-policy']);
    for (const env of ['development', 'test'])
      expect(headersFor(env, '/')['strict-transport-security']).toBeUndefined();
  });
});
