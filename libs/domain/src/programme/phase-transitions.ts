import { addIsoDuration } from '../time/iso-duration';
import { deadlineAfter, type TemplateInUse } from './deadline-counting';
import { Phase } from './phase';
import { leadersOf, ProgrammeEffect } from './programme-effect';
import type { ProgrammeState } from './programme-state';
import type { ProgrammeTemplate } from './programme-template';
import { wrongPhase, Refusal } from './refusal';
import { openFinalReview, openReview, scheduleReviews } from './reviews';

/** Moving a programme from phase to phase, and the work that starts with a phase. */

/** An action's phase condition: null when the programme is in one of `phases`. */
export function requirePhase(s: ProgrammeState, action: string, ...phases: Phase[]): Refusal | null {
  if (phases.includes(s.phase)) return null;
  return wrongPhase(`${action} is possible in ${phases.join(' or ')}, but the programme is in ${s.phase}`);
}

/** The template's phase after `phase`; CLOSED after the last. */
export function nextPhaseAfter(t: ProgrammeTemplate, phase: Phase): Phase {
  const i = t.phases.indexOf(phase);
  return t.phases[i + 1] ?? Phase.CLOSED;
}

export function enterPhase(
  s: ProgrammeState,
  t: TemplateInUse,
  phase: Phase,
  now: Date,
  actorId: string | null,
  reason: string | null,
  deadlineOverride?: string,
): ProgrammeEffect[] {
  const before = s.phase;
  s.phase = phase;
  s.phaseSeq += 1;
  s.phaseEnteredAt = now.toISOString();
  const duration = t.phaseDurations[phase];
  s.phaseDeadline = deadlineOverride ?? (duration ? deadlineAfter(t, { phase }, now, duration).toISOString() : null);
  s.phaseHistory.push({
    seq: s.phaseSeq,
    phase,
    enteredAt: s.phaseEnteredAt,
    deadline: s.phaseDeadline,
    actorId,
    reason,
  });
  if (phase === Phase.IMPLEMENTATION) startImplementation(s, t, now);
  const opened: ProgrammeEffect[] = [];
  if (phase === Phase.FINAL_REVIEW) opened.push(...openReview(s, openFinalReview(s, t, now)));
  if (s.phaseSeq === 1) return [];
  return [
    ...opened,
    {
      type: 'audit',
      action: 'phase.changed',
      actorId,
      before: { phase: before },
      after: { phase, deadline: s.phaseDeadline, reason },
    },
    {
      type: 'notify',
      kind: 'PHASE_CHANGED',
      recipientIds: leadersOf(s),
      params: { title: s.setup.title, from: before, to: phase, deadline: s.phaseDeadline },
    },
  ];
}

/** Implementation starts the term and schedules its reviews. */
function startImplementation(s: ProgrammeState, t: TemplateInUse, now: Date): void {
  s.implementation.startedAt = now.toISOString();
  const termEnd = addIsoDuration(now, t.term);
  s.implementation.termEndsAt = termEnd.toISOString();
  s.implementation.reviews = scheduleReviews(s, t, now, termEnd);
}
