import { CASCADE_ENTRY, demoCascade } from '../apps/api/src/seed/demo-cascade';
import { seedResolutions } from '../apps/api/src/seed/seed-resolutions';
import { eventually, startTestStack, TestStack } from './utils/test-stack';

/**
 * The demo driver's cascade step (issue 13, item 12) on the real stack, through the same HTTP calls the
 * driver makes: 05-NQ/TU's three bodies end issued on time, issued late and overdue, the issuances come
 * through the programme and obligation workflows, and running the step again changes nothing.
 */
describe('the demo cascade (e2e)', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
    // The demo seed's registry (npm run seed does the same); entries already there are left as they are.
    await seedResolutions(stack.dataSource);
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  const call = async (method: string, path: string, username: string | null, body?: unknown) => {
    let req = method === 'GET' ? stack.http().get(path) : stack.http().post(path);
    if (username) req = req.set({ Authorization: `Bearer ${await stack.login(username)}` });
    const res = body === undefined ? await req : await req.send(body as object);
    return { status: res.status, body: res.body };
  };
  const view = async () => {
    const res = await call('GET', `/resolutions/${CASCADE_ENTRY}/obligations`, 'pbt.hg');
    expect(res.status).toBe(200);
    return res.body;
  };

  it('obliges three bodies: one issues on time, one late, one stays overdue; a second run changes nothing', async () => {
    await demoCascade(call);
    const v = await view();
    const standing = Object.fromEntries(
      v.obligations.map((o: { unitId: string; standing: string; programmeId: string | null }) => [
        o.unitId,
        [o.standing, o.programmeId],
      ]),
    );
    expect(standing).toEqual({
      'hg-vithanh': ['ISSUED_ON_TIME', 'demo-vt-ctr-05'],
      'hg-skhdt': ['ISSUED_LATE', 'demo-skhdt-kh-05'],
      'hg-stc': ['OVERDUE', null],
    });
    expect(v.counts).toMatchObject({ ISSUED_ON_TIME: 1, ISSUED_LATE: 1, OVERDUE: 1, PENDING: 0, total: 3 });
    const skhdt = v.obligations.find((o: { unitId: string }) => o.unitId === 'hg-skhdt');
    const dueOn = Date.parse(skhdt.dueOn);
    expect(skhdt.issuedOn).toBe('2022-11-10');
    expect(skhdt.daysLate).toBe(Math.round((Date.parse('2022-11-10') - dueOn) / 86_400_000));
    // The bodies' programmes roll up: Vị Thanh's two tasks and Sở KH&ĐT's one.
    await eventually(async () => (await view()).figures.tasks === 3, "the bodies' three tasks projected");
    expect((await view()).figures).toMatchObject({ tasks: 3, tasksDone: 0, targets: 2 });

    await demoCascade(call);
    const again = await view();
    expect(again.obligations).toHaveLength(3);
    expect(again.counts).toEqual(v.counts);
    const rows = await stack.dataSource.query(
      `SELECT count(*)::int AS n FROM programme WHERE id IN ('demo-vt-ctr-05', 'demo-skhdt-kh-05')`,
    );
    expect(rows[0].n).toBe(2);
  });
});
