import { AUDITED_ROUTES, auditedRouteOf, NOT_AUDITED } from './audited-routes';

describe('audited routes', () => {
  it('finds the act of a routed request by method and route template', () => {
    expect(auditedRouteOf({ method: 'PUT', route: { path: '/admin/calendar/:year' } })?.audited.act).toBe(
      'calendar.update',
    );
    expect(auditedRouteOf({ method: 'GET', route: { path: '/admin/calendar/:year' } })).toBeUndefined();
    expect(auditedRouteOf({ method: 'PUT' })).toBeUndefined(); // not routed (404, static files)
  });

  it('audits a supervision list only as a CSV export', () => {
    const route = { path: '/supervision/programmes' };
    expect(auditedRouteOf({ method: 'GET', route, query: { format: 'csv' } })?.audited.act).toBe('supervision.export');
    expect(auditedRouteOf({ method: 'GET', route, query: {} })).toBeUndefined();
  });

  it('decides every route once: audited or not, never both', () => {
    expect(Object.keys(AUDITED_ROUTES).filter((k) => k in NOT_AUDITED)).toEqual([]);
    for (const key of [...Object.keys(AUDITED_ROUTES), ...Object.keys(NOT_AUDITED)])
      expect(key).toMatch(/^(GET|POST|PUT|PATCH|DELETE) \/\S*$/);
  });
});
