/**
 * One restructuring from its date to the last running workflow told. Durable: the wait for the
 * effective date is a timer, the fan-out's position is the workflow's state (carried across
 * continue-as-new), and every step is an activity retried until it succeeds. Deterministic code only.
 */
import { continueAsNew, proxyActivities, setHandler, sleep, workflowInfo } from '@temporalio/workflow';
import { ACTIVITY_OPTIONS } from '../common/workflow-runtime';
import {
  FAN_OUT_TARGETS,
  FanOutCursor,
  OrgChangeActivities,
  OrgChangeProgress,
  orgChangeProgressQuery,
  OrgChangeWorkflowInput,
} from './definitions';

const { takeOrgChangeEffect, orgChangeOutstanding, completeOrgChange } =
  proxyActivities<OrgChangeActivities>(ACTIVITY_OPTIONS);
// A page sends up to a few hundred updates: it heartbeats, and gets longer than a projection call.
const { sendOrgChangePage } = proxyActivities<OrgChangeActivities>({
  ...ACTIVITY_OPTIONS,
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
});

const DEFAULT_PAGE_SIZE = 200;
const DEFAULT_CONCURRENCY = 16;
/** Pages per run before continuing as new, so the history stays short whatever the scale. */
const PAGES_PER_RUN = 100;
/** Full passes over the read model: a workflow started with a predecessor while the first ran is caught by the next. */
const MAX_PASSES = 5;
/** Polls of the read model after a pass (about two minutes in all) before another pass. */
const CONVERGE_POLLS = 60;

/** Midnight of a Vietnam calendar day, in epoch ms. */
const vnMidnight = (date: string): number => Date.parse(`${date}T00:00:00+07:00`);

export async function orgChangeWorkflow(input: OrgChangeWorkflowInput): Promise<OrgChangeProgress> {
  const { changeId } = input;
  const pageSize = input.pageSize ?? DEFAULT_PAGE_SIZE;
  const concurrency = input.concurrency ?? DEFAULT_CONCURRENCY;
  const progress: OrgChangeProgress = { stage: 'WAITING', cursor: input.cursor ?? null, sent: 0 };
  setHandler(orgChangeProgressQuery, () => progress);

  if (!input.cursor) {
    const wait = vnMidnight(input.effectiveDate) - Date.now();
    if (wait > 0) await sleep(wait);
    progress.stage = 'TAKING_EFFECT';
    await takeOrgChangeEffect(changeId);
  }
  let cursor: FanOutCursor = input.cursor ?? { pass: 1, target: FAN_OUT_TARGETS[0], afterId: null };
  let pages = 0;
  for (;;) {
    progress.stage = 'FANNING_OUT';
    progress.cursor = cursor;
    const page = await sendOrgChangePage({
      changeId,
      target: cursor.target,
      afterId: cursor.afterId,
      pageSize,
      concurrency,
    });
    progress.sent += page.sent;
    pages += 1;
    const nextTarget = FAN_OUT_TARGETS[FAN_OUT_TARGETS.indexOf(cursor.target) + 1];
    if (page.nextAfterId) cursor = { ...cursor, afterId: page.nextAfterId };
    else if (nextTarget) cursor = { ...cursor, target: nextTarget, afterId: null };
    else {
      // The pass is over: wait for the projections to agree; what still names a predecessor gets another pass.
      progress.stage = 'CONVERGING';
      let outstanding = await orgChangeOutstanding(changeId);
      for (let poll = 0; outstanding > 0 && poll < CONVERGE_POLLS; poll++) {
        await sleep(Math.min(250 * 2 ** poll, 2000));
        outstanding = await orgChangeOutstanding(changeId);
      }
      if (outstanding === 0 || cursor.pass >= MAX_PASSES) break;
      cursor = { pass: cursor.pass + 1, target: FAN_OUT_TARGETS[0], afterId: null };
    }
    if (pages >= PAGES_PER_RUN || workflowInfo().continueAsNewSuggested) {
      return continueAsNew<typeof orgChangeWorkflow>({ ...input, cursor });
    }
  }
  await completeOrgChange(changeId);
  progress.stage = 'DONE';
  return progress;
}
