/**
 * The yearly breakthrough-task cycle of one committee: registration window, appraisal by the
 * Standing Committee, a task workflow (child, abandoned on close) per approved registration, and
 * the year-end evaluation from the outcomes the tasks signal back. Deterministic code only.
 */
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import {
  applyBreakthroughAction,
  BREAKTHROUGH_ACTIONS,
  BreakthroughAction,
  BreakthroughEffect,
  BreakthroughPhase,
  breakthroughReminder,
  BreakthroughSummary,
  closeAppraisal,
  closeRegistration,
  evaluateAtYearEnd,
  initialBreakthroughState,
  offsetBefore,
  recordBreakthroughOutcome,
  Registration,
  validateBreakthroughAction,
} from '@app/domain';
import { breakthroughWorkflowId } from '@app/temporal/workflow-ids';
import { checkEnvelope, refusalFailure } from '../common/update-envelope';
import { taskOutcomeSignal, TaskWorkflowInput } from '../task/definitions';
import { startChildTasks } from '../task/start-task-children';
import {
  BreakthroughActionEnvelope,
  BreakthroughActionResult,
  BreakthroughActivities,
  BreakthroughEventRecord,
  BreakthroughNotificationRequest,
  breakthroughUpdates,
  BreakthroughView,
  breakthroughViewQuery,
  BreakthroughWorkflowInput,
} from './definitions';

const { publishBreakthroughChanges } = proxyActivities<BreakthroughActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const DEFAULT_CONTINUE_AS_NEW_AFTER = 2000;
const MAX_BATCH = 100;

interface TimerEvent {
  key: string;
  at: number;
  fire(): BreakthroughEffect[];
}

export async function breakthroughCycleWorkflow(input: BreakthroughWorkflowInput): Promise<BreakthroughSummary | null> {
  const carried = input.carried ?? {
    state: initialBreakthroughState(input.setup),
    firedTimerKeys: [],
    effectSeq: 0,
    runs: 1,
  };
  const state = carried.state;
  const setup = state.setup;
  const cycleId = `${setup.unitId}/${setup.year}`;
  const fired = new Set(carried.firedTimerKeys);
  let effectSeq = carried.effectSeq;
  const pendingEvents: BreakthroughEventRecord[] = [];
  const pendingNotifications: BreakthroughNotificationRequest[] = [];
  const pendingTaskStarts: TaskWorkflowInput[] = [];
  let projectionDirty = true;
  const reportTo = breakthroughWorkflowId(setup.unitId, setup.year);

  const queue = (effects: BreakthroughEffect[]) => {
    const occurredAt = new Date().toISOString();
    for (const e of effects) {
      effectSeq += 1;
      const key = `breakthrough/${cycleId}#${effectSeq}`;
      if (e.type === 'audit')
        pendingEvents.push({ key, cycleId, actorId: e.actorId, action: e.action, occurredAt, after: e.after });
      else if (e.recipientIds.length || e.headOfUnitIds?.length)
        pendingNotifications.push({
          key,
          kind: e.kind,
          recipientIds: e.recipientIds,
          headOfUnitIds: e.headOfUnitIds ?? [],
          params: e.params,
          occurredAt,
        });
    }
    projectionDirty = true;
  };

  const view = (): BreakthroughView => {
    const counts: Record<string, number> = {};
    for (const r of state.registrations) counts[r.status] = (counts[r.status] ?? 0) + 1;
    return { cycleId, phase: state.phase, counts, runs: carried.runs, version: state.version, state };
  };

  setHandler(breakthroughViewQuery, view);
  /** This run's registrations by request id, so a retried register answers with its registration. */
  const lastRegistrationBy = new Map<string, Registration>();
  for (const name of BREAKTHROUGH_ACTIONS) {
    setHandler(
      breakthroughUpdates[name] as unknown as UpdateDefinition<BreakthroughActionResult, [BreakthroughActionEnvelope]>,
      (env: BreakthroughActionEnvelope) => {
        const touched = (): BreakthroughActionResult => {
          const { state: _whole, ...light } = view();
          const no = (env.payload as { no?: number }).no;
          const registration =
            name === 'register' ? lastRegistrationBy.get(env.requestId) : state.registrations.find((x) => x.no === no);
          return { ...light, registration: registration ?? null };
        };
        if (state.appliedRequestIds.includes(env.requestId)) return touched();
        const { effects, tasks } = applyBreakthroughAction(
          state,
          env.actor,
          { name, payload: env.payload } as BreakthroughAction,
          new Date(),
          env.requestId,
        );
        if (name === 'register')
          lastRegistrationBy.set(env.requestId, state.registrations[state.registrations.length - 1]);
        queue(effects);
        pendingTaskStarts.push(...tasks.map((t) => ({ setup: t, reportToWorkflowId: reportTo })));
        return touched();
      },
      {
        validator: (env: BreakthroughActionEnvelope) => {
          checkEnvelope(env);
          if (state.appliedRequestIds.includes(env.requestId)) return;
          const refusal = validateBreakthroughAction(state, env.actor, {
            name,
            payload: env.payload,
          } as BreakthroughAction);
          if (refusal) throw refusalFailure(refusal);
        },
      },
    );
  }

  const continueAsNewAfter = input.continueAsNewAfterEvents ?? DEFAULT_CONTINUE_AS_NEW_AFTER;
  const historyIsLong = () =>
    workflowInfo().continueAsNewSuggested || workflowInfo().historyLength >= continueAsNewAfter;
  setHandler(taskOutcomeSignal, (outcome) => {
    recordBreakthroughOutcome(state, outcome);
    if (historyIsLong()) state.version += 1; // wake the loop so it continues as new
  });

  const dueTimers = (): TimerEvent[] => {
    const events: TimerEvent[] = [];
    const step = (phase: 'REGISTRATION' | 'APPRAISAL', deadline: string, close: () => BreakthroughEffect[]) => {
      const prefix = phase === 'REGISTRATION' ? 'reg' : 'appr';
      setup.reminderOffsets.forEach((offset, i) => {
        events.push({
          key: `${prefix}.remind${i + 1}`,
          at: offsetBefore(new Date(deadline), offset).getTime(),
          fire: () => breakthroughReminder(state, phase),
        });
      });
      events.push({ key: `${prefix}.close`, at: Date.parse(deadline), fire: close });
    };
    if (state.phase === BreakthroughPhase.REGISTRATION)
      step('REGISTRATION', setup.registrationDeadline, () => closeRegistration(state, null));
    if (state.phase === BreakthroughPhase.APPRAISAL)
      step('APPRAISAL', setup.appraisalDeadline, () => closeAppraisal(state, null));
    if (state.phase !== BreakthroughPhase.CLOSED)
      events.push({ key: 'year.end', at: Date.parse(setup.yearEndsAt), fire: () => evaluateAtYearEnd(state) });
    return events.filter((e) => !fired.has(e.key)).sort((a, b) => a.at - b.at || a.key.localeCompare(b.key));
  };

  const fireDueTimers = (): void => {
    for (;;) {
      const next = dueTimers()[0];
      if (!next || next.at > Date.now()) return;
      fired.add(next.key);
      queue(next.fire());
      state.version += 1;
    }
  };

  /** Publishes and starts approved tasks until nothing is pending (handlers may add more while it awaits). */
  const flush = async (): Promise<void> => {
    while (projectionDirty || pendingEvents.length || pendingNotifications.length || pendingTaskStarts.length) {
      projectionDirty = false;
      const events = pendingEvents.splice(0, MAX_BATCH);
      const notifications = pendingNotifications.splice(0, MAX_BATCH);
      const { phase, counts, version } = view();
      await publishBreakthroughChanges({
        workflowId: workflowInfo().workflowId,
        cycle: {
          cycleId,
          unitId: setup.unitId,
          year: setup.year,
          title: setup.title,
          phase,
          counts,
          summary: state.summary,
          version,
        },
        events,
        notifications,
      });
      await startChildTasks(pendingTaskStarts.splice(0));
    }
  };

  for (;;) {
    fireDueTimers();
    await flush();
    if (state.phase === BreakthroughPhase.CLOSED) break;
    if (historyIsLong()) {
      await condition(allHandlersFinished);
      fireDueTimers();
      await flush();
      if ((state.phase as BreakthroughPhase) !== BreakthroughPhase.CLOSED) {
        return continueAsNew<typeof breakthroughCycleWorkflow>({
          ...input,
          carried: { state, firedTimerKeys: [...fired], effectSeq, runs: carried.runs + 1 },
        });
      }
      break;
    }
    const next = dueTimers()[0];
    const seenVersion = state.version;
    if (!next) await condition(() => state.version !== seenVersion);
    else await condition(() => state.version !== seenVersion, Math.max(next.at - Date.now(), 1));
  }
  await condition(allHandlersFinished);
  await flush();
  return state.summary;
}
