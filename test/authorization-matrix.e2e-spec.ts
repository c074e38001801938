import { AuthorizationFixtures, buildAuthorizationFixtures } from './utils/authorization-fixtures';
import { appRoutes } from './utils/route-table';
import { startTestStack, TestStack } from './utils/test-stack';
import { PUBLIC_ROUTES } from './authorization/routes-public';
import { PROGRAMME_ROUTES } from './authorization/routes-programmes';
import { TASK_AND_CYCLE_ROUTES } from './authorization/routes-tasks-cycles';
import { SUPERVISION_AND_INBOX_ROUTES } from './authorization/routes-supervision-inbox';
import { ADMIN_ROUTES } from './authorization/routes-admin';
import { ORGANISATION_ROUTES } from './authorization/routes-organisation';
import { REGISTRY_ROUTES } from './authorization/routes-registry';
import { FIELD_GROUP_IMPORT_AND_ROTATION_ROUTES } from './authorization/routes-field-groups-import-rotation';
import {
  Entry,
  Answer,
  OK,
  NONE,
  RELATIONS,
  ROLES,
  CALLERS,
  PROVINCIAL_ADMINS,
  Request,
  SIGNED_IN,
} from './authorization/matrix-expectations';

/**
 * The authorization matrix: every route the app answers × every role × the caller's relation to the
 * object, with the answer expected, over HTTP on the real stack. The routes come from the running
 * app's router: a route without an entry in ROUTES (or an entry without a route) fails the first test.
 *
 * The objects (test/utils/authorization-fixtures.ts) all belong to Tỉnh ủy Hậu Giang. The callers:
 *
 * | role             | own: the issuing committee | same province: Thành ủy Vị Thanh | other province                |
 * | ---------------- | -------------------------- | -------------------------------- | ----------------------------- |
 * | staff            | vanthu.hg                  | vanthu.vithanh                   | vanthu.lc                     |
 * | head             | bithu.hg                   | bithu.vithanh                    | gd.snn.lc                     |
 * | standing         | tvbtv.hg                   | pbt.vithanh                      | bithu.lc, bithu.tuky          |
 * | inspector        | ubkt.hg                    | ubkt.vithanh                     | ubkt.lc                       |
 * | advisory staff   | chuyenvien.hg              | chuyenvien.vithanh               | chuyenvien.lc                 |
 *
 * plus `admin` (the system administrator), the provincial administrators `admin.hg` (own province) and
 * `admin.lc` (another province), and an anonymous caller. Answers: OK (2xx), NONE (2xx that shows nothing of the
 * object), or a status. A write that would change the shared objects is sent so that the domain
 * refuses it only after authorization passed (a phase it is not in: 409; its own data: 400), or on
 * a fresh object. A leak is a 2xx (or a 400/409 past authorization, or anything but 404 that tells of
 * an object the caller may not see) where a refusal is expected; the matrix must have none.
 */

const ROUTES: Record<string, Entry> = {
  // In the order they run: a write may depend on those before it.
  ...PUBLIC_ROUTES,
  ...PROGRAMME_ROUTES,
  ...TASK_AND_CYCLE_ROUTES,
  ...SUPERVISION_AND_INBOX_ROUTES,
  ...ADMIN_ROUTES,
  ...ORGANISATION_ROUTES,
  ...REGISTRY_ROUTES,
  ...FIELD_GROUP_IMPORT_AND_ROTATION_ROUTES,
  // Last: it ends each caller's session, so nothing may come after it.
  'POST /auth/logout': [
    {
      what: "ending one's own session",
      kind: 'write',
      request: () => ({ method: 'post', path: '/auth/logout' }),
      expected: SIGNED_IN(OK),
    },
  ],
};

interface Outcome {
  caller: string;
  expected: Answer;
  status: number;
  got: Answer | number;
  leak: boolean;
}

/** What the answer was, in the matrix's terms, and whether a mismatch gives something away. */
function judge(expected: Answer, status: number, body: string, marker?: string): Omit<Outcome, 'caller'> {
  const ok = status >= 200 && status < 300;
  const got: Answer | number = ok ? (marker !== undefined && !body.includes(marker) ? NONE : OK) : status;
  if (got === expected) return { expected, status, got, leak: false };
  const passedAuthorization = ok || status === 400 || status === 409;
  const leak =
    (expected === NONE && got === OK) ||
    ((expected === 401 || expected === 403 || expected === 404) && passedAuthorization) ||
    (expected === 404 && status === 403);
  return { expected, status, got, leak };
}

async function inBatches<T, R>(items: T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(run))));
  return out;
}

describe('authorization matrix (e2e)', () => {
  let stack: TestStack;
  let fx: AuthorizationFixtures;
  const tally = { requests: 0, leaks: 0, mismatches: 0 };

  beforeAll(async () => {
    stack = await startTestStack();
    fx = await buildAuthorizationFixtures(stack);
    // Every caller signs in before any probe, so no probe (a failed login, say) can stand in their way.
    const usernames = [
      'admin',
      ...PROVINCIAL_ADMINS,
      ...ROLES.flatMap((role) => RELATIONS.flatMap((relation) => CALLERS[role][relation])),
    ];
    for (const username of usernames) await stack.login(username);
  }, 180_000);

  afterAll(async () => {
    console.log(
      `authorization matrix: ${tally.requests} requests, ${tally.mismatches} mismatches, ${tally.leaks} leaks`,
    );
    // This file's task workflows stop with its worker; later files share the database and must not
    // meet their open rows (a bulk reassignment would wait on workflows nobody runs any more).
    if (fx)
      await stack.dataSource.query(`DELETE FROM task WHERE programme_id = $1 OR workflow_id LIKE $2`, [
        fx.programmeId,
        `task/bt/${fx.cycle.unitId}/${fx.cycle.year}/%`,
      ]);
    await stack?.close();
  });

  it('has an entry for every route the app answers, and a route for every entry', () => {
    const routes = appRoutes(stack.api);
    const entries = Object.keys(ROUTES);
    expect({
      withoutEntry: routes.filter((r) => !entries.includes(r)),
      withoutRoute: entries.filter((e) => !routes.includes(e)),
    }).toEqual({
      withoutEntry: [],
      withoutRoute: [],
    });
  });

  async function send(req: Request, username: string | null): Promise<{ status: number; body: string }> {
    const call = stack.http()[req.method](req.path);
    if (username) call.set('Authorization', `Bearer ${await stack.login(username)}`);
    if (req.multipart) {
      for (const [name, value] of Object.entries(req.multipart.fields)) call.field(name, value);
      const { field, name, content } = req.multipart.file;
      call.attach(field, content, name);
    }
    const res = await (req.body === undefined ? call : call.send(req.body));
    return { status: res.status, body: res.text ?? '' };
  }

  for (const [route, entry] of Object.entries(ROUTES)) {
    if (!Array.isArray(entry)) continue;
    it(`${route}: ${entry.map((p) => `${p.kind} "${p.what}"`).join('; ')}`, async () => {
      const failures: string[] = [];
      for (const probe of entry) {
        const cells: Array<{ caller: string; username: string | null; expected: Answer }> = [
          { caller: 'anonymous', username: null, expected: probe.expected.anonymous },
          { caller: 'admin', username: 'admin', expected: probe.expected.admin },
          ...PROVINCIAL_ADMINS.map((username, i) => ({
            caller: `provincial admin/${i === 0 ? 'own' : 'other'} (${username})`,
            username,
            expected: probe.expected.provincial[i],
          })),
          ...ROLES.flatMap((role) =>
            RELATIONS.flatMap((relation, i) =>
              CALLERS[role][relation].map((username) => ({
                caller: `${role}/${relation} (${username})`,
                username,
                expected: probe.expected[role][i],
              })),
            ),
          ),
        ];
        const outcomes = await inBatches(cells, 6, async (cell): Promise<Outcome> => {
          const req = await probe.request(fx);
          const res = await send(req, cell.username);
          return { caller: cell.caller, ...judge(cell.expected, res.status, res.body, req.marker) };
        });
        for (const o of outcomes) {
          tally.requests += 1;
          if (o.got === o.expected) continue;
          tally.mismatches += 1;
          if (o.leak) tally.leaks += 1;
          failures.push(
            `${o.leak ? 'LEAK' : 'mismatch'}: ${probe.kind} "${probe.what}" as ${o.caller}: expected ${o.expected}, got ${o.got}`,
          );
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
