/**
 * The programme workflow: one per action programme, from survey to final summary.
 * Deterministic code only: state changes come from the pure domain reducer; time comes from the
 * workflow clock; I/O happens in activities (projection, audit, notifications).
 */
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  addIsoDuration,
  applyAction,
  awaiting,
  closeConsultationAtDeadline,
  closeReview,
  enterPhase,
  initialState,
  isTerminal,
  latestClosedReview,
  openReview,
  Phase,
  PROGRAMME_ACTIONS,
  ProgrammeAction,
  recordTaskOutcome,
  ProgrammeEffect,
  ProgrammeState,
  Review,
  reviewReporters,
  subtractIsoDuration,
  validateAction,
} from '@app/domain';
import { SA_PHASE } from '@app/temporal/search-attributes';
import type { UpdateDefinition } from '@temporalio/common';
import { checkEnvelope, refusalFailure } from '../common/update-envelope';
import { taskOutcomeSignal, TaskWorkflowInput } from '../task/definitions';
import { startTaskChildren, tasksStartedBy } from './task-children';
import type { AuditRecord, NotificationRequest, ProgrammeActivities } from './activity-interfaces';
import {
  ActionEnvelope,
  CarriedState,
  ProgrammeActionResult,
  ProgrammeOutcome,
  ProgrammeView,
  programmeUpdates,
  programmeViewQuery,
  ProgrammeWorkflowInput,
} from './definitions';

const { publishProgrammeChanges } = proxyActivities<ProgrammeActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const DEFAULT_CONTINUE_AS_NEW_AFTER = 2000;
/** Patch: the final review reminds its reporters and escalates an unclosed programme (added after the first release). */
export const PATCH_FINAL_REVIEW_TIMERS = 'final-review-timers';
const MAX_BATCH = 100;

interface TimerEvent {
  key: string;
  at: number;
  fire(now: Date): ProgrammeEffect[];
}

export async function programmeWorkflow(input: ProgrammeWorkflowInput): Promise<ProgrammeOutcome> {
  const template = input.template;
  const carried: CarriedState = input.carried ?? {
    state: initialState(input.setup, template, new Date()),
    firedTimerKeys: [],
    effectSeq: 0,
    runs: 1,
  };
  const state: ProgrammeState = carried.state;
  const fired = new Set(carried.firedTimerKeys);
  let effectSeq = carried.effectSeq;
  const wfId = workflowInfo().workflowId;
  const programmeId = state.setup.programmeId;
  const pendingAudits: AuditRecord[] = [];
  const pendingNotifications: NotificationRequest[] = [];
  let projectionDirty = !input.carried;
  let lastPhase = state.phase;
  const pendingTaskStarts: TaskWorkflowInput[] = [];

  const queue = (effects: ProgrammeEffect[], now: Date) => {
    for (const e of effects) {
      effectSeq += 1;
      const key = `${programmeId}#${effectSeq}`;
      if (e.type === 'audit') {
        pendingAudits.push({
          key,
          programmeId,
          actorId: e.actorId,
          action: e.action,
          occurredAt: now.toISOString(),
          before: e.before,
          after: e.after,
        });
      } else if (e.recipientIds.length > 0) {
        pendingNotifications.push({
          key,
          kind: e.kind,
          recipientIds: e.recipientIds,
          programmeId,
          params: e.params,
          occurredAt: now.toISOString(),
        });
      }
    }
    projectionDirty = true;
  };

  /**
   * A copy of the state for people and the read model. The applied request ids are the workflow's
   * own bookkeeping (up to 500 of them): leaving them out keeps every update result and activity
   * input in the history small.
   */
  const publishedState = (): ProgrammeState => ({
    ...(JSON.parse(JSON.stringify(state)) as ProgrammeState),
    appliedRequestIds: [],
  });

  const summary = (): ProgrammeActionResult => {
    const now = new Date();
    const round = state.consultations[state.consultations.length - 1];
    const latest = latestClosedReview(state);
    return {
      programmeId,
      phase: state.phase,
      phaseDeadline: state.phaseDeadline,
      awaiting: awaiting(state, now),
      consultation: round
        ? {
            round: round.no,
            deadline: round.deadline,
            answered: Object.keys(round.opinions),
            pending: round.inviteeIds.filter((id) => !round.opinions[id]),
          }
        : null,
      latestReviewHeadline: latest?.summary?.headline ?? null,
      disseminationCoverage: state.dissemination.heldOn
        ? {
            acknowledged: Object.keys(state.dissemination.acknowledged).length,
            audience: state.dissemination.audienceIds.length,
          }
        : null,
      version: state.version,
    };
  };

  const view = (): ProgrammeView => ({ ...summary(), state: publishedState() });

  setHandler(programmeViewQuery, view);

  for (const name of PROGRAMME_ACTIONS) {
    setHandler(
      programmeUpdates[name] as unknown as UpdateDefinition<ProgrammeActionResult, [ActionEnvelope]>,
      (env: ActionEnvelope) => {
        // A retried request (same id) has exactly one effect: the second call only reads.
        if (state.appliedRequestIds.includes(env.requestId)) return summary();
        const now = new Date();
        queue(
          applyAction(
            state,
            template,
            env.actor,
            { name, payload: env.payload } as ProgrammeAction,
            now,
            env.requestId,
          ),
          now,
        );
        pendingTaskStarts.push(...tasksStartedBy(name, state, template, wfId));
        return summary();
      },
      {
        validator: (env: ActionEnvelope) => {
          checkEnvelope(env);
          if (state.appliedRequestIds.includes(env.requestId)) return;
          const refusal = validateAction(
            state,
            env.actor,
            { name, payload: env.payload } as ProgrammeAction,
            new Date(),
          );
          if (refusal) throw refusalFailure(refusal);
        },
      },
    );
  }

  /** Reminders before a review's report deadline, to the people of units that have not reported yet. */
  const reviewReminders = (review: Review, keyPrefix: string, notBefore: number): TimerEvent[] =>
    template.reminderOffsets.flatMap((offset, i) => {
      const at = subtractIsoDuration(Date.parse(review.closesAt), offset).getTime();
      if (at <= notBefore) return [];
      return [
        {
          key: `${keyPrefix}.remind${i}`,
          at,
          fire: (): ProgrammeEffect[] => [
            {
              type: 'notify',
              kind: 'DEADLINE_REMINDER',
              recipientIds: reviewReporters(state, review),
              params: {
                title: state.setup.title,
                step: review.periodLabel,
                what: 'review report',
                deadline: review.closesAt,
              },
            },
          ],
        },
      ];
    });

  /** Everything time decides: reminders, escalations, consultation close, reviews, term end. */
  const dueTimers = (): TimerEvent[] => {
    const events: TimerEvent[] = [];
    const phaseKey = `p${state.phaseSeq}`;
    const entered = Date.parse(state.phaseEnteredAt);
    const finalReviewTimers = state.phase === Phase.FINAL_REVIEW && patched(PATCH_FINAL_REVIEW_TIMERS);
    if (
      state.phaseDeadline &&
      state.phase !== Phase.IMPLEMENTATION &&
      (state.phase !== Phase.FINAL_REVIEW || finalReviewTimers)
    ) {
      const deadline = Date.parse(state.phaseDeadline);
      template.reminderOffsets.forEach((offset, i) => {
        const at = subtractIsoDuration(deadline, offset).getTime();
        if (at <= entered) return; // a reminder earlier than the phase itself is pointless
        events.push({
          key: `${phaseKey}.remind${i}`,
          at,
          fire: () => {
            const a = awaiting(state, new Date());
            return [
              {
                type: 'notify',
                kind: 'DEADLINE_REMINDER',
                recipientIds: a.fromIds,
                params: { title: state.setup.title, step: state.phase, what: a.what, deadline: state.phaseDeadline },
              },
            ];
          },
        });
      });
      if (state.phase === Phase.CONSULTATION) {
        events.push({
          key: `${phaseKey}.close`,
          at: deadline,
          fire: (now) => closeConsultationAtDeadline(state, template, now),
        });
      } else {
        let at = deadline;
        template.escalationOffsets.forEach((offset, i) => {
          at = addIsoDuration(at, offset).getTime();
          events.push({
            key: `${phaseKey}.escalate${i}`,
            at,
            fire: () => {
              const a = awaiting(state, new Date());
              const to =
                i === 0 ? [state.setup.memberInChargeId] : [state.setup.memberInChargeId, state.setup.issuingHeadId];
              return [
                {
                  type: 'audit',
                  action: 'deadline.escalated',
                  actorId: null,
                  before: null,
                  after: { phase: state.phase, level: i + 1, awaitingFrom: a.fromIds },
                },
                {
                  type: 'notify',
                  kind: 'DEADLINE_ESCALATION',
                  recipientIds: [...new Set(to)],
                  params: {
                    title: state.setup.title,
                    step: state.phase,
                    what: a.what,
                    deadline: state.phaseDeadline,
                    level: i + 1,
                  },
                },
              ];
            },
          });
        });
      }
    }
    if (state.phase === Phase.IMPLEMENTATION) {
      for (const review of state.implementation.reviews) {
        if (review.closedAt) continue;
        const opens = Date.parse(review.opensAt);
        const closes = Date.parse(review.closesAt);
        events.push({ key: `rv${review.seq}.open`, at: opens, fire: () => openReview(state, review) });
        events.push(...reviewReminders(review, `rv${review.seq}`, opens));
        events.push({ key: `rv${review.seq}.close`, at: closes, fire: (now) => closeReview(state, review, now) });
      }
      const termEnd = Date.parse(state.implementation.termEndsAt as string);
      events.push({
        key: 'term.end',
        at: termEnd,
        fire: (now) => enterPhase(state, template, Phase.FINAL_REVIEW, now, null, 'term ended'),
      });
    }
    if (state.phase === Phase.FINAL_REVIEW && state.finalReview.review && !state.finalReview.review.closedAt) {
      const review = state.finalReview.review;
      if (finalReviewTimers) events.push(...reviewReminders(review, 'final', entered));
      events.push({
        key: 'final.close',
        at: Date.parse(review.closesAt),
        fire: (now) => closeReview(state, review, now),
      });
    }
    return events.filter((e) => !fired.has(e.key)).sort((a, b) => a.at - b.at || a.key.localeCompare(b.key));
  };

  const fireDueTimers = (): void => {
    for (;;) {
      const now = new Date();
      const next = dueTimers()[0];
      if (!next || next.at > now.getTime()) return;
      fired.add(next.key);
      queue(next.fire(now), now);
      state.version += 1;
    }
  };

  /** Writes the read model, the audit trail and the notification jobs (idempotent activity). */
  const flush = async (): Promise<void> => {
    while (projectionDirty || pendingAudits.length || pendingNotifications.length) {
      if (state.phase !== lastPhase) {
        lastPhase = state.phase;
        upsertSearchAttributes({ [SA_PHASE.name]: [state.phase] });
      }
      projectionDirty = false;
      const audits = pendingAudits.splice(0, MAX_BATCH);
      const notifications = pendingNotifications.splice(0, MAX_BATCH);
      await publishProgrammeChanges({ workflowId: wfId, version: state.version, audits, notifications });
    }
  };

  const continueAsNewAfter = input.continueAsNewAfterEvents ?? DEFAULT_CONTINUE_AS_NEW_AFTER;
  const historyIsLong = () =>
    workflowInfo().continueAsNewSuggested || workflowInfo().historyLength >= continueAsNewAfter;

  // Task workflows report their outcomes here (by this workflow's id, so across continue-as-new).
  setHandler(taskOutcomeSignal, (outcome) => {
    recordTaskOutcome(state, outcome);
    if (historyIsLong()) state.version += 1; // wake the loop so it continues as new
  });

  for (;;) {
    fireDueTimers();
    await flush();
    await startTaskChildren(pendingTaskStarts.splice(0));
    if (isTerminal(state.phase)) break;
    if (historyIsLong()) {
      // Let running update handlers finish and publish what they changed before moving on.
      await condition(allHandlersFinished);
      // Nothing may be left behind: a handler can run while the children start.
      do {
        fireDueTimers();
        await flush();
        await startTaskChildren(pendingTaskStarts.splice(0));
      } while (projectionDirty || pendingAudits.length || pendingNotifications.length || pendingTaskStarts.length);
      if (!isTerminal(state.phase)) {
        const next: CarriedState = { state, firedTimerKeys: [...fired], effectSeq, runs: carried.runs + 1 };
        return continueAsNew<typeof programmeWorkflow>({ ...input, carried: next });
      }
      break;
    }
    const next = dueTimers()[0];
    const wait = next ? Math.max(next.at - Date.now(), 1) : undefined;
    const seenVersion = state.version;
    if (wait === undefined) await condition(() => state.version !== seenVersion);
    else await condition(() => state.version !== seenVersion, wait);
  }
  await condition(allHandlersFinished);
  await flush();
  const final = state.finalReview.review?.summary?.headline ?? null;
  return { programmeId, phase: state.phase, runs: carried.runs, headline: final };
}
