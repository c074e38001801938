/**
 * The cascade obligation workflow: one per obligation (a subordinate body must issue its own programme
 * implementing a registry entry by a deadline). Reminders before the deadline and escalations after it
 * are durable timers computed from the state; the worker tells it of the body's issuance, the API of a
 * withdrawal, each through an update; either ends it.
 */
import { continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  applyIssuance,
  applyWithdrawal,
  CascadeEffect,
  CascadeTimer,
  cascadeTimerEffects,
  cascadeTimers,
  DEFAULT_WORKING_CALENDAR,
  initialCascadeState,
  obligationCreatedEffects,
  validateIssuance,
  validateWithdrawal,
  type Refusal,
} from '@app/domain';
import { WorkingCalendar } from '@app/domain/calendar';
import { refusalFailure } from '../common/update-envelope';
import { ACTIVITY_OPTIONS, firstRun, WorkflowRuntime } from '../common/workflow-runtime';
import { calendarSpan } from '../task/task-calendar';
import {
  CascadeActivities,
  CascadeEventRecord,
  CascadeNotificationRequest,
  cascadeRecords,
  CascadeView,
  cascadeViewQuery,
  CascadeWorkflowInput,
  recordIssuanceUpdate,
  withdrawObligationUpdate,
} from './definitions';

const { publishCascadeChanges, loadWorkingCalendar } = proxyActivities<CascadeActivities>(ACTIVITY_OPTIONS);

export async function cascadeObligationWorkflow(input: CascadeWorkflowInput): Promise<CascadeView> {
  const carried = input.carried ?? firstRun(initialCascadeState(input.setup));
  const state = carried.state;
  const workflowId = workflowInfo().workflowId;
  // The working-day table is read once (first run) and carried: later edits do not move running deadlines.
  // Until it is loaded (before any timer is asked for) the built-in table stands in.
  let years = input.carried?.calendarYears;
  let calendar = years ? new WorkingCalendar(years) : DEFAULT_WORKING_CALENDAR;

  const runtime = new WorkflowRuntime<
    typeof state,
    CascadeEffect,
    CascadeTimer,
    CascadeEventRecord,
    CascadeNotificationRequest
  >({
    carried,
    publishAtStart: true,
    ...cascadeRecords(state.setup.obligationId),
    timers: () => cascadeTimers(state, calendar),
    fire: (timer) => cascadeTimerEffects(state, timer),
    publish: ({ events, notifications }) =>
      publishCascadeChanges({ workflowId, version: state.version, events, notifications }),
    isFinished: () => state.status !== 'OPEN',
    continueAsNewAfterEvents: input.continueAsNewAfterEvents,
    continueAsNew: (next) =>
      continueAsNew<typeof cascadeObligationWorkflow>({ ...input, carried: { ...next, calendarYears: years } }),
  });

  const view = (): CascadeView => ({
    obligationId: state.setup.obligationId,
    status: state.status,
    dueAt: state.setup.dueAt,
    upcoming: runtime.pendingTimers().map((t) => ({ kind: t.kind, level: t.level, at: new Date(t.at).toISOString() })),
    version: state.version,
    state,
  });
  const refuse = (r: Refusal | null) => {
    if (r) throw refusalFailure(r);
  };
  setHandler(cascadeViewQuery, view);
  setHandler(
    recordIssuanceUpdate,
    (p) => {
      const now = new Date();
      runtime.queue(applyIssuance(state, p, now), now);
      return view();
    },
    { validator: (p) => refuse(validateIssuance(state, p)) },
  );
  setHandler(
    withdrawObligationUpdate,
    (p) => {
      const now = new Date();
      runtime.queue(applyWithdrawal(state, p, now), now);
      return view();
    },
    { validator: (p) => refuse(validateWithdrawal(state, p)) },
  );

  if (!input.carried) runtime.queue(obligationCreatedEffects(state), new Date());
  if (!years) {
    years = await loadWorkingCalendar(calendarSpan(new Date(), state.setup.dueAt));
    calendar = new WorkingCalendar(years);
  }
  await runtime.run();
  return view();
}
