/**
 * The programme workflow: one per action programme, from survey to final summary.
 * Deterministic code only: state changes come from the pure domain reducer; time comes from the
 * workflow clock; I/O happens in activities (projection, audit, notifications).
 */
import {
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  applyAction,
  applyProgrammeTransfer,
  applyOrgChangeToProgramme,
  availableProgrammeActions,
  initialState,
  isTerminal,
  Phase,
  PROGRAMME_ACTIONS,
  ProgrammeAction,
  ProgrammeEffect,
  ProgrammeEnding,
  recordTaskOutcome,
  validateAction,
  validateProgrammeTransfer,
} from '@app/domain';
import { SA_PHASE } from '@app/temporal/search-attributes';
import { setActionHandlers } from '../common/action-handlers';
import { programmeTransferDuties, setDutyTransferHandler } from '../common/duty-transfer';
import { setOrgChangeHandler } from '../common/org-change-update';
import { firstRun, ACTIVITY_OPTIONS, WorkflowRuntime } from '../common/workflow-runtime';
import type { TaskActivities } from '../task/activity-interfaces';
import { taskOutcomeSignal, TaskWorkflowInput } from '../task/definitions';
import { AuditRecord, NotificationRequest, ProgrammeActivities, programmeRecords } from './activity-interfaces';
import {
  CarriedState,
  programmeAvailableActionsQuery,
  ProgrammeOutcome,
  programmeUpdates,
  programmeViewQuery,
  ProgrammeWorkflowInput,
} from './definitions';
import { programmeSummary, programmeView } from './programme-view';
import { fireProgrammeTimer, ProgrammeTimer, programmeTimers } from './programme-timers';
import { startTaskChildren, tasksStartedBy } from './task-children';
import { endingEndsTasks, endingOf, endTasks, reopenTasks, TaskReopen } from './task-follow-ups';
import { ProgrammeCalendar, programmeCalendarSpan, recountFirstPhaseDeadline } from './programme-calendar';
import { refusalFailure } from '../common/update-envelope';

// The working-day table comes from the task workflow's activity: one loader for both.
const { publishProgrammeChanges, loadWorkingCalendar } = proxyActivities<
  ProgrammeActivities & Pick<TaskActivities, 'loadWorkingCalendar'>
>(ACTIVITY_OPTIONS);

/** Patch: the final review reminds its reporters and escalates an unclosed programme (added after the first release). */
export const PATCH_FINAL_REVIEW_TIMERS = 'final-review-timers';
/** Patch: a consultation round reminds its silent invitees once, by CONSULTATION_REMINDER, instead of the phase reminders. */
export const PATCH_CONSULTATION_REMINDERS = 'consultation-reminders-v1';

export async function programmeWorkflow(input: ProgrammeWorkflowInput): Promise<ProgrammeOutcome> {
  const { template } = input;
  const carried: CarriedState = input.carried ?? firstRun(initialState(input.setup, template, new Date()));
  const state = carried.state;
  const programmeId = state.setup.programmeId;
  const workflowId = workflowInfo().workflowId;
  const pendingTaskStarts: TaskWorkflowInput[] = [];
  const pendingReopens: TaskReopen[] = [];
  let pendingEnding: ProgrammeEnding | null = null;
  // Reopening and ending tasks take their own path: histories without them run the old one unchanged.
  const followUps = async (): Promise<void> => {
    await startTaskChildren(pendingTaskStarts.splice(0));
    await reopenTasks(pendingReopens.splice(0), workflowId);
    const ending = pendingEnding;
    pendingEnding = null;
    if (ending) await endTasks(state, ending);
  };
  let publishedPhase = state.phase;
  const calendar = new ProgrammeCalendar(template, input.carried?.calendarYears, !!input.carried);
  // The template as the domain applies it: with the working-day table once it is loaded.
  const rules = calendar.rules;

  const runtime = new WorkflowRuntime<typeof state, ProgrammeEffect, ProgrammeTimer, AuditRecord, NotificationRequest>({
    carried,
    publishAtStart: !input.carried,
    ...programmeRecords(programmeId),
    timers: () =>
      programmeTimers(state, rules, {
        finalReviewTimers: state.phase === Phase.FINAL_REVIEW && patched(PATCH_FINAL_REVIEW_TIMERS),
        consultationReminders: state.phase === Phase.CONSULTATION && patched(PATCH_CONSULTATION_REMINDERS),
      }),
    fire: (timer, now) => fireProgrammeTimer(state, rules, timer, now),
    // The activity reads the state through the `view` query: the history keeps only the changes.
    publish: (changes) => {
      if (state.phase !== publishedPhase) {
        publishedPhase = state.phase;
        upsertSearchAttributes([{ key: SA_PHASE, value: state.phase }]);
      }
      return publishProgrammeChanges({ workflowId, version: state.version, ...changes });
    },
    afterFlush: {
      run: () =>
        pendingReopens.length > 0 || pendingEnding ? followUps() : startTaskChildren(pendingTaskStarts.splice(0)),
      pending: () => pendingTaskStarts.length > 0 || pendingReopens.length > 0 || pendingEnding !== null,
    },
    isFinished: () => isTerminal(state.phase),
    continueAsNewAfterEvents: input.continueAsNewAfterEvents,
    continueAsNew: (next) =>
      continueAsNew<typeof programmeWorkflow>({ ...input, carried: { ...next, calendarYears: calendar.carriedYears } }),
  });

  setHandler(programmeViewQuery, () => programmeView(state, new Date()));
  setHandler(programmeAvailableActionsQuery, (actor) => availableProgrammeActions(state, actor, new Date()));
  setActionHandlers(PROGRAMME_ACTIONS, programmeUpdates, {
    applied: (requestId) => state.appliedRequestIds.includes(requestId),
    validate: (action: ProgrammeAction, env) => validateAction(state, env.actor, action, new Date()),
    handle: (action: ProgrammeAction, env) => {
      const apply = () => {
        // A retried request (same id) has exactly one effect: the second call only reads.
        if (!state.appliedRequestIds.includes(env.requestId)) {
          const now = new Date();
          runtime.queue(applyAction(state, rules, env.actor, action, now, env.requestId), now);
          pendingTaskStarts.push(...tasksStartedBy(action.name, state, template, workflowId));
          if (action.name === 'recordInspection') pendingReopens.push(...reopensOf(action.payload, env.actor.personId));
          if ((action.name === 'cancel' || action.name === 'supersede') && endingEndsTasks())
            pendingEnding = endingOf(state, env.actor.personId, now.toISOString());
        }
        return programmeSummary(state, new Date());
      };
      if (!calendar.pending) return apply();
      // In the programme's first moments its working-day table is still loading: act once it is there.
      return (async () => {
        await condition(() => !calendar.pending);
        if (!state.appliedRequestIds.includes(env.requestId)) {
          const refusal = validateAction(state, env.actor, action, new Date());
          if (refusal) throw refusalFailure(refusal);
        }
        return apply();
      })();
    },
  });
  setDutyTransferHandler(programmeTransferDuties, {
    state,
    validate: (env) => validateProgrammeTransfer(state, env.actor, env.payload),
    apply: (env) => applyProgrammeTransfer(state, env.actor, env.payload, env.requestId),
    queue: (effects, now) => runtime.queue(effects, now),
  });
  setOrgChangeHandler({
    state,
    apply: (mapping, env) => applyOrgChangeToProgramme(state, mapping, env.actor.personId, env.requestId),
    queue: (effects, now) => runtime.queue(effects, now),
  });
  // Task workflows report their outcomes here (by this workflow's id, so across continue-as-new).
  setHandler(taskOutcomeSignal, (outcome) => {
    recordTaskOutcome(state, outcome);
    runtime.wakeIfHistoryIsLong();
  });

  /** The reopen orders of an inspection just recorded (its number is the count of inspections). */
  function reopensOf(p: { reopenTasks?: Array<{ taskId: string; dueAt: string; reason: string }> }, by: string) {
    const inspection = state.implementation.inspections[state.implementation.inspections.length - 1];
    return (p.reopenTasks ?? []).map((r) => ({
      taskId: r.taskId,
      order: {
        by,
        at: inspection.at,
        inspectionNo: state.implementation.inspections.length,
        reason: r.reason,
        dueAt: new Date(r.dueAt).toISOString(),
      },
    }));
  }

  if (calendar.pending) {
    calendar.use(await loadWorkingCalendar(programmeCalendarSpan(new Date(), template)));
    if (!input.carried) recountFirstPhaseDeadline(state, rules);
  }
  await runtime.run();
  const headline = state.finalReview.review?.summary?.headline ?? null;
  return { programmeId, phase: state.phase, runs: carried.runs, headline };
}
