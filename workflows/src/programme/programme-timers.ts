/**
 * Everything time decides in a programme, as a pure function of its state: reminders before a
 * phase deadline and escalations after it, the consultation closing at its deadline, the quarterly
 * reviews (open, remind, close), the end of the term and the final review. Keys are stable (they
 * are remembered once fired, across continue-as-new), so they must never change meaning.
 */
import {
  addIsoDuration,
  awaiting,
  closeConsultationAtDeadline,
  closeReview,
  consultationReminderAt,
  enterPhase,
  openReview,
  Phase,
  ProgrammeEffect,
  ProgrammeState,
  ProgrammeTemplate,
  Review,
  reviewReporters,
  roundDraftVersion,
  silentInvitees,
  subtractIsoDuration,
} from '@app/domain';
import type { KeyedTimer } from '../common/workflow-runtime';

/** An implementation review by its number, or the final review. */
export type ReviewRef = number | 'FINAL';

export type ProgrammeTimer = KeyedTimer &
  (
    | { kind: 'PHASE_REMINDER' }
    | { kind: 'PHASE_ESCALATION'; level: number }
    | { kind: 'CONSULTATION_CLOSE' }
    | { kind: 'CONSULTATION_REMINDER'; round: number }
    | { kind: 'REVIEW_OPEN' | 'REVIEW_REMINDER' | 'REVIEW_CLOSE'; review: ReviewRef }
    | { kind: 'TERM_END' }
  );

export interface ProgrammeTimerFlags {
  /**
   * The final review reminds its reporters and escalates an unclosed programme: the caller says
   * whether this run has that behaviour (`patched()`, for histories recorded before it existed).
   */
  finalReviewTimers: boolean;
  /**
   * A consultation round reminds its silent invitees once (CONSULTATION_REMINDER), instead of the
   * phase reminders: the caller says whether this run has that behaviour (`patched()`).
   */
  consultationReminders: boolean;
}

/** Every timer the state calls for, fired or not, in no particular order. */
export function programmeTimers(
  s: ProgrammeState,
  template: ProgrammeTemplate,
  flags: ProgrammeTimerFlags,
): ProgrammeTimer[] {
  const timers: ProgrammeTimer[] = [];
  const phaseKey = `p${s.phaseSeq}`;
  const entered = Date.parse(s.phaseEnteredAt);
  if (
    s.phaseDeadline &&
    s.phase !== Phase.IMPLEMENTATION &&
    (s.phase !== Phase.FINAL_REVIEW || flags.finalReviewTimers)
  ) {
    const deadline = Date.parse(s.phaseDeadline);
    const consulting = s.phase === Phase.CONSULTATION;
    if (consulting && flags.consultationReminders) timers.push(...consultationReminder(s, template));
    else
      template.reminderOffsets.forEach((offset, i) => {
        const at = subtractIsoDuration(deadline, offset).getTime();
        // A reminder earlier than the phase itself is pointless.
        if (at > entered) timers.push({ key: `${phaseKey}.remind${i}`, at, kind: 'PHASE_REMINDER' });
      });
    if (consulting) {
      timers.push({ key: `${phaseKey}.close`, at: deadline, kind: 'CONSULTATION_CLOSE' });
    } else {
      let at = deadline;
      template.escalationOffsets.forEach((offset, i) => {
        at = addIsoDuration(at, offset).getTime();
        timers.push({ key: `${phaseKey}.escalate${i}`, at, kind: 'PHASE_ESCALATION', level: i + 1 });
      });
    }
  }
  if (s.phase === Phase.IMPLEMENTATION) {
    for (const review of s.implementation.reviews) {
      if (review.closedAt) continue;
      const opens = Date.parse(review.opensAt);
      const prefix = `rv${review.seq}`;
      timers.push({ key: `${prefix}.open`, at: opens, kind: 'REVIEW_OPEN', review: review.seq });
      timers.push(...reviewReminders(template, review, review.seq, prefix, opens));
      timers.push({
        key: `${prefix}.close`,
        at: Date.parse(review.closesAt),
        kind: 'REVIEW_CLOSE',
        review: review.seq,
      });
    }
    timers.push({ key: 'term.end', at: Date.parse(s.implementation.termEndsAt as string), kind: 'TERM_END' });
  }
  const final = s.finalReview.review;
  if (s.phase === Phase.FINAL_REVIEW && final && !final.closedAt) {
    if (flags.finalReviewTimers) timers.push(...reviewReminders(template, final, 'FINAL', 'final', entered));
    timers.push({ key: 'final.close', at: Date.parse(final.closesAt), kind: 'REVIEW_CLOSE', review: 'FINAL' });
  }
  return timers;
}

/** The open round's one reminder to its silent invitees; keyed by the round, so it fires once per round. */
function consultationReminder(s: ProgrammeState, template: ProgrammeTemplate): ProgrammeTimer[] {
  const round = openRound(s);
  const at = round ? consultationReminderAt(round, template) : null;
  return round && at !== null
    ? [{ key: `c${round.no}.remind`, at, kind: 'CONSULTATION_REMINDER', round: round.no }]
    : [];
}

function openRound(s: ProgrammeState) {
  const last = s.consultations[s.consultations.length - 1];
  return last && last.closedAt === null ? last : null;
}

/** Reminders before a review's report deadline, none before `notBefore`. */
function reviewReminders(
  template: ProgrammeTemplate,
  review: Review,
  ref: ReviewRef,
  keyPrefix: string,
  notBefore: number,
): ProgrammeTimer[] {
  return template.reminderOffsets.flatMap((offset, i): ProgrammeTimer[] => {
    const at = subtractIsoDuration(Date.parse(review.closesAt), offset).getTime();
    return at > notBefore ? [{ key: `${keyPrefix}.remind${i}`, at, kind: 'REVIEW_REMINDER', review: ref }] : [];
  });
}

function reviewOf(s: ProgrammeState, ref: ReviewRef): Review {
  const review = ref === 'FINAL' ? s.finalReview.review : s.implementation.reviews.find((r) => r.seq === ref);
  if (!review) throw new Error(`no review ${ref} in programme ${s.setup.programmeId}`);
  return review;
}

/** What a due timer does to the state, and the effects to record and tell. */
export function fireProgrammeTimer(
  s: ProgrammeState,
  template: ProgrammeTemplate,
  timer: ProgrammeTimer,
  now: Date,
): ProgrammeEffect[] {
  switch (timer.kind) {
    case 'PHASE_REMINDER': {
      const a = awaiting(s, now);
      const params = { title: s.setup.title, step: s.phase, what: a.what, deadline: s.phaseDeadline };
      return [{ type: 'notify', kind: 'DEADLINE_REMINDER', recipientIds: a.fromIds, params }];
    }
    case 'PHASE_ESCALATION': {
      const a = awaiting(s, now);
      const { level } = timer;
      const to = level === 1 ? [s.setup.memberInChargeId] : [s.setup.memberInChargeId, s.setup.issuingHeadId];
      const after = { phase: s.phase, level, awaitingFrom: a.fromIds };
      const params = { title: s.setup.title, step: s.phase, what: a.what, deadline: s.phaseDeadline, level };
      return [
        { type: 'audit', action: 'deadline.escalated', actorId: null, before: null, after },
        { type: 'notify', kind: 'DEADLINE_ESCALATION', recipientIds: [...new Set(to)], params },
      ];
    }
    case 'CONSULTATION_CLOSE':
      return closeConsultationAtDeadline(s, template, now);
    case 'CONSULTATION_REMINDER': {
      const round = s.consultations.find((r) => r.no === timer.round);
      const silent = round && !round.closedAt ? silentInvitees(round) : [];
      if (!round || silent.length === 0) return [];
      const params = {
        title: s.setup.title,
        round: round.no,
        deadline: round.deadline,
        draftVersion: roundDraftVersion(s, round),
      };
      return [{ type: 'notify', kind: 'CONSULTATION_REMINDER', recipientIds: silent, params }];
    }
    case 'REVIEW_OPEN':
      return openReview(s, reviewOf(s, timer.review));
    case 'REVIEW_REMINDER': {
      const review = reviewOf(s, timer.review);
      const params = {
        title: s.setup.title,
        step: review.periodLabel,
        what: 'review report',
        deadline: review.closesAt,
      };
      return [{ type: 'notify', kind: 'DEADLINE_REMINDER', recipientIds: reviewReporters(s, review), params }];
    }
    case 'REVIEW_CLOSE':
      return closeReview(s, reviewOf(s, timer.review), now);
    case 'TERM_END':
      return enterPhase(s, template, Phase.FINAL_REVIEW, now, null, 'term ended');
  }
}
