/**
 * The task workflow: one per assigned task, started as a child of its programme (or breakthrough
 * cycle) and abandoned by it, so it outlives the parent's continue-as-new. Staff act through updates;
 * reminders before the due date and escalations after it are durable timers computed from the
 * state, so an extension moves them and a reassignment sends them to the new person.
 */
import {
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  applyOrgChangeToTask,
  applyTaskAction,
  applyTaskTransfer,
  assignmentEffects,
  availableTaskActions,
  endWithProgramme,
  initialTaskState,
  isTaskClosed,
  reopenCount,
  reopenTask,
  TASK_ACTIONS,
  TaskAction,
  TaskEffect,
  TaskOutcome,
  TaskTimer,
  taskTimers,
  timerEffects,
  validateTaskAction,
  validateTaskTransfer,
} from '@app/domain';
import type { WorkingCalendar } from '@app/domain/calendar';
import { setActionHandlers } from '../common/action-handlers';
import { setDutyTransferHandler, taskTransferDuties } from '../common/duty-transfer';
import { setOrgChangeHandler } from '../common/org-change-update';
import { refusalFailure } from '../common/update-envelope';
import { firstRun, ACTIVITY_OPTIONS, WorkflowRuntime } from '../common/workflow-runtime';
import { TaskActivities, TaskEventRecord, TaskNotificationRequest, taskRecords } from './activity-interfaces';
import { programmeWorkflowId } from '@app/temporal/workflow-ids';
import {
  programmeEndedSignal,
  TaskActionEnvelope,
  taskAvailableActionsQuery,
  taskOutcomeSignal,
  taskUpdates,
  taskViewQuery,
  TaskWorkflowInput,
} from './definitions';
import { calendarSpan, TaskCalendar } from './task-calendar';
import { reportedOutcomeKey, taskOutcome, taskView } from './task-view';

const { publishTaskChanges, loadWorkingCalendar } = proxyActivities<TaskActivities>(ACTIVITY_OPTIONS);

export async function taskWorkflow(input: TaskWorkflowInput): Promise<TaskOutcome> {
  const carried = input.carried ?? firstRun(initialTaskState(input.setup, new Date()));
  const state = carried.state;
  const taskId = state.setup.taskId;
  const workflowId = workflowInfo().workflowId;
  // A reopened run loads the working-day table afresh, as a new task does.
  const calendar = new TaskCalendar(input.carried?.calendarYears, !!input.carried && !input.reopen);
  // The parent knows how the task starts; it hears only of changes.
  let reportedOutcome = reportedOutcomeKey(taskOutcome(state));
  // A superseding programme takes the task over: outcomes go to it from then on.
  let reportTo = input.reportToWorkflowId;

  /** Tells the parent (by workflow id, so its latest run gets it) when the outcome it counts changed. */
  const report = async (): Promise<void> => {
    const outcome = taskOutcome(state);
    const key = reportedOutcomeKey(outcome);
    if (!reportTo || key === reportedOutcome) return;
    reportedOutcome = key;
    try {
      await getExternalWorkflowHandle(reportTo).signal(taskOutcomeSignal, outcome);
    } catch {
      // The programme has closed: nobody is left to count it; the read model still has the task.
    }
  };

  const runtime = new WorkflowRuntime<typeof state, TaskEffect, TaskTimer, TaskEventRecord, TaskNotificationRequest>({
    carried,
    publishAtStart: true,
    // A reopened run numbers its effects anew: its keys carry the reopening's number.
    ...taskRecords(taskId, state.setup.programmeId, reopenCount(state) + (input.reopen ? 1 : 0)),
    timers: () => taskTimers(state, calendar.current),
    fire: (timer) => timerEffects(state, timer.kind, timer.level),
    // The activity reads the state through the `taskView` query: the history keeps only the changes.
    publish: (changes) => publishTaskChanges({ workflowId, version: state.version, ...changes }),
    afterFlush: { run: report },
    isFinished: () => isTaskClosed(state.status),
    continueAsNewAfterEvents: input.continueAsNewAfterEvents,
    continueAsNew: (next) =>
      continueAsNew<typeof taskWorkflow>({
        ...input,
        reportToWorkflowId: reportTo,
        reopen: undefined,
        carried: { ...next, calendarYears: calendar.carriedYears },
      }),
  });

  const view = () => taskView(state, runtime.pendingTimers(), new Date());
  setHandler(taskViewQuery, view);
  setHandler(taskAvailableActionsQuery, (actor) => availableTaskActions(state, actor, new Date()));
  setActionHandlers(TASK_ACTIONS, taskUpdates, {
    applied: (requestId) => state.appliedRequestIds.includes(requestId),
    validate: (action: TaskAction, env: TaskActionEnvelope) =>
      validateTaskAction(state, env.actor, action, new Date(), calendar.current),
    handle: (action: TaskAction, env: TaskActionEnvelope) => {
      const apply = (loaded: WorkingCalendar) => {
        // A retried request (same id) has exactly one effect: the second call only reads.
        if (state.appliedRequestIds.includes(env.requestId)) return view();
        const now = new Date();
        runtime.queue(applyTaskAction(state, env.actor, action, now, env.requestId, loaded), now);
        return view();
      };
      if (calendar.loaded) return apply(calendar.loaded);
      // Validated against the built-in calendar: check again with the loaded one before acting.
      return (async () => {
        await condition(() => calendar.loaded !== null);
        const loaded = calendar.current;
        if (!state.appliedRequestIds.includes(env.requestId)) {
          const refusal = validateTaskAction(state, env.actor, action, new Date(), loaded);
          if (refusal) throw refusalFailure(refusal);
        }
        return apply(loaded);
      })();
    },
  });
  setOrgChangeHandler({
    state,
    apply: (mapping, env) => applyOrgChangeToTask(state, mapping, env.actor.personId, env.requestId),
    queue: (effects, now) => runtime.queue(effects, now),
  });

  setDutyTransferHandler(taskTransferDuties, {
    state,
    validate: (env) => validateTaskTransfer(state, env.actor, env.payload),
    apply: (env, now) => applyTaskTransfer(state, env.actor, env.payload, now, env.requestId),
    queue: (effects, now) => runtime.queue(effects, now),
  });

  setHandler(programmeEndedSignal, (ending) => {
    const effects = endWithProgramme(state, ending);
    if (effects.length === 0) return;
    if (ending.outcome === 'SUPERSEDED' && ending.byProgrammeId) {
      reportTo = programmeWorkflowId(ending.byProgrammeId);
      reportedOutcome = '';
    }
    runtime.queue(effects, new Date());
  });

  if (!input.carried) runtime.queue(assignmentEffects(state), new Date());
  else if (input.reopen) runtime.queue(reopenTask(state, input.reopen), new Date());
  if (!calendar.loaded) calendar.use(await loadWorkingCalendar(calendarSpan(new Date(), state.dueAt)));
  await runtime.run();
  return taskOutcome(state);
}
