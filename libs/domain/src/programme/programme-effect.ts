import type { ProgrammeState } from './programme-state';

/** What the workflow must do after a change: write the audit trail, notify people. */
export type ProgrammeEffect =
  | {
      type: 'audit';
      action: string;
      actorId: string | null;
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
    }
  | { type: 'notify'; kind: string; recipientIds: string[]; params: Record<string, string | number | null> };

/** Recipients without blanks or repeats, in first-seen order. */
export function uniqueIds(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

/** Who hears of the programme's milestones: the member in charge and the head of the issuing committee. */
export function leadersOf(s: ProgrammeState): string[] {
  return uniqueIds([s.setup.memberInChargeId, s.setup.issuingHeadId]);
}
