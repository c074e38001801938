import type { TaskOutcome } from '../task/task-state';
import {
  BreakthroughEffect,
  BreakthroughPhase,
  BreakthroughState,
  BreakthroughSummary,
  RegistrationStatus,
} from './breakthrough-state';
import { cycleFigures, resultFrom } from './breakthrough-figures';

/** What the cycle's deadlines bring: windows closing, reminders before them, the year's evaluation. */

/** The registration window closes (by the Standing Committee, or at its deadline): appraisal begins. */
export function closeRegistration(s: BreakthroughState, actorId: string | null): BreakthroughEffect[] {
  if (s.phase !== BreakthroughPhase.REGISTRATION) return [];
  s.phase = BreakthroughPhase.APPRAISAL;
  return [
    { type: 'audit', action: 'registration.closed', actorId, after: { registered: s.registrations.length } },
    {
      type: 'notify',
      kind: 'DEADLINE_REMINDER',
      recipientIds: s.setup.appraiserIds,
      params: {
        title: s.setup.title,
        step: 'APPRAISAL',
        what: `appraise ${s.registrations.length} registrations`,
        deadline: s.setup.appraisalDeadline,
      },
    },
  ];
}

/** Appraisal ends: what was never appraised (or never revised) is not carried out this year. */
export function closeAppraisal(s: BreakthroughState, actorId: string | null): BreakthroughEffect[] {
  if (s.phase !== BreakthroughPhase.APPRAISAL) return [];
  for (const r of s.registrations)
    if (r.status === 'REGISTERED' || r.status === 'REVISION_REQUESTED') r.status = 'NOT_APPRAISED';
  s.phase = BreakthroughPhase.IMPLEMENTATION;
  const count = (st: RegistrationStatus) => s.registrations.filter((r) => r.status === st).length;
  return [
    {
      type: 'audit',
      action: 'appraisal.closed',
      actorId,
      after: { approved: count('APPROVED'), rejected: count('REJECTED'), notAppraised: count('NOT_APPRAISED') },
    },
  ];
}

/** At the year's end each approved registration is evaluated from its task's reported outcome. */
export function evaluateAtYearEnd(s: BreakthroughState): BreakthroughEffect[] {
  if (s.phase === BreakthroughPhase.REGISTRATION) closeRegistration(s, null);
  if (s.phase === BreakthroughPhase.APPRAISAL) closeAppraisal(s, null);
  for (const r of s.registrations)
    if (r.status === 'APPROVED') r.result = resultFrom(r.taskId ? s.taskOutcomes[r.taskId] : undefined, true);
  const { organisations, individuals, byContentGroup, ...all } = cycleFigures(s);
  const summary: BreakthroughSummary = {
    ...all,
    headline: `${all.doneOnTime}/${all.approved} done on time`,
    organisations,
    individuals,
    byContentGroup,
  };
  s.summary = summary;
  s.phase = BreakthroughPhase.CLOSED;
  s.version += 1;
  return [
    { type: 'audit', action: 'year.evaluated', actorId: null, after: { ...summary } },
    {
      type: 'notify',
      kind: 'REVIEW_CLOSED',
      recipientIds: [
        ...new Set([...s.setup.appraiserIds, ...(s.setup.memberInChargeId ? [s.setup.memberInChargeId] : [])]),
      ],
      params: { title: s.setup.title, period: String(s.setup.year), headline: summary.headline },
    },
  ];
}

/** Reminders before the registration and appraisal deadlines: who is still awaited. */
export function breakthroughReminder(s: BreakthroughState, step: 'REGISTRATION' | 'APPRAISAL'): BreakthroughEffect[] {
  if (step === 'REGISTRATION') {
    const registered = new Set(s.registrations.map((r) => r.unitId));
    const silent = s.setup.invitedUnitIds.filter((u) => !registered.has(u));
    return silent.length
      ? [
          {
            type: 'notify',
            kind: 'DEADLINE_REMINDER',
            recipientIds: [],
            headOfUnitIds: silent,
            params: {
              title: s.setup.title,
              step,
              what: 'register breakthrough tasks',
              deadline: s.setup.registrationDeadline,
            },
          },
        ]
      : [];
  }
  const pending = s.registrations.filter((r) => r.status === 'REGISTERED').length;
  const revising = s.registrations.filter((r) => r.status === 'REVISION_REQUESTED').map((r) => r.registrantId);
  const effects: BreakthroughEffect[] = [];
  if (pending)
    effects.push({
      type: 'notify',
      kind: 'DEADLINE_REMINDER',
      recipientIds: s.setup.appraiserIds,
      params: {
        title: s.setup.title,
        step,
        what: `appraise ${pending} registrations`,
        deadline: s.setup.appraisalDeadline,
      },
    });
  if (revising.length)
    effects.push({
      type: 'notify',
      kind: 'DEADLINE_REMINDER',
      recipientIds: [...new Set(revising)],
      params: { title: s.setup.title, step, what: 'revise your registration', deadline: s.setup.appraisalDeadline },
    });
  return effects;
}

export function recordBreakthroughOutcome(s: BreakthroughState, o: TaskOutcome): void {
  s.taskOutcomes[o.taskId] = o;
}
