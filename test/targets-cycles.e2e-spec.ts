/**
 * Targets as the reports write them and breakthrough cycles as the report describes them, over HTTP
 * on the real stack (Temporal dev server, Postgres, Redis, the worker's projections):
 * - a programme (the `drill` template: reviews every few seconds) issued with a rank target ("top 3
 *   of the region"), a relative one ("0.5 above the national average") and one with an annual
 *   estimate; its first review judges them from the values and the reference reported, and the
 *   overview states the budget as a share of the year's estimate;
 * - the province's cycle with three content groups cascaded to the Vị Thanh city committee: both
 *   levels register (organisations and individuals), each level's Standing Committee appraises, and
 *   the roll-up counts organisations and individuals apart, per level and summed.
 */
import { randomUUID } from 'node:crypto';
import { Role } from '@app/domain';
import { hashPassword } from '../apps/api/src/auth/auth.service';
import { DEMO_PASSWORD } from '../apps/api/src/seed/demo-data';
import { asSeededPeople } from './utils/authorization-fixtures';
import { binary, docxParagraphs } from './utils/docx';
import { eventually, startTestStack, TestStack } from './utils/test-stack';

const u = randomUUID().slice(0, 6);

describe('targets as the reports write them, cycles cascading down the levels (e2e)', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
    // Under the Vị Thanh city committee: a grassroots organisation and a ward committee, each with a head.
    const hash = await hashPassword(DEMO_PASSWORD);
    for (const [id, name, kind] of [
      [`vt-cs-${u}`, 'Chi bộ khu vực 1', 'GRASSROOTS_ORGANISATION'],
      [`vt-p1-${u}`, 'Đảng ủy phường I', 'COMMUNE_COMMITTEE'],
    ])
      await stack.dataSource.query('INSERT INTO org_unit (id, name, kind, parent_id) VALUES ($1,$2,$3,$4)', [
        id,
        name,
        kind,
        'hg-vithanh',
      ]);
    for (const [id, unitId] of [
      [`vt-cs-bt-${u}`, `vt-cs-${u}`],
      [`vt-p1-bt-${u}`, `vt-p1-${u}`],
    ])
      await stack.dataSource.query(
        `INSERT INTO person (id, username, full_name, password_hash, unit_id, roles, active) VALUES ($1,$2,$3,$4,$5,$6,true)`,
        [id, id, `Bí thư ${unitId}`, hash, unitId, [Role.HEAD]],
      );
  });

  afterAll(async () => {
    await stack?.close();
  });

  const auth = async (username: string) => ({ Authorization: `Bearer ${await stack.login(username)}` });
  const post = async (username: string, path: string, body: object) =>
    stack
      .http()
      .post(path)
      .set(await auth(username))
      .send(body);
  const get = async (username: string, path: string) =>
    stack
      .http()
      .get(path)
      .set(await auth(username));

  describe('rank, relative and estimated targets through a review', () => {
    const { create, act } = asSeededPeople({
      http: () => stack.http(),
      login: (n: string) => stack.login(n),
    } as TestStack);
    const programmeAct = (username: string, id: string, action: string, payload: object) =>
      post(username, `/programmes/${id}/actions/${action}`, { requestId: randomUUID(), payload });

    const vnYear = (instant: number) => new Date(instant + 7 * 3600_000).getUTCFullYear();
    const thisYear = vnYear(Date.now());
    const ESTIMATES: Record<string, string> = {
      [String(thisYear - 1)]: '13000',
      [String(thisYear)]: '14800',
      [String(thisYear + 1)]: '16000',
    };
    const TARGETS = [
      {
        code: 'PCI',
        name: 'Xếp hạng Chỉ số năng lực cạnh tranh cấp tỉnh trong vùng',
        unit: 'thứ hạng',
        goal: { comparator: 'RANK', goal: '3', group: '13 tỉnh, thành vùng Đồng bằng sông Cửu Long' },
        responsibleUnitId: 'hg-skhdt',
      },
      {
        code: 'GROWTH',
        name: 'Tốc độ tăng trưởng kinh tế',
        unit: '%',
        goal: { comparator: 'RELATIVE', goal: '0.5', reference: 'tốc độ tăng trưởng bình quân cả nước' },
        responsibleUnitId: 'hg-skhdt',
      },
      {
        code: 'BUDGET',
        name: 'Tổng thu ngân sách trên địa bàn',
        unit: 'tỷ đồng',
        goal: { comparator: 'AT_LEAST', goal: '14800' },
        annualEstimates: ESTIMATES,
        responsibleUnitId: 'hg-skhdt',
      },
    ];

    it('judges the rank by position and the relative target by its reference; the overview shows the share of the estimate', async () => {
      const id = `tc-targets-${u}`;
      await create(id, 'Chương trình hành động nâng cao năng lực cạnh tranh (diễn tập)');
      await act('chuyenvien.hg', id, 'assignSurveyors', { surveyorIds: ['hg-skhdt-gd'] });
      await act('gd.skhdt.hg', id, 'submitSurveyFindings', { text: 'Chỉ số PCI còn thấp' });
      await act('chuyenvien.hg', id, 'closeSurvey', {});
      await act('chuyenvien.hg', id, 'submitDraft', { text: 'Dự thảo', changeNote: 'bản đầu' });
      await act('chuyenvien.hg', id, 'openConsultation', { inviteeIds: ['hg-skhdt-gd'] });
      await act('gd.skhdt.hg', id, 'submitOpinion', { text: 'Đồng ý' });
      await act('chuyenvien.hg', id, 'closeConsultation', {});
      await act('chuyenvien.hg', id, 'submitForApproval', {});
      await act('bithu.hg', id, 'approve', {});

      const issue = (targets: object[]) => ({
        documentNumber: `${u}-CTr/TU`,
        issuedOn: new Date().toISOString().slice(0, 10),
        targets,
        tasks: [
          {
            code: 'T1',
            title: 'Cải thiện chỉ số PCI',
            responsibleUnitId: 'hg-skhdt',
            responsiblePersonId: 'hg-skhdt-gd',
            dueAt: new Date(Date.now() + 3600_000).toISOString(),
          },
        ],
        solutions: ['Cải cách hành chính'],
        resources: ['Ngân sách tỉnh'],
      });
      // Bad goal shapes are refused with the problem named, and change nothing.
      const noGroup = await programmeAct(
        'chuyenvien.hg',
        id,
        'issue',
        issue([{ ...TARGETS[0], goal: { comparator: 'RANK', goal: '3' } }]),
      );
      expect(noGroup.status).toBe(400);
      expect(noGroup.body.message).toMatch(/targets\[0\]\.goal: a rank goal needs the group ranked in/);
      const badEstimate = await programmeAct(
        'chuyenvien.hg',
        id,
        'issue',
        issue([{ ...TARGETS[2], annualEstimates: { soon: '1' } }]),
      );
      expect(badEstimate.status).toBe(400);
      expect(badEstimate.body.message).toMatch(/targets\[0\]\.annualEstimates: "soon" is not a year/);
      const badGroupDto = await programmeAct(
        'chuyenvien.hg',
        id,
        'issue',
        issue([{ ...TARGETS[0], goal: { ...TARGETS[0].goal, group: 7 } }]),
      );
      expect(badGroupDto.status).toBe(400);

      const issued = await act('chuyenvien.hg', id, 'issue', issue(TARGETS));
      expect(issued.phase).toBe('DISSEMINATION');
      await act('bithu.hg', id, 'recordDissemination', {
        heldOn: new Date().toISOString().slice(0, 10),
        audienceIds: ['hg-skhdt-gd'],
      });
      const live = async () => (await get('chuyenvien.hg', `/programmes/${id}`)).body.live.state;
      const review1 = (await live()).implementation.reviews[0];
      expect((await live()).issuance.targets[2].annualEstimates[String(thisYear)]).toBe('14800');

      // The review opens on its timer; the department reports values and the national average.
      await eventually(async () => Date.now() >= Date.parse(review1.opensAt), 'the first review to open');
      const badReference = await programmeAct('gd.skhdt.hg', id, 'submitReviewReport', {
        reviewSeq: 1,
        text: 'Báo cáo',
        values: { PCI: '2' },
        references: { PCI: '1' },
      });
      expect(badReference.status).toBe(400);
      expect(badReference.body.message).toBe('target PCI is not relative: it takes no reference value');
      const badRank = await programmeAct('gd.skhdt.hg', id, 'submitReviewReport', {
        reviewSeq: 1,
        text: 'Báo cáo',
        values: { PCI: '2.5' },
      });
      expect(badRank.status).toBe(400);
      await act('gd.skhdt.hg', id, 'submitReviewReport', {
        reviewSeq: 1,
        text: 'PCI xếp thứ 2 vùng; tăng trưởng 6,7% (cả nước 6,2%); thu ngân sách ước 5.830 tỷ đồng',
        values: { PCI: '2', GROWTH: '6.7', BUDGET: '5830' },
        references: { GROWTH: '6.2' },
      });

      const closed = await eventually(async () => {
        const r = (await live()).implementation.reviews[0];
        return r.closedAt ? r : false;
      }, 'the first review to close');
      const year = vnYear(Date.parse(review1.opensAt) - 1);
      const estimate = ESTIMATES[String(year)];
      expect(closed.results).toEqual({ PCI: 'EXCEEDED', GROWTH: 'ACHIEVED', BUDGET: 'NOT_ACHIEVED' });
      expect(closed.summary).toMatchObject({ total: 3, exceeded: 1, achieved: 1, notAchieved: 1, noData: 0 });
      expect(closed.referenceValues).toEqual({ GROWTH: '6.2' });
      const share = ((5830 / Number(estimate)) * 100).toFixed(1);
      expect(closed.estimateShares).toEqual({ BUDGET: { year, value: '5830', estimate, sharePercent: share } });
      if (year === thisYear) expect(share).toBe('39.4');

      // The overview of the province: the review's row states the budget as a share of the year's estimate.
      const row = await eventually(async () => {
        const res = await get('pbt.hg', '/supervision/overview?committeeId=hg-tu&term=2025-2030&pageSize=100');
        return (
          res.status === 200 &&
          res.body.achievement.items.find(
            (x: { programmeId: string; reviewSeq: number }) => x.programmeId === id && x.reviewSeq === 1,
          )
        );
      }, 'the closed review in the overview');
      expect(row).toMatchObject({ achievedOrExceeded: 2, targetsTotal: 3, headline: '2/3 achieved or exceeded' });
      expect(row.estimateShares).toEqual([
        {
          code: 'BUDGET',
          name: 'Tổng thu ngân sách trên địa bàn',
          unit: 'tỷ đồng',
          value: '5830',
          estimate,
          sharePercent: share,
        },
      ]);

      // The review report writes the goals as the reports do, the reference beside the value, and the share.
      const report = await post('pbt.hg', `/programmes/${id}/reports`, { reviewSeq: 1 });
      expect(report.status).toBe(201);
      const file = await stack
        .http()
        .get(`/programmes/${id}/reports/${report.body.id}`)
        .set(await auth('pbt.hg'))
        .buffer(true)
        .parse(binary as never);
      const text = await docxParagraphs(file.body);
      const cells = (code: string, from = 0) => text.slice(text.indexOf(code, from), text.indexOf(code, from) + 5);
      expect(cells('PCI')).toEqual([
        'PCI',
        'Xếp hạng Chỉ số năng lực cạnh tranh cấp tỉnh trong vùng',
        'Tốp 3 (13 tỉnh, thành vùng Đồng bằng sông Cửu Long) thứ hạng',
        '2',
        'Vượt',
      ]);
      expect(cells('GROWTH')).toEqual([
        'GROWTH',
        'Tốc độ tăng trưởng kinh tế',
        '≥ tốc độ tăng trưởng bình quân cả nước + 0.5 %',
        '6.7 (so sánh: 6.2)',
        'Đạt',
      ]);
      const shareTable = text.indexOf('Tiến độ so với dự toán, kế hoạch năm:');
      expect(shareTable).toBeGreaterThan(0);
      expect(cells('BUDGET', shareTable)).toEqual([
        'BUDGET',
        'Tổng thu ngân sách trên địa bàn',
        '5830 tỷ đồng',
        `${estimate} tỷ đồng`,
        `${share.replace('.', ',')} %`,
      ]);

      const [values] = await stack.dataSource.query(
        `SELECT reference_value, annual_estimate, share_of_estimate::text AS share FROM target_value
         WHERE programme_id = $1 AND target_code = 'GROWTH' AND review_seq = 1`,
        [id],
      );
      expect(values).toEqual({ reference_value: '6.2', annual_estimate: null, share: null });
    }, 120_000);
  });

  describe('a cycle cascading from the province to the city committee', () => {
    const year = 2100 + Math.floor(Math.random() * 800);
    const GROUPS = [
      { code: 'DAU-TU', title: 'Cải thiện môi trường đầu tư, kinh doanh' },
      { code: 'HA-TANG', title: 'Kết cấu hạ tầng đồng bộ, hiện đại' },
      { code: 'CAN-BO', title: 'Nâng cao chất lượng đội ngũ cán bộ' },
    ];
    const province = `/breakthrough/cycles/hg-tu/${year}`;
    const city = `/breakthrough/cycles/hg-vithanh/${year}`;
    const cycleAct = (username: string, path: string, action: string, payload: object) =>
      post(username, `${path}/actions/${action}`, { requestId: randomUUID(), payload });
    const register = (username: string, path: string, kind: 'UNIT' | 'HEAD', contentGroup: string) =>
      cycleAct(username, path, 'register', {
        kind,
        title: `Việc đột phá của ${username}`,
        expectedResult: 'Hoàn thành dứt điểm trong năm',
        measure: 'Kết quả kiểm chứng được',
        contentGroup,
      });
    const deadlines = {
      registrationDeadline: new Date(Date.now() + 86_400_000).toISOString(),
      appraisalDeadline: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    };

    it('opens a cycle per committee below; both levels register and appraise; organisations and individuals counted apart', async () => {
      const opened = await post('bithu.hg', '/breakthrough/cycles', {
        unitId: 'hg-tu',
        year,
        title: `Việc đột phá năm ${year}`,
        contentGroups: GROUPS,
        ...deadlines,
      });
      expect(opened.status).toBe(201);
      await eventually(async () => (await get('bithu.hg', province)).status === 200, 'the province cycle projected');

      // Bad cascades name the problem and open nothing.
      const sideways = await post('bithu.hg', `${province}/cascade`, { unitIds: ['lc-tu'], ...deadlines });
      expect(sideways.status).toBe(400);
      expect(sideways.body.message).toMatch(/Tỉnh ủy Lào Cai is not below/);
      const department = await post('bithu.hg', `${province}/cascade`, { unitIds: ['hg-skhdt'], ...deadlines });
      expect(department.status).toBe(400);
      expect(department.body.message).toMatch(/is not a committee/);
      const byCity = await post('bithu.vithanh', `${province}/cascade`, { unitIds: ['hg-vithanh'], ...deadlines });
      expect(byCity.status).toBe(403);
      expect((await get('bithu.hg', city)).status).toBe(404);

      const cascaded = await post('bithu.hg', `${province}/cascade`, { unitIds: ['hg-vithanh'], ...deadlines });
      expect(cascaded.status).toBe(200);
      expect(cascaded.body).toEqual({
        parentCycleId: `hg-tu/${year}`,
        opened: [`hg-vithanh/${year}`],
        alreadyOpen: [],
      });
      const audited = await eventually(async () => {
        const rows: Array<{ status: number; person_id: string }> = await stack.dataSource.query(
          `SELECT status, person_id FROM admin_audit WHERE act = 'breakthrough.cycle.cascade' AND route LIKE $1 ORDER BY occurred_at`,
          [`POST /breakthrough/cycles/:unitId/:year/cascade`],
        );
        return rows.some((r) => r.status === 200) && rows;
      }, 'the cascade in the audit');
      expect(audited.filter((r) => r.status === 200).map((r) => r.person_id)).toContain('hg-bithu');
      const again = await post('bithu.hg', `${province}/cascade`, { unitIds: ['hg-vithanh'], ...deadlines });
      expect(again.body).toEqual({ parentCycleId: `hg-tu/${year}`, opened: [], alreadyOpen: [`hg-vithanh/${year}`] });
      const cityCycle = await eventually(async () => {
        const res = await get('pbt.vithanh', city);
        return res.status === 200 && res.body.live && res.body;
      }, 'the city cycle');
      expect(cityCycle.cycle.parent_cycle_id).toBe(`hg-tu/${year}`);
      expect(cityCycle.live.state.setup).toMatchObject({
        parentCycleId: `hg-tu/${year}`,
        contentGroups: GROUPS,
        appraiserIds: ['hg-vithanh-pbt'],
      });
      expect([...cityCycle.live.state.setup.invitedUnitIds].sort()).toEqual([`vt-cs-${u}`, `vt-p1-${u}`].sort());

      // The province: the city committee registers as an organisation, a department head personally.
      const noGroup = await cycleAct('bithu.vithanh', province, 'register', {
        kind: 'UNIT',
        title: 'Việc đột phá',
        expectedResult: 'Xong',
        measure: 'Báo cáo',
      });
      expect(noGroup.status).toBe(400);
      expect(noGroup.body.message).toMatch(
        /contentGroup must be one of the cycle's content groups: DAU-TU, HA-TANG, CAN-BO/,
      );
      expect((await register('bithu.vithanh', province, 'UNIT', 'DAU-TU')).status).toBe(200);
      expect((await register('gd.skhdt.hg', province, 'HEAD', 'CAN-BO')).status).toBe(200);
      // The city: its grassroots organisation and the ward's head; the city's people only register there.
      expect((await register(`vt-cs-bt-${u}`, province, 'UNIT', 'DAU-TU')).status).toBe(403);
      expect((await register(`vt-cs-bt-${u}`, city, 'UNIT', 'HA-TANG')).status).toBe(200);
      expect((await register(`vt-cs-bt-${u}`, city, 'UNIT', 'DAU-TU')).status).toBe(200);
      expect((await register(`vt-p1-bt-${u}`, city, 'HEAD', 'CAN-BO')).status).toBe(200);

      // Each level's Standing Committee appraises its own registrations only.
      expect((await cycleAct('tvbtv.hg', city, 'closeRegistration', {})).status).toBe(403);
      for (const [who, path] of [
        ['tvbtv.hg', province],
        ['pbt.vithanh', city],
      ])
        expect((await cycleAct(who, path, 'closeRegistration', {})).status).toBe(200);
      const appraise = (who: string, path: string, no: number, decision: string) =>
        cycleAct(who, path, 'appraise', { no, decision, comments: decision === 'APPROVE' ? '' : 'Việc thường xuyên' });
      expect((await appraise('pbt.vithanh', province, 1, 'APPROVE')).status).toBe(403);
      for (const [who, path, no, decision] of [
        ['tvbtv.hg', province, 1, 'APPROVE'],
        ['tvbtv.hg', province, 2, 'APPROVE'],
        ['pbt.vithanh', city, 1, 'APPROVE'],
        ['pbt.vithanh', city, 2, 'REJECT'],
        ['pbt.vithanh', city, 3, 'APPROVE'],
      ] as const)
        expect((await appraise(who, path, no, decision)).status).toBe(200);
      for (const [who, path] of [
        ['tvbtv.hg', province],
        ['pbt.vithanh', city],
      ])
        expect((await cycleAct(who, path, 'closeAppraisal', {})).status).toBe(200);

      // The roll-up, once both levels are projected: level by level, then summed.
      const f = (o: object) => ({
        registered: 0,
        approved: 0,
        rejected: 0,
        notAppraised: 0,
        doneOnTime: 0,
        doneLate: 0,
        notDone: 0,
        cancelled: 0,
        ...o,
      });
      const rollup = await eventually(async () => {
        const res = await get('pbt.hg', `${province}/cascade`);
        return (
          res.status === 200 &&
          res.body.cycles.length === 2 &&
          res.body.cycles.every((c: { phase: string }) => c.phase === 'IMPLEMENTATION') &&
          res.body
        );
      }, 'both cycles implementing in the read model');
      expect(
        rollup.cycles.map((c: Record<string, unknown>) => [c.cycleId, c.depth, c.parentCycleId, c.unitKind]),
      ).toEqual([
        [`hg-tu/${year}`, 0, null, 'PROVINCIAL_COMMITTEE'],
        [`hg-vithanh/${year}`, 1, `hg-tu/${year}`, 'DISTRICT_COMMITTEE'],
      ]);
      expect(rollup.cycles[0].figures).toEqual({
        ...f({ registered: 2, approved: 2 }),
        organisations: f({ registered: 1, approved: 1 }),
        individuals: f({ registered: 1, approved: 1 }),
        byContentGroup: {
          'DAU-TU': f({ registered: 1, approved: 1 }),
          'HA-TANG': f({}),
          'CAN-BO': f({ registered: 1, approved: 1 }),
        },
      });
      expect(rollup.cycles[1].figures).toEqual({
        ...f({ registered: 3, approved: 2, rejected: 1 }),
        organisations: f({ registered: 2, approved: 1, rejected: 1 }),
        individuals: f({ registered: 1, approved: 1 }),
        byContentGroup: {
          'DAU-TU': f({ registered: 1, rejected: 1 }),
          'HA-TANG': f({ registered: 1, approved: 1 }),
          'CAN-BO': f({ registered: 1, approved: 1 }),
        },
      });
      expect(rollup.totals).toEqual({
        ...f({ registered: 5, approved: 4, rejected: 1 }),
        organisations: f({ registered: 3, approved: 2, rejected: 1 }),
        individuals: f({ registered: 2, approved: 2 }),
        byContentGroup: {
          'DAU-TU': f({ registered: 2, approved: 1, rejected: 1 }),
          'HA-TANG': f({ registered: 1, approved: 1 }),
          'CAN-BO': f({ registered: 2, approved: 2 }),
        },
      });
      // The city's people see their own level only; another province sees nothing.
      const fromCity = await get(`vt-cs-bt-${u}`, `${city}/cascade`);
      expect(fromCity.body.cycles.map((c: { cycleId: string }) => c.cycleId)).toEqual([`hg-vithanh/${year}`]);
      expect((await get('bithu.lc', `${province}/cascade`)).status).toBe(404);
      // Each approved registration became a task of its level, assigned by that level's Standing Committee.
      const tasks = await eventually(async () => {
        const rows: Array<Record<string, string>> = await stack.dataSource.query(
          `SELECT id, issuing_unit_id AS "issuingUnitId", responsible_person_id AS "personId", assigner_id AS "assignerId"
           FROM task WHERE id LIKE $1 OR id LIKE $2 ORDER BY id`,
          [`bt/hg-tu/${year}/%`, `bt/hg-vithanh/${year}/%`],
        );
        return rows.length === 4 && rows;
      }, 'four breakthrough tasks in the read model');
      expect(tasks).toEqual([
        { id: `bt/hg-tu/${year}/1`, issuingUnitId: 'hg-tu', personId: 'hg-vithanh-bt', assignerId: 'hg-tv1' },
        { id: `bt/hg-tu/${year}/2`, issuingUnitId: 'hg-tu', personId: 'hg-skhdt-gd', assignerId: 'hg-tv1' },
        {
          id: `bt/hg-vithanh/${year}/1`,
          issuingUnitId: 'hg-vithanh',
          personId: `vt-cs-bt-${u}`,
          assignerId: 'hg-vithanh-pbt',
        },
        {
          id: `bt/hg-vithanh/${year}/3`,
          issuingUnitId: 'hg-vithanh',
          personId: `vt-p1-bt-${u}`,
          assignerId: 'hg-vithanh-pbt',
        },
      ]);
    }, 120_000);
  });
});
