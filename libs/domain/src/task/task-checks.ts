import { MAX_EVIDENCE_REFS, MAX_REFERENCE_LENGTH } from '../limits';
import { invalid, Refusal, wrongPhase } from '../programme/refusal';
import { TaskStatus, type TaskState } from './task-state';

/** Checks of task payload fields and statuses: pure, each the first reason to refuse, or null. */

/** Statuses in which the responsible person is working on the task. */
export const WORKING: readonly TaskStatus[] = [TaskStatus.ACCEPTED, TaskStatus.IN_PROGRESS, TaskStatus.RETURNED];

export function evidence(value: unknown): Refusal | null {
  if (value === undefined) return null;
  if (
    !Array.isArray(value) ||
    value.some((v) => typeof v !== 'string' || v.trim() === '' || v.length > MAX_REFERENCE_LENGTH)
  )
    return invalid(
      `evidenceRefs must be a list of references such as a document number (at most ${MAX_REFERENCE_LENGTH} characters each)`,
    );
  if (value.length > MAX_EVIDENCE_REFS) return invalid(`evidenceRefs has more than ${MAX_EVIDENCE_REFS} entries`);
  return null;
}

export function requireStatus(s: TaskState, action: string, statuses: readonly TaskStatus[]): Refusal | null {
  if (statuses.includes(s.status)) return null;
  return wrongPhase(`${action} is possible when the task is ${statuses.join(' or ')}, but it is ${s.status}`);
}
