/**
 * The programme workflow: one per action programme, from survey to final summary.
 * Deterministic code only: state changes come from the pure domain reducer; time comes from the
 * workflow clock; I/O happens in activities (projection, audit, notifications).
 */
import {
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
  initialState,
  isTerminal,
  Phase,
  PROGRAMME_ACTIONS,
  ProgrammeAction,
  ProgrammeEffect,
  recordTaskOutcome,
  validateAction,
  validateProgrammeTransfer,
} from '@app/domain';
import { SA_PHASE } from '@app/temporal/search-attributes';
import { setActionHandlers } from '../common/action-handlers';
import { programmeTransferDuties, setDutyTransferHandler } from '../common/duty-transfer';
import { setOrgChangeHandler } from '../common/org-change-update';
import { firstRun, ACTIVITY_OPTIONS, WorkflowRuntime } from '../common/workflow-runtime';
import { taskOutcomeSignal, TaskWorkflowInput } from '../task/definitions';
import { AuditRecord, NotificationRequest, ProgrammeActivities, programmeRecords } from './activity-interfaces';
import {
  CarriedState,
  ProgrammeOutcome,
  programmeUpdates,
  programmeViewQuery,
  ProgrammeWorkflowInput,
} from './definitions';
import { programmeSummary, programmeView } from './programme-view';
import { fireProgrammeTimer, ProgrammeTimer, programmeTimers } from './programme-timers';
import { startTaskChildren, tasksStartedBy } from './task-children';

const { publishProgrammeChanges } = proxyActivities<ProgrammeActivities>(ACTIVITY_OPTIONS);

/** Patch: the final review reminds its reporters and escalates an unclosed programme (added after the first release). */
export const PATCH_FINAL_REVIEW_TIMERS = 'final-review-timers';

export async function programmeWorkflow(input: ProgrammeWorkflowInput): Promise<ProgrammeOutcome> {
  const { template } = input;
  const carried: CarriedState = input.carried ?? firstRun(initialState(input.setup, template, new Date()));
  const state = carried.state;
  const programmeId = state.setup.programmeId;
  const workflowId = workflowInfo().workflowId;
  const pendingTaskStarts: TaskWorkflowInput[] = [];
  let publishedPhase = state.phase;

  const runtime = new WorkflowRuntime<typeof state, ProgrammeEffect, ProgrammeTimer, AuditRecord, NotificationRequest>({
    carried,
    publishAtStart: !input.carried,
    ...programmeRecords(programmeId),
    timers: () =>
      programmeTimers(state, template, {
        finalReviewTimers: state.phase === Phase.FINAL_REVIEW && patched(PATCH_FINAL_REVIEW_TIMERS),
      }),
    fire: (timer, now) => fireProgrammeTimer(state, template, timer, now),
    // The activity reads the state through the `view` query: the history keeps only the changes.
    publish: (changes) => {
      if (state.phase !== publishedPhase) {
        publishedPhase = state.phase;
        upsertSearchAttributes([{ key: SA_PHASE, value: state.phase }]);
      }
      return publishProgrammeChanges({ workflowId, version: state.version, ...changes });
    },
    afterFlush: {
      run: () => startTaskChildren(pendingTaskStarts.splice(0)),
      pending: () => pendingTaskStarts.length > 0,
    },
    isFinished: () => isTerminal(state.phase),
    continueAsNewAfterEvents: input.continueAsNewAfterEvents,
    continueAsNew: (next) => continueAsNew<typeof programmeWorkflow>({ ...input, carried: next }),
  });

  setHandler(programmeViewQuery, () => programmeView(state, new Date()));
  setActionHandlers(PROGRAMME_ACTIONS, programmeUpdates, {
    applied: (requestId) => state.appliedRequestIds.includes(requestId),
    validate: (action: ProgrammeAction, env) => validateAction(state, env.actor, action, new Date()),
    handle: (action: ProgrammeAction, env) => {
      // A retried request (same id) has exactly one effect: the second call only reads.
      if (!state.appliedRequestIds.includes(env.requestId)) {
        const now = new Date();
        runtime.queue(applyAction(state, template, env.actor, action, now, env.requestId), now);
        pendingTaskStarts.push(...tasksStartedBy(action.name, state, template, workflowId));
      }
      return programmeSummary(state, new Date());
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

  await runtime.run();
  const headline = state.finalReview.review?.summary?.headline ?? null;
  return { programmeId, phase: state.phase, runs: carried.runs, headline };
}
