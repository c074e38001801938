import { Actor, hasRole, supervisesFieldGroup } from '../org/actor';
import { Role } from '../org/roles';
import { forbidden, Refusal } from '../programme/refusal';
import type { TaskState } from './task-state';

/** Who may act on a task, by their place in it. */

export const isResponsible = (s: TaskState, a: Actor) => a.personId === s.responsiblePersonId;
export const isAssigner = (s: TaskState, a: Actor) => a.personId === s.setup.assignerId;
/** The task's member in charge, or the supervising member of its field group (who holds the same rights). */
export const isMemberInCharge = (s: TaskState, a: Actor) =>
  (s.setup.memberInChargeId !== null && a.personId === s.setup.memberInChargeId) ||
  supervisesFieldGroup(a, s.setup.fieldGroup);
export const isReviewer = (s: TaskState, a: Actor) => isAssigner(s, a) || isMemberInCharge(s, a);
/** Reassignment (e.g. when cadres rotate): the reviewers, the Standing Committee, or the head of the issuing or responsible unit. */
export const mayReassign = (s: TaskState, a: Actor) =>
  isReviewer(s, a) ||
  hasRole(a, Role.STANDING_COMMITTEE) ||
  (hasRole(a, Role.HEAD) && (a.unitId === s.setup.issuingUnitId || a.unitId === s.responsibleUnitId));

/** The work itself (accepting, reporting, extending, submitting) is the responsible person's alone. */
export const onlyResponsible = (s: TaskState, a: Actor): Refusal | null =>
  isResponsible(s, a) ? null : forbidden('only the person responsible for the task acts on it');
