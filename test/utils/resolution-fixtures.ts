import { randomUUID } from 'node:crypto';
import { OrgUnitKind, Role } from '../../libs/domain/src';
import { hashPassword } from '../../apps/api/src/auth/auth.service';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { startTestStack, TestStack } from './test-stack';

/**
 * The province the resolution registry tests run in, one of its own per file (units and people with a
 * per-run suffix), so its counts are exact whatever other files write. Its committee P issues, over the
 * 2020–2025 term:
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
 * prog2 issued 2023-01-10 by the commune for F, prog3 restricted for A (issued 2022-08-01). A neighbour
 * province Q has one entry of its own.
 */
export function resolutionProvince() {
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

  let stack: TestStack;
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

  /** The registry entries of the table above, and Q's, as each committee's people register them. */
  async function registerEntries(): Promise<void> {
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

  return {
    P,
    unit,
    person,
    TW,
    /** The entries' ids, filled in by start(). */
    ids,
    prog,
    get,
    post,
    patch,
    entry,
    create,
    registrySize,
    row,
    /** The stack start() started. */
    stack: (): TestStack => stack,
    /** Starts the stack and writes the province, its registry entries and its programmes. */
    async start(): Promise<void> {
      stack = await startTestStack();
      await seedProvince(stack);
      await registerEntries();
      await seedProgrammes(stack);
    },
    async close(): Promise<void> {
      await stack?.close();
    },
  };
}
