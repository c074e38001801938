import type { Actor } from '../org/actor';
import type { ProgrammeState } from './programme-state';

/**
 * The steering committee (ban chỉ đạo) named at issuance: its head and members direct the programme,
 * so they read it and its tasks wherever they work, receive its review and escalation notices, and
 * record inspections (see docs/field-groups.md).
 */

/** The people of a programme's steering committee, head first; empty when it has none. */
export function steeringCommitteeIds(s: Pick<ProgrammeState, 'issuance'>): string[] {
  const sc = s.issuance?.steeringCommittee;
  if (!sc) return [];
  return [...new Set([sc.headId, ...(sc.memberIds ?? [])])];
}

export const isSteeringMember = (s: ProgrammeState, a: Actor) => steeringCommitteeIds(s).includes(a.personId);

/** Notices the steering committee receives besides their own addressees: reviews opened and closed, escalations. */
export const STEERING_NOTICE_KINDS: readonly string[] = ['REVIEW_OPENED', 'REVIEW_CLOSED', 'DEADLINE_ESCALATION'];

/** The recipients of a programme's notice of `kind`, with its steering committee added where it receives that kind. */
export function withSteeringCommittee(
  kind: string,
  recipientIds: readonly string[],
  s: Pick<ProgrammeState, 'issuance'>,
): string[] {
  if (!STEERING_NOTICE_KINDS.includes(kind)) return [...recipientIds];
  return [...new Set([...recipientIds, ...steeringCommitteeIds(s)])];
}
