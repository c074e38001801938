import { randomUUID } from 'node:crypto';
import { Role } from '@app/domain';
import { hashPassword } from '../../apps/api/src/auth/auth.service';
import { DEMO_PASSWORD } from '../../apps/api/src/seed/demo-data';
import { startTestStack, TestStack } from './test-stack';

export type Who = 'aBt' | 'aCv' | 'aGd' | 'bBt' | 'bAdmin' | 'sys';

/**
 * The provinces the restructuring tests merge: A (Rạch Sỏi, with a department), B (Sông Bến, with a
 * department and an abolished board) and C (Cồn Cỏ, home of the system admin), their people, and A's
 * secretary holding A's head seat as a position. The ids carry a per-run prefix, so each file that
 * starts one has units of its own (the demo tree that other test files use is left as it is) and its
 * counts of changes are exact. start() starts the test stack, writes them and logs the people in.
 */
export function restructuringProvinces() {
  const p = `rs${randomUUID().slice(0, 4)}`;
  const unit = {
    a: `${p}-a`,
    aSkh: `${p}-a-skh`,
    b: `${p}-b`,
    bDept: `${p}-b-dept`,
    bOld: `${p}-b-old`,
    c: `${p}-c`,
    /** Made by a split in the merger test. */
    bKh: `${p}-b-kh`,
  };
  const person = {
    aBt: `${p}-a-bt`,
    aCv: `${p}-a-cv`,
    aPbt: `${p}-a-pbt`,
    aGd: `${p}-a-gd`,
    bBt: `${p}-b-bt`,
    bAdmin: `${p}-b-admin`,
    sys: `${p}-sys`,
  };
  const UNITS: Array<[string, string, string, string | null, string]> = [
    [unit.a, 'Tỉnh ủy Rạch Sỏi', 'PROVINCIAL_COMMITTEE', null, 'ACTIVE'],
    [unit.aSkh, 'Sở Kế hoạch Rạch Sỏi', 'DEPARTMENT', unit.a, 'ACTIVE'],
    [unit.b, 'Thành ủy Sông Bến', 'PROVINCIAL_COMMITTEE', null, 'ACTIVE'],
    [unit.bDept, 'Sở Tài chính Sông Bến', 'DEPARTMENT', unit.b, 'ACTIVE'],
    [unit.bOld, 'Ban Kinh tế Sông Bến (đã giải thể)', 'ADVISORY_BOARD', unit.b, 'ABOLISHED'],
    [unit.c, 'Tỉnh ủy Cồn Cỏ', 'PROVINCIAL_COMMITTEE', null, 'ACTIVE'],
  ];
  const PEOPLE: Array<[string, string, Role[]]> = [
    [person.aBt, unit.a, [Role.HEAD, Role.STANDING_COMMITTEE, Role.KEY_CADRE]],
    [person.aCv, unit.a, [Role.ADVISORY_STAFF]],
    [person.aPbt, unit.a, [Role.STANDING_COMMITTEE, Role.KEY_CADRE]],
    [person.aGd, unit.aSkh, [Role.HEAD, Role.KEY_CADRE]],
    [person.bBt, unit.b, [Role.HEAD, Role.STANDING_COMMITTEE, Role.KEY_CADRE]],
    [person.bAdmin, unit.b, [Role.ADMIN]],
    [person.sys, unit.c, [Role.SYSTEM_ADMIN]],
  ];

  let stack: TestStack;
  const tokens = {} as Record<Who, string>;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const vnToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const restructure = (who: Who, body: object) =>
    stack.http().post('/organisation/restructurings').set(auth(tokens[who])).send(body);
  const merger = (overrides: object = {}) => ({
    requestId: randomUUID(),
    kind: 'MERGE',
    effectiveDate: vnToday(),
    reason: 'Nghị quyết 202/2025/QH15',
    units: [{ unitId: unit.a, successorId: unit.b }],
    ...overrides,
  });
  // Changes naming this run's units (other files in the run make changes of their own).
  const changes = async () =>
    (
      await stack.dataSource.query(
        `SELECT count(DISTINCT change_id)::int AS n FROM org_change_unit WHERE unit_id LIKE $1 OR successor_id LIKE $1`,
        [`${p}-%`],
      )
    )[0].n;

  async function seed(ds: TestStack['dataSource']): Promise<void> {
    const hash = await hashPassword(DEMO_PASSWORD);
    for (const [id, name, kind, parentId, status] of UNITS)
      await ds.query(
        `INSERT INTO org_unit (id, name, kind, parent_id, code, valid_from, status) VALUES ($1,$2,$3,$4,$5,'2010-01-01',$6)`,
        [id, name, kind, parentId, id.toUpperCase(), status],
      );
    for (const [id, unitId, roles] of PEOPLE)
      await ds.query(
        `INSERT INTO person (id, username, full_name, title, password_hash, unit_id, roles, fields, email)
         VALUES ($1,$1,$1,'',$2,$3,$4,'{}',$5)`,
        [id, hash, unitId, roles, `${id}@example.invalid`],
      );
    // A's secretary holds the head's seat of A as a position (positions decide a person's unit and roles).
    await ds.query(
      `INSERT INTO position (id, person_id, unit_id, title, roles, seat, fields, starts_on)
       VALUES (gen_random_uuid(), $1, $2, 'Bí thư Tỉnh ủy', $3, 'HEAD', '{}', '2020-01-01')`,
      [person.aBt, unit.a, [Role.HEAD, Role.STANDING_COMMITTEE]],
    );
  }

  return {
    /** The ids' prefix: `${prefix}-%` matches every unit and person of this run. */
    prefix: p,
    unit,
    person,
    tokens,
    auth,
    vnToday,
    restructure,
    merger,
    changes,
    async start(): Promise<TestStack> {
      stack = await startTestStack();
      await seed(stack.dataSource);
      const login = (u: string) => stack.login(u);
      Object.assign(tokens, {
        aBt: await login(person.aBt),
        aCv: await login(person.aCv),
        aGd: await login(person.aGd),
        bBt: await login(person.bBt),
        bAdmin: await login(person.bAdmin),
        sys: await login(person.sys),
      });
      return stack;
    },
    async close(): Promise<void> {
      await stack?.close();
    },
  };
}
