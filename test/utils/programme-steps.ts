import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { QueueName } from '../../libs/notifications/src';
import { eventually, startTestStack, TestStack } from './test-stack';

export interface Step {
  status: number;
  body: Record<string, any>;
}

type JobData = { recipientIds: string[]; params: Record<string, unknown> };

/**
 * The programme tests' steps over HTTP, as the seeded people who do them, and what each step left: the
 * read model, the live state (workflow query), the audit trail and the notification jobs in BullMQ.
 * start() starts the test stack; close() ends it.
 */
export function programmeSteps() {
  let stack: TestStack;
  let queue: Queue | undefined;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function act(
    username: string,
    id: string,
    action: string,
    payload: Record<string, unknown>,
    requestId = randomUUID(),
  ): Promise<Step> {
    const token = await stack.login(username);
    const res = await stack
      .http()
      .post(`/programmes/${id}/actions/${action}`)
      .set(auth(token))
      .send({ requestId, payload });
    return { status: res.status, body: res.body };
  }

  async function ok(
    username: string,
    id: string,
    action: string,
    payload: Record<string, unknown>,
  ): Promise<Record<string, any>> {
    const res = await act(username, id, action, payload);
    if (res.status !== 200) throw new Error(`${action} by ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** The read model once it has caught up with the given workflow state version. */
  async function readModel(id: string, atLeastVersion: number): Promise<Record<string, any>> {
    const token = await stack.login('chuyenvien.hg');
    return eventually(async () => {
      const res = await stack.http().get(`/programmes/${id}`).set(auth(token));
      return res.status === 200 && res.body.programme.projectionSeq >= atLeastVersion && res.body;
    }, `the read model of ${id} at version ${atLeastVersion}`);
  }

  /** The whole live state (the `view` query through GET /programmes/:id); actions answer without it. */
  async function liveState(id: string): Promise<Record<string, any>> {
    const token = await stack.login('chuyenvien.hg');
    const res = await stack.http().get(`/programmes/${id}`).set(auth(token));
    expect(res.status).toBe(200);
    return res.body.live.state;
  }

  async function auditActions(id: string): Promise<string[]> {
    const token = await stack.login('chuyenvien.hg');
    const res = await stack.http().get(`/programmes/${id}/audit`).set(auth(token));
    expect(res.status).toBe(200);
    return res.body.items.map((e: { action: string }) => e.action);
  }

  /** Notification jobs enqueued for this programme, of one kind. */
  async function jobs(id: string, kind: string): Promise<JobData[]> {
    queue ??= new Queue(QueueName.NOTIFICATIONS, {
      connection: { url: process.env.REDIS_URL },
      prefix: process.env.QUEUE_PREFIX,
    });
    const all = await queue.getJobs(['completed', 'waiting', 'active', 'delayed', 'failed', 'prioritized'], 0, -1);
    return all.filter((j) => j.data?.programmeId === id && j.data.kind === kind).map((j) => j.data);
  }

  async function job(id: string, kind: string, match: (data: JobData) => boolean = () => true) {
    return eventually(async () => (await jobs(id, kind)).find(match), `a ${kind} job for ${id}`);
  }

  return {
    auth,
    act,
    ok,
    readModel,
    liveState,
    auditActions,
    jobs,
    job,
    async start(): Promise<TestStack> {
      stack = await startTestStack();
      return stack;
    },
    async close(): Promise<void> {
      await queue?.close();
      await stack?.close();
    },
  };
}
