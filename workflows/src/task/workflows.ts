/**
 * The task workflow: one per assigned task, started as a child of its programme (or breakthrough
 * cycle) and abandoned by it, so it outlives the parent's continue-as-new. Staff act through updates;
 * reminders before the due date and escalations after it are durable timers computed from the
 * state, so an extension moves them and a reassignment sends them to the new person.
 */
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import {
  applyTaskAction,
  assignmentEffects,
  DEFAULT_WORKING_CALENDAR,
  initialTaskState,
  isTaskClosed,
  pendingExtension,
  TASK_ACTIONS,
  TaskAction,
  TaskEffect,
  TaskOutcome,
  TaskState,
  taskTimers,
  timerEffects,
  validateTaskAction,
} from '@app/domain';
import { type CalendarYear, MAX_CALENDAR_SPAN_YEARS, WorkingCalendar } from '@app/domain/calendar';
import { checkEnvelope, refusalFailure } from '../common/update-envelope';
import type { TaskActivities, TaskEventRecord, TaskNotificationRequest } from './activity-interfaces';
import {
  TaskActionEnvelope,
  taskOutcomeSignal,
  taskUpdates,
  TaskView,
  taskViewQuery,
  TaskWorkflowInput,
} from './definitions';

const { publishTaskChanges, loadWorkingCalendar } = proxyActivities<TaskActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const DEFAULT_CONTINUE_AS_NEW_AFTER = 2000;
/** Tasks started before the working-day table existed keep the built-in calendar when replayed. */
const CALENDAR_FROM_TABLE_PATCH = 'task-calendar-from-table';
const VN_OFFSET_MS = 7 * 3600_000;
const MAX_BATCH = 100;

function outcomeOf(s: TaskState): TaskOutcome {
  return {
    taskId: s.setup.taskId,
    code: s.setup.code,
    status: s.status,
    responsibleUnitId: s.responsibleUnitId,
    responsiblePersonId: s.responsiblePersonId,
    dueAt: s.dueAt,
    doneAt: s.doneAt,
  };
}

/**
 * Years whose working days a task can need: from the year before it starts (reminders before an
 * early due date) to a few years past its due date (extensions, escalations), in Vietnam time.
 */
function calendarSpan(now: Date, dueAt: string): { fromYear: number; toYear: number } {
  const vnYear = (ms: number) => new Date(ms + VN_OFFSET_MS).getUTCFullYear();
  const nowYear = vnYear(now.getTime());
  const dueYear = vnYear(Date.parse(dueAt));
  const fromYear = Math.min(nowYear, dueYear) - 1;
  return { fromYear, toYear: Math.min(Math.max(nowYear, dueYear) + 3, fromYear + MAX_CALENDAR_SPAN_YEARS - 1) };
}

/** The parent counts tasks by status, due date and responsible person: only these changes are reported. */
const outcomeKey = (o: TaskOutcome) =>
  `${o.status === 'DONE' || o.status === 'CANCELLED' ? o.status : 'OPEN'}|${o.dueAt}|${o.responsiblePersonId}|${o.responsibleUnitId}`;

export async function taskWorkflow(input: TaskWorkflowInput): Promise<TaskOutcome> {
  const carried = input.carried ?? {
    state: initialTaskState(input.setup, new Date()),
    firedTimerKeys: [],
    effectSeq: 0,
    runs: 1,
  };
  const state = carried.state;
  const fired = new Set(carried.firedTimerKeys);
  let effectSeq = carried.effectSeq;
  const wfId = workflowInfo().workflowId;
  const taskId = state.setup.taskId;
  const pendingEvents: TaskEventRecord[] = [];
  const pendingNotifications: TaskNotificationRequest[] = [];
  let projectionDirty = true;
  // The parent knows how the task starts; it hears only of changes.
  let reportedOutcome = outcomeKey(outcomeOf(state));

  // The working-day table is read once, by an activity, so it is in the history; the task keeps it
  // (across continue-as-new too) even if an admin edits the table later. Runs from before the
  // table, and their continuations, keep the built-in calendar.
  let calendarYears: CalendarYear[] | undefined = carried.calendarYears;
  let cal: WorkingCalendar | null = calendarYears ? new WorkingCalendar(calendarYears) : null;
  if (!cal && (input.carried || !patched(CALENDAR_FROM_TABLE_PATCH))) cal = DEFAULT_WORKING_CALENDAR;
  /** Until the table is loaded (the task's first moments) the built-in calendar answers queries and validators. */
  const calendarNow = () => cal ?? DEFAULT_WORKING_CALENDAR;

  const queue = (effects: TaskEffect[], now: Date) => {
    for (const e of effects) {
      effectSeq += 1;
      const key = `task/${taskId}#${effectSeq}`;
      const occurredAt = now.toISOString();
      if (e.type === 'audit')
        pendingEvents.push({
          key,
          taskId,
          actorId: e.actorId,
          action: e.action,
          occurredAt,
          before: e.before,
          after: e.after,
        });
      else
        pendingNotifications.push({
          key,
          kind: e.kind,
          recipientIds: e.recipientIds,
          headOfUnitIds: e.headOfUnitIds ?? [],
          taskId,
          programmeId: state.setup.programmeId,
          params: e.params,
          occurredAt,
        });
    }
    projectionDirty = true;
  };

  const pendingTimers = () => taskTimers(state, calendarNow()).filter((t) => !fired.has(t.key));

  const view = (): TaskView => {
    const ext = pendingExtension(state);
    return {
      taskId,
      status: state.status,
      dueAt: state.dueAt,
      overdue: !isTaskClosed(state.status) && Date.now() > Date.parse(state.dueAt),
      pendingExtension: ext ? { newDueAt: ext.newDueAt, reason: ext.reason, by: ext.by, at: ext.at } : null,
      upcoming: pendingTimers().map((t) => ({ kind: t.kind, level: t.level, at: new Date(t.at).toISOString() })),
      version: state.version,
      state,
    };
  };

  setHandler(taskViewQuery, view);
  for (const name of TASK_ACTIONS) {
    setHandler(
      taskUpdates[name] as unknown as UpdateDefinition<TaskView, [TaskActionEnvelope]>,
      (env: TaskActionEnvelope): TaskView | Promise<TaskView> => {
        const action = { name, payload: env.payload } as TaskAction;
        const apply = (loaded: WorkingCalendar): TaskView => {
          // A retried request (same id) has exactly one effect: the second call only reads.
          if (state.appliedRequestIds.includes(env.requestId)) return view();
          const now = new Date();
          queue(applyTaskAction(state, env.actor, action, now, env.requestId, loaded), now);
          return view();
        };
        if (cal) return apply(cal);
        // Validated against the built-in calendar: check again with the loaded one before acting.
        return (async () => {
          await condition(() => cal !== null);
          const loaded = calendarNow();
          if (!state.appliedRequestIds.includes(env.requestId)) {
            const refusal = validateTaskAction(state, env.actor, action, new Date(), loaded);
            if (refusal) throw refusalFailure(refusal);
          }
          return apply(loaded);
        })();
      },
      {
        validator: (env: TaskActionEnvelope) => {
          checkEnvelope(env);
          if (state.appliedRequestIds.includes(env.requestId)) return;
          const refusal = validateTaskAction(
            state,
            env.actor,
            { name, payload: env.payload } as TaskAction,
            new Date(),
            calendarNow(),
          );
          if (refusal) throw refusalFailure(refusal);
        },
      },
    );
  }

  if (!input.carried) queue(assignmentEffects(state), new Date());
  if (!cal) {
    calendarYears = await loadWorkingCalendar(calendarSpan(new Date(), state.dueAt));
    cal = new WorkingCalendar(calendarYears);
  }

  const fireDueTimers = (): void => {
    for (;;) {
      const next = pendingTimers()[0];
      const now = new Date();
      if (!next || next.at > now.getTime()) return;
      fired.add(next.key);
      queue(timerEffects(state, next.kind, next.level), now);
      state.version += 1;
    }
  };

  /** Writes the read model, the task history and the notification jobs (idempotent activity). */
  const flush = async (): Promise<void> => {
    while (projectionDirty || pendingEvents.length || pendingNotifications.length) {
      projectionDirty = false;
      const events = pendingEvents.splice(0, MAX_BATCH);
      const notifications = pendingNotifications.splice(0, MAX_BATCH);
      await publishTaskChanges({ workflowId: wfId, state: JSON.parse(JSON.stringify(state)), events, notifications });
    }
  };

  /** Tells the parent (by workflow id, so its latest run gets it) when the outcome it counts changed. */
  const report = async (): Promise<void> => {
    const outcome = outcomeOf(state);
    const key = outcomeKey(outcome);
    if (!input.reportToWorkflowId || key === reportedOutcome) return;
    reportedOutcome = key;
    try {
      await getExternalWorkflowHandle(input.reportToWorkflowId).signal(taskOutcomeSignal, outcome);
    } catch {
      // The programme has closed: nobody is left to count it; the read model still has the task.
    }
  };

  const continueAsNewAfter = input.continueAsNewAfterEvents ?? DEFAULT_CONTINUE_AS_NEW_AFTER;
  for (;;) {
    fireDueTimers();
    await flush();
    await report();
    if (isTaskClosed(state.status)) break;
    if (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength >= continueAsNewAfter) {
      await condition(allHandlersFinished);
      // Nothing may be left unpublished: a handler can run while report() awaits.
      do {
        fireDueTimers();
        await flush();
        await report();
      } while (projectionDirty || pendingEvents.length || pendingNotifications.length);
      if (!isTaskClosed(state.status)) {
        return continueAsNew<typeof taskWorkflow>({
          ...input,
          carried: { state, firedTimerKeys: [...fired], effectSeq, runs: carried.runs + 1, calendarYears },
        });
      }
      break;
    }
    const next = pendingTimers()[0];
    const seenVersion = state.version;
    if (!next) await condition(() => state.version !== seenVersion);
    else await condition(() => state.version !== seenVersion, Math.max(next.at - Date.now(), 1));
  }
  await condition(allHandlersFinished);
  await flush();
  await report();
  return outcomeOf(state);
}
