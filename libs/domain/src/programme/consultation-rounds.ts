/**
 * What a consultation round says of itself: the draft it asks about, who answered and who is
 * silent, whether its quorum is reached, and when the silent are reminded. Pure functions of the state.
 */
import { invalid, type Refusal } from './refusal';
import type { ConsultationRound, ProgrammeState } from './programme-state';
import type { ProgrammeTemplate } from './programme-template';
import { subtractIsoDuration } from '../time/iso-duration';

/**
 * The draft version a round asks about: recorded since rounds kept it; for older rounds, the latest
 * version submitted by the time the round opened (a draft cannot change while a round is open).
 */
export function roundDraftVersion(s: Pick<ProgrammeState, 'drafts'>, round: ConsultationRound): number | null {
  if (round.draftVersion !== undefined) return round.draftVersion;
  const opened = Date.parse(round.openedAt);
  const before = s.drafts.filter((d) => Date.parse(d.at) <= opened);
  return before.length > 0 ? Math.max(...before.map((d) => d.version)) : null;
}

/** Invitees who have answered, in the order they answered. */
export function answeredIds(round: ConsultationRound): string[] {
  return Object.entries(round.opinions)
    .sort(([, a], [, b]) => Date.parse(a.at) - Date.parse(b.at))
    .map(([id]) => id);
}

/** Invitees who have not answered (yet, or at all once the round is closed), in the order invited. */
export function silentInvitees(round: ConsultationRound): string[] {
  return round.inviteeIds.filter((id) => !round.opinions[id]);
}

/** Whether enough invitees answered for the drafting team to close the round before its deadline. */
export function quorumReached(round: ConsultationRound): boolean {
  const answered = answeredIds(round).length;
  return round.quorum !== undefined ? answered >= round.quorum : answered === new Set(round.inviteeIds).size;
}

/** A quorum must be a whole number from 1 to the number of people invited. */
export function quorumProblem(quorum: unknown, inviteeIds: readonly string[]): Refusal | null {
  if (quorum === undefined) return null;
  const invited = new Set(inviteeIds).size;
  if (typeof quorum !== 'number' || !Number.isInteger(quorum) || quorum < 1 || quorum > invited)
    return invalid(`quorum must be a whole number from 1 to the number of people invited (${invited})`);
  return null;
}

/**
 * When a round's silent invitees are reminded, once: at the deadline less the longest of the
 * template's reminder offsets that still falls in the second half of the round (so nobody is urged
 * in the first days); a round too short for every offset is reminded halfway. Offsets are calendar
 * time, as for phase reminders. Null when the round has no time left between opening and deadline.
 */
export function consultationReminderAt(
  round: ConsultationRound,
  template: Pick<ProgrammeTemplate, 'reminderOffsets'>,
): number | null {
  const opened = Date.parse(round.openedAt);
  const deadline = Date.parse(round.deadline);
  if (!(deadline > opened)) return null;
  const halfway = opened + Math.floor((deadline - opened) / 2);
  const candidates = template.reminderOffsets
    .map((offset) => subtractIsoDuration(deadline, offset).getTime())
    .filter((at) => at >= halfway && at < deadline);
  return candidates.length > 0 ? Math.min(...candidates) : halfway;
}
