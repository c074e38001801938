import type { AuditEffect, NotifyEffect } from '../common/effects';
import type { ProgrammeState } from './programme-state';

/** What the workflow must do after a change: write the audit trail, notify people. */
export type ProgrammeEffect = AuditEffect | Omit<NotifyEffect, 'headOfUnitIds'>;

/** Recipients without blanks or repeats, in first-seen order. */
export function uniqueIds(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

/** Who hears of the programme's milestones: the member in charge and the head of the issuing committee. */
export function leadersOf(s: ProgrammeState): string[] {
  return uniqueIds([s.setup.memberInChargeId, s.setup.issuingHeadId]);
}
