import { BadRequestException, ForbiddenException } from '@nestjs/common';
import { auditError, auditRow, auditSummary, auditText } from './audit-row';
import { AUDITED_ROUTES } from './audited-routes';

const login = AUDITED_ROUTES['POST /auth/login'];
const calendar = AUDITED_ROUTES['PUT /admin/calendar/:year'];
const download = AUDITED_ROUTES['GET /programmes/:id/reports/:reportId'];
const admin = { personId: 'sys-admin', username: 'admin', unitId: 'sys' };

describe('audit rows', () => {
  it('keeps no password, token or secret, at any depth and in any spelling', () => {
    expect(
      auditSummary({
        username: 'bithu.hg',
        password: 'demo-password',
        newPassword: 'x',
        currentPassword: 'y',
        refreshToken: 'r',
        nested: { secret: 's', apiKey: 'k', api_key: 'k', Authorization: 'Bearer t', keep: 1 },
        list: [{ csrfToken: 't', ok: true }],
      }),
    ).toEqual({ username: 'bithu.hg', nested: { keep: 1 }, list: [{ ok: true }] });
  });

  it('shortens long text, long lists and deep nesting, and keeps only field names above a size', () => {
    const summary = auditSummary({ note: 'x'.repeat(500), days: Array.from({ length: 25 }, (_, i) => i) });
    expect(summary?.note).toBe(`${'x'.repeat(200)}…`);
    expect(summary?.days).toEqual([...Array.from({ length: 20 }, (_, i) => i), '… 5 more']);
    expect(auditSummary({ a: { b: { c: { d: { e: 1 } } } } })).toEqual({ a: { b: { c: { d: '{…}' } } } });
    const big = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`field${i}`, 'y'.repeat(199)]));
    expect(auditSummary(big)).toEqual({ truncated: true, fields: Object.keys(big) });
  });

  it('writes only text Postgres accepts, and keeps a __proto__ field a field', () => {
    expect(auditText('a\0b\uD800c')).toBe('a\uFFFDb\uFFFDc');
    expect(auditText('😀', 1)).toBe('\uFFFD…'); // a cut through a pair leaves no lone half
    const summary = auditSummary(JSON.parse('{"__proto__": {"polluted": true}}'));
    expect(Object.getPrototypeOf(summary)).toBe(Object.prototype);
    expect(JSON.stringify(summary)).toBe('{"__proto__":{"polluted":true}}');
    expect(auditSummary({})).toBeNull();
    expect(auditSummary(undefined)).toBeNull();
    expect(auditSummary(['a'])).toEqual({ value: ['a'] });
  });

  it("names a failed login's attempted username, never its password", () => {
    const row = auditRow(
      'POST /auth/login',
      login,
      {
        method: 'POST',
        body: { username: 'ghost', password: 'guess' },
        headers: { 'user-agent': 'curl/8' },
        ip: '10.0.0.9',
        id: 7,
      },
      { status: 401, error: new Error('invalid username or password') },
    );
    expect(row).toEqual({
      act: 'auth.login',
      route: 'POST /auth/login',
      status: 401,
      error: 'Error: invalid username or password',
      personId: null,
      username: 'ghost',
      unitId: null,
      target: null,
      summary: { username: 'ghost' },
      responseId: null,
      ip: '10.0.0.9',
      userAgent: 'curl/8',
      requestId: '7',
    });
  });

  it('names the person a login opened a session for, with their unit', () => {
    const row = auditRow(
      'POST /auth/login',
      login,
      { method: 'POST', body: { username: 'bithu.hg', password: 'p' }, headers: {} },
      {
        status: 200,
        answer: { accessToken: 't', principal: { personId: 'hg-bithu', username: 'bithu.hg', unitId: 'hg-tu' } },
      },
    );
    expect(row).toMatchObject({ personId: 'hg-bithu', username: 'bithu.hg', unitId: 'hg-tu', status: 200 });
  });

  it('ties only unit acts to a unit, reads the query of a read, and keeps the id an answer names', () => {
    const put = auditRow(
      'PUT /admin/calendar/:year',
      calendar,
      {
        method: 'PUT',
        params: { year: '2027' },
        body: { holidays: [] },
        query: { ignored: '1' },
        headers: {},
        principal: admin,
      },
      { status: 200, answer: { year: 2027 } },
    );
    expect(put).toMatchObject({
      personId: 'sys-admin',
      unitId: null,
      target: { year: '2027' },
      summary: { holidays: [] },
    });
    expect(put.responseId).toBeNull();
    const get = auditRow(
      'GET /programmes/:id/reports/:reportId',
      download,
      {
        method: 'GET',
        params: { id: 'p', reportId: 'r' },
        query: { v: '1' },
        headers: {},
        principal: { ...admin, unitId: 'hg-tu' },
      },
      { status: 200, answer: { id: 'r-1' } },
    );
    expect(get).toMatchObject({ unitId: 'hg-tu', summary: { v: '1' }, responseId: 'r-1' });
  });

  it("keeps what an import did (its answer) as a success's summary, and the request's fields for a refusal", () => {
    const route = 'POST /admin/organisation/import/apply';
    const imported = AUDITED_ROUTES[route];
    const req = { method: 'POST', body: { note: 'đợt 1' }, headers: {}, principal: admin };
    const answer = { checksum: 'ab12', format: 'xlsx', rows: 3, counts: { units: { created: 3 } } };
    expect(auditRow(route, imported, req, { status: 200, answer }).summary).toEqual(answer);
    expect(auditRow(route, imported, req, { status: 400, error: new Error('x') }).summary).toEqual({ note: 'đợt 1' });
  });

  it('keeps nothing of a request whose fields are credentials whatever their names', () => {
    const row = auditRow(
      'GET /auth/oidc/callback',
      AUDITED_ROUTES['GET /auth/oidc/callback'],
      { method: 'GET', query: { code: 'authorization-code', state: 's' }, headers: {} },
      { status: 303 },
    );
    expect(row).toMatchObject({ act: 'auth.sso.login', summary: null, target: null });
  });

  it('describes an error by its class and a validation refusal by its messages', () => {
    expect(auditError(new ForbiddenException('this needs the ADMIN role'))).toBe(
      'ForbiddenException: this needs the ADMIN role',
    );
    expect(auditError(new BadRequestException({ message: ['a is bad', 'b is bad'] }))).toBe(
      'BadRequestException: a is bad; b is bad',
    );
    expect(auditError(undefined)).toBeNull();
    expect(auditError('plain')).toBe('plain');
  });
});
