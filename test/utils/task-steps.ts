import { randomUUID } from 'node:crypto';
import { eventually, startTestStack, TestStack } from './test-stack';

export type TaskPerson = 'cv' | 'bithu' | 'pbt' | 'skhdt' | 'stc' | 'vithanh';

/**
 * The seeded Hậu Giang people the task tests act as, logged in on a test stack of their own: start()
 * starts it and fills in `tokens`, close() ends it.
 */
export function taskPeople() {
  let stack: TestStack;
  const tokens = {} as Record<TaskPerson, string>;
  return {
    tokens,
    auth: (token: string) => ({ Authorization: `Bearer ${token}` }),
    stack: (): TestStack => stack,
    async start(): Promise<TestStack> {
      stack = await startTestStack();
      Object.assign(tokens, {
        cv: await stack.login('chuyenvien.hg'), // drafts and issues: the assigner
        bithu: await stack.login('bithu.hg'),
        pbt: await stack.login('pbt.hg'), // member in charge
        skhdt: await stack.login('gd.skhdt.hg'),
        stc: await stack.login('gd.stc.hg'),
        vithanh: await stack.login('bithu.vithanh'),
      });
      return stack;
    },
    async close(): Promise<void> {
      await stack?.close();
    },
  };
}

/** Acting on one programme and its tasks as those people, and reading the tasks back. */
export function programmeTasks(people: ReturnType<typeof taskPeople>, programmeId: string) {
  const { tokens, auth } = people;
  const http = () => people.stack().http();
  const taskPath = (code: string) => `/tasks/${encodeURIComponent(`${programmeId}/${code}`)}`;

  const programmeAct = async (who: TaskPerson, action: string, payload: object) => {
    const res = await http()
      .post(`/programmes/${programmeId}/actions/${action}`)
      .set(auth(tokens[who]))
      .send({ requestId: randomUUID(), payload });
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const taskAct = (who: TaskPerson, code: string, action: string, payload: object, requestId = randomUUID()) =>
    http()
      .post(`${taskPath(code)}/actions/${action}`)
      .set(auth(tokens[who]))
      .send({ requestId, payload });
  const ok = async (who: TaskPerson, code: string, action: string, payload: object = {}) => {
    const res = await taskAct(who, code, action, payload);
    if (res.status !== 200) throw new Error(`${code} ${action}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  /** The programme's four buckets by unit, as the member in charge sees them. */
  const bucketsByUnit = async () => {
    const res = await http().get(`/tasks/buckets?groupBy=unit&programmeId=${programmeId}`).set(auth(tokens.pbt));
    expect(res.status).toBe(200);
    return Object.fromEntries(res.body.items.map((r: { key: string }) => [r.key, r]));
  };
  const bucketsOfProgramme = async () => {
    const res = await http().get(`/tasks/buckets?groupBy=programme&programmeId=${programmeId}`).set(auth(tokens.pbt));
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    return res.body.items[0];
  };
  const myTasks = async (who: TaskPerson) => {
    const res = await http().get(`/tasks?programmeId=${programmeId}&sort=dueAt`).set(auth(tokens[who]));
    expect(res.status).toBe(200);
    return res.body;
  };
  const counts = async (who: TaskPerson) => (await http().get('/tasks/counts').set(auth(tokens[who]))).body;
  const task = async (code: string) => (await http().get(taskPath(code)).set(auth(tokens.pbt))).body;
  const projected = (
    code: string,
    check: (t: { status: string; responsiblePersonId: string; dueAt: string; bucket: string }) => boolean,
    what: string,
  ) =>
    eventually(async () => {
      const body = await task(code);
      return body?.task && check(body.task) && body;
    }, what);

  return { taskPath, programmeAct, taskAct, ok, bucketsByUnit, bucketsOfProgramme, myTasks, counts, task, projected };
}
