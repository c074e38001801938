import { FX, LOW_TARGETS, seedSupervisionFixtures } from './utils/supervision-fixtures';
import { startTestStack, TestStack } from './utils/test-stack';

/**
 * Supervision queries over a read model seeded with known answers (see supervision-fixtures.ts), through
 * the real API app and Postgres: the figures, the scoping by unit and role, CSV exports and bad input.
 */
describe('supervision queries (e2e)', () => {
  let api: TestStack;

  beforeAll(async () => {
    api = await startTestStack();
    await seedSupervisionFixtures(api.dataSource);
  });

  afterAll(async () => {
    await api?.close();
  });

  const get = async (username: string, url: string) =>
    api
      .http()
      .get(url)
      .set('Authorization', `Bearer ${await api.login(username)}`);
  const buckets = (DONE_ON_TIME: number, DONE_LATE: number, OPEN_WITHIN_DEADLINE: number, OPEN_OVERDUE: number) => ({
    DONE_ON_TIME,
    DONE_LATE,
    OPEN_WITHIN_DEADLINE,
    OPEN_OVERDUE,
    total: DONE_ON_TIME + DONE_LATE + OPEN_WITHIN_DEADLINE + OPEN_OVERDUE,
  });
  const pick = (rows: Array<Record<string, unknown>>) =>
    Object.fromEntries(rows.map(({ key, label: _, ...rest }) => [key, rest]));

  describe('overview', () => {
    it('gives a provincial supervisor phases, the four buckets by unit, member and field, the overdue trend and 25/30 with the 5 low targets', async () => {
      const res = await get('fx.pbt', `/supervision/overview?term=${FX.term}`);
      expect(res.status).toBe(200);
      const o = res.body;
      expect(o.committee).toEqual({ id: 'fx-tu', name: 'Tỉnh ủy Hậu Giang' });
      expect(o.programmesByPhase).toEqual([
        { phase: 'IMPLEMENTATION', count: 2 },
        { phase: 'DISSEMINATION', count: 1 },
      ]);
      expect(o.tasks.total).toEqual(buckets(8, 3, 5, 6));
      expect(pick(o.tasks.byUnit)).toEqual({
        'fx-skhdt': buckets(4, 1, 3, 1),
        'fx-stc': buckets(2, 2, 1, 3),
        'fx-vithanh': buckets(2, 0, 1, 2),
      });
      expect(o.tasks.byUnit.map((r: { label: string }) => r.label)).toEqual([
        'Sở Kế hoạch và Đầu tư',
        'Sở Tài chính',
        'Thành ủy Vị Thanh',
      ]);
      expect(pick(o.tasks.byMemberInCharge)).toEqual({
        'fx-pbt': buckets(7, 3, 4, 5),
        'fx-vithanh-bt': buckets(1, 0, 0, 1),
        'fx-tv': buckets(0, 0, 1, 0),
      });
      expect(pick(o.tasks.byFieldGroup)).toEqual({
        economy: buckets(7, 3, 4, 5),
        society: buckets(1, 0, 0, 1),
        'party-building': buckets(0, 0, 1, 0),
      });
      expect(o.tasks.overdueTrend).toEqual([
        { month: '2021-06', due: 11, late: 3 },
        { month: '2021-09', due: 6, late: 6 },
      ]);
      expect(o.achievement.total).toBe(1);
      const [review] = o.achievement.items;
      expect(review).toMatchObject({
        programmeId: FX.programme123,
        periodLabel: '2021',
        reviewKind: 'YEARLY',
        achievedOrExceeded: 25,
        targetsTotal: 30,
      });
      expect(review.low.map((l: { code: string }) => l.code)).toEqual(['T26', 'T27', 'T28', 'T29', 'T30']);
      expect(review.low.map((l: { name: string }) => l.name)).toEqual(LOW_TARGETS);
      expect(review.low[0]).toMatchObject({ value: '80', achievement: 'NOT_ACHIEVED' });
      expect(review.low[4]).toMatchObject({ value: null, achievement: 'NO_DATA' });
    });

    it('scopes a district supervisor to the district: its own programme and the tasks issued by or assigned to it', async () => {
      const res = await get('fx.bithu.vithanh', '/supervision/overview');
      expect(res.status).toBe(200);
      expect(res.body.committee.id).toBe('fx-vithanh');
      expect(res.body.programmesByPhase).toEqual([{ phase: 'IMPLEMENTATION', count: 1 }]);
      expect(res.body.tasks.total).toEqual(buckets(2, 0, 1, 2));
      expect(res.body.tasks.byUnit.map((r: { key: string }) => r.key)).toEqual(['fx-vithanh']);
      expect(res.body.achievement.total).toBe(0);
    });

    it('lets a supervisor of one district see nothing of another province or district', async () => {
      const tuky = await get('fx.bithu.tuky', '/supervision/overview');
      expect(tuky.status).toBe(200);
      expect(tuky.body.programmesByPhase).toEqual([{ phase: 'CLOSED', count: 1 }]);
      expect(tuky.body.achievement.items.map((a: { programmeId: string }) => a.programmeId)).toEqual([
        FX.programmeTuKy,
      ]);
      expect(tuky.body.tasks.total).toEqual(buckets(2, 0, 0, 1));
      expect(tuky.body.tasks.byUnit.map((r: { key: string }) => r.key)).toEqual(['fx-tuky']);
      const foreign = await get('fx.bithu.tuky', '/supervision/overview?committeeId=fx-tu');
      expect(foreign.status).toBe(403);
      expect(foreign.body.message).toMatch(/outside what you supervise/);
      const sibling = await get('fx.bithu.vithanh', '/supervision/overview?committeeId=fx-tu');
      expect(sibling.status).toBe(403);
      const laoCai = await get('fx.bithu.lc', '/supervision/overview');
      expect(laoCai.body.programmesByPhase).toEqual([{ phase: 'SURVEY', count: 1 }]);
      expect(laoCai.body.tasks.total).toEqual(buckets(0, 0, 0, 2));
    });

    it('narrows a provincial overview to one district on request', async () => {
      const res = await get('fx.pbt', '/supervision/overview?committeeId=fx-vithanh');
      expect(res.status).toBe(200);
      expect(res.body.tasks.total).toEqual(buckets(2, 0, 1, 2));
    });

    it('shows staff only their own tasks and refuses them a committee', async () => {
      const own = await get('fx.cv.skhdt', '/supervision/overview');
      expect(own.status).toBe(200);
      expect(own.body.committee).toBeNull();
      expect(own.body.tasks.total).toEqual(buckets(0, 0, 1, 1));
      expect(own.body.programmesByPhase).toEqual([{ phase: 'IMPLEMENTATION', count: 1 }]);
      const committee = await get('fx.cv.skhdt', '/supervision/overview?committeeId=fx-tu');
      expect(committee.status).toBe(403);
    });

    it('gives a department head the tasks assigned to the department', async () => {
      const res = await get('fx.gd.stc', '/supervision/overview');
      expect(res.body.tasks.total).toEqual(buckets(2, 2, 1, 3));
      expect(res.body.programmesByPhase).toEqual([]);
    });

    it('exports each list as CSV with a BOM, a header and quoted cells', async () => {
      const res = await get('fx.pbt', `/supervision/overview?term=${FX.term}&format=csv&list=byUnit`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="overview-byUnit.csv"; filename*=UTF-8''overview-byUnit.csv`,
      );
      expect(res.text.charCodeAt(0)).toBe(0xfeff);
      const lines = res.text.slice(1).trimEnd().split('\r\n');
      expect(lines[0]).toBe('unitId,name,DONE_ON_TIME,DONE_LATE,OPEN_WITHIN_DEADLINE,OPEN_OVERDUE,total');
      expect(lines[1]).toBe('fx-skhdt,Sở Kế hoạch và Đầu tư,4,1,3,1,9');
      const achievement = await get('fx.pbt', '/supervision/overview?format=csv&list=achievement');
      const row = achievement.text.slice(1).trimEnd().split('\r\n')[1];
      expect(row).toContain(',25,30,');
      expect(row).toContain('"'); // the title holds a comma, so it is quoted
      expect(row).toContain('T27 Kim ngạch xuất khẩu');
      const phases = await get('fx.pbt', '/supervision/overview?format=csv&list=phases');
      expect(phases.text.slice(1)).toBe('phase,count\r\nIMPLEMENTATION,2\r\nDISSEMINATION,1\r\n');
    });

    it('refuses bad input with 400 and a reason', async () => {
      for (const [url, reason] of [
        ['/supervision/overview?term=2020', /term must look like 2020-2025/],
        ['/supervision/overview?pageSize=0', /pageSize must not be less than 1/],
        ['/supervision/overview?format=xml', /format must be one of/],
        ['/supervision/overview?colour=red', /colour should not exist/],
        ['/supervision/overview?format=csv', /format=csv needs list=/],
      ] as const) {
        const res = await get('fx.pbt', url);
        expect(res.status).toBe(400);
        expect(JSON.stringify(res.body.message)).toMatch(reason);
      }
      const unknown = await get('fx.pbt', '/supervision/overview?committeeId=no-such-unit');
      expect(unknown.status).toBe(404);
      const anonymous = await api.http().get('/supervision/overview');
      expect(anonymous.status).toBe(401);
    });
  });

  it('documents the queries in OpenAPI and serves the console at / beside the API', async () => {
    const doc = await api.http().get('/docs/openapi.json');
    expect(doc.status).toBe(200);
    const overview = doc.body.paths['/supervision/overview'].get;
    expect(overview.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['committeeId', 'term', 'page', 'pageSize', 'format', 'list']),
    );
    for (const path of [
      '/supervision/programmes',
      '/supervision/lineage',
      '/supervision/programmes/{id}/timeline',
      '/supervision/responsiveness',
      '/programmes/{id}/reports',
      '/programmes/{id}/reports/{reportId}',
    ])
      expect(doc.body.paths[path]).toBeDefined();
    const index = await api.http().get('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toMatch(/text\/html/);
    expect(index.text).toContain('<div id="root">');
    expect((await api.http().get('/health')).status).toBe(200);
  });

  it('lists the units a supervisor may choose, their committee first, and none for staff', async () => {
    const district = await get('fx.bithu.vithanh', '/supervision/units');
    expect(district.body).toEqual([
      { id: 'fx-vithanh', name: 'Thành ủy Vị Thanh', kind: 'DISTRICT_COMMITTEE', parentId: 'fx-tu' },
    ]);
    const province = await get('fx.pbt', '/supervision/units');
    expect(province.body.map((u: { id: string }) => u.id)).toEqual([
      'fx-tu',
      'fx-bcsd',
      'fx-btv',
      'fx-skhdt',
      'fx-stc',
      'fx-vithanh',
      'fx-ubkt',
    ]);
    expect((await get('fx.cv.skhdt', '/supervision/units')).body).toEqual([]);
  });

  describe('programmes', () => {
    it('lists the programmes in scope for drill-down, filtered by phase, and as CSV', async () => {
      const all = await get('fx.pbt', `/supervision/programmes?term=${FX.term}`);
      expect(all.status).toBe(200);
      expect(all.body.items.map((p: { id: string }) => p.id).sort()).toEqual(
        [FX.programme05, FX.programme123, FX.programmeViThanh].sort(),
      );
      const implementing = await get('fx.pbt', '/supervision/programmes?phase=IMPLEMENTATION&pageSize=1');
      expect(implementing.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
      expect(implementing.body.items).toHaveLength(1);
      const district = await get('fx.bithu.vithanh', '/supervision/programmes');
      expect(district.body.items.map((p: { id: string }) => p.id)).toEqual([FX.programmeViThanh]);
      expect((await get('fx.pbt', '/supervision/programmes?phase=NOPE')).status).toBe(400);
      const csv = await get('fx.bithu.lc', '/supervision/programmes?format=csv');
      expect(csv.text.slice(1).trimEnd().split('\r\n')).toEqual([
        'id,title,documentNumber,phase,phaseDeadline,term,implementsResolution,latestReviewHeadline',
        `${FX.programmeLaoCai},Chương trình hành động thực hiện Nghị quyết 10-NQ/TU về nông nghiệp hàng hóa,,SURVEY,,2020-2025,10-NQ/TU,`,
      ]);
    });
  });

  describe('lineage', () => {
    it('goes down from a resolution to programmes, annual plans, tasks and targets', async () => {
      const res = await get('fx.pbt', `/supervision/lineage?resolution=${encodeURIComponent(FX.resolution)}`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(2);
      const ids = res.body.programmes.map((p: { id: string }) => p.id);
      expect(ids).toEqual([FX.programme123, FX.programmeViThanh].sort());
      const p123 = res.body.programmes.find((p: { id: string }) => p.id === FX.programme123);
      expect(p123.annualPlans).toEqual([
        {
          year: 2021,
          title: 'Kế hoạch thực hiện năm 2021',
          items: ['Cải thiện chỉ số PCI', 'Đẩy nhanh giải ngân vốn đầu tư công'],
          taskCodes: ['K21-1'],
        },
      ]);
      expect(p123.tasks).toHaveLength(20);
      expect(p123.tasks.filter((t: { bucket: string | null }) => t.bucket === null)).toHaveLength(1); // the cancelled one
      expect(p123.tasks.find((t: { code: string }) => t.code === 'K21-1').annualPlanYear).toBe(2021);
      expect(p123.targets).toHaveLength(30);
      expect(p123.targets[26]).toMatchObject({
        code: 'T27',
        name: 'Kim ngạch xuất khẩu',
        values: [{ reviewSeq: 1, periodLabel: '2021', value: '80', achievement: 'NOT_ACHIEVED' }],
      });
    });

    it('only shows the programmes in scope', async () => {
      const res = await get('fx.bithu.vithanh', `/supervision/lineage?resolution=${encodeURIComponent(FX.resolution)}`);
      expect(res.body.programmes.map((p: { id: string }) => p.id)).toEqual([FX.programmeViThanh]);
      const none = await get('fx.bithu.tuky', `/supervision/lineage?resolution=${encodeURIComponent(FX.resolution)}`);
      expect(none.body).toMatchObject({ total: 0, programmes: [] });
    });

    it('goes up from a task to its annual plan, programme and resolution', async () => {
      const [{ id }] = await api.dataSource.query(`SELECT id FROM task WHERE code = 'K21-1' AND programme_id = $1`, [
        FX.programme123,
      ]);
      const res = await get('fx.gd.skhdt', `/supervision/lineage?taskId=${encodeURIComponent(id)}`);
      expect(res.status).toBe(200);
      expect(res.body.resolution).toBe(FX.resolution);
      expect(res.body.anchor).toEqual({ kind: 'TASK', id });
      expect(res.body.task).toMatchObject({ id, annualPlanYear: 2021, bucket: 'OPEN_WITHIN_DEADLINE' });
      expect(res.body.programmes[0]).toMatchObject({ id: FX.programme123, documentNumber: '123-CTr/TU' });
      expect(res.body.programmes[0].annualPlans.map((a: { year: number }) => a.year)).toEqual([2021]);
      const foreign = await get('fx.bithu.lc', `/supervision/lineage?taskId=${encodeURIComponent(id)}`);
      expect(foreign.status).toBe(404);
    });

    it('goes up from a target to its programme and resolution', async () => {
      const res = await get('fx.pbt', `/supervision/lineage?programmeId=${FX.programme123}&targetCode=T27`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        resolution: FX.resolution,
        anchor: { kind: 'TARGET', id: `${FX.programme123}/T27` },
      });
      expect(res.body.programmes[0].targets).toHaveLength(1);
      expect(res.body.programmes[0].targets[0].name).toBe('Kim ngạch xuất khẩu');
      const missing = await get('fx.pbt', `/supervision/lineage?programmeId=${FX.programme123}&targetCode=T99`);
      expect(missing.status).toBe(404);
    });

    it('needs exactly one starting point', async () => {
      expect((await get('fx.pbt', '/supervision/lineage')).status).toBe(400);
      expect((await get('fx.pbt', `/supervision/lineage?resolution=x&taskId=y`)).status).toBe(400);
      expect((await get('fx.pbt', `/supervision/lineage?targetCode=T01`)).status).toBe(400);
    });

    it('exports tasks and targets as CSV', async () => {
      const res = await get('fx.pbt', `/supervision/lineage?programmeId=${FX.programme123}&format=csv`);
      const lines = res.text.slice(1).trimEnd().split('\r\n');
      expect(lines[0]).toBe('resolution,programmeId,annualPlanYear,kind,code,title,state');
      expect(lines).toHaveLength(1 + 20 + 30);
      expect(lines).toContain(`13-NQ/TW,${FX.programme123},,TARGET,T30,Số doanh nghiệp thành lập mới,NO_DATA`);
    });
  });

  describe('timeline', () => {
    it('lists phases, reminders, escalations, the inspection and the review in time order', async () => {
      const res = await get('fx.pbt', `/supervision/programmes/${FX.programme123}/timeline`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(12);
      expect(
        res.body.items.map(
          (e: { at: string; kind: string; title: string }) => `${e.at.slice(0, 10)} ${e.kind} ${e.title}`,
        ),
      ).toEqual([
        '2021-01-04 PHASE SURVEY',
        '2021-01-12 PHASE DRAFTING',
        '2021-01-12 REMINDER Sắp đến hạn khảo sát',
        '2021-01-15 PHASE CONSULTATION',
        '2021-01-16 ESCALATION SURVEY',
        '2021-01-28 PHASE APPROVAL',
        '2021-02-01 PHASE ISSUED',
        '2021-02-10 PHASE DISSEMINATION',
        '2021-03-01 PHASE IMPLEMENTATION',
        '2021-09-15 INSPECTION Sở Kế hoạch và Đầu tư',
        '2021-12-01 REVIEW_OPENED YEARLY 2021',
        '2021-12-31 REVIEW_CLOSED YEARLY 2021',
      ]);
      const reminder = res.body.items.find((e: { kind: string }) => e.kind === 'REMINDER');
      expect(reminder.detail.recipientIds).toEqual(['fx-bithu', 'fx-pbt']);
      expect(res.body.items[0].detail.deadline).toBe('2021-01-14T10:00:00+00:00');
      const closed = res.body.items.at(-1);
      expect(closed.detail).toMatchObject({
        reviewKind: 'YEARLY',
        periodLabel: '2021',
        achievedOrExceeded: 25,
        targetsTotal: 30,
        lowTargetCodes: ['T26', 'T27', 'T28', 'T29', 'T30'],
      });
    });

    it("pages, exports CSV and hides other committees' programmes", async () => {
      const page2 = await get('fx.pbt', `/supervision/programmes/${FX.programme123}/timeline?page=2&pageSize=5`);
      expect(page2.body.items).toHaveLength(5);
      expect(page2.body.items[0].title).toBe('APPROVAL');
      const csv = await get('fx.pbt', `/supervision/programmes/${FX.programme123}/timeline?format=csv`);
      expect(csv.text.slice(1).trimEnd().split('\r\n')).toHaveLength(13);
      expect(csv.text).toContain('"{""by"":""fx-ubkt1""');
      const foreign = await get('fx.bithu.lc', `/supervision/programmes/${FX.programme123}/timeline`);
      expect(foreign.status).toBe(404);
    });
  });

  describe('responsiveness', () => {
    it('counts consultation answers, acknowledgements and progress reports per unit', async () => {
      const res = await get('fx.pbt', `/supervision/responsiveness?term=${FX.term}`);
      expect(res.status).toBe(200);
      const byUnit = Object.fromEntries(res.body.items.map((r: { key: string }) => [r.key, r]));
      expect(byUnit['fx-skhdt']).toMatchObject({
        label: 'Sở Kế hoạch và Đầu tư',
        consultation: { invited: 1, onTime: 1, late: 0, silent: 0, onTimeRate: 1 },
        dissemination: { audience: 2, acknowledged: 2, coverage: 1 },
        progressReports: { expected: 1, onTime: 1, late: 0, missing: 0, onTimeRate: 1 },
      });
      expect(byUnit['fx-stc']).toMatchObject({
        consultation: { late: 1, onTimeRate: 0 },
        dissemination: { audience: 1, acknowledged: 1 },
        progressReports: { late: 1 },
      });
      expect(byUnit['fx-vithanh']).toMatchObject({
        consultation: { silent: 1 },
        dissemination: { audience: 1, acknowledged: 0, coverage: 0 },
        progressReports: { missing: 1 },
      });
    });

    it('counts per person, and shows staff only their own row', async () => {
      const res = await get('fx.pbt', '/supervision/responsiveness?by=person');
      const byPerson = Object.fromEntries(res.body.items.map((r: { key: string }) => [r.key, r]));
      expect(byPerson['fx-stc-gd']).toMatchObject({
        label: 'Đặng Văn Lộc',
        consultation: { invited: 1, late: 1 },
        progressReports: { expected: 1, late: 1 },
      });
      expect(byPerson['fx-vithanh-bt'].consultation.silent).toBe(1);
      const own = await get('fx.cv.skhdt', '/supervision/responsiveness');
      expect(own.body.items).toHaveLength(1);
      expect(own.body.items[0]).toMatchObject({ key: 'fx-skhdt-cv', dissemination: { audience: 1, acknowledged: 1 } });
      const csv = await get('fx.pbt', '/supervision/responsiveness?format=csv');
      expect(csv.text.slice(1).split('\r\n')[0]).toMatch(/^id,name,consultationInvited,/);
      expect(csv.text).toContain('fx-vithanh,Thành ủy Vị Thanh,1,0,0,1,1,0,1,0,0,1');
    });
  });
});
