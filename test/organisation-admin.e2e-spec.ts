import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { DEMO_PASSWORD } from '../apps/api/src/seed/demo-data';
import { PeopleAdminService } from '../apps/api/src/organisation/people-admin.service';
import { startTestStack, TestStack } from './utils/test-stack';

/**
 * Administration of the organisation over HTTP on the real stack: units, people, positions and
 * accounts; every bad input answered 400 (or 403/409) naming the problem with nothing changed in the
 * database; a provincial admin refused another province; a disabled account's tokens stop at once.
 * Rows this file makes carry `run` in their codes and ids.
 */
const run = randomUUID().slice(0, 6);

describe('organisation administration (e2e)', () => {
  let stack: TestStack;
  const as = (username: string) => ({
    get: async (path: string) =>
      stack
        .http()
        .get(path)
        .set('Authorization', `Bearer ${await stack.login(username)}`),
    post: async (path: string, body: object = {}) =>
      stack
        .http()
        .post(path)
        .set('Authorization', `Bearer ${await stack.login(username)}`)
        .send(body),
    patch: async (path: string, body: object) =>
      stack
        .http()
        .patch(path)
        .set('Authorization', `Bearer ${await stack.login(username)}`)
        .send(body),
  });
  const system = as('admin');
  const hg = as('admin.hg');
  const lc = as('admin.lc');
  const count = async (sql: string, params: unknown[]) =>
    Number((await stack.dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n);
  const message = (res: { body: { message: unknown } }) => JSON.stringify(res.body.message);

  beforeAll(async () => {
    stack = await startTestStack();
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  describe('units', () => {
    const code = `HG-XA-${run}`.toUpperCase();
    let communeId: string;

    it('lists the kinds with Vietnamese labels, and the tree a provincial admin administers (their province only)', async () => {
      const kinds = await hg.get('/admin/unit-kinds');
      expect(kinds.status).toBe(200);
      expect(kinds.body.items).toContainEqual(
        expect.objectContaining({ kind: 'COMMUNE_COMMITTEE', labelVi: 'Đảng ủy xã, phường, đặc khu', committee: true }),
      );
      const tree = await hg.get('/admin/units?limit=200');
      expect(tree.status).toBe(200);
      const ids = tree.body.items.map((u: { id: string }) => u.id);
      expect(ids[0]).toBe('hg-tu');
      expect(ids).toContain('hg-skhdt');
      expect(ids).not.toContain('lc-tu');
      expect(tree.body.items.find((u: { id: string }) => u.id === 'hg-skhdt')).toMatchObject({
        depth: 2,
        code: 'HG-SKHDT',
      });
      const all = await system.get('/admin/units?limit=200&kind=PROVINCIAL_COMMITTEE');
      expect(all.body.items.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining(['hg-tu', 'lc-tu']));
    });

    it('creates a commune committee; the same code again is 409 naming the unit', async () => {
      const body = {
        code,
        name: `Đảng ủy phường ${run}`,
        kind: 'COMMUNE_COMMITTEE',
        parentId: 'hg-tu',
        validFrom: '2025-07-01',
      };
      const created = await hg.post('/admin/units', body);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ code, kind: 'COMMUNE_COMMITTEE', provinceId: 'hg-tu', validTo: null });
      communeId = created.body.id;
      const again = await hg.post('/admin/units', body);
      expect(again.status).toBe(409);
      expect(message(again)).toContain(communeId);
      expect(await count('org_unit WHERE code = $1', [code])).toBe(1);
      const detail = await hg.get(`/admin/units/hg-tu`);
      expect(detail.body.children.map((c: { id: string }) => c.id)).toContain(communeId);
      expect(detail.body.holders.map((h: { personId: string }) => h.personId)).toContain('hg-bithu');
    });

    it('refuses a cycle, a parent not valid on the dates, a wrong parent kind, naming each; nothing changes', async () => {
      const cell = await hg.post('/admin/units', {
        code: `${code}-CB`,
        name: `Chi bộ ${run}`,
        kind: 'GRASSROOTS_ORGANISATION',
        parentId: communeId,
        validFrom: '2025-08-01',
      });
      expect(cell.status).toBe(201);
      const cycle = await hg.patch(`/admin/units/${communeId}`, {
        parentId: cell.body.id,
        kind: 'GRASSROOTS_ORGANISATION',
      });
      expect(cycle.status).toBe(400);
      expect(message(cycle)).toContain(`makes a cycle: ${communeId} → ${cell.body.id} → ${communeId}`);
      const early = await hg.patch(`/admin/units/${cell.body.id}`, { validFrom: '2025-01-01' });
      expect(early.status).toBe(400);
      expect(message(early)).toContain('is valid 2025-07-01');
      const kind = await hg.patch(`/admin/units/${cell.body.id}`, { kind: 'DEPARTMENT' });
      expect(kind.status).toBe(400);
      expect(message(kind)).toContain('may not sit under');
      const unknown = await hg.patch(`/admin/units/${cell.body.id}`, { parentId: 'khong-co' });
      expect(unknown.status).toBe(400);
      expect(message(unknown)).toContain('unknown parent unit khong-co');
      const [row] = await stack.dataSource.query(
        `SELECT parent_id, kind, valid_from::text AS "from" FROM org_unit WHERE id = $1`,
        [cell.body.id],
      );
      expect(row).toEqual({ parent_id: communeId, kind: 'GRASSROOTS_ORGANISATION', from: '2025-08-01' });
      const renamed = await hg.patch(`/admin/units/${cell.body.id}`, { name: `Chi bộ khu vực ${run}` });
      expect(renamed.status).toBe(200);
      expect(renamed.body.name).toBe(`Chi bộ khu vực ${run}`);
    });

    it('refuses a provincial admin another province, naming it; a province is the system admin’s to create', async () => {
      const read = await lc.get(`/admin/units/${communeId}`);
      expect(read.status).toBe(403);
      expect(message(read)).toContain('outside the province you administer (Tỉnh ủy Lào Cai)');
      const move = await hg.patch(`/admin/units/${communeId}`, { parentId: 'lc-tu' });
      expect(move.status).toBe(403);
      expect(message(move)).toContain('lc-tu');
      const under = await lc.post('/admin/units', {
        code: `LC-X-${run}`,
        name: 'x',
        kind: 'COMMUNE_COMMITTEE',
        parentId: 'hg-tu',
      });
      expect(under.status).toBe(403);
      const province = await hg.post('/admin/units', {
        code: `P-${run}`,
        name: 'x',
        kind: 'PROVINCIAL_COMMITTEE',
        parentId: null,
      });
      expect(province.status).toBe(403);
      expect(await count('org_unit WHERE code = ANY($1)', [[`LC-X-${run}`, `P-${run}`]])).toBe(0);
      expect(
        (await stack.dataSource.query(`SELECT parent_id FROM org_unit WHERE id = $1`, [communeId]))[0].parent_id,
      ).toBe('hg-tu');
      const staff = await as('bithu.hg').get('/admin/units');
      expect(staff.status).toBe(403);
    });

    it('records each act in the audit, tied to the unit; a provincial admin reads only their province’s rows', async () => {
      const rows = await stack.dataSource.query(
        `SELECT act, status, unit_id FROM admin_audit WHERE act = 'org.unit.create' AND response_id = $1`,
        [communeId],
      );
      expect(rows).toEqual([{ act: 'org.unit.create', status: 201, unit_id: communeId }]);
      const hgAudit = await hg.get('/admin/audit?act=org.unit.create&limit=200');
      expect(hgAudit.status).toBe(200);
      expect(hgAudit.body.items.map((r: { responseId: string }) => r.responseId)).toContain(communeId);
      const lcAudit = await lc.get('/admin/audit?act=org.unit.create&limit=200');
      expect(lcAudit.body.items.map((r: { responseId: string }) => r.responseId)).not.toContain(communeId);
    });
  });

  describe('people, positions and accounts', () => {
    const personId = `org-${run}-an`;
    const username = `can.bo.${run}`;

    it('creates and updates a person, and shows a position history (past and current)', async () => {
      const created = await hg.post('/admin/people', { id: personId, fullName: 'Lê Văn Ân', unitId: 'hg-stc' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ id: personId, unitId: 'hg-stc', username: null, roles: [] });
      expect((await hg.post('/admin/people', { id: personId, fullName: 'x', unitId: 'hg-stc' })).status).toBe(409);
      const updated = await hg.patch(`/admin/people/${personId}`, { email: `an.${run}@example.invalid`, locale: 'en' });
      expect(updated.body).toMatchObject({ email: `an.${run}@example.invalid`, locale: 'en' });
      const outside = await lc.patch(`/admin/people/${personId}`, { fullName: 'Kẻ lạ' });
      expect(outside.status).toBe(403);
      expect(message(outside)).toContain(personId);
      const binh = await hg.get('/admin/people/hg-pbt');
      expect(binh.body.positions.map((p: { title: string; endsOn: string | null }) => [p.title, p.endsOn])).toEqual([
        ['Phó Bí thư Thường trực', null],
        ['Chánh Văn phòng Tỉnh ủy', '2023-06-30'],
      ]);
      const found = await hg.get(`/admin/people?q=${encodeURIComponent('Lê Văn Ân')}`);
      expect(found.body.items.map((p: { id: string }) => p.id)).toEqual([personId]);
      expect((await lc.get(`/admin/people?q=${encodeURIComponent('Lê Văn Ân')}`)).body.items).toEqual([]);
    });

    it('refuses a null name, language, unit code or kind, and a change without a body; nothing changes', async () => {
      const refusals: Array<[string, object, string]> = [
        [`/admin/people/${personId}`, { locale: null }, 'locale must be one of the following values: vi, en'],
        [`/admin/people/${personId}`, { fullName: null }, 'fullName must be a string'],
        ['/admin/units/hg-stc', { name: null }, 'name must be a string'],
        ['/admin/units/hg-stc', { code: null }, 'code must be a string'],
        ['/admin/units/hg-stc', { kind: null }, 'kind must be one of the following values'],
        // A date of the right shape that does not exist is refused before Postgres sees it.
        ['/admin/units/hg-stc', { validFrom: '2025-02-30' }, 'validFrom must be a real date YYYY-MM-DD'],
      ];
      const state = async () => [
        await stack.dataSource.query(`SELECT full_name, locale FROM person WHERE id = $1`, [personId]),
        await stack.dataSource.query(`SELECT code, name, kind, valid_from FROM org_unit WHERE id = 'hg-stc'`),
      ];
      const before = await state();
      for (const [path, body, problem] of refusals) {
        const res = await hg.patch(path, body);
        expect([path, res.status, message(res)]).toEqual([path, 400, expect.stringContaining(problem)]);
      }
      for (const path of [`/admin/people/${personId}`, '/admin/units/hg-stc']) {
        const res = await stack
          .http()
          .patch(path)
          .set('Authorization', `Bearer ${await stack.login('admin.hg')}`);
        expect([path, res.status, message(res)]).toEqual([path, 400, expect.stringContaining('needs a JSON body')]);
      }
      expect(await state()).toEqual(before);
    });

    it('refuses a taken seat naming its holder, unknown ids, account roles and people outside; nothing is written', async () => {
      const before = await count('position WHERE person_id = $1', [personId]);
      const seat = await hg.post('/admin/positions', {
        personId,
        unitId: 'hg-skhdt',
        title: 'Giám đốc Sở',
        roles: ['HEAD'],
        seat: 'HEAD',
        startsOn: '2026-01-01',
      });
      expect(seat.status).toBe(400);
      expect(message(seat)).toContain('held by Võ Thanh Hải (hg-skhdt-gd)');
      const unknown = await hg.post('/admin/positions', {
        personId: 'khong-ai',
        unitId: 'hg-stc',
        title: 'x',
        startsOn: '2026-01-01',
      });
      expect(unknown.status).toBe(400);
      expect(message(unknown)).toContain('unknown person khong-ai');
      const adminRole = await hg.post('/admin/positions', {
        personId,
        unitId: 'hg-stc',
        title: 'x',
        roles: ['ADMIN'],
        startsOn: '2026-01-01',
      });
      expect(adminRole.status).toBe(400);
      const foreign = await hg.post('/admin/positions', {
        personId: 'lc-vt',
        unitId: 'hg-stc',
        title: 'x',
        startsOn: '2026-01-01',
      });
      expect(foreign.status).toBe(403);
      expect(message(foreign)).toContain('lc-vt');
      const backwards = await hg.post('/admin/positions', {
        personId,
        unitId: 'hg-stc',
        title: 'x',
        startsOn: '2026-01-02',
        endsOn: '2026-01-01',
      });
      expect(backwards.status).toBe(400);
      expect(message(backwards)).toContain('endsOn 2026-01-01 is before startsOn 2026-01-02');
      expect(await count('position WHERE person_id = $1', [personId])).toBe(before);
    });

    it('creates an account with a temporary password to change at first login; a taken username is 409 naming its holder', async () => {
      const taken = await hg.post(`/admin/accounts/${personId}`, { username: 'bithu.hg' });
      expect(taken.status).toBe(409);
      expect(message(taken)).toContain('hg-bithu');
      const weak = await hg.post(`/admin/accounts/${personId}`, { username, temporaryPassword: 'short' });
      expect(weak.status).toBe(400);
      expect(
        (await stack.dataSource.query(`SELECT username FROM person WHERE id = $1`, [personId]))[0].username,
      ).toBeNull();
      const created = await hg.post(`/admin/accounts/${personId}`, { username });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ personId, username, mustChangePassword: true });
      const login = await stack.http().post('/auth/login').send({ username, password: created.body.temporaryPassword });
      expect(login.status).toBe(200);
      expect(login.body.mustChangePassword).toBe(true);
      expect((await hg.post(`/admin/accounts/${personId}`, { username: `${username}.2` })).status).toBe(409);
      // The existing reset, now scoped by province.
      expect(
        (await lc.post(`/admin/accounts/${personId}/password-reset`, { temporaryPassword: DEMO_PASSWORD + '-x' }))
          .status,
      ).toBe(403);
      const reset = await hg.post(`/admin/accounts/${personId}/password-reset`, {});
      expect(reset.status).toBe(200);
    });

    it('a position moves the person’s unit and roles (ending their sessions); one dated ahead takes effect on its day', async () => {
      const reset = await hg.post(`/admin/accounts/${personId}/password-reset`, {
        temporaryPassword: 'Cây lúa Hậu Giang trổ bông vàng',
      });
      expect(reset.status).toBe(200);
      const login = await stack
        .http()
        .post('/auth/login')
        .send({ username, password: 'Cây lúa Hậu Giang trổ bông vàng' });
      const token = login.body.accessToken as string;
      const position = await hg.post('/admin/positions', {
        personId,
        unitId: 'hg-stc',
        title: 'Phó Giám đốc Sở Tài chính',
        roles: ['KEY_CADRE', 'STAFF'],
        fields: ['finance'],
        startsOn: '2024-01-01',
      });
      expect(position.status).toBe(201);
      const [row] = await stack.dataSource.query(`SELECT unit_id, roles, fields, title FROM person WHERE id = $1`, [
        personId,
      ]);
      expect(row).toEqual({
        unit_id: 'hg-stc',
        roles: ['KEY_CADRE', 'STAFF'],
        fields: ['finance'],
        title: 'Phó Giám đốc Sở Tài chính',
      });
      expect((await stack.http().get('/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);

      const later = await hg.post('/admin/positions', {
        personId,
        unitId: 'hg-stc',
        title: 'Giám đốc Sở Tài chính (dự kiến)',
        roles: ['HEAD'],
        startsOn: '2099-01-01',
      });
      expect(later.status).toBe(201);
      expect((await stack.dataSource.query(`SELECT roles FROM person WHERE id = $1`, [personId]))[0].roles).toEqual([
        'KEY_CADRE',
        'STAFF',
      ]);
      const people = stack.api.get(PeopleAdminService);
      const refresh = (day?: string) =>
        stack.dataSource.transaction((em) => people.refreshAssignment(em, personId, day));
      expect(await refresh('2099-01-01')).toBe(true);
      expect((await stack.dataSource.query(`SELECT roles FROM person WHERE id = $1`, [personId]))[0].roles).toEqual([
        'HEAD',
        'KEY_CADRE',
        'STAFF',
      ]);
      expect(await refresh()).toBe(true); // back to today

      const early = await hg.post(`/admin/positions/${position.body.id}/end`, { endsOn: '2000-01-01', reason: 'x' });
      expect([early.status, message(early)]).toEqual([400, expect.stringContaining('endsOn 2000-01-01 is before')]);
      const notAnId = await hg.post('/admin/positions/0/end', { endsOn: '2025-06-30', reason: 'x' });
      expect([notAnId.status, message(notAnId)]).toEqual([400, expect.stringContaining('uuid is expected')]);
      const ended = await hg.post(`/admin/positions/${position.body.id}/end`, {
        endsOn: '2025-06-30',
        reason: 'Luân chuyển',
      });
      expect(ended.status).toBe(200);
      expect(ended.body).toMatchObject({ endsOn: '2025-06-30', endReason: 'Luân chuyển' });
      expect(
        (await hg.post(`/admin/positions/${position.body.id}/end`, { endsOn: '2025-06-30', reason: 'Luân chuyển' }))
          .status,
      ).toBe(200);
      expect(
        (await hg.post(`/admin/positions/${position.body.id}/end`, { endsOn: '2025-07-31', reason: 'x' })).status,
      ).toBe(409);
      expect((await stack.dataSource.query(`SELECT roles FROM person WHERE id = $1`, [personId]))[0].roles).toEqual([]);
      const listed = await hg.get(`/admin/positions?personId=${personId}`);
      expect(listed.body.items).toHaveLength(2);
      expect((await hg.get('/admin/positions')).status).toBe(400);
    });

    it('disabling an account ends its sessions at once (access and refresh tokens); enabling lets it sign in again', async () => {
      const password = 'Dòng sông Hậu chở nặng phù sa';
      await hg.post(`/admin/accounts/${personId}/password-reset`, { temporaryPassword: password });
      await stack.dataSource.query(`UPDATE person SET must_change_password = false WHERE id = $1`, [personId]);
      const login = await stack.http().post('/auth/login').send({ username, password });
      expect(login.status).toBe(200);
      const me = () => stack.http().get('/auth/me').set('Authorization', `Bearer ${login.body.accessToken}`);
      expect((await me()).status).toBe(200);
      const disabled = await hg.post(`/admin/accounts/${personId}/disable`);
      expect(disabled.status).toBe(200);
      expect(disabled.body).toMatchObject({ active: false, sessionsEnded: 1 });
      expect((await me()).status).toBe(401);
      expect((await stack.http().post('/auth/refresh').send({ refreshToken: login.body.refreshToken })).status).toBe(
        401,
      );
      expect((await stack.http().post('/auth/login').send({ username, password })).status).toBe(401);
      expect((await lc.post(`/admin/accounts/${personId}/enable`)).status).toBe(403);
      expect((await hg.post(`/admin/accounts/${personId}/enable`)).body).toMatchObject({ active: true });
      expect((await stack.http().post('/auth/login').send({ username, password })).status).toBe(200);
    });

    it('unlocks a username locked by failed logins', async () => {
      // The lock the throttle sets after too many failures (its own allowance is tested in sessions.e2e-spec.ts).
      const redis = new Redis(process.env.REDIS_URL as string);
      try {
        await redis.set(`${process.env.QUEUE_PREFIX}:auth:login:user:${username}:lock`, '1', 'PX', 600_000);
        const password = 'Dòng sông Hậu chở nặng phù sa';
        expect((await stack.http().post('/auth/login').send({ username, password })).status).toBe(429);
        expect((await lc.post(`/admin/accounts/${personId}/unlock`)).status).toBe(403);
        const unlocked = await hg.post(`/admin/accounts/${personId}/unlock`);
        expect(unlocked.status).toBe(200);
        expect(unlocked.body).toMatchObject({ username, wasLocked: true });
        expect((await stack.http().post('/auth/login').send({ username, password })).status).toBe(200);
      } finally {
        redis.disconnect();
      }
    });
  });
});
