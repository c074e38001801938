/**
 * The yearly breakthrough-task cycle of one committee: registration window, appraisal by the
 * Standing Committee, a task workflow (child, abandoned on close) per approved registration, and
 * the year-end evaluation from the outcomes the tasks signal back. Deterministic code only.
 */
import { continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  applyBreakthroughAction,
  applyCycleTransfer,
  applyOrgChangeToCycle,
  availableCycleActions,
  BREAKTHROUGH_ACTIONS,
  BreakthroughAction,
  BreakthroughEffect,
  BreakthroughPhase,
  BreakthroughSummary,
  initialBreakthroughState,
  recordBreakthroughOutcome,
  Registration,
  validateBreakthroughAction,
  validateCycleTransfer,
} from '@app/domain';
import { breakthroughWorkflowId } from '@app/temporal/workflow-ids';
import { setActionHandlers } from '../common/action-handlers';
import { cycleTransferDuties, setDutyTransferHandler } from '../common/duty-transfer';
import { setOrgChangeHandler } from '../common/org-change-update';
import { firstRun, ACTIVITY_OPTIONS, WorkflowRuntime } from '../common/workflow-runtime';
import { taskOutcomeSignal, TaskWorkflowInput } from '../task/definitions';
import { startChildTasks } from '../task/start-task-children';
import { CycleTimer, cycleTimers, fireCycleTimer } from './cycle-timers';
import { cycleActionResult, cycleIdOf, cycleView } from './cycle-view';
import {
  BreakthroughActionEnvelope,
  BreakthroughActivities,
  BreakthroughEventRecord,
  BreakthroughNotificationRequest,
  cycleRecords,
  breakthroughUpdates,
  breakthroughViewQuery,
  BreakthroughWorkflowInput,
  cycleAvailableActionsQuery,
} from './definitions';

const { publishBreakthroughChanges } = proxyActivities<BreakthroughActivities>(ACTIVITY_OPTIONS);

export async function breakthroughCycleWorkflow(input: BreakthroughWorkflowInput): Promise<BreakthroughSummary | null> {
  const carried = input.carried ?? firstRun(initialBreakthroughState(input.setup));
  const state = carried.state;
  const cycleId = cycleIdOf(state);
  const reportTo = breakthroughWorkflowId(state.setup.unitId, state.setup.year);
  const pendingTaskStarts: TaskWorkflowInput[] = [];

  const runtime = new WorkflowRuntime<
    typeof state,
    BreakthroughEffect,
    CycleTimer,
    BreakthroughEventRecord,
    BreakthroughNotificationRequest
  >({
    carried,
    publishAtStart: true,
    ...cycleRecords(cycleId),
    timers: () => cycleTimers(state),
    fire: (timer) => fireCycleTimer(state, timer),
    // The activity reads the cycle through the `breakthroughView` query: the history keeps only the changes.
    publish: (changes) =>
      publishBreakthroughChanges({ workflowId: workflowInfo().workflowId, version: state.version, ...changes }),
    // Approved registrations become task workflows as soon as their approval is published.
    afterPublish: {
      run: () => startChildTasks(pendingTaskStarts.splice(0)),
      pending: () => pendingTaskStarts.length > 0,
    },
    isFinished: () => state.phase === BreakthroughPhase.CLOSED,
    continueAsNewAfterEvents: input.continueAsNewAfterEvents,
    continueAsNew: (next) => continueAsNew<typeof breakthroughCycleWorkflow>({ ...input, carried: next }),
  });

  const view = () => cycleView(state, runtime.runs);
  setHandler(breakthroughViewQuery, view);
  setHandler(cycleAvailableActionsQuery, (actor) => availableCycleActions(state, actor));
  /** This run's registrations by request id, so a retried register answers with its registration. */
  const lastRegistrationBy = new Map<string, Registration>();
  setActionHandlers(BREAKTHROUGH_ACTIONS, breakthroughUpdates, {
    applied: (requestId) => state.appliedRequestIds.includes(requestId),
    validate: (action: BreakthroughAction, env) => validateBreakthroughAction(state, env.actor, action),
    handle: (action: BreakthroughAction, env: BreakthroughActionEnvelope) => {
      if (!state.appliedRequestIds.includes(env.requestId)) {
        const { effects, tasks } = applyBreakthroughAction(state, env.actor, action, new Date(), env.requestId);
        if (action.name === 'register')
          lastRegistrationBy.set(env.requestId, state.registrations[state.registrations.length - 1]);
        runtime.queue(effects);
        pendingTaskStarts.push(...tasks.map((t) => ({ setup: t, reportToWorkflowId: reportTo })));
      }
      const no = (env.payload as { no?: number }).no;
      const registration =
        action.name === 'register'
          ? lastRegistrationBy.get(env.requestId)
          : state.registrations.find((r) => r.no === no);
      return cycleActionResult(view(), registration);
    },
  });
  setDutyTransferHandler(cycleTransferDuties, {
    state,
    validate: (env) => validateCycleTransfer(state, env.actor, env.payload),
    apply: (env) => applyCycleTransfer(state, env.actor, env.payload, env.requestId),
    queue: (effects) => runtime.queue(effects),
  });
  setOrgChangeHandler({
    state,
    apply: (mapping, env) => applyOrgChangeToCycle(state, mapping, env.actor.personId, env.requestId),
    queue: (effects, now) => runtime.queue(effects, now),
  });
  setHandler(taskOutcomeSignal, (outcome) => {
    recordBreakthroughOutcome(state, outcome);
    runtime.wakeIfHistoryIsLong();
  });

  await runtime.run();
  return state.summary;
}
