import { eventually } from './utils/test-stack';
import { resolutionProvince } from './utils/resolution-fixtures';

/**
 * Programmes that implement a resolution registry entry, the lineage from a central entry down to
 * commune programmes, and counting per year / kind / level / member over a term with drill-down and
 * CSV, over HTTP on the real stack. The test runs in a province of its own
 * (test/utils/resolution-fixtures.ts, where its entries and programmes are listed); it adds one
 * programme created over HTTP for B, not issued yet (never counted).
 */
describe('resolution lineage and counts (e2e)', () => {
  const province = resolutionProvince();
  const { unit, person, ids, prog, TW, get, post } = province;

  beforeAll(() => province.start(), 180_000);

  afterAll(async () => {
    await province.close();
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
});
