import { randomUUID } from 'node:crypto';
import { OrgUnitKind, Role } from '../libs/domain/src';
import { hashPassword } from '../apps/api/src/auth/auth.service';
import { DEMO_PASSWORD } from '../apps/api/src/seed/demo-data';
import { DEMO_RESOLUTIONS, seedResolutions } from '../apps/api/src/seed/seed-resolutions';
import { eventually, startTestStack, TestStack } from './utils/test-stack';

/**
 * The resolution registry over HTTP on the real stack: entries and their lineage, programmes that
 * implement an entry, counting per year / kind / level / member over a term with drill-down and CSV,
 * each bad input (400 naming the problem, nothing changed) and the province boundary.
 *
 * The test runs in a province of its own (units and people with a per-run suffix), so its counts are
 * exact whatever other files write. Its committee P issues, over the 2020–2025 term:
 *
 *   entry            kind        signed       field group      member   implements     level
 *   A 05-NQ/TU       RESOLUTION  2022-06-01   human-resources  tv       TW (central)   PROVINCIAL
 *   B 05-ĐA/TU       PROJECT     2022-06-01   party-building   tv       A              PROVINCIAL
 *   C 06-ĐA/TU       PROJECT     2023-05-01   party-building   tv2      -              PROVINCIAL
 *   D 10-NQ/TU       RESOLUTION  2021-08-26   agriculture      tv2      -              PROVINCIAL
 *   E 01-CT/TU       DIRECTIVE   2021-03-10   economy          (none)   -              PROVINCIAL
 *   F 02-NQ/ĐU       RESOLUTION  2022-09-01   human-resources  xa-bt    A (its commune) COMMUNE
 *
 * and programmes (read model): prog1 issued 2022-07-15 for A (3 tasks, 2 targets, one annual plan),
 * prog2 issued 2023-01-10 by the commune for F, prog3 restricted for A (issued 2022-08-01), and one
 * created over HTTP for B, not issued yet (never counted).
 */
describe('resolution registry (e2e)', () => {
  let stack: TestStack;
  const run = randomUUID().slice(0, 6);
  const P = `rx${run}`;
  const Q = `ry${run}`;
  const unit = { tu: `${P}-tu`, btv: `${P}-btv`, xa: `${P}-xa`, other: `${Q}-tu` };
  const person = {
    cv: `${P}-cv`,
    bt: `${P}-bt`,
    tv: `${P}-tv`,
    tv2: `${P}-tv2`,
    vt: `${P}-vt`,
    xaBt: `${P}-xa-bt`,
    sys: `${P}-sys`,
    otherCv: `${Q}-cv`,
  };
  const user = (id: string) => id.replace(/-/g, '.');
  const TW = `${Math.floor(10_000 + Math.random() * 80_000)}-NQ/TW`;
  const ids: Record<'tw' | 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'other', string> = {} as never;
  const prog = { p1: `${P}-prog1`, p2: `${P}-prog2`, p3: `${P}-prog3`, http: `${P}-prog-http` };

  const as = async (username: string) => ({ Authorization: `Bearer ${await stack.login(user(username))}` });
  const get = async (who: string, path: string) =>
    stack
      .http()
      .get(path)
      .set(await as(who));
  const post = async (who: string, path: string, body: object) =>
    stack
      .http()
      .post(path)
      .set(await as(who))
      .send(body);
  const patch = async (who: string, path: string, body: object) =>
    stack
      .http()
      .patch(path)
      .set(await as(who))
      .send(body);
  const entry = (over: object) => ({
    kind: 'RESOLUTION',
    issuingUnitId: unit.tu,
    signedOn: '2022-06-01',
    title: 'Về phát triển nguồn nhân lực giai đoạn 2021-2025, tầm nhìn đến năm 2030',
    fieldGroup: 'human-resources',
    ...over,
  });
  const create = async (who: string, body: object): Promise<string> => {
    const res = await post(who, '/resolutions', body);
    expect([res.status, res.body]).toEqual([201, expect.objectContaining({ id: expect.any(String) })]);
    return res.body.id;
  };
  const registrySize = async () => (await stack.dataSource.query('SELECT count(*)::int AS n FROM resolution'))[0].n;
  const row = async (id: string) =>
    (await stack.dataSource.query('SELECT * FROM resolution WHERE id = $1', [id]))[0] as Record<string, unknown>;

  beforeAll(async () => {
    stack = await startTestStack();
    await seedProvince(stack);
    ids.tw = await create(person.cv, {
      kind: 'RESOLUTION',
      externalBody: 'POLITBURO',
      number: TW,
      signedOn: '2022-04-02',
      title: 'Về phương hướng phát triển vùng đến năm 2030, tầm nhìn đến năm 2045',
      fieldGroup: 'economy',
    });
    ids.a = await create(person.cv, entry({ number: '05-NQ/TU', memberInChargeId: person.tv, implementsId: ids.tw }));
    ids.b = await create(
      person.cv,
      entry({
        kind: 'PROJECT',
        number: '05-ĐA/TU',
        fieldGroup: 'party-building',
        memberInChargeId: person.tv,
        implementsId: ids.a,
      }),
    );
    ids.c = await create(
      person.tv,
      entry({
        kind: 'PROJECT',
        number: '06-ĐA/TU',
        signedOn: '2023-05-01',
        fieldGroup: 'party-building',
        memberInChargeId: person.tv2,
      }),
    );
    ids.d = await create(
      person.bt,
      entry({ number: '10-NQ/TU', signedOn: '2021-08-26', fieldGroup: 'agriculture', memberInChargeId: person.tv2 }),
    );
    ids.e = await create(
      person.cv,
      entry({ kind: 'DIRECTIVE', number: '01-CT/TU', signedOn: '2021-03-10', fieldGroup: 'economy' }),
    );
    ids.f = await create(
      person.xaBt,
      entry({
        number: '02-NQ/ĐU',
        issuingUnitId: unit.xa,
        signedOn: '2022-09-01',
        memberInChargeId: person.xaBt,
        implementsId: ids.a,
      }),
    );
    ids.other = await create(person.otherCv, entry({ number: '07-NQ/TU', issuingUnitId: unit.other }));
    await seedProgrammes(stack);
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  describe('the registry', () => {
    it('keeps each entry with its level, year, issuer and what it implements', async () => {
      const res = await get(person.cv, `/resolutions/${ids.a}`);
      expect(res.status).toBe(200);
      expect(res.body.resolution).toMatchObject({
        number: '05-NQ/TU',
        kind: 'RESOLUTION',
        level: 'PROVINCIAL',
        year: 2022,
        signedOn: '2022-06-01',
        issuerName: 'Tỉnh ủy Thử nghiệm',
        memberInChargeId: person.tv,
        memberInChargeName: 'Lê Văn Tâm',
        status: 'IN_FORCE',
        implementsId: ids.tw,
      });
      expect(res.body.implements.map((r: { id: string }) => r.id)).toEqual([ids.tw]);
      expect(res.body.implements[0]).toMatchObject({
        level: 'CENTRAL',
        issuerName: 'Bộ Chính trị',
        externalBody: 'POLITBURO',
      });
      expect(res.body.implementedBy.map((r: { number: string }) => r.number)).toEqual(['05-ĐA/TU', '02-NQ/ĐU']);
      expect(res.body.programmes.map((p: { id: string }) => p.id).sort()).toEqual([prog.p1, prog.p3].sort());
      const f = await get(person.cv, `/resolutions/${ids.f}`);
      expect(f.body.resolution.level).toBe('COMMUNE');
    });

    it('lists with filters, paged', async () => {
      const byYear = await get(person.cv, `/resolutions?issuingUnitId=${unit.tu}&year=2022`);
      expect(byYear.status).toBe(200);
      expect(byYear.body.items.map((r: { number: string }) => r.number).sort()).toEqual(['05-NQ/TU', '05-ĐA/TU']);
      const projects = await get(person.cv, `/resolutions?issuingUnitId=${unit.tu}&kind=PROJECT&pageSize=1`);
      expect([projects.body.total, projects.body.items.length, projects.body.items[0].number]).toEqual([
        2,
        1,
        '06-ĐA/TU',
      ]);
      const tv2 = await get(person.cv, `/resolutions?memberInChargeId=${person.tv2}`);
      expect(tv2.body.items.map((r: { number: string }) => r.number)).toEqual(['06-ĐA/TU', '10-NQ/TU']);
      const commune = await get(
        person.cv,
        `/resolutions?level=COMMUNE&fieldGroup=human-resources&issuingUnitId=${unit.xa}`,
      );
      expect(commune.body.items.map((r: { id: string }) => r.id)).toEqual([ids.f]);
      const bad = await get(person.cv, '/resolutions?kind=LAW&year=1800');
      expect(bad.status).toBe(400);
      expect(bad.body.message.join(' ')).toMatch(/kind must be one of/);
    });

    it('lets the committee correct an entry and end it, refusing what makes no sense', async () => {
      const res = await patch(person.tv, `/resolutions/${ids.e}`, {
        title: 'Về tăng cường kỷ luật, kỷ cương hành chính',
      });
      expect(res.status).toBe(200);
      expect(res.body.resolution.title).toBe('Về tăng cường kỷ luật, kỷ cương hành chính');
      const status = (who: string, id: string, body: object) => post(who, `/resolutions/${id}/status`, body);
      expect((await status(person.cv, ids.e, { status: 'REPLACED' })).body.message).toMatch(/needs replacedById/);
      expect((await status(person.cv, ids.e, { status: 'EXPIRED', replacedById: ids.c })).status).toBe(400);
      expect((await status(person.cv, ids.d, { status: 'REPLACED', replacedById: ids.e })).body.message).toMatch(
        /older/,
      );
      expect((await row(ids.e)).status).toBe('IN_FORCE');
      const replaced = await status(person.cv, ids.e, { status: 'REPLACED', replacedById: ids.c });
      expect(replaced.status).toBe(200);
      expect(replaced.body.resolution).toMatchObject({ status: 'REPLACED', replacedById: ids.c });
      expect(replaced.body.replacedBy.number).toBe('06-ĐA/TU');
      const again = await status(person.cv, ids.e, { status: 'EXPIRED' });
      expect([again.status, again.body.message]).toEqual([
        409,
        '01-CT/TU is REPLACED already; an ended entry stays ended',
      ]);
    });

    it('lets only a system admin change a central entry', async () => {
      const byProvince = await patch(person.cv, `/resolutions/${ids.tw}`, { fieldGroup: 'regional-development' });
      expect(byProvince.status).toBe(403);
      const bySystem = await patch(person.sys, `/resolutions/${ids.tw}`, { fieldGroup: 'regional-development' });
      expect([bySystem.status, bySystem.body.resolution?.fieldGroup]).toEqual([200, 'regional-development']);
    });
  });

  describe('bad input: 400 naming the problem, nothing changed', () => {
    const refused = async (who: string, method: 'post' | 'patch', path: string, body: object, message: RegExp) => {
      const before = await registrySize();
      const res = await (method === 'post' ? post : patch)(who, path, body);
      expect([res.status, String(res.body.message)]).toEqual([400, expect.stringMatching(message)]);
      expect(await registrySize()).toBe(before);
    };

    it('an unknown resolution', async () => {
      await refused(
        person.cv,
        'post',
        '/resolutions',
        entry({ number: '11-NQ/TU', implementsId: 'khong-co' }),
        /unknown implemented entry khong-co/,
      );
      // Another province's entry is unknown to this one.
      await refused(
        person.cv,
        'post',
        '/resolutions',
        entry({ number: '11-NQ/TU', implementsId: ids.other }),
        /unknown implemented entry/,
      );
    });

    it('a cycle in "implements"', async () => {
      await refused(
        person.cv,
        'patch',
        `/resolutions/${ids.a}`,
        { implementsId: ids.b },
        /would make a cycle: it already implements 05-NQ\/TU/,
      );
      await refused(person.cv, 'patch', `/resolutions/${ids.a}`, { implementsId: ids.a }, /cannot implement itself/);
      expect((await row(ids.a)).implements_id).toBe(ids.tw);
      // A province cannot implement its commune's entry, nor a central one a provincial one.
      await refused(
        person.cv,
        'patch',
        `/resolutions/${ids.d}`,
        { implementsId: ids.f },
        /not .* or a committee above it/,
      );
    });

    it('a duplicate number for the same body', async () => {
      await refused(
        person.cv,
        'post',
        '/resolutions',
        entry({ number: ' 05- nq/tu ' }),
        /duplicate number 05-NQ\/TU for Tỉnh ủy Thử nghiệm/,
      );
      await refused(person.cv, 'patch', `/resolutions/${ids.c}`, { number: '05-ĐA/TU' }, /duplicate number 05-ĐA\/TU/);
      // The same number from another body is another document.
      const commune = await create(
        person.xaBt,
        entry({ number: '05-NQ/TU', issuingUnitId: unit.xa, signedOn: '2024-01-05' }),
      );
      expect(commune).not.toBe(ids.a);
      await stack.dataSource.query('DELETE FROM resolution WHERE id = $1', [commune]);
    });

    it("a resolution of a unit outside the caller's province, or of no unit (even for a system admin)", async () => {
      await refused(
        person.cv,
        'post',
        '/resolutions',
        entry({ number: '12-NQ/TU', issuingUnitId: unit.other }),
        /issuing unit \S+ is not a unit of your province \(Tỉnh ủy Thử nghiệm\)/,
      );
      for (const who of [person.cv, person.sys])
        await refused(
          who,
          'post',
          '/resolutions',
          entry({ number: '12-NQ/TU', issuingUnitId: 'khong-co-don-vi' }),
          /unknown issuing unit khong-co-don-vi/,
        );
    });

    it('no or two issuing bodies, a bad number, a date in the future', async () => {
      await refused(
        person.cv,
        'post',
        '/resolutions',
        entry({ number: '13-NQ/TU', externalBody: 'POLITBURO' }),
        /exactly one issuing body/,
      );
      await refused(person.cv, 'post', '/resolutions', entry({ number: 'NQ/TU' }), /not a document number/);
      await refused(
        person.cv,
        'post',
        '/resolutions',
        entry({ number: '13-NQ/TU', signedOn: '2999-01-01' }),
        /in the future/,
      );
      await refused(
        person.cv,
        'post',
        '/resolutions',
        entry({ number: '13-NQ/TU', memberInChargeId: person.otherCv }),
        /outside/,
      );
    });

    it("a programme naming an unknown entry, another province's, or one issued below it", async () => {
      const programme = (resolutionId: string) => ({
        id: `${P}-bad-${randomUUID().slice(0, 6)}`,
        templateId: 'drill',
        title: 'Chương trình hành động thực hiện nghị quyết',
        issuingUnitId: unit.tu,
        memberInChargeId: person.tv,
        fieldGroup: 'economy',
        term: '2020-2025',
        resolutionId,
      });
      for (const [resolutionId, message] of [
        ['khong-co', /unknown resolution khong-co/],
        [ids.other, /unknown resolution/],
        [ids.f, /not Tỉnh ủy Thử nghiệm or a committee above it/],
      ] as const) {
        const body = programme(resolutionId);
        const res = await post(person.cv, '/programmes', body);
        expect([res.status, String(res.body.message)]).toEqual([400, expect.stringMatching(message)]);
        expect((await get(person.cv, `/programmes/${body.id}`)).status).toBe(404);
      }
      const mismatch = await post(person.cv, '/programmes', { ...programme(ids.b), implementsResolution: '99-NQ/TU' });
      expect([mismatch.status, mismatch.body.message]).toEqual([
        400,
        expect.stringMatching(/taken from the registry entry \(05-ĐA\/TU\)/),
      ]);
    });
  });

  describe('programmes implement a registry entry', () => {
    it('links a new programme to the entry and derives its text', async () => {
      const res = await post(person.cv, '/programmes', {
        id: prog.http,
        templateId: 'drill',
        title: 'Chương trình hành động thực hiện Đề án 05-ĐA/TU',
        issuingUnitId: unit.tu,
        memberInChargeId: person.tv,
        fieldGroup: 'party-building',
        term: '2020-2025',
        resolutionId: ids.b,
      });
      expect(res.status).toBe(201);
      const read = await eventually(async () => {
        const p = await get(person.cv, `/programmes/${prog.http}`);
        return p.status === 200 ? p.body.programme : undefined;
      }, 'the read-model row');
      expect(read).toMatchObject({ resolutionId: ids.b, implementsResolution: '05-ĐA/TU' });
      const listed = await get(person.cv, `/resolutions/${ids.b}`);
      expect(listed.body.programmes.map((p: { id: string }) => p.id)).toEqual([prog.http]);
    });
  });

  describe('lineage', () => {
    it('runs from a central entry down to commune programmes, with plans, tasks, targets and figures', async () => {
      await eventually(
        async () => (await get(person.cv, `/programmes/${prog.http}`)).status === 200,
        'the programme row',
      );
      const res = await get(person.cv, `/resolutions/${ids.tw}/lineage`);
      expect(res.status).toBe(200);
      expect(res.body.entries.map((e: { number: string; depth: number }) => [e.number, e.depth])).toEqual([
        [TW, 0],
        ['05-NQ/TU', 1],
        ['05-ĐA/TU', 2],
        ['02-NQ/ĐU', 2],
      ]);
      expect([res.body.programmesTotal, res.body.programmesWithheld]).toEqual([4, 1]);
      const byId = Object.fromEntries(res.body.programmes.map((p: { id: string }) => [p.id, p]));
      expect(byId[prog.p3]).toMatchObject({ title: null, restricted: true, tasks: [], targets: [] });
      expect(byId[prog.p2]).toMatchObject({ resolutionId: ids.f, issuingUnitId: unit.xa });
      expect(byId[prog.p1].annualPlans).toEqual([
        { year: 2023, title: 'Kế hoạch năm 2023', items: ['Đào tạo cán bộ trẻ'], taskCodes: ['K1'] },
      ]);
      expect(byId[prog.p1].figures).toEqual({
        annualPlans: 1,
        tasks: 3,
        tasksDone: 2,
        tasksOverdue: 1,
        targets: 2,
        targetsAchieved: 1,
        progressPercent: 67,
      });
      expect(res.body.figures).toEqual({ ...byId[prog.p1].figures });
    });

    it("shows another province the central entry and nothing of this one's", async () => {
      const res = await get(person.otherCv, `/resolutions/${ids.tw}/lineage`);
      expect(res.status).toBe(200);
      expect(res.body.entries.map((e: { id: string }) => e.id)).toEqual([ids.tw]);
      expect(res.body.programmesTotal).toBe(0);
      expect((await get(person.otherCv, `/resolutions/${ids.a}/lineage`)).status).toBe(404);
    });
  });

  describe('counting over the 2020-2025 term', () => {
    const counts = (who: string, query: string) =>
      get(who, `/supervision/counts?term=2020-2025&committeeId=${unit.tu}&${query}`);
    const compact = (rows: Array<{ key: string | null; resolutions: number; programmes: number }>) =>
      rows.map((r) => [r.key, r.resolutions, r.programmes]);

    it('by year, with kinds apart (exact numbers)', async () => {
      const res = await counts(person.cv, 'by=year');
      expect(res.status).toBe(200);
      expect(compact(res.body.rows)).toEqual([
        ['2020', 0, 0],
        ['2021', 2, 0],
        ['2022', 3, 2],
        ['2023', 1, 1],
        ['2024', 0, 0],
        ['2025', 0, 0],
      ]);
      expect(res.body.rows[2].resolutionsByKind).toMatchObject({ RESOLUTION: 2, PROJECT: 1, DIRECTIVE: 0 });
      expect(res.body.total).toMatchObject({
        resolutions: 6,
        programmes: 3,
        resolutionsByKind: { RESOLUTION: 3, PROJECT: 2, DIRECTIVE: 1, CONCLUSION: 0 },
      });
    });

    it('by member in charge, level and field group', async () => {
      const members = await counts(person.cv, 'by=memberInCharge');
      expect(
        members.body.rows.map(
          (r: { key: string | null; label: string | null; resolutions: number; programmes: number }) => [
            r.key,
            r.label,
            r.resolutions,
            r.programmes,
          ],
        ),
      ).toEqual([
        [person.tv, 'Lê Văn Tâm', 2, 2],
        [person.tv2, 'Phạm Thị Hoa', 2, 0],
        [person.xaBt, 'Trần Văn Xã', 1, 1],
        [null, null, 1, 0],
      ]);
      const levels = await counts(person.cv, 'by=level');
      expect(compact(levels.body.rows)).toEqual([
        ['CENTRAL', 0, 0],
        ['PROVINCIAL', 5, 2],
        ['COMMUNE', 1, 1],
      ]);
      expect(levels.body.rows[1].label).toBe('Cấp tỉnh');
      const fields = await counts(person.cv, 'by=fieldGroup');
      expect(compact(fields.body.rows)).toEqual([
        ['agriculture', 1, 0],
        ['economy', 1, 1],
        ['human-resources', 2, 2],
        ['party-building', 2, 0],
      ]);
      const kinds = await counts(person.cv, 'by=kind');
      expect(compact(kinds.body.rows)).toEqual([
        ['RESOLUTION', 3, 3],
        ['DIRECTIVE', 1, 0],
        ['CONCLUSION', 0, 0],
        ['DECISION', 0, 0],
        ['REGULATION', 0, 0],
        ['PLAN', 0, 0],
        ['PROJECT', 2, 0],
      ]);
      // The commune alone.
      const commune = await get(person.xaBt, '/supervision/counts?term=2020-2025&by=year');
      expect([commune.body.committeeId, commune.body.total.resolutions, commune.body.total.programmes]).toEqual([
        unit.xa,
        1,
        1,
      ]);
    });

    it('drills down to the list behind a number, restricted programmes untitled', async () => {
      const items = (query: string) =>
        get(person.cv, `/supervision/counts/items?term=2020-2025&committeeId=${unit.tu}&${query}`);
      const y2022 = await items('subject=resolutions&year=2022');
      expect(y2022.status).toBe(200);
      expect(y2022.body.items.map((i: { id: string }) => i.id).sort()).toEqual([ids.a, ids.b, ids.f].sort());
      expect((await items(`subject=resolutions&memberInChargeId=${person.tv}`)).body.total).toBe(2);
      expect(
        (await items('subject=resolutions&noMemberInCharge=true')).body.items.map((i: { id: string }) => i.id),
      ).toEqual([ids.e]);
      const programmes = await items('subject=programmes&year=2022');
      expect(
        programmes.body.items.map((i: { id: string; title: string | null; restricted: boolean }) => [
          i.id,
          i.restricted,
          i.title === null,
        ]),
      ).toEqual([
        [prog.p1, false, false],
        [prog.p3, true, true],
      ]);
      expect((await items('subject=programmes&year=2019')).body.message).toEqual(
        'year 2019 lies outside the term 2020-2025',
      );
    });

    it('exports the counts and the drill-down as CSV', async () => {
      const csv = await counts(person.cv, 'by=year&format=csv');
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      const lines = csv.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe(
        'key,label,resolutions,RESOLUTION,DIRECTIVE,CONCLUSION,DECISION,REGULATION,PLAN,PROJECT,programmes',
      );
      expect(lines.slice(1)).toEqual([
        '2020,,0,0,0,0,0,0,0,0,0',
        '2021,,2,1,1,0,0,0,0,0,0',
        '2022,,3,2,0,0,0,0,0,1,2',
        '2023,,1,0,0,0,0,0,0,1,1',
        '2024,,0,0,0,0,0,0,0,0,0',
        '2025,,0,0,0,0,0,0,0,0,0',
        'total,,6,3,1,0,0,0,0,2,3',
      ]);
      const items = await get(
        person.cv,
        `/supervision/counts/items?term=2020-2025&committeeId=${unit.tu}&subject=resolutions&year=2021&format=csv`,
      );
      expect(items.headers['x-total-count']).toBe('2');
      expect(items.text).toContain('10-NQ/TU');
    });

    it('refuses bad terms and callers who supervise nothing or another province', async () => {
      expect((await counts(person.cv, 'by=year&term=2025-2020')).status).toBe(400);
      const reversed = await get(person.cv, `/supervision/counts?term=2025-2020&committeeId=${unit.tu}`);
      expect(reversed.body.message).toBe('term 2025-2020 ends before it starts');
      expect((await counts(person.vt, 'by=year')).status).toBe(403);
      expect((await counts(person.otherCv, 'by=year')).status).toBe(403);
    });
  });

  describe('demo data', () => {
    it("seeds the central documents and the provinces' thematic entries once, linked by lineage", async () => {
      // Other files of the run (the demo cascade, the console) may have seeded them already: either way
      // every demo entry is there afterwards, once, and seeding again adds nothing.
      const ids = DEMO_RESOLUTIONS.map((r) => r.id);
      const stored = async () =>
        (await stack.dataSource.query(`SELECT count(*)::int AS n FROM resolution WHERE id = ANY($1)`, [ids]))[0].n;
      const before = await stored();
      expect(await seedResolutions(stack.dataSource)).toBe(DEMO_RESOLUTIONS.length - before);
      expect(await stored()).toBe(DEMO_RESOLUTIONS.length);
      expect(await seedResolutions(stack.dataSource)).toBe(0);
      const kl = await get(person.cv, '/resolutions/tw-kl-01-2021');
      expect(kl.body.implements.map((r: { number: string }) => r.number)).toEqual(['05-CT/TW']);
      const hg = await stack.dataSource.query(
        `SELECT number FROM resolution WHERE issuing_unit_id = 'hg-tu' AND implements_id = 'hg-nq-05-2022' ORDER BY signed_on`,
      );
      expect(hg.map((r: { number: string }) => r.number)).toEqual(['05-ĐA/TU', '06-ĐA/TU']);
    });
  });

  describe('the province boundary', () => {
    it("hides one province's entries from another and refuses its writes", async () => {
      expect((await get(person.otherCv, `/resolutions/${ids.a}`)).status).toBe(404);
      const list = await get(person.otherCv, '/resolutions?pageSize=100&year=2022');
      const seen = list.body.items.map((r: { id: string }) => r.id);
      expect(seen).toContain(ids.tw);
      expect(seen).not.toContain(ids.a);
      const before = await row(ids.a);
      expect((await patch(person.otherCv, `/resolutions/${ids.a}`, { title: 'Sửa trái phép' })).status).toBe(404);
      expect((await post(person.otherCv, `/resolutions/${ids.a}/status`, { status: 'EXPIRED' })).status).toBe(404);
      expect(await row(ids.a)).toEqual(before);
    });

    it('lets the commune read the province above but not write it; staff write nothing', async () => {
      expect((await get(person.xaBt, `/resolutions/${ids.a}`)).status).toBe(200);
      expect((await patch(person.xaBt, `/resolutions/${ids.a}`, { title: 'Sửa của cấp dưới' })).status).toBe(403);
      expect((await post(person.vt, '/resolutions', entry({ number: '20-NQ/TU' }))).status).toBe(403);
    });
  });

  async function seedProvince(s: TestStack): Promise<void> {
    const hash = await hashPassword(DEMO_PASSWORD);
    const units: Array<[string, string, OrgUnitKind, string | null]> = [
      [unit.tu, 'Tỉnh ủy Thử nghiệm', OrgUnitKind.PROVINCIAL_COMMITTEE, null],
      [unit.btv, 'Ban Thường vụ Tỉnh ủy Thử nghiệm', OrgUnitKind.STANDING_COMMITTEE, unit.tu],
      [unit.xa, 'Đảng ủy xã Thử nghiệm', OrgUnitKind.DISTRICT_COMMITTEE, unit.tu],
      [unit.other, 'Tỉnh ủy Láng giềng', OrgUnitKind.PROVINCIAL_COMMITTEE, null],
    ];
    const people: Array<[string, string, string, Role[]]> = [
      [person.cv, 'Nguyễn Văn Tham', unit.tu, [Role.ADVISORY_STAFF, Role.STAFF]],
      [person.bt, 'Đoàn Văn Bí', unit.tu, [Role.HEAD, Role.STANDING_COMMITTEE]],
      [person.tv, 'Lê Văn Tâm', unit.btv, [Role.STANDING_COMMITTEE, Role.KEY_CADRE]],
      [person.tv2, 'Phạm Thị Hoa', unit.btv, [Role.STANDING_COMMITTEE, Role.KEY_CADRE]],
      [person.vt, 'Trương Thị Văn', unit.tu, [Role.STAFF]],
      [person.xaBt, 'Trần Văn Xã', unit.xa, [Role.HEAD, Role.STANDING_COMMITTEE]],
      [person.sys, 'Quản trị toàn hệ thống', unit.tu, [Role.SYSTEM_ADMIN]],
      [person.otherCv, 'Hà Văn Láng', unit.other, [Role.ADVISORY_STAFF, Role.STAFF]],
    ];
    await s.dataSource.transaction(async (tx) => {
      for (const [id, name, kind, parentId] of units)
        await tx.query('INSERT INTO org_unit (id, name, kind, parent_id) VALUES ($1,$2,$3,$4)', [
          id,
          name,
          kind,
          parentId,
        ]);
      for (const [id, fullName, unitId, roles] of people)
        await tx.query(
          'INSERT INTO person (id, username, full_name, password_hash, unit_id, roles) VALUES ($1,$2,$3,$4,$5,$6)',
          [id, user(id), fullName, hash, unitId, roles],
        );
    });
  }

  /** Read-model programmes as the worker would have projected them (their workflows are not what is tested here). */
  async function seedProgrammes(s: TestStack): Promise<void> {
    const programmes: Array<[string, string, string, string, string, string]> = [
      // id, issuing unit, member in charge, field group, issued on, registry entry
      [prog.p1, unit.tu, person.tv, 'human-resources', '2022-07-15', ids.a],
      [prog.p2, unit.xa, person.xaBt, 'human-resources', '2023-01-10', ids.f],
      [prog.p3, unit.tu, person.tv, 'economy', '2022-08-01', ids.a],
    ];
    const snapshot = {
      implementation: {
        annualPlans: [
          { year: 2023, title: 'Kế hoạch năm 2023', items: ['Đào tạo cán bộ trẻ'], tasks: [{ code: 'K1' }] },
        ],
      },
    };
    await s.dataSource.transaction(async (tx) => {
      for (const [id, unitId, member, field, issuedOn, resolutionId] of programmes)
        await tx.query(
          `INSERT INTO programme (id, title, document_number, issued_on, template_id, template_version, phase, issuing_unit_id,
             member_in_charge_id, field_group, term, implements_resolution, resolution_id, workflow_id, snapshot, created_by)
           VALUES ($1, $2, $3, $4, 'action-programme', 1, 'IMPLEMENTATION', $5, $6, $7, '2020-2025', NULL, $8, $9, $10, $11)`,
          [
            id,
            `Chương trình ${id}`,
            `${id}-CTr`,
            issuedOn,
            unitId,
            member,
            field,
            resolutionId,
            `programme/${id}`,
            JSON.stringify(id === prog.p1 ? snapshot : {}),
            person.cv,
          ],
        );
      await tx.query(`INSERT INTO restricted_programme (programme_id, restricted_by) VALUES ($1, $2)`, [
        prog.p3,
        person.bt,
      ]);
      const tasks: Array<[string, string, string, string | null]> = [
        // code, status, due, done
        ['K1', 'DONE', '2023-03-01T10:00:00Z', '2023-02-20T10:00:00Z'],
        ['K2', 'DONE', '2023-03-01T10:00:00Z', '2023-04-01T10:00:00Z'],
        ['K3', 'IN_PROGRESS', '2023-06-01T10:00:00Z', null],
        ['K4', 'CANCELLED', '2023-06-01T10:00:00Z', null],
      ];
      for (const [code, status, dueAt, doneAt] of tasks)
        await tx.query(
          `INSERT INTO task (id, workflow_id, source, programme_id, code, title, responsible_unit_id, responsible_person_id, assigner_id,
             member_in_charge_id, field_group, issuing_unit_id, is_breakthrough, status, due_at, original_due_at, done_at, progress_percent)
           VALUES ($1, $2, 'PROGRAMME', $3, $4, $5, $6, $7, $8, $7, 'human-resources', $6, false, $9, $10, $10, $11, 0)`,
          [
            `${prog.p1}/${code}`,
            `task/${prog.p1}/${code}`,
            prog.p1,
            code,
            `Nhiệm vụ ${code}`,
            unit.tu,
            person.tv,
            person.cv,
            status,
            dueAt,
            doneAt,
          ],
        );
      for (const [code, achievement] of [
        ['CT1', 'ACHIEVED'],
        ['CT2', 'NOT_ACHIEVED'],
      ]) {
        await tx.query(
          `INSERT INTO programme_target (programme_id, code, name, unit, goal, responsible_unit_id) VALUES ($1, $2, $3, '%', $4, $5)`,
          [prog.p1, code, `Chỉ tiêu ${code}`, JSON.stringify({ comparator: 'AT_LEAST', goal: '80' }), unit.tu],
        );
        await tx.query(
          `INSERT INTO target_value (programme_id, target_code, review_seq, period_label, value, reported_by_unit_id, achievement)
           VALUES ($1, $2, 1, '2023', '70', $3, $4)`,
          [prog.p1, code, unit.tu, achievement],
        );
      }
    });
  }
});
